import { AppError } from '../../contract';
import { autoSourceProblem, defaultParams, methodProblem } from '../../core';
import {
  childIndicatorCount,
  indicatorById,
  indicatorByName,
  indicatorsOf,
  maxIndicatorSort,
  removeIndicatorRow,
  touchPlan,
  updateIndicatorRow,
} from '../../../db/repos/plans';

import { indicatorsTemplate, planIndicatorImport } from '../excel/indicator-import';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';

import { categoriesOf, indicatorView, insertIndicator, mustPlan, requireRule } from './plans';

/** A plan's indicator tree (考核指标): one item or group saved or removed, and the Excel round trip. */
export const indicatorsHandlers: Handlers<
  'indicators.save' | 'indicators.remove' | 'indicators.importPreview' | 'indicators.import' | 'indicators.template'
> = {
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
