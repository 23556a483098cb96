import { AppError } from '../../contract';
import { letterOf, lettersOf } from '../../../db/repos/letters';
import { planById, planUuid } from '../../../db/repos/plans';
import { unitFacts } from '../../../db/repos/org';
import { findUserByName } from '../../../db/repos/users';
import type { Handlers } from '../handler';
import { current, planUnits, upToDate } from './letters';
import { mustPlan, requireRule } from './plans';
import { readBasicSettings } from './settings';

/**
 * A batch generates the letters that are missing, voided or out of date, one call each, and counts the current ones
 * it skipped: printing a current letter again takes a new number and voids the old, a separate action with a reason
 * (letters.reissue).
 */
export const lettersBatchHandlers: Handlers<'letters.batch'> = {
  'letters.batch': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const signed = new Set(
      lettersOf(ctx.sqlite, plan.id)
        .filter((l) => l.signedDate)
        .map((l) => l.unitId),
    );
    const units = planUnits(ctx, plan).filter(
      (u) => (!input.unitIds || input.unitIds.includes(u.unitId)) && !signed.has(u.unitId),
    );
    if (units.length === 0)
      throw new AppError('RULE_VIOLATION', '没有需要生成责任书的单位（没有目标任务，或均已签订）。');
    const { caller, transport, app } = ctx;
    const uuid = planUuid(ctx.sqlite, plan.id)!;
    return app.jobs.start(
      caller.username,
      { kind: 'letters', title: `批量生成${plan.year}年度目标责任书` },
      units.length,
      async (job) => {
        // between letters: the same database, the same plan, and someone still entitled to do this
        const stillValid = (): string | null => {
          if (app.busy()) return '数据正在从备份恢复，批量生成已停止；恢复后请重新开始。';
          const { db, sqlite } = app.database();
          const p = planById(sqlite, plan.id);
          if (!p || planUuid(sqlite, plan.id) !== uuid) return '方案已不存在（数据可能已从备份恢复），批量生成已停止。';
          if (p.state !== 'published') return '方案状态已改变，批量生成已停止。';
          const user = caller.userId === null ? null : findUserByName(db, caller.username);
          if (caller.userId !== null && (!user || user.disabled || user.role !== caller.role))
            return `账号“${caller.username}”已停用或角色已变更，批量生成已停止。`;
          return null;
        };
        // read when its turn comes: a letter generated or changed while the batch runs is judged as it is then
        const isCurrent = (unitId: number): boolean => {
          const live = app.database();
          const p = planById(live.sqlite, plan.id);
          const unit = unitFacts(live.sqlite, [unitId])[0];
          if (!p || !unit) return false;
          const letter = letterOf(live.sqlite, plan.id, unitId);
          return upToDate(letter, current(live, readBasicSettings(live), p, unit).fingerprint);
        };
        for (const u of units) {
          if (job.cancelled) return;
          const stop = stillValid();
          if (stop) throw new AppError('CONFLICT', stop);
          if (isCurrent(u.unitId)) {
            job.skip();
            continue;
          }
          try {
            await app.callAs(caller, transport, 'letters.generate', { planId: plan.id, unitId: u.unitId });
            job.step(true);
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            job.step(false, { item: `${u.code} ${u.name}`, message });
            // a full or read-only disk fails every letter after it: stop and say so once
            if (e instanceof AppError && e.code === 'STORAGE') throw e;
          }
        }
        // nothing new: the combined volume of the current letters is already registered
        if (job.cancelled || job.succeeded === 0) return;
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
