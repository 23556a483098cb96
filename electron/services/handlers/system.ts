import { firstRunChecklist } from '../../core';
import { firstRunCounts } from '../../../db/repos/first-run';
import { selfUnit } from '../../../db/exchange-scope';
import type { HandlerContext, Handlers } from '../handler';
import { readBasicSettings } from './settings';

function unitModeOf(ctx: HandlerContext) {
  const unit = selfUnit(ctx.sqlite);
  return unit ? { unitName: unit.name } : null;
}

export const systemHandlers: Handlers<'system.info' | 'system.firstRun'> = {
  'system.info': (ctx) => ({
    appVersion: ctx.env.appVersion,
    schemaVersion: ctx.env.schemaVersion,
    nodeId: ctx.env.nodeId,
    unitName: readBasicSettings(ctx).unitName,
    dataDir: ctx.env.dataDir,
    transport: ctx.transport,
    demo: ctx.env.demo,
    unitMode: unitModeOf(ctx),
    caller: { username: ctx.caller.username, role: ctx.caller.role },
  }),
  'system.firstRun': (ctx) => {
    const s = readBasicSettings(ctx);
    const items = firstRunChecklist(ctx.caller.role, {
      ...firstRunCounts(ctx.sqlite),
      unitName: s.unitName,
      issuingBodies: s.issuingBodies.length,
    });
    return { items, allDone: items.every((i) => i.done) };
  },
};
