import { AppError, type ChannelOutput } from '../../contract';
import { MANY_LETTERS } from '../../contract/channels/letters';
import { lettersOf } from '../../../db/repos/letters';
import type { Handlers } from '../handler';
import { planUnits } from './letters-list';
import { mustPlan, requireRule } from './plans';

/** Letters a step: about twenty steps for a small batch (the bar moves), at most MANY_LETTERS for a city. */
export const stepSize = (total: number) => Math.min(MANY_LETTERS, Math.max(1, Math.ceil(total / 20)));

/**
 * A batch generates the letters that are missing, voided or out of date, and counts the current ones it skipped:
 * printing a current letter again takes a new number and voids the old, a separate action with a reason
 * (letters.reissue). It runs as steps of letters.generateMany: each renders its letters on the worker pool and
 * registers them in one transaction, and the job's counts move as each step commits. Cancel stops the step under
 * way after the letters already rendered (they are registered, the rest are not), so it takes effect within about
 * one letter's time. The bound volumes of the plan's current letters close the batch.
 */
export const lettersBatchHandlers: Handlers<'letters.batch'> = {
  'letters.batch': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const letters = lettersOf(ctx.sqlite, plan.id);
    const signed = new Set(letters.filter((l) => l.signedDate).map((l) => l.unitId));
    const units = planUnits(ctx, plan, letters).filter(
      (u) => (!input.unitIds || input.unitIds.includes(u.unitId)) && !signed.has(u.unitId),
    );
    if (units.length === 0)
      throw new AppError('RULE_VIOLATION', '没有需要生成责任书的单位（没有目标任务，或均已签订）。');
    const { caller, transport, app } = ctx;
    return app.jobs.start(
      caller.username,
      { kind: 'letters', title: `批量生成${plan.year}年度目标责任书` },
      units.length,
      async (job) => {
        const queue = units.map((u) => u.unitId);
        const size = stepSize(queue.length);
        while (queue.length && !job.cancelled) {
          const unitIds = queue.splice(0, size);
          const r = (await app.callAs(
            caller,
            transport,
            'letters.generateMany',
            { planId: plan.id, unitIds },
            { signal: job.signal },
          )) as ChannelOutput<'letters.generateMany'>;
          r.generated.forEach(() => job.step(true));
          r.skipped.forEach(() => job.skip());
          r.failed.forEach((f) => job.step(false, { item: f.item, message: f.message }));
          if (r.generated.length + r.skipped.length + r.failed.length === 0 && !job.cancelled)
            throw new AppError('CONFLICT', '批量生成没有进展（文号被反复占用），已停止；请稍后重试。');
          queue.unshift(...r.remaining);
        }
        // stopped with letters still to do, or nothing new (the combined volume of the current letters is already
        // registered); a cancel that came after the last letter was registered still gets its volume
        if (queue.length || job.succeeded === 0) return;
        const c = (await app.callAs(caller, transport, 'letters.combine', { planId: plan.id })) as {
          documentId: number;
          fileName: string;
          volumes: unknown[];
        };
        job.finish({
          documentId: c.documentId,
          fileName: c.volumes.length > 1 ? `合订本共 ${c.volumes.length} 册（见“公文登记”）` : c.fileName,
        });
      },
    );
  },
};
