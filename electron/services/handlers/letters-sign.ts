import { AppError } from '../../contract';
import { unitFacts } from '../../../db/repos/org';
import type { Handlers } from '../handler';
import { signLetter } from './letters';
import { mustPlan, requireRule } from './plans';

/**
 * Signings registered many at once, in the call's one transaction: every row goes through letters.sign's own
 * checks (signLetter); a refused row writes nothing and is listed with the refusal, the others are signed, each
 * with its own audit entry.
 */
export const lettersSignHandlers: Handlers<'letters.signMany'> = {
  'letters.signMany': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const names = new Map(unitFacts(ctx.sqlite).map((u) => [u.unitId, u.name]));
    const signed: number[] = [];
    const failed: { unitId: number; unitName: string; message: string }[] = [];
    const seen = new Set<number>();
    for (const row of input.rows) {
      const unitName = names.get(row.unitId) ?? `单位 ${row.unitId}`;
      if (seen.has(row.unitId)) {
        failed.push({ unitId: row.unitId, unitName, message: '重复选择，只按第一行处理。' });
        continue;
      }
      seen.add(row.unitId);
      try {
        const { unit, detail } = signLetter(ctx, plan, row);
        ctx.auditEach(`letter:${plan.year}:${unit.code}`, detail);
        signed.push(unit.unitId);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        failed.push({ unitId: row.unitId, unitName, message: e.message });
      }
    }
    ctx.audit(`letters:${plan.year}`, { kind: 'signings', signed: signed.length, failed: failed.length });
    return { signed, failed };
  },
};
