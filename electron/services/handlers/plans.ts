import { AppError } from '../../contract';
import {
  type IndicatorLite,
  type PlanStateName,
  describeMethod,
  isAutoSource,
  planMoveProblem,
  planMoves,
  planRuleProblem,
  planRules,
  pointsByCategory,
  pointsProblemsOf,
  shiftTitle,
  shiftYears,
} from '../../core';
import {
  indicatorsOf,
  type IndicatorRecord,
  type IndicatorRow,
  insertIndicatorRow,
  insertPlanRow,
  insertTargetRow,
  listPlans,
  planById,
  planByYear,
  type PlanRecord,
  planWithCounts,
  setPlanState,
  targetsOf,
  updatePlanRow,
} from '../../../db/repos/plans';
import { activePersonIds, activeUnitIds, categoryRows } from '../../../db/repos/org';
import { unitShortfalls } from '../plans/shortfalls';

import { type HandlerContext, type Handlers } from '../handler';

import { jsonIds, paramsOf } from '../plans/letter-input';
import { readBasicSettings } from './settings';
import { publicationFacts } from '../scoring/publication';
import { todayOf } from '../org/write';

const planView = (p: NonNullable<ReturnType<typeof planWithCounts>>) => {
  const { updatedAt: _u, ...rest } = p;
  return rest;
};

export function mustPlan(ctx: HandlerContext, id: number): PlanRecord {
  const p = planById(ctx.sqlite, id);
  if (!p) throw new AppError('NOT_FOUND', '没有找到这个考核方案，请刷新。');
  return p;
}

/** Refuses a change the plan's state does not allow, naming the states that do. */
export function requireRule(plan: PlanRecord, rule: keyof (typeof planRules)['draft']): void {
  const problem = planRuleProblem(plan.state, rule);
  if (problem) throw new AppError('RULE_VIOLATION', problem);
}

export const liteOf = (i: IndicatorRecord): IndicatorLite => ({
  id: i.id,
  parentId: i.parentId,
  isGroup: i.isGroup,
  kind: i.kind,
  name: i.name,
  points: i.points,
  categoryIds: jsonIds(i.categoryIds),
});

export function indicatorView(i: IndicatorRecord) {
  const params = paramsOf(i);
  return {
    id: i.id,
    parentId: i.parentId,
    isGroup: i.isGroup,
    kind: i.kind,
    name: i.name,
    points: i.points,
    params,
    standard: i.standard,
    standardText: i.isGroup ? '' : i.standard || describeMethod(i.kind, params, i.points),
    scoringBody: i.scoringBody,
    autoSource: i.autoSource !== null && isAutoSource(i.autoSource) ? i.autoSource : null,
    categoryIds: jsonIds(i.categoryIds),
    evidence: i.evidence,
    sortOrder: i.sortOrder,
    targets: i.targets,
  };
}

export const categoriesOf = (ctx: HandlerContext) => categoryRows(ctx.sqlite);

function pointsOf(ctx: HandlerContext, plan: PlanRecord) {
  return pointsByCategory(plan.totalPoints, indicatorsOf(ctx.sqlite, plan.id).map(liteOf), categoriesOf(ctx));
}

export const insertIndicator = (ctx: HandlerContext, planId: number, i: IndicatorRow): number =>
  insertIndicatorRow(ctx.records, planId, i);

/** Copies a plan's indicators, and the targets of units still active, into a new plan. */
function copyPlanContent(ctx: HandlerContext, from: PlanRecord, toId: number) {
  const ids = new Map<number, number>();
  for (const i of indicatorsOf(ctx.sqlite, from.id)) {
    const { id, planId: _p, targets: _t, updatedAt: _u, ...rest } = i;
    ids.set(
      id,
      insertIndicator(ctx, toId, {
        ...rest,
        parentId: rest.parentId === null ? null : (ids.get(rest.parentId) ?? null),
      }),
    );
  }
  const active = activeUnitIds(ctx.sqlite);
  const activePeople = activePersonIds(ctx.sqlite);
  let targets = 0;
  for (const t of targetsOf(ctx.sqlite, { planId: from.id })) {
    if (!active.has(t.unitId)) continue;
    const leader = t.leaderId !== null && activePeople.has(t.leaderId) ? t.leaderId : null;
    const partners = JSON.stringify(jsonIds(t.partnerUnitIds).filter((u) => active.has(u)));
    insertTargetRow(ctx.records, toId, {
      indicatorId: ids.get(t.indicatorId)!,
      unitId: t.unitId,
      content: t.content,
      targetValue: t.targetValue,
      measureUnit: t.measureUnit,
      points: t.points,
      milestones: t.milestones,
      leaderId: leader,
      leadUnitId: t.leadUnitId !== null && active.has(t.leadUnitId) ? t.leadUnitId : null,
      partnerUnitIds: partners,
      isKey: t.isKey,
      isMajor: t.isMajor,
      sortOrder: t.sortOrder,
    });
    targets++;
  }
  return { indicators: ids.size, targets };
}

export const plansHandlers: Handlers<
  'plans.list' | 'plans.get' | 'plans.create' | 'plans.update' | 'plans.setState' | 'plans.publishCheck'
> = {
  'plans.list': (ctx) => listPlans(ctx.sqlite).map(planView),
  'plans.get': (ctx, input) => {
    const plan = mustPlan(ctx, input.id);
    return {
      plan: planView(planWithCounts(ctx.sqlite, plan.id)!),
      rules: planRules[plan.state],
      moves: planMoves[plan.state],
      indicators: indicatorsOf(ctx.sqlite, plan.id).map(indicatorView),
      pointsByCategory: pointsOf(ctx, plan),
    };
  },
  'plans.create': (ctx, input) => {
    const level = readBasicSettings(ctx).level;
    if (planByYear(ctx.sqlite, input.year, level))
      throw new AppError('CONFLICT', `${input.year} 年度已有考核方案，每个年度只能有一个。`);
    const from = input.copyFrom ? mustPlan(ctx, input.copyFrom) : null;
    const periodStart =
      input.periodStart ?? (from ? shiftYears(from.periodStart, input.year - from.year) : `${input.year}-01-01`);
    const periodEnd =
      input.periodEnd ?? (from ? shiftYears(from.periodEnd, input.year - from.year) : `${input.year}-12-31`);
    if (periodEnd < periodStart)
      throw new AppError('INVALID_INPUT', '责任期限的截止日不能早于起始日。', {
        fields: [{ path: 'periodEnd', message: '截止日不能早于起始日' }],
      });
    const title = from && input.title === from.title ? shiftTitle(from.title, from.year, input.year) : input.title;
    const id = insertPlanRow(ctx.records, {
      year: input.year,
      level,
      title,
      totalPoints: input.totalPoints ?? from?.totalPoints ?? 100,
      basis: input.basis ?? from?.basis ?? '',
      periodStart,
      periodEnd,
      copiedFrom: from?.id ?? null,
    });
    const copied = from ? copyPlanContent(ctx, from, id) : null;
    ctx.audit(`plan:${input.year}`, { title, copiedFrom: from?.year ?? null, ...copied });
    return planView(planWithCounts(ctx.sqlite, id)!);
  },
  'plans.update': (ctx, input) => {
    const plan = mustPlan(ctx, input.id);
    requireRule(plan, 'editPlan');
    const next = {
      ...plan,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    } as PlanRecord;
    if (next.periodEnd < next.periodStart)
      throw new AppError('INVALID_INPUT', '责任期限的截止日不能早于起始日。', {
        fields: [{ path: 'periodEnd', message: '截止日不能早于起始日' }],
      });
    updatePlanRow(ctx.records, plan.id, next);
    ctx.audit(`plan:${plan.year}`, { before: plan, patch: input });
    return planView(planWithCounts(ctx.sqlite, plan.id)!);
  },
  'plans.publishCheck': (ctx, input) => ({ units: unitShortfalls(ctx.sqlite, mustPlan(ctx, input.id)) }),
  'plans.setState': (ctx, input) => {
    const plan = mustPlan(ctx, input.id);
    const counts = planWithCounts(ctx.sqlite, plan.id)!;
    const short = input.to === 'published' ? unitShortfalls(ctx.sqlite, plan) : [];
    const problem = planMoveProblem(plan.state, input.to as PlanStateName, {
      pointsProblems: pointsProblemsOf(plan.totalPoints, pointsOf(ctx, plan)),
      units: counts.units,
      signedLetters: counts.signed,
      unitShortfalls: short.map((u) => `${u.unitName}${u.problem}`),
      acceptShortfalls: !!input.acceptShortfalls,
      publication: publicationFacts(ctx.sqlite, plan, todayOf(ctx.now)),
    });
    if (problem) throw new AppError('RULE_VIOLATION', problem);
    setPlanState(ctx.records, plan.id, input.to);
    const decided = short.length
      ? { acceptedShortfalls: short.map((u) => ({ unit: u.unitCode, name: u.unitName, problem: u.problem })) }
      : {};
    ctx.audit(`plan:${plan.year}`, { from: plan.state, to: input.to, ...decided });
    return planView(planWithCounts(ctx.sqlite, plan.id)!);
  },
};
