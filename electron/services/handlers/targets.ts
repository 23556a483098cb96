import { AppError } from '../../contract';
import { type Milestone, baseKinds, milestonesProblem } from '../../core';
import {
  hasTarget,
  indicatorById,
  indicatorsOf,
  insertTargetRow,
  maxTargetSort,
  type PlanRecord,
  removeTargetRow,
  targetById,
  targetsOf,
  targetsPage,
  type TargetRecord,
  targetUse,
  updateTargetRow,
} from '../../../db/repos/plans';
import { isUnitFrozen } from '../../../db/repos/letters';
import { activeUnitsOfCategory, categoryName, categoryRows, personById, unitById } from '../../../db/repos/org';
import { planTargetImport, storedMilestones, type TargetPlanItem, targetsTemplate } from '../excel/target-import';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { jsonIds } from '../plans/letter-input';
import { mustPlan, requireRule } from './plans';
import { errorFileName, errorWorkbook } from '../excel/error-workbook';
import { readWorkbook } from '../excel/workbook';

const emptyMilestones: Milestone[] = [1, 2, 3, 4].map(() => ({ text: '', percent: null }));

export function targetView(t: TargetRecord) {
  const { groupName: _g, updatedAt: _u, milestones, partnerUnitIds, ...rest } = t;
  return { ...rest, milestones: storedMilestones(milestones), partnerUnitIds: jsonIds(partnerUnitIds) };
}

function requireOpen(ctx: HandlerContext, plan: PlanRecord, unitId: number) {
  requireRule(plan, 'editTargets');
  if (isUnitFrozen(ctx.sqlite, plan.id, unitId)) {
    const u = unitById(ctx.sqlite, unitId);
    throw new AppError(
      'RULE_VIOLATION',
      `${u?.name ?? '该单位'}的目标责任书已签订，目标任务已冻结；如确需修改，请先撤销签订。`,
    );
  }
}

type TargetWrite = Omit<TargetPlanItem, 'existing'> & { sortOrder?: number };

function writeTarget(ctx: HandlerContext, planId: number, t: TargetWrite, id?: number): number {
  const row = {
    indicatorId: t.indicatorId,
    unitId: t.unitId,
    content: t.content,
    targetValue: t.targetValue,
    measureUnit: t.measureUnit,
    points: t.points,
    milestones: JSON.stringify(t.milestones),
    leaderId: t.leaderId,
    leadUnitId: t.leadUnitId,
    partnerUnitIds: JSON.stringify(t.partnerUnitIds),
    isKey: t.isKey,
    isMajor: t.isMajor,
  };
  if (id) {
    updateTargetRow(ctx.records, id, { ...row, sortOrder: t.sortOrder });
    return id;
  }
  return insertTargetRow(ctx.records, planId, {
    ...row,
    sortOrder: t.sortOrder ?? maxTargetSort(ctx.sqlite, planId, t.unitId) + 10,
  });
}

export const targetsHandlers: Handlers<
  | 'targets.list'
  | 'targets.page'
  | 'targets.save'
  | 'targets.remove'
  | 'targets.assignCommon'
  | 'targets.importPreview'
  | 'targets.importErrors'
  | 'targets.import'
  | 'targets.template'
> = {
  'targets.list': (ctx, input) => {
    mustPlan(ctx, input.planId);
    return targetsOf(ctx.sqlite, input).map(targetView);
  },
  /** The targets tab: one page, searched in SQL, with the unit's basic points. */
  'targets.page': (ctx, input) => {
    mustPlan(ctx, input.planId);
    const { rows, total, basePoints } = targetsPage(ctx.sqlite, {
      ...input,
      search: input.search || undefined,
      baseKinds,
    });
    return { total, rows: rows.map(targetView), basePoints };
  },
  'targets.save': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const before = input.id ? targetById(ctx.sqlite, input.id) : undefined;
    if (input.id && (!before || before.planId !== plan.id))
      throw new AppError('NOT_FOUND', '没有找到这项目标任务，请刷新。');
    if (before) requireOpen(ctx, plan, before.unitId);
    requireOpen(ctx, plan, input.unitId);
    const ind = indicatorById(ctx.sqlite, input.indicatorId);
    if (!ind || ind.planId !== plan.id || ind.isGroup)
      throw new AppError('INVALID_INPUT', '请选择本方案中的一个指标（不是分组）。', {
        fields: [{ path: 'indicatorId', message: '请选择指标' }],
      });
    const unit = unitById(ctx.sqlite, input.unitId);
    if (!unit || !unit.active)
      throw new AppError('INVALID_INPUT', '责任单位不存在或已停用。', {
        fields: [{ path: 'unitId', message: '单位不存在或已停用' }],
      });
    const milestones = input.milestones ?? (before ? targetView(before).milestones : emptyMilestones);
    const mp = milestonesProblem(milestones);
    if (mp) throw new AppError('INVALID_INPUT', `${mp}。`, { fields: [{ path: 'milestones', message: mp }] });
    if (input.leaderId) {
      const p = personById(ctx.sqlite, input.leaderId);
      if (!p || !p.active)
        throw new AppError('INVALID_INPUT', '责任领导不存在或已停用。', {
          fields: [{ path: 'leaderId', message: '人员不存在或已停用' }],
        });
    }
    for (const u of [input.leadUnitId, ...(input.partnerUnitIds ?? [])]) {
      if (u && !unitById(ctx.sqlite, u)) throw new AppError('INVALID_INPUT', '牵头或配合单位不存在，请刷新后重选。');
    }
    const id = writeTarget(
      ctx,
      plan.id,
      {
        indicatorId: ind.id,
        unitId: unit.id,
        content: input.content,
        points: input.points,
        targetValue: input.targetValue ?? null,
        measureUnit: input.measureUnit ?? null,
        milestones,
        leaderId: input.leaderId ?? null,
        leadUnitId: input.leadUnitId ?? null,
        partnerUnitIds: [...new Set(input.partnerUnitIds ?? [])],
        isKey: input.isKey ?? false,
        isMajor: input.isMajor ?? false,
        sortOrder: input.sortOrder,
      },
      before?.id,
    );
    ctx.audit(`target:${id}`, {
      plan: plan.year,
      unit: unit.code,
      indicator: ind.name,
      points: input.points,
      ...(before ? { before: { content: before.content, points: before.points } } : {}),
    });
    return targetView(targetById(ctx.sqlite, id)!);
  },
  'targets.remove': (ctx, input) => {
    const t = targetById(ctx.sqlite, input.id);
    if (!t) throw new AppError('NOT_FOUND', '没有找到这项目标任务，请刷新。');
    requireOpen(ctx, mustPlan(ctx, t.planId), t.unitId);
    const use = targetUse(ctx.sqlite, t.id);
    const refs = [
      [use.reports, '进展报告'],
      [use.notices, '通知书'],
      [use.findings, '督查发现'],
    ].filter(([n]) => n);
    if (refs.length) {
      const what = refs.map(([n, name]) => `${n}项${name}`).join('、');
      throw new AppError('RULE_VIOLATION', `这项目标任务已有${what}，不能删除。`);
    }
    removeTargetRow(ctx.records, t.id);
    ctx.audit(`target:${t.id}`, {
      removed: { unit: t.unitCode, indicator: t.indicatorName, content: t.content, points: t.points },
    });
    return {};
  },
  /** One target per common item for every active unit of the category that has none under it yet. */
  /** One category, or every category with units at once (each its applicable common indicators). */
  'targets.assignCommon': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'editTargets');
    const all = input.categoryId === undefined;
    const cats = all
      ? categoryRows(ctx.sqlite).filter((c) => c.units > 0)
      : [{ id: input.categoryId!, name: categoryName(ctx.sqlite, input.categoryId!)?.name }];
    if (!all && !cats[0]!.name) throw new AppError('NOT_FOUND', '没有找到这个考核类别，请刷新。');
    if (cats.length === 0) throw new AppError('RULE_VIOLATION', '还没有设置了单位的考核类别。');
    const indicators = indicatorsOf(ctx.sqlite, plan.id);
    const out = { created: 0, existing: 0, units: 0, categories: 0 };
    const done: string[] = [];
    for (const cat of cats) {
      const items = indicators.filter((i) => {
        if (i.isGroup || i.kind !== 'common') return false;
        if (input.indicatorIds && !input.indicatorIds.includes(i.id)) return false;
        const ids = jsonIds(i.categoryIds);
        return ids.length === 0 || ids.includes(cat.id);
      });
      if (items.length === 0) {
        if (!all) throw new AppError('RULE_VIOLATION', `没有适用于“${cat.name}”的共性指标。`);
        continue;
      }
      const r = assignCategory(ctx, plan.id, cat.id, items);
      out.created += r.created;
      out.existing += r.existing;
      out.units += r.units;
      out.categories++;
      done.push(cat.name!);
    }
    if (out.categories === 0) throw new AppError('RULE_VIOLATION', '没有适用于任何考核类别的共性指标。');
    ctx.audit(`plan:${plan.year}`, { assignCommon: all ? done : done[0], units: out.units, created: out.created });
    return out;
  },
  'targets.importPreview': async (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'editTargets');
    return previewOf(await planTargetImport(ctx.sqlite, plan, input.fileName, fileBytes(ctx, input, 'excel')));
  },
  'targets.importErrors': async (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const bytes = fileBytes(ctx, input, 'excel');
    const p = await planTargetImport(ctx.sqlite, plan, input.fileName, bytes);
    const out = await errorWorkbook(await readWorkbook(input.fileName, bytes), p.sheet, p.rows);
    return { fileName: errorFileName(input.fileName), base64: out.buffer.toString('base64') };
  },
  'targets.import': prepared(
    async (ctx, input) => {
      const plan = mustPlan(ctx, input.planId);
      requireRule(plan, 'editTargets');
      return planTargetImport(ctx.sqlite, plan, input.fileName, fileBytes(ctx, input, 'excel'));
    },
    (ctx, input, plan) => {
      const p = mustPlan(ctx, input.planId);
      requireRule(p, 'editTargets');
      refuseIfErrors(plan.rows);
      for (const it of plan.items) {
        const { existing, ...t } = it;
        // what the preview saw must still be so: the target unchanged, neither its unit nor the file's signed meanwhile
        const now = existing ? targetById(ctx.sqlite, existing.id) : undefined;
        if (existing && (!now || now.updatedAt !== existing.updatedAt || now.unitId !== existing.unitId)) {
          throw new AppError(
            'CONFLICT',
            `预览之后目标“${existing.content.slice(0, 20)}”已被修改或删除，未导入任何内容，请重新预览。`,
          );
        }
        if (isUnitFrozen(ctx.sqlite, p.id, it.unitId) || (now && isUnitFrozen(ctx.sqlite, p.id, now.unitId))) {
          throw new AppError('CONFLICT', '导入期间有单位的责任书被签订，未导入任何内容，请重新预览。');
        }
        writeTarget(ctx, p.id, t, existing?.id);
      }
      const counts = countsOf(plan.rows);
      ctx.audit(`plan:${p.year}`, { importTargets: input.fileName, ...counts });
      return { rows: plan.rows, counts, notices: plan.notices, committed: true };
    },
  ),
  'targets.template': async (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    return {
      fileName: `${plan.year}年度目标任务导入模板.xlsx`,
      base64: (await targetsTemplate(ctx.sqlite, plan)).toString('base64'),
    };
  },
};

/** The category's active units each get a target per item they lack; frozen units and existing targets are counted. */
function assignCategory(
  ctx: HandlerContext,
  planId: number,
  categoryId: number,
  items: ReturnType<typeof indicatorsOf>,
): { created: number; existing: number; units: number } {
  const units = activeUnitsOfCategory(ctx.sqlite, categoryId);
  let created = 0;
  let existing = 0;
  for (const unitId of units) {
    if (isUnitFrozen(ctx.sqlite, planId, unitId)) {
      existing += items.length;
      continue;
    }
    for (const i of items) {
      if (hasTarget(ctx.sqlite, planId, unitId, i.id)) {
        existing++;
        continue;
      }
      writeTarget(ctx, planId, {
        indicatorId: i.id,
        unitId,
        content: i.standard ? `${i.name}：${i.standard}` : i.name,
        points: i.points,
        targetValue: null,
        measureUnit: null,
        milestones: emptyMilestones,
        leaderId: null,
        leadUnitId: null,
        partnerUnitIds: [],
        isKey: false,
        isMajor: false,
        sortOrder: i.sortOrder,
      });
      created++;
    }
  }
  return { created, existing, units: units.length };
}
