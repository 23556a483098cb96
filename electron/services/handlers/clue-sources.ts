import { AppError } from '../../contract';
import { deadlineState, noticeLifecycle } from '../../core';
import { findingRating, noticeKind } from '../../vocab';
import { requireStep } from '../lifecycle';
import type { HandlerContext, Handlers } from '../handler';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import { clueOut } from '../accountability/view';
import { clueById, clueOfSource, fileClue, findingForClue, uuidOf } from '../../../db/repos/clues';
import { noticeById } from '../../../db/repos/notices';
import { planById, planUuid } from '../../../db/repos/plans';
import { unitById } from '../../../db/repos/org';
import { resultsView } from '../scoring/results-view';

/**
 * Registers that hand a record to accountability as a 问责线索 (the rectification items do it in rectify.ts): an
 * overdue notice, a lagging 督查发现, a unit's vetoed or low result in a plan. A record becomes at most one clue.
 */

/** A unit's result in a plan, as a clue's source: the plan's and the unit's UUIDs (no one row holds a result). */
export const resultSource = (planUuid: string, unitUuid: string) => `${planUuid}/${unitUuid}`;

function filed(ctx: HandlerContext, id: number) {
  return clueOut(ctx.sqlite, clueById(ctx.sqlite, id)!);
}

export const clueSourcesHandlers: Handlers<'notices.escalate' | 'findings.escalate' | 'results.toClue'> = {
  'notices.escalate': (ctx, input) => {
    const n = noticeById(ctx.sqlite, input.id);
    if (!n) throw new AppError('NOT_FOUND', '没有找到这份通知书，请刷新。');
    requireStep(ctx, noticeLifecycle, n.state, 'escalate', { fields: input });
    const today = todayOf(ctx.now);
    const deadline = n.extendedTo ?? n.replyBy;
    if (deadlineState(today, deadline, calendarAround(ctx, today)) !== 'overdue')
      throw new AppError('RULE_VIOLATION', `只有逾期未回复的通知书可以转为问责线索（这份通知书的期限为${deadline}）。`);
    const uuid = uuidOf(ctx.sqlite, 'notices', n.id)!;
    if (clueOfSource(ctx.sqlite, 'notice', uuid)) throw new AppError('CONFLICT', '这份通知书已转为问责线索。');
    const { id } = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'notice',
      sourceUuid: uuid,
      sourceLabel: `${n.number ?? noticeKind.label(n.kind)} 逾期未回复`,
      unitId: n.unitId,
      personId: null,
      summary: `${n.reason}（回复期限 ${deadline}）。转问责理由：${input.reason}`,
      receivedOn: today,
      createdBy: ctx.caller.username,
    });
    ctx.audit(`notice:${n.id}`, { escalated: input.reason, clue: id });
    return filed(ctx, id);
  },
  'findings.escalate': (ctx, input) => {
    const f = findingForClue(ctx.sqlite, input.id);
    if (!f) throw new AppError('NOT_FOUND', '没有找到这条督查发现，请刷新。');
    if (f.rating === 'on_track') throw new AppError('RULE_VIOLATION', '正常推进的督查发现不能转为问责线索。');
    if (clueOfSource(ctx.sqlite, 'finding', f.uuid)) throw new AppError('CONFLICT', '这条督查发现已转为问责线索。');
    const { id } = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'finding',
      sourceUuid: f.uuid,
      sourceLabel: `${f.checkTitle}（${findingRating.label(f.rating as 'lagging')}）`,
      unitId: f.unitId,
      personId: null,
      summary: `${f.description}。转问责理由：${input.reason}`,
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    ctx.audit(`finding:${input.id}`, { escalated: input.reason, clue: id });
    return filed(ctx, id);
  },
  'results.toClue': (ctx, input) => {
    const plan = planById(ctx.sqlite, input.planId);
    if (!plan) throw new AppError('NOT_FOUND', '没有找到这个考核方案，请刷新。');
    const v = resultsView(ctx.sqlite, plan, todayOf(ctx.now));
    if (v.problems.length) throw new AppError('RULE_VIOLATION', `结果尚不能计算：${v.problems[0]}`);
    const u = v.categories.flatMap((c) => c.units).find((x) => x.unitId === input.unitId);
    if (!u) throw new AppError('NOT_FOUND', '这个单位不在本方案的考核结果中，请刷新。');
    const low = input.threshold !== undefined && u.total < input.threshold;
    if (!u.vetoed && !low)
      throw new AppError(
        'RULE_VIOLATION',
        input.threshold === undefined
          ? `${u.name}未被一票否决；要按低分转为问责线索，请填写低分线。`
          : `${u.name}总分 ${u.total} 分，不低于低分线 ${input.threshold} 分，也未被一票否决，不能转为问责线索。`,
      );
    const source = resultSource(planUuid(ctx.sqlite, plan.id)!, unitById(ctx.sqlite, u.unitId)!.uuid);
    const existing = clueOfSource(ctx.sqlite, 'score', source);
    if (existing)
      throw new AppError(
        'CONFLICT',
        `${u.name}在${plan.year}年度考核中的结果已转为问责线索（${existing.receivedOn}）。`,
      );
    const why = [
      u.vetoed ? '一票否决' : null,
      low ? `低于低分线 ${input.threshold} 分` : null,
      u.complete ? null : '尚未评完',
    ].filter(Boolean);
    const { id } = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'score',
      sourceUuid: source,
      sourceLabel: `${plan.year}年度考核：总分 ${u.total} 分，${u.grade ?? '等次待定'}（${why.join('，')}）`,
      unitId: u.unitId,
      personId: null,
      summary:
        `${u.name}在${plan.title}中总分 ${u.total} 分，排名第 ${u.rank}/${u.of}，${why.join('，')}。` +
        `转问责理由：${input.reason}`,
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    ctx.audit(`plan:${plan.id}`, {
      clue: id,
      unit: u.code,
      total: u.total,
      vetoed: u.vetoed,
      threshold: input.threshold,
    });
    return filed(ctx, id);
  },
};
