import type { z } from 'zod';
import type { basicSettings } from '../../contract/channels/settings';
import { readSetting, writeSetting } from '../../../db/repos/settings';
import type { HandlerContext, Handlers } from '../handler';

type Basic = z.output<typeof basicSettings>;
const defaults: Basic = { unitName: '', level: 'county' };

export function readBasicSettings(ctx: Pick<HandlerContext, 'db'>): Basic {
  return {
    unitName: readSetting(ctx.db, 'unitName', defaults.unitName),
    level: readSetting(ctx.db, 'level', defaults.level),
  };
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': (ctx) => readBasicSettings(ctx),
  'settings.update': (ctx, input) => {
    const before = readBasicSettings(ctx);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['unitName', 'level'] as const) {
      const value = input[key];
      if (value !== undefined && value !== before[key]) {
        writeSetting(ctx.db, key, value, ctx.caller.username, ctx.now);
        changed[key] = { from: before[key], to: value };
      }
    }
    ctx.audit('settings', { changed });
    return readBasicSettings(ctx);
  },
};
