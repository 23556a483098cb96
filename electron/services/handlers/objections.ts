import { AppError } from '../../contract';
import {
  type ScoringUnit,
  objectionLifecycle,
  objectionReceiptProblem,
  publicationLifecycle,
  publicationStateOn,
  scoringProblems,
} from '../../core';
import { type PlanRecord, planById } from '../../../db/repos/plans';
import {
  type Correction,
  insertObjectionRow,
  latestSnapshot,
  nextObjectionNo,
  objectionById,
  type ObjectionRecord,
  publicationById,
  setObjectionAnswer,
  setObjectionCorrections,
  setObjectionInvestigating,
  setObjectionRescored,
} from '../../../db/repos/publication';
import type { HandlerContext, Handlers } from '../handler';
import { requireStep } from '../lifecycle';
import { todayOf } from '../org/write';
import { entryLockProblem } from '../scoring/guard';
import { planPublication } from '../scoring/publication';
import { readSnapshot, refreezeAfterObjection, rescoreEntries } from '../scoring/snapshots';
import { scoringIndicators } from '../scoring/year';
import { mustPlan } from './plans';
import { viewOf } from './publication';

/** 异议: registered within the period, investigated, answered; an upheld one on a unit's score re-scores that unit. */

function mustObjection(ctx: HandlerContext, id: number): { o: ObjectionRecord; plan: PlanRecord } {
  const o = objectionById(ctx.sqlite, id);
  const pub = o && publicationById(ctx.sqlite, o.publicationId);
  const plan = pub?.subjectKind === 'plan_results' ? planById(ctx.sqlite, pub.subjectId) : undefined;
  if (!o || !plan) throw new AppError('NOT_FOUND', '没有找到这件异议，请刷新。');
  return { o, plan };
}

const subject = (o: ObjectionRecord) => `异议第${o.no}号：`;

/** The objection may lead to a re-score: upheld, on a unit, not yet frozen again. */
function requireRescoring(ctx: HandlerContext, o: ObjectionRecord, plan: PlanRecord) {
  requireStep(ctx, objectionLifecycle, o.state, 'rescore', { subject: subject(o) });
  if (o.outcome !== 'upheld')
    throw new AppError('RULE_VIOLATION', `异议第${o.no}号经调查不成立，结果已冻结，只有异议成立后才能重新评分。`);
  if (o.unitId === null) throw new AppError('RULE_VIOLATION', `异议第${o.no}号未涉及具体单位的得分，无需重新评分。`);
  if (o.rescoreSnapshotId !== null)
    throw new AppError(
      'RULE_VIOLATION',
      `异议第${o.no}号的重新评分已冻结为第 ${o.rescoreSnapshotNo} 次结果，结果已冻结，不能再改。`,
    );
  const lock = entryLockProblem(ctx.sqlite, plan, o.unitId);
  if (lock) throw new AppError('RULE_VIOLATION', lock);
  return o.unitId;
}

const keyOf = (c: { indicatorId: number; targetId?: number | null }) => `${c.indicatorId}:${c.targetId ?? ''}`;

export const objectionsHandlers: Handlers<
  'objections.register' | 'objections.investigate' | 'objections.answer' | 'objections.rescore' | 'objections.refreeze'
> = {
  'objections.register': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const pub = planPublication(ctx.sqlite, plan.id);
    if (!pub) throw new AppError('RULE_VIOLATION', `${plan.year}年度的考核结果尚未公示，没有可登记的异议。`);
    const today = todayOf(ctx.now);
    requireStep(ctx, publicationLifecycle, publicationStateOn(pub, today), 'receive', { subject: '考核结果' });
    const late = objectionReceiptProblem(pub, input.receivedDate, today);
    if (late)
      throw new AppError('RULE_VIOLATION', late, {
        fields: [{ path: 'receivedDate', message: '超出公示期或日期有误' }],
      });
    const unitId = input.unitId ?? null;
    if (unitId !== null) {
      const snap = readSnapshot(ctx.sqlite, latestSnapshot(ctx.sqlite, plan.id)!);
      if (!snap.scores.units.some((u) => u.unitId === unitId))
        throw new AppError('INVALID_INPUT', '所涉单位不在公示的考核结果中。', {
          fields: [{ path: 'unitId', message: '请选择公示名单中的单位' }],
        });
    }
    const no = nextObjectionNo(ctx.sqlite, pub.id);
    const id = insertObjectionRow(ctx.records, {
      publicationId: pub.id,
      no,
      raiserName: input.raiserName,
      raiserUnit: input.raiserUnit,
      raiserContact: input.raiserContact,
      receivedDate: input.receivedDate,
      content: input.content,
      unitId,
      registeredBy: ctx.caller.username,
    });
    ctx.audit(`objection:${id}`, { publication: pub.id, no, receivedDate: input.receivedDate, unitId });
    return viewOf(ctx, plan);
  },
  'objections.investigate': (ctx, input) => {
    const { o, plan } = mustObjection(ctx, input.id);
    requireStep(ctx, objectionLifecycle, o.state, 'investigate', {
      fields: { investigation: input.investigation },
      subject: subject(o),
    });
    setObjectionInvestigating(ctx.records, o.id, input.investigation.trim());
    ctx.audit(`objection:${o.id}`, { no: o.no, investigation: input.investigation.trim() });
    return viewOf(ctx, plan);
  },
  'objections.answer': (ctx, input) => {
    const { o, plan } = mustObjection(ctx, input.id);
    requireStep(ctx, objectionLifecycle, o.state, 'answer', {
      fields: { outcome: input.outcome, answer: input.answer },
      subject: subject(o),
    });
    setObjectionAnswer(ctx.records, o.id, {
      outcome: input.outcome,
      answer: input.answer.trim(),
      answeredDate: todayOf(ctx.now),
      answeredBy: ctx.caller.username,
    });
    const reopens = input.outcome === 'upheld' && o.unitId !== null;
    ctx.audit(`objection:${o.id}`, {
      no: o.no,
      outcome: input.outcome,
      answer: input.answer.trim(),
      ...(reopens ? { rescoringOpened: o.unitName } : {}),
    });
    return viewOf(ctx, plan);
  },
  /** The office's corrected inputs for the objected unit, kept with the objection until the new snapshot. */
  'objections.rescore': (ctx, input) => {
    const { o, plan } = mustObjection(ctx, input.id);
    const unitId = requireRescoring(ctx, o, plan);
    const snap = readSnapshot(ctx.sqlite, latestSnapshot(ctx.sqlite, plan.id)!);
    const frozen = snap.scores.units.find((u) => u.unitId === unitId)!;
    const lines = new Map(frozen.lines.map((l) => [keyOf(l), l]));
    const merged = new Map<string, Correction>(o.corrections.map((c) => [keyOf(c), c]));
    for (const e of input.entries) {
      const c: Correction = { indicatorId: e.indicatorId, targetId: e.targetId ?? null, input: e.input };
      if (!lines.has(keyOf(c)))
        throw new AppError('INVALID_INPUT', `更正的指标（编号 ${e.indicatorId}）不在${frozen.name}的考核内容中。`);
      merged.set(keyOf(c), c);
    }
    const corrections = [...merged.values()];
    const unit: ScoringUnit = {
      id: frozen.unitId,
      code: frozen.code,
      name: frozen.name,
      categoryId: frozen.categoryId,
      categoryName: frozen.categoryName,
    };
    const problems = scoringProblems(
      scoringIndicators(ctx.sqlite, plan.id).list,
      [unit],
      rescoreEntries(ctx.sqlite, plan, frozen, { no: o.no, corrections }, todayOf(ctx.now)),
    );
    if (problems.length) throw new AppError('INVALID_INPUT', `更正的得分有误：${problems.slice(0, 5).join('；')}`);
    setObjectionCorrections(ctx.records, o.id, corrections);
    ctx.audit(`objection:${o.id}`, {
      no: o.no,
      unit: frozen.name,
      corrected: input.entries.map((e) => ({
        indicator: lines.get(keyOf({ indicatorId: e.indicatorId, targetId: e.targetId ?? null }))!.name,
        from: lines.get(keyOf({ indicatorId: e.indicatorId, targetId: e.targetId ?? null }))!.input,
        to: e.input,
      })),
    });
    return viewOf(ctx, plan);
  },
  /** The re-scored unit frozen again: a new snapshot whose reason is the objection and its answer; the old kept. */
  'objections.refreeze': (ctx, input) => {
    const { o, plan } = mustObjection(ctx, input.id);
    requireRescoring(ctx, o, plan);
    const r = refreezeAfterObjection(ctx.sqlite, ctx.records, plan, o, ctx.caller.username, todayOf(ctx.now));
    if (!r.ok)
      throw new AppError('RULE_VIOLATION', `重新评分的结果有问题，不能冻结：${r.problems.slice(0, 5).join('；')}`);
    setObjectionRescored(ctx.records, o.id, r.head.id);
    ctx.audit(`plan:${plan.year}`, {
      snapshot: r.head.no,
      reason: r.head.reason,
      objection: o.no,
      unit: o.unitName,
      total: { from: r.before.total, to: r.after.total },
    });
    return viewOf(ctx, plan);
  },
};
