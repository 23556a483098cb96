import { AppError } from '../../contract';
import {
  type IndicatorLite,
  type PlanStateName,
  autoSourceProblem,
  describeMethod,
  isAutoSource,
  defaultParams,
  methodProblem,
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
  childIndicatorCount,
  indicatorById,
  indicatorByName,
  indicatorsOf,
  type IndicatorRecord,
  type IndicatorRow,
  insertIndicatorRow,
  insertPlanRow,
  insertTargetRow,
  listPlans,
  maxIndicatorSort,
  planById,
  planByYear,
  type PlanRecord,
  planWithCounts,
  removeIndicatorRow,
  setPlanState,
  targetsOf,
  touchPlan,
  updateIndicatorRow,
  updatePlanRow,
} from '../../../db/repos/plans';
import { activePersonIds, activeUnitIds, categoryRows } from '../../../db/repos/org';
import { unitShortfalls } from '../plans/shortfalls';
import { indicatorsTemplate, planIndicatorImport } from '../excel/indicator-import';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { jsonIds, paramsOf } from '../plans/letter-input';
import { readBasicSettings } from './settings';

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

const categoriesOf = (ctx: HandlerContext) => categoryRows(ctx.sqlite);

function pointsOf(ctx: HandlerContext, plan: PlanRecord) {
  return pointsByCategory(plan.totalPoints, indicatorsOf(ctx.sqlite, plan.id).map(liteOf), categoriesOf(ctx));
}

const insertIndicator = (ctx: HandlerContext, planId: number, i: IndicatorRow): number =>
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
  | 'plans.list'
  | 'plans.get'
  | 'plans.create'
  | 'plans.update'
  | 'plans.setState'
  | 'plans.publishCheck'
  | 'indicators.save'
  | 'indicators.remove'
  | 'indicators.importPreview'
  | 'indicators.import'
  | 'indicators.template'
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
    });
    if (problem) throw new AppError('RULE_VIOLATION', problem);
    setPlanState(ctx.records, plan.id, input.to);
    const decided = short.length
      ? { acceptedShortfalls: short.map((u) => ({ unit: u.unitCode, name: u.unitName, problem: u.problem })) }
      : {};
    ctx.audit(`plan:${plan.year}`, { from: plan.state, to: input.to, ...decided });
    return planView(planWithCounts(ctx.sqlite, plan.id)!);
  },

  'indicators.save': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'editIndicators');
    const before = input.id ? indicatorById(ctx.sqlite, input.id) : undefined;
    if (input.id && (!before || before.planId !== plan.id))
      throw new AppError('NOT_FOUND', '没有找到这个指标，请刷新。');
    const parentId = input.isGroup ? null : (input.parentId ?? null);
    if (!input.isGroup) {
      const parent = parentId ? indicatorById(ctx.sqlite, parentId) : undefined;
      if (!parent || parent.planId !== plan.id || !parent.isGroup)
        throw new AppError('INVALID_INPUT', '请选择指标所属的分组。', {
          fields: [{ path: 'parentId', message: '请选择分组' }],
        });
      if (parent.kind !== input.kind)
        throw new AppError('INVALID_INPUT', '指标的类别应与所属分组一致。', {
          fields: [{ path: 'kind', message: '与分组类别不一致' }],
        });
    }
    if (before && before.isGroup !== input.isGroup)
      throw new AppError('INVALID_INPUT', '分组和指标不能互相转换，请删除后重建。');
    if (
      before?.isGroup &&
      before.kind !== input.kind &&
      indicatorsOf(ctx.sqlite, plan.id).some((i) => i.parentId === before.id)
    ) {
      throw new AppError('RULE_VIOLATION', '分组下已有指标，不能更改分组类别。');
    }
    const clash = indicatorByName(ctx.sqlite, plan.id, input.name, input.isGroup);
    if (clash && clash.id !== input.id)
      throw new AppError(
        'CONFLICT',
        `本方案已有名为“${input.name}”的${input.isGroup ? '分组' : '指标'}，名称不能重复（导入目标任务时按名称对应）。`,
        { fields: [{ path: 'name', message: '名称重复' }] },
      );
    const params = input.isGroup
      ? defaultParams.judgement
      : (input.params ?? defaultParams[input.kind === 'veto' ? 'veto' : 'linear']);
    const points = input.isGroup || input.kind === 'veto' ? 0 : input.points;
    if (!input.isGroup) {
      const problem = methodProblem(input.kind, params, points);
      if (problem)
        throw new AppError('INVALID_INPUT', `${problem}。`, { fields: [{ path: 'params', message: problem }] });
      const sourceProblem = autoSourceProblem(input.kind, params.method, input.autoSource);
      if (sourceProblem)
        throw new AppError('INVALID_INPUT', `${sourceProblem}。`, {
          fields: [{ path: 'autoSource', message: sourceProblem }],
        });
    }
    const cats = categoriesOf(ctx).map((c) => c.id);
    const unknown = input.categoryIds.filter((c) => !cats.includes(c));
    if (unknown.length)
      throw new AppError('INVALID_INPUT', '适用类别中有不存在的类别，请刷新后重选。', {
        fields: [{ path: 'categoryIds', message: '类别不存在' }],
      });
    const row = {
      parentId,
      isGroup: input.isGroup,
      kind: input.kind,
      name: input.name,
      points,
      method: params.method,
      params: JSON.stringify(params),
      standard: input.standard,
      scoringBody: input.scoringBody,
      autoSource: input.isGroup ? null : input.autoSource,
      categoryIds: JSON.stringify([...new Set(input.categoryIds)].sort((a, b) => a - b)),
      evidence: input.evidence,
      sortOrder: input.sortOrder ?? before?.sortOrder ?? maxIndicatorSort(ctx.sqlite, plan.id) + 10,
    };
    let id = input.id;
    if (before) {
      const { isGroup: _g, ...change } = row;
      updateIndicatorRow(ctx.records, before.id, change);
    } else id = insertIndicator(ctx, plan.id, row);
    touchPlan(ctx.records, plan.id);
    ctx.audit(`indicator:${id}`, {
      plan: plan.year,
      name: row.name,
      points: row.points,
      ...(before ? { before: { name: before.name, points: before.points } } : {}),
    });
    return indicatorView(indicatorById(ctx.sqlite, id!)!);
  },
  'indicators.importPreview': async (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'editIndicators');
    return previewOf(await planIndicatorImport(ctx.sqlite, plan, input.fileName, fileBytes(ctx, input, 'excel')));
  },
  /** All or nothing; groups are created as their first item needs them, in the file's order. */
  'indicators.import': prepared(
    async (ctx, input) => {
      const plan = mustPlan(ctx, input.planId);
      requireRule(plan, 'editIndicators');
      return planIndicatorImport(ctx.sqlite, plan, input.fileName, fileBytes(ctx, input, 'excel'));
    },
    (ctx, input, result) => {
      const plan = mustPlan(ctx, input.planId);
      requireRule(plan, 'editIndicators');
      refuseIfErrors(result.rows);
      const groupIds = new Map<string, number>();
      let sort = maxIndicatorSort(ctx.sqlite, plan.id) + 10;
      const stale = () => new AppError('CONFLICT', '预览之后指标体系已被修改，未导入任何内容，请重新预览。');
      for (const it of result.items) {
        const now = indicatorByName(ctx.sqlite, plan.id, it.name, false);
        if (it.existing ? now?.id !== it.existing.id || now.updatedAt !== it.existing.updatedAt : now) throw stale();
        let groupId = groupIds.get(it.group) ?? it.existingGroup?.id;
        if (groupId === undefined) {
          groupId = insertIndicator(ctx, plan.id, {
            parentId: null,
            isGroup: true,
            kind: it.kind,
            name: it.group,
            points: 0,
            method: 'judgement',
            params: JSON.stringify(defaultParams.judgement),
            standard: '',
            scoringBody: '',
            categoryIds: '[]',
            evidence: '',
            sortOrder: (sort += 10),
          });
        }
        groupIds.set(it.group, groupId);
        const row = {
          parentId: groupId,
          kind: it.kind,
          name: it.name,
          points: it.points,
          method: it.params.method,
          params: JSON.stringify(it.params),
          standard: it.standard,
          scoringBody: it.scoringBody,
          categoryIds: JSON.stringify(it.categoryIds),
          evidence: it.evidence,
        };
        if (it.existing) updateIndicatorRow(ctx.records, it.existing.id, row);
        else insertIndicator(ctx, plan.id, { ...row, isGroup: false, sortOrder: (sort += 10) });
      }
      touchPlan(ctx.records, plan.id);
      const counts = countsOf(result.rows);
      ctx.audit(`plan:${plan.year}`, { importIndicators: input.fileName, ...counts });
      return { rows: result.rows, counts, notices: result.notices, committed: true };
    },
  ),
  'indicators.template': async () => ({
    fileName: '考核指标导入模板.xlsx',
    base64: (await indicatorsTemplate()).toString('base64'),
  }),
  'indicators.remove': (ctx, input) => {
    const i = indicatorById(ctx.sqlite, input.id);
    if (!i) throw new AppError('NOT_FOUND', '没有找到这个指标，请刷新。');
    const plan = mustPlan(ctx, i.planId);
    requireRule(plan, 'editIndicators');
    const children = childIndicatorCount(ctx.sqlite, i.id);
    if (children) throw new AppError('RULE_VIOLATION', `分组“${i.name}”下还有 ${children} 个指标，请先删除或移走。`);
    if (i.targets)
      throw new AppError('RULE_VIOLATION', `指标“${i.name}”下已有 ${i.targets} 项目标任务，请先删除这些目标任务。`);
    removeIndicatorRow(ctx.records, i.id);
    touchPlan(ctx.records, plan.id);
    ctx.audit(`indicator:${i.id}`, { plan: plan.year, removed: i.name });
    return {};
  },
};
