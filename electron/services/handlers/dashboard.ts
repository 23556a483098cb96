import type { z } from 'zod';
import { AppError, type Channels } from '../../contract';
import {
  type CompletionTrend,
  type TrendTarget,
  baseKinds,
  completionTrend,
  gradeCounts,
  heatMatrix,
  quartersReached,
  rankingBars,
} from '../../core';
import { memoRead } from '../../../db/read-memo';
import { targetQuarters } from '../../../db/repos/dashboard';
import { listPlans, type PlanRecord } from '../../../db/repos/plans';
import { storedMilestones } from '../excel/target-import';
import type { HandlerContext, Handlers } from '../handler';
import { todayOf } from '../org/write';
import { latestResults } from '../scoring/results-view';
import { scoringRulesOf } from '../scoring/rules';
import { scoringIndicators } from '../scoring/year';

type Output = z.output<Channels['dashboard.get']['output']>;

/** The plan states in which a plan has results to draw (live while scoring, then published, then archived). */
const scored = new Set<PlanRecord['state']>(['scoring', 'results', 'closed']);

export const dashboardHandlers: Handlers<'dashboard.get'> = {
  'dashboard.get': (ctx, input) => {
    const plans = listPlans(ctx.sqlite);
    const today = todayOf(ctx.now);
    const picked = input.planId
      ? plans.find((p) => p.id === input.planId)
      : (plans.find((p) => scored.has(p.state)) ?? plans[0]);
    if (input.planId && !picked) throw new AppError('NOT_FOUND', '没有找到这个考核方案，请刷新。');
    const list = plans.map(planOf);
    if (!picked)
      return {
        plans: list,
        plan: null,
        today,
        trend: completionTrend([], 0),
        emptyReason: '还没有考核方案。',
        results: null,
      };
    const trend = trendOf(ctx, picked, today);
    return { plans: list, plan: planOf(picked), today, trend, ...resultsPart(ctx, picked, input) };
  },
};

const planOf = (p: PlanRecord) => ({ id: p.id, title: p.title, year: p.year, state: p.state });

/** Each 共性、个性 target with the completion rate of each quarter's report the office has (drafts are not). */
function trendTargets(ctx: HandlerContext, planId: number): TrendTarget[] {
  // most targets share their milestones' text (an even pace, a category's common nodes): each text is read once
  const read = new Map<string, TrendTarget['milestones']>();
  return targetQuarters(ctx.sqlite, planId, baseKinds).map((r) => {
    let milestones = read.get(r.milestones);
    if (!milestones) read.set(r.milestones, (milestones = storedMilestones(r.milestones)));
    return { milestones, rates: [r.q1, r.q2, r.q3, r.q4] };
  });
}

/**
 * The plan's quarterly trend, kept until the database changes (db/read-memo.ts, as the results are in
 * scoring/results-view.ts): a category switch or a second look reads none of a city's 24,000 reports again. The day
 * is part of the key: a new day may begin a quarter.
 */
const trendOf = (ctx: HandlerContext, plan: PlanRecord, today: string): CompletionTrend =>
  memoRead(ctx.sqlite, `dashboard-trend:${plan.id}:${today}`, () =>
    completionTrend(trendTargets(ctx, plan.id), quartersReached(plan.year, today)),
  );

type Input = z.output<Channels['dashboard.get']['input']>;

function resultsPart(ctx: HandlerContext, plan: PlanRecord, input: Input): Pick<Output, 'emptyReason' | 'results'> {
  if (!scored.has(plan.state))
    return {
      emptyReason:
        '该方案尚未进入考核评分阶段，还没有考评结果；进入“考核评分”后，这里显示分类排名、指标得分率和等次分布。',
      results: null,
    };
  const r = latestResults(ctx.sqlite, plan, todayOf(ctx.now));
  if (!r.ok) {
    const more = r.problems.length > 3 ? `等 ${r.problems.length} 个问题` : '';
    return { emptyReason: `考评结果暂不能计算：${r.problems.slice(0, 3).join('；')}${more}。`, results: null };
  }
  const scores = r.value.scores;
  if (scores.units.length === 0)
    return { emptyReason: '该方案还没有参加考核的单位（没有目标任务或责任书）。', results: null };
  const categories = new Map<number, { id: number; name: string; units: number }>();
  for (const u of scores.units) {
    const c = categories.get(u.categoryId);
    if (c) c.units++;
    else categories.set(u.categoryId, { id: u.categoryId, name: u.categoryName, units: 1 });
  }
  const ordered = [...categories.values()].sort((a, b) => a.id - b.id);
  if (input.categoryId !== undefined && !categories.has(input.categoryId))
    throw new AppError('NOT_FOUND', '该方案没有这个考核类别的单位，请重新选择类别。');
  const categoryId = input.categoryId ?? ordered[0]!.id;
  const ranking = rankingBars(scores, categoryId, input.top);
  // the heat map's rows are the ranking's bars, so the two charts read side by side
  const byId = new Map(scores.units.map((u) => [u.unitId, u]));
  const shown = scores.ranks
    .filter((x) => x.categoryId === categoryId)
    .sort((a, b) => a.position - b.position)
    .slice(0, input.top)
    .map((x) => byId.get(x.unitId)!);
  const rules = scoringRulesOf(ctx.sqlite, plan);
  return {
    emptyReason: null,
    results: {
      snapshotNo: r.value.snapshotNo,
      units: scores.units.length,
      incomplete: scores.units.filter((u) => !u.complete).length,
      categories: ordered,
      categoryId,
      ranking,
      heat: heatMatrix(scoringIndicators(ctx.sqlite, plan.id).list, shown, categoryId),
      grades: gradeCounts(scores, rules.grading),
      gradeProblems: scores.gradeProblems,
    },
  };
}
