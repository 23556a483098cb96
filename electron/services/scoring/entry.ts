import { AppError } from '../../contract';
import { type ScoreInput, baseKinds, scoreSheetLifecycle } from '../../core';
import { allUnits, unitById } from '../../../db/repos/org';
import type { PlanRecord } from '../../../db/repos/plans';
import {
  type EntryKind,
  type EntryRecord,
  entriesOf,
  removeEntryRow,
  saveEntryRow,
  saveSheetRow,
  sheetsOf,
} from '../../../db/repos/scores';
import type { HandlerContext } from '../handler';
import { requireStep } from '../lifecycle';
import { boundUnit } from '../own-unit';
import {
  type BodySheet,
  type GridCell,
  type PlanScope,
  bodiesOf,
  bodyLabel,
  cellKey,
  cellProblem,
  cellsOf,
  entryInputProblem,
  sameInput,
} from './entry-grid';
import { entryLockProblem } from './guard';

/**
 * Who enters for which body, and the writes of entries and sheets. The office (考评员) enters for any body (a paper
 * sheet keyed in); a 录入员 for the body whose text is his unit's name, and 自评 for his own unit.
 */

/** The body a 录入员 enters for, or why he enters for none. */
export function clerkBody(
  ctx: Pick<HandlerContext, 'caller' | 'sqlite'>,
  scope: PlanScope,
): { body: string; problem: null } | { body: null; problem: string } {
  const unit = unitById(ctx.sqlite, boundUnit(ctx));
  if (!unit) return { body: null, problem: '您账号绑定的单位已不存在，请系统管理员重新设置所属单位。' };
  const bodies = bodiesOf(scope);
  if (!bodies.has(unit.name))
    return {
      body: null,
      problem:
        `${unit.name}不是本方案任何指标的考核责任单位（指标的“考核责任单位”与单位名称相同时，` +
        '该单位的录入员才能录入评分），请由考评办录入。',
    };
  const same = allUnits(ctx.sqlite).filter((u) => u.active && u.name === unit.name).length;
  if (same > 1)
    return {
      body: null,
      problem: `有 ${same} 个单位都叫“${unit.name}”，无法确定哪一个是考核责任单位，请由考评办录入或为单位改用不同的名称。`,
    };
  return { body: unit.name, problem: null };
}

/** The bodies the caller may open: every body for the office and the leader, his own for a 录入员. */
export function visibleBodies(ctx: Pick<HandlerContext, 'caller' | 'sqlite'>, scope: PlanScope): string[] {
  const all = [...bodiesOf(scope).keys()];
  if (ctx.caller.role !== 'clerk') return all;
  const mine = clerkBody(ctx, scope);
  return mine.body === null ? [] : [mine.body];
}

/** Refuses a body the plan does not have, or one the caller may not open. */
export function requireBody(ctx: Pick<HandlerContext, 'caller' | 'sqlite'>, scope: PlanScope, body: string): void {
  if (!bodiesOf(scope).has(body))
    throw new AppError('NOT_FOUND', `本方案中没有由“${bodyLabel(body)}”评分的指标，请刷新。`);
  if (ctx.caller.role !== 'clerk') return;
  const mine = clerkBody(ctx, scope);
  if (mine.body === null) throw new AppError('FORBIDDEN', mine.problem);
  if (mine.body !== body)
    throw new AppError('FORBIDDEN', `这是${bodyLabel(body)}的评分表，您只能录入${bodyLabel(mine.body)}的评分。`);
}

/** Scores are written only in 考核评分 (guard.ts, the one check), unit by unit. */
export function requireUnitsOpen(ctx: Pick<HandlerContext, 'sqlite'>, plan: PlanRecord, unitIds: Iterable<number>) {
  for (const id of new Set(unitIds)) {
    const p = entryLockProblem(ctx.sqlite, plan, id);
    if (p) throw new AppError('RULE_VIOLATION', p);
  }
}

export interface EntryWrite {
  indicatorId: number;
  unitId: number;
  targetId: number | null;
  /** null empties the cell. A grade arrives as any text, for the core to refuse in its words. */
  input: ScoreInput | { grade: string } | null;
  note: string;
}

export interface WriteCounts {
  created: number;
  updated: number;
  removed: number;
  same: number;
}

/** Where a cell is, in words: 示例县财政局“政务公开”. */
export const whereOf = (scope: PlanScope, c: { indicatorId: number; unitId: number }): string =>
  `${scope.units.get(c.unitId)?.name ?? '该单位'}“${scope.byId.get(c.indicatorId)?.name ?? '该指标'}”`;

/** Every problem of the rows, each with its place; empty when all can be written. */
export function rowProblems(
  scope: PlanScope,
  body: string | null,
  cells: Map<string, GridCell>,
  rows: EntryWrite[],
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const where = whereOf(scope, r);
    const p = cellProblem(scope, body, cells, r);
    if (p) out.push(p);
    else if (seen.has(cellKey(r))) out.push(`${where}填了两次`);
    else if (r.input) {
      const q = entryInputProblem(scope, cells.get(cellKey(r))!, r.input);
      if (q) out.push(`${where}：${q}`);
    }
    seen.add(cellKey(r));
  }
  return out;
}

function refuse(problems: string[]): never {
  const more = problems.length > 5 ? `；另有 ${problems.length - 5} 处问题` : '';
  throw new AppError('INVALID_INPUT', `未保存任何评分：${problems.slice(0, 5).join('；')}${more}。`);
}

/** Writes the rows (all were checked), each only where it changes something. */
function writeRows(
  ctx: HandlerContext,
  planId: number,
  kind: EntryKind,
  rows: EntryWrite[],
  existing: EntryRecord[],
): WriteCounts {
  const byCell = new Map(existing.map((e) => [cellKey(e), e]));
  const counts: WriteCounts = { created: 0, updated: 0, removed: 0, same: 0 };
  for (const r of rows) {
    const e = byCell.get(cellKey(r));
    if (!r.input) {
      if (e) {
        removeEntryRow(ctx.records, e.id);
        counts.removed++;
      } else counts.same++;
      continue;
    }
    // checked by rowProblems: a grade is A–D here
    const input = r.input as ScoreInput;
    if (e && sameInput(input, e) && e.note === r.note) {
      counts.same++;
      continue;
    }
    saveEntryRow(ctx.records, { planId, ...r, kind }, input, r.note, ctx.caller.username);
    counts[e ? 'updated' : 'created']++;
  }
  return counts;
}

const sheetStateOf = (bs: Pick<BodySheet, 'sheet'>) => bs.sheet?.state ?? 'draft';

/** The body's entries: refused whole if any row is not the body's cell or its method cannot read it. */
export function saveBodyEntries(ctx: HandlerContext, bs: BodySheet, rows: EntryWrite[]): WriteCounts {
  const { scope, body } = bs;
  requireStep(ctx, scoreSheetLifecycle, sheetStateOf(bs), 'edit', { subject: `${bodyLabel(body)}的` });
  const problems = rowProblems(scope, body, bs.cellByKey, rows);
  if (problems.length) refuse(problems);
  requireUnitsOpen(
    ctx,
    scope.plan,
    rows.map((r) => r.unitId),
  );
  const ids = [...new Set(rows.map((r) => r.indicatorId))];
  return writeRows(
    ctx,
    scope.plan.id,
    'entered',
    rows,
    entriesOf(ctx.sqlite, scope.plan.id, { indicatorIds: ids, kind: 'entered' }),
  );
}

/** A unit's 自评 of the items its bodies score; an item whose body has submitted its sheet is closed to it. */
export function saveSelfEntries(
  ctx: HandlerContext,
  scope: PlanScope,
  unitId: number,
  rows: EntryWrite[],
): WriteCounts {
  const items = [...bodiesOf(scope).values()].flat();
  const cells = new Map(cellsOf(ctx.sqlite, scope, items, unitId).map((c) => [cellKey(c), c]));
  const mine = rows.filter((r) => r.unitId === unitId);
  if (mine.length !== rows.length) throw new AppError('FORBIDDEN', '自评只能填写本单位的指标。');
  const problems = rowProblems(scope, null, cells, rows);
  if (problems.length) refuse(problems);
  const states = new Map(sheetsOf(ctx.sqlite, scope.plan.id).map((s) => [s.body, s.state]));
  for (const r of rows) {
    const body = scope.byId.get(r.indicatorId)!.scoringBody.trim();
    if (states.get(body) === 'submitted')
      throw new AppError(
        'RULE_VIOLATION',
        `${bodyLabel(body)}已报送“${scope.byId.get(r.indicatorId)!.name}”的评分，自评不能再修改。`,
      );
  }
  requireUnitsOpen(ctx, scope.plan, [unitId]);
  return writeRows(ctx, scope.plan.id, 'self', rows, entriesOf(ctx.sqlite, scope.plan.id, { unitId, kind: 'self' }));
}

/** The base cells (共性、个性) still without the body's entry: a sheet is submitted only when none is left. */
export function missingBaseCells(ctx: Pick<HandlerContext, 'sqlite'>, bs: BodySheet): GridCell[] {
  const entered = new Set(
    entriesOf(ctx.sqlite, bs.scope.plan.id, { indicatorIds: bs.items.map((i) => i.id), kind: 'entered' }).map(cellKey),
  );
  return bs.cells.filter((c) => baseKinds.includes(bs.scope.byId.get(c.indicatorId)!.kind) && !entered.has(cellKey(c)));
}

export function submitSheet(ctx: HandlerContext, bs: BodySheet): void {
  const label = bodyLabel(bs.body);
  requireStep(ctx, scoreSheetLifecycle, sheetStateOf(bs), 'submit', { subject: `${label}的` });
  requireUnitsOpen(
    ctx,
    bs.scope.plan,
    bs.cells.map((c) => c.unitId),
  );
  const missing = missingBaseCells(ctx, bs);
  if (missing.length)
    throw new AppError(
      'RULE_VIOLATION',
      `还有 ${missing.length} 项基本指标（共性、个性）未评分，不能报送（如${whereOf(bs.scope, missing[0]!)}）；` +
        '加分、扣分和一票否决项未填的，按未发生计。',
    );
  saveSheetRow(ctx.records, bs.scope.plan.id, bs.body, {
    state: 'submitted',
    return_reason: null,
    submitted_at: ctx.now,
    submitted_by: ctx.caller.username,
  });
}

export function returnSheet(ctx: HandlerContext, bs: BodySheet, reason: string): void {
  requireStep(ctx, scoreSheetLifecycle, sheetStateOf(bs), 'return', {
    subject: `${bodyLabel(bs.body)}的`,
    fields: { reason },
  });
  requireUnitsOpen(
    ctx,
    bs.scope.plan,
    bs.cells.map((c) => c.unitId),
  );
  saveSheetRow(ctx.records, bs.scope.plan.id, bs.body, {
    state: 'returned',
    return_reason: reason.trim(),
    returned_at: ctx.now,
    returned_by: ctx.caller.username,
  });
}
