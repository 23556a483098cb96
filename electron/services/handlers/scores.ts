import { AppError, type ChannelOutput } from '../../contract';
import { allowedActions, scoreSheetLifecycle } from '../../core';
import { indicatorsOf, planUuid } from '../../../db/repos/plans';
import { type EntryRecord, enteredCounts, entriesOf, inputOf, sheetsOf } from '../../../db/repos/scores';
import { unitById } from '../../../db/repos/org';
import { HEADER_ROW, scoresWorkbook } from '../excel/score-sheets';
import { planScoreImport } from '../excel/score-import';
import { errorFileName, errorWorkbook } from '../excel/error-workbook';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { readWorkbook } from '../excel/workbook';
import type { HandlerContext, Handlers } from '../handler';
import { prepared } from '../handler';
import { boundUnit, requireOwnUnit } from '../own-unit';
import {
  type BodySheet,
  type GridCell,
  type PlanScope,
  bodiesOf,
  bodyLabel,
  bodySheet,
  cellCounts,
  cellKey,
  cellsOf,
  inputWords,
  planScope,
} from '../scoring/entry-grid';
import {
  clerkBody,
  requireBody,
  returnSheet,
  saveBodyEntries,
  saveSelfEntries,
  submitSheet,
  visibleBodies,
} from '../scoring/entry';
import { entryLockProblem } from '../scoring/guard';
import { fileBytes } from '../uploads';
import { mustPlan } from './plans';

type BodyRow = ChannelOutput<'scores.bodies'>['bodies'][number];
type GridRow = ChannelOutput<'scores.grid'>['rows'][number];

function scopeOf(ctx: HandlerContext, planId: number): PlanScope {
  return planScope(ctx.sqlite, mustPlan(ctx, planId));
}

/** May the caller write this body's sheet at all (his role and, for a 录入员, his body)? */
function writesBody(ctx: HandlerContext, scope: PlanScope, body: string): boolean {
  if (ctx.caller.role === 'evaluator') return true;
  return ctx.caller.role === 'clerk' && clerkBody(ctx, scope).body === body;
}

/** A sheet as the list shows it: `bs` need only name its items and sheet when `cells` is counted apart. */
function bodyRowOf(
  ctx: HandlerContext,
  bs: Pick<BodySheet, 'scope' | 'body' | 'items' | 'sheet'> & { cells: { length: number } },
  counts: Map<number, number>,
): BodyRow {
  const state = bs.sheet?.state ?? 'draft';
  const open = entryLockProblem(ctx.sqlite, bs.scope.plan, bs.scope.units.keys().next().value ?? 0) === null;
  const may = allowedActions(scoreSheetLifecycle, state, ctx.caller.role);
  const writes = open && writesBody(ctx, bs.scope, bs.body);
  return {
    body: bs.body,
    label: bodyLabel(bs.body),
    items: bs.items.length,
    cells: bs.cells.length,
    entered: bs.items.reduce((a, i) => a + (counts.get(i.id) ?? 0), 0),
    state,
    returnReason: bs.sheet?.returnReason ?? null,
    submittedAt: bs.sheet?.submittedAt ?? null,
    submittedBy: bs.sheet?.submittedBy ?? null,
    canEdit: writes && may.includes('edit'),
    canSubmit: writes && may.includes('submit'),
    canReturn: open && may.includes('return'),
  };
}

const viewOf = (e: EntryRecord | undefined) =>
  e
    ? {
        id: e.id,
        input: inputOf(e),
        words: inputWords(inputOf(e)),
        note: e.note,
        enteredBy: e.enteredBy,
        updatedAt: e.updatedAt,
      }
    : null;

/** The rows of these cells with the body's entry and the unit's 自评, read for these cells' items only. */
function rowsOf(ctx: HandlerContext, scope: PlanScope, cells: GridCell[], o: { showEntered: boolean }): GridRow[] {
  const ids = [...new Set(cells.map((c) => c.indicatorId))];
  const read = (kind: 'entered' | 'self') =>
    new Map(entriesOf(ctx.sqlite, scope.plan.id, { indicatorIds: ids, kind }).map((e) => [cellKey(e), e]));
  const entered = o.showEntered ? read('entered') : new Map<string, EntryRecord>();
  const self = read('self');
  return cells.map((c) => {
    const u = scope.units.get(c.unitId)!;
    return {
      ...c,
      unitCode: u.code,
      unitName: u.name,
      categoryName: u.categoryName,
      entry: viewOf(entered.get(cellKey(c))),
      self: viewOf(self.get(cellKey(c))),
      body: scope.byId.get(c.indicatorId)!.scoringBody.trim(),
      locked: false,
    };
  });
}

function itemsOf(ctx: HandlerContext, scope: PlanScope, ids: Set<number>) {
  const standards = new Map(indicatorsOf(ctx.sqlite, scope.plan.id, { counts: false }).map((i) => [i.id, i.standard]));
  return scope.indicators
    .filter((i) => ids.has(i.id))
    .map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind,
      method: i.params.method,
      points: i.points,
      standard: standards.get(i.id) ?? '',
    }));
}

/** The unit whose 自评 is read or written: a 录入员's own, or the one the office names. */
function selfUnit(ctx: HandlerContext, unitId: number | undefined): number {
  if (ctx.caller.role === 'clerk') {
    const own = boundUnit(ctx);
    requireOwnUnit(ctx, unitId ?? own, '自评只能填写本单位的。');
    return own;
  }
  if (!unitId)
    throw new AppError('INVALID_INPUT', '请选择单位。', { fields: [{ path: 'unitId', message: '请选择单位' }] });
  return unitId;
}

function mustBodySheet(ctx: HandlerContext, planId: number, body: string): BodySheet {
  const scope = scopeOf(ctx, planId);
  requireBody(ctx, scope, body);
  return bodySheet(ctx.sqlite, scope, body);
}

const auditTarget = (bs: BodySheet) => `scores:${bs.scope.plan.year}:${bodyLabel(bs.body)}`;

async function importPlanOf(ctx: HandlerContext, input: { planId: number; body: string; fileName: string }) {
  const bs = mustBodySheet(ctx, input.planId, input.body);
  const wb = await readWorkbook(input.fileName, fileBytes(ctx, input as never, 'excel'));
  return { bs, wb, plan: await planScoreImport(wb, bs, planUuid(ctx.sqlite, bs.scope.plan.id) ?? '', ctx.sqlite) };
}

export const scoresHandlers: Handlers<
  | 'scores.bodies'
  | 'scores.grid'
  | 'scores.save'
  | 'scores.submit'
  | 'scores.return'
  | 'scores.selfGrid'
  | 'scores.saveSelf'
  | 'scores.template'
  | 'scores.importPreview'
  | 'scores.importErrors'
  | 'scores.import'
> = {
  'scores.bodies': (ctx, input) => {
    const scope = scopeOf(ctx, input.planId);
    const counts = enteredCounts(ctx.sqlite, scope.plan.id);
    const cells = cellCounts(ctx.sqlite, scope);
    const items = bodiesOf(scope);
    const sheets = new Map(sheetsOf(ctx.sqlite, scope.plan.id).map((s) => [s.body, s]));
    const bodies = visibleBodies(ctx, scope).map((b) =>
      bodyRowOf(
        ctx,
        { scope, body: b, items: items.get(b)!, sheet: sheets.get(b), cells: { length: cells.get(b)! } },
        counts,
      ),
    );
    let problem: string | null = null;
    let own: { unitId: number; unitName: string } | null = null;
    if (ctx.caller.role === 'clerk') {
      problem = clerkBody(ctx, scope).problem;
      const id = boundUnit(ctx);
      if (scope.units.has(id)) own = { unitId: id, unitName: unitById(ctx.sqlite, id)?.name ?? '' };
    }
    return { bodies, problem, selfUnit: own };
  },
  'scores.grid': (ctx, input) => {
    const bs = mustBodySheet(ctx, input.planId, input.body);
    const search = input.search?.toLowerCase();
    let cells = bs.cells;
    if (input.indicatorId) cells = cells.filter((c) => c.indicatorId === input.indicatorId);
    if (search)
      cells = cells.filter((c) => {
        const u = bs.scope.units.get(c.unitId)!;
        return u.name.toLowerCase().includes(search) || u.code.toLowerCase().includes(search);
      });
    if (input.missing) {
      const have = new Set(
        entriesOf(ctx.sqlite, bs.scope.plan.id, { indicatorIds: bs.items.map((i) => i.id), kind: 'entered' }).map(
          cellKey,
        ),
      );
      cells = cells.filter((c) => !have.has(cellKey(c)));
    }
    const page = cells.slice(input.offset, input.offset + input.limit);
    return {
      total: cells.length,
      rows: rowsOf(ctx, bs.scope, page, { showEntered: true }),
      items: itemsOf(ctx, bs.scope, new Set(bs.items.map((i) => i.id))),
      sheet: bodyRowOf(ctx, bs, enteredCounts(ctx.sqlite, bs.scope.plan.id)),
    };
  },
  'scores.save': (ctx, input) => {
    const bs = mustBodySheet(ctx, input.planId, input.body);
    const counts = saveBodyEntries(ctx, bs, input.rows);
    ctx.audit(auditTarget(bs), { ...counts });
    return counts;
  },
  'scores.submit': (ctx, input) => {
    const bs = mustBodySheet(ctx, input.planId, input.body);
    submitSheet(ctx, bs);
    ctx.audit(auditTarget(bs), { submitted: true });
    return bodyRowOf(ctx, bodySheet(ctx.sqlite, bs.scope, bs.body), enteredCounts(ctx.sqlite, bs.scope.plan.id));
  },
  'scores.return': (ctx, input) => {
    const bs = mustBodySheet(ctx, input.planId, input.body);
    returnSheet(ctx, bs, input.reason);
    ctx.audit(auditTarget(bs), { returned: input.reason });
    return bodyRowOf(ctx, bodySheet(ctx.sqlite, bs.scope, bs.body), enteredCounts(ctx.sqlite, bs.scope.plan.id));
  },
  'scores.selfGrid': (ctx, input) => {
    const scope = scopeOf(ctx, input.planId);
    const unitId = selfUnit(ctx, input.unitId);
    const unit = scope.units.get(unitId);
    if (!unit) throw new AppError('NOT_FOUND', '该单位不是本方案的考核对象（没有目标任务或责任书）。');
    const items = [...bodiesOf(scope).values()].flat();
    const submitted = new Set(
      sheetsOf(ctx.sqlite, scope.plan.id)
        .filter((s) => s.state === 'submitted')
        .map((s) => s.body),
    );
    // the unit sees its own 自评, not what the bodies gave it before the results
    const rows = rowsOf(ctx, scope, cellsOf(ctx.sqlite, scope, items, unitId), {
      showEntered: ctx.caller.role !== 'clerk',
    }).map((r) => ({ ...r, locked: submitted.has(r.body) }));
    return { unitId, unitName: unit.name, rows, items: itemsOf(ctx, scope, new Set(items.map((i) => i.id))) };
  },
  'scores.saveSelf': (ctx, input) => {
    const scope = scopeOf(ctx, input.planId);
    const unitId = selfUnit(ctx, input.unitId);
    const counts = saveSelfEntries(ctx, scope, unitId, input.rows);
    ctx.audit(`scores:${scope.plan.year}:自评:${scope.units.get(unitId)?.name ?? unitId}`, { ...counts });
    return counts;
  },
  'scores.template': async (ctx, input) => {
    const scope = scopeOf(ctx, input.planId);
    let bodies: string[];
    if (input.body !== undefined) {
      requireBody(ctx, scope, input.body);
      bodies = [input.body];
    } else if (ctx.caller.role === 'clerk') {
      const mine = clerkBody(ctx, scope);
      if (mine.body === null) throw new AppError('FORBIDDEN', mine.problem);
      bodies = [mine.body];
    } else bodies = [...bodiesOf(scope).keys()];
    if (!bodies.length) throw new AppError('RULE_VIOLATION', '本方案没有需要考核责任单位录入评分的指标。');
    const sheets = bodies.map((b) => {
      const bs = bodySheet(ctx.sqlite, scope, b);
      const ids = bs.items.map((i) => i.id);
      const read = (kind: 'entered' | 'self') => entriesOf(ctx.sqlite, scope.plan.id, { indicatorIds: ids, kind });
      return { bs, entered: read('entered'), self: read('self') };
    });
    const plan = scope.plan;
    const buffer = await scoresWorkbook(sheets, {
      uuid: planUuid(ctx.sqlite, plan.id) ?? '',
      year: plan.year,
      title: plan.title,
    });
    const suffix = bodies.length === 1 ? `-${bodyLabel(bodies[0]!)}` : '';
    return { fileName: `${plan.year}年度评分表${suffix}.xlsx`, base64: buffer.toString('base64') };
  },
  'scores.importPreview': async (ctx, input) => previewOf((await importPlanOf(ctx, input)).plan),
  'scores.importErrors': async (ctx, input) => {
    const { wb, plan } = await importPlanOf(ctx, input);
    const out = await errorWorkbook(wb, plan.sheet, plan.rows, HEADER_ROW);
    return { fileName: errorFileName(input.fileName), base64: out.buffer.toString('base64') };
  },
  'scores.import': prepared(
    async (ctx, input) => (await importPlanOf(ctx, input)).plan,
    (ctx, input, plan) => {
      refuseIfErrors(plan.rows);
      // read again inside the transaction: the sheet may have been submitted since the file was read
      const bs = mustBodySheet(ctx, input.planId, input.body);
      const counts = saveBodyEntries(ctx, bs, plan.items);
      ctx.audit(auditTarget(bs), { importScores: input.fileName, ...counts });
      return { rows: plan.rows, counts: countsOf(plan.rows), notices: plan.notices, committed: true };
    },
  ),
};
