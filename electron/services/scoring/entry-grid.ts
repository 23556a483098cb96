import type Database from 'better-sqlite3';
import { type ScoreInput, type ScoringUnit, baseKinds, formatPoints, inputProblem } from '../../core';
import { autoSource } from '../../vocab';
import type { PlanRecord } from '../../../db/repos/plans';
import { type EntryRecord, type SheetRecord, scoringTargets, sheetOf, targetCounts } from '../../../db/repos/scores';
import type { SourceIndicator } from './sources';
import { scoringIndicators, scoringUnits } from './year';

/**
 * A 考核责任单位's grid: the items it scores (leaf indicators naming it, with no automatic source) × the units each
 * applies to (the plan's units in the item's categories). A base item (共性、个性) is scored per target where the
 * unit has targets under it — each target on its own points, as signed in the letter; any other item per unit.
 */

export { OFFICE, bodyLabel } from './body-label';
import { bodyLabel } from './body-label';

export interface GridCell {
  indicatorId: number;
  unitId: number;
  targetId: number | null;
  /** What the cell is worth: the target's points, else the item's. */
  points: number;
  targetContent: string | null;
}

export const cellKey = (c: { indicatorId: number; unitId: number; targetId: number | null }): string =>
  `${c.indicatorId}:${c.unitId}:${c.targetId ?? 0}`;

/** The plan's items and units as the entry screens read them, once a call. */
export interface PlanScope {
  plan: PlanRecord;
  /** Every leaf item, in the plan's order. */
  indicators: SourceIndicator[];
  byId: Map<number, SourceIndicator>;
  units: Map<number, ScoringUnit>;
}

export function planScope(sqlite: Database.Database, plan: PlanRecord): PlanScope {
  const indicators = scoringIndicators(sqlite, plan.id).list;
  return {
    plan,
    indicators,
    byId: new Map(indicators.map((i) => [i.id, i])),
    units: new Map(scoringUnits(sqlite, plan).map((u) => [u.id, u])),
  };
}

/** The bodies of the plan, each with its items, in the order their first item comes. */
export function bodiesOf(scope: PlanScope): Map<string, SourceIndicator[]> {
  const out = new Map<string, SourceIndicator[]>();
  for (const i of scope.indicators) {
    if (i.autoSource !== null) continue;
    const body = i.scoringBody.trim();
    const list = out.get(body);
    if (list) list.push(i);
    else out.set(body, [i]);
  }
  return out;
}

const applies = (i: SourceIndicator, u: ScoringUnit) =>
  i.categoryIds.length === 0 || i.categoryIds.includes(u.categoryId);

/** The cells of these items (item-major, units in the plan's order, targets in theirs). */
export function cellsOf(sqlite: Database.Database, scope: PlanScope, items: SourceIndicator[], unitId?: number) {
  const base = items.filter((i) => baseKinds.includes(i.kind)).map((i) => i.id);
  const targets = new Map<string, { id: number; content: string; points: number }[]>();
  for (const t of base.length ? scoringTargets(sqlite, scope.plan.id, base) : []) {
    if (unitId !== undefined && t.unitId !== unitId) continue;
    const k = `${t.indicatorId}:${t.unitId}`;
    const list = targets.get(k);
    if (list) list.push(t);
    else targets.set(k, [t]);
  }
  const units =
    unitId !== undefined ? [scope.units.get(unitId)].filter((u) => u !== undefined) : [...scope.units.values()];
  const cells: GridCell[] = [];
  for (const i of items)
    for (const u of units) {
      if (!applies(i, u)) continue;
      const ts = targets.get(`${i.id}:${u.id}`);
      if (ts)
        for (const t of ts)
          cells.push({ indicatorId: i.id, unitId: u.id, targetId: t.id, points: t.points, targetContent: t.content });
      else cells.push({ indicatorId: i.id, unitId: u.id, targetId: null, points: i.points, targetContent: null });
    }
  return cells;
}

/** How many cells each body's sheet has, counted without making them (the list of a city's sheets). */
export function cellCounts(sqlite: Database.Database, scope: PlanScope): Map<string, number> {
  const targets = targetCounts(sqlite, scope.plan.id);
  const units = [...scope.units.values()];
  const out = new Map<string, number>();
  for (const [body, items] of bodiesOf(scope)) {
    let n = 0;
    for (const i of items) {
      const base = baseKinds.includes(i.kind);
      for (const u of units) if (applies(i, u)) n += (base && targets.get(`${i.id}:${u.id}`)) || 1;
    }
    out.set(body, n);
  }
  return out;
}

/** A body's sheet: its items, its cells and the sheet's state. */
export interface BodySheet {
  scope: PlanScope;
  body: string;
  items: SourceIndicator[];
  cells: GridCell[];
  cellByKey: Map<string, GridCell>;
  sheet: SheetRecord | undefined;
}

export function bodySheet(sqlite: Database.Database, scope: PlanScope, body: string): BodySheet {
  const items = bodiesOf(scope).get(body) ?? [];
  const cells = cellsOf(sqlite, scope, items);
  return {
    scope,
    body,
    items,
    cells,
    cellByKey: new Map(cells.map((c) => [cellKey(c), c])),
    sheet: sheetOf(sqlite, scope.plan.id, body),
  };
}

const categoriesOf = (i: SourceIndicator, scope: PlanScope): string => {
  const names = new Map([...scope.units.values()].map((u) => [u.categoryId, u.categoryName]));
  return i.categoryIds.map((id) => names.get(id) ?? `类别 ${id}`).join('、');
};

/**
 * Why this unit × item (× target) is not a cell of `body`'s sheet, or null: the item another body's or the system's,
 * the unit not assessed or outside the item's categories, a target that is not the unit's, or a per-target item
 * scored as a whole.
 */
export function cellProblem(
  scope: PlanScope,
  body: string | null,
  cells: Map<string, GridCell>,
  c: { indicatorId: number; unitId: number; targetId: number | null },
): string | null {
  const i = scope.byId.get(c.indicatorId);
  if (!i) return '本方案中没有这个指标（或它是分组）';
  if (i.autoSource !== null) return `“${i.name}”的得分由系统按“${autoSource.label(i.autoSource)}”自动计算，不能录入`;
  if (body !== null && i.scoringBody.trim() !== body)
    return `“${i.name}”的考核责任单位是${bodyLabel(i.scoringBody.trim())}，不是${bodyLabel(body)}，不能在本评分表中评分`;
  const u = scope.units.get(c.unitId);
  if (!u) return '该单位不是本方案的考核对象（没有目标任务或责任书）';
  if (!applies(i, u))
    return `${u.name}（${u.categoryName}）不在“${i.name}”的考核范围内（该指标只适用于${categoriesOf(i, scope)}）`;
  if (cells.has(cellKey(c))) return null;
  if (c.targetId === null) return `${u.name}在“${i.name}”下有目标任务，请按目标任务逐项评分`;
  return `这项目标任务不是${u.name}在“${i.name}”下的目标任务`;
}

/** Why the method of the cell's item cannot read `input`, in the words of core/scoring-check.ts. */
export function entryInputProblem(scope: PlanScope, c: GridCell, input: ScoreInput | { grade: string }): string | null {
  return inputProblem(scope.byId.get(c.indicatorId)!, c.points, input as Record<string, unknown>);
}

/** The words for an input, as the grid and the drill-down show it. */
export function inputWords(input: ScoreInput): string {
  if ('rate' in input) return `完成率 ${formatPoints(input.rate)}%`;
  if ('grade' in input) return `${input.grade} 等`;
  if ('occurrences' in input) return `${input.occurrences} 次`;
  if ('vetoed' in input) return input.vetoed ? '一票否决' : '未发生';
  return `${formatPoints(input.points)} 分`;
}

export const sameInput = (a: ScoreInput, e: EntryRecord | undefined): boolean => {
  if (!e) return false;
  if ('rate' in a) return e.rate === a.rate;
  if ('grade' in a) return e.grade === a.grade;
  if ('occurrences' in a) return e.occurrences === a.occurrences;
  if ('vetoed' in a) return e.vetoed === a.vetoed;
  return e.points === a.points;
};
