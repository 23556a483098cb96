import type { Handlers } from '../handler';
import { readBasicSettings } from './settings';

export const systemHandlers: Handlers<'system.info'> = {
  'system.info': (ctx) => ({
    appVersion: ctx.env.appVersion,
    schemaVersion: ctx.env.schemaVersion,
    nodeId: ctx.env.nodeId,
    unitName: readBasicSettings(ctx).unitName,
    dataDir: ctx.env.dataDir,
    transport: ctx.transport,
    caller: { username: ctx.caller.username, role: ctx.caller.role },
  }),
};
