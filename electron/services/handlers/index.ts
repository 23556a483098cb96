import type { HandlerMap } from '../handler';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';

/** One handler per contract channel; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...settingsHandlers,
};
