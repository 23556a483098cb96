import type Database from 'better-sqlite3';
import {
  type CostFigures,
  type CostMethod,
  EFFICIENCY_RULE,
  addDays,
  asOfFor,
  costMethodProblem,
  costScore,
  defaultCostMethod,
  describeCostMethod,
  periodOf,
  unitEfficiency,
} from '../../core';
import { approvalsBetween, calendarDaysBetween, costsOfYear, settingJson } from '../../../db/repos/efficiency';
import { allUnits, type UnitRecord } from '../../../db/repos/org';

/** The holidays and worked weekends from `from` to a year past `to`: deadlines run past the period's end. */
export function calendarBetween(
  sqlite: Database.Database,
  from: string,
  to: string,
): Map<string, 'holiday' | 'workday'> {
  return new Map(calendarDaysBetween(sqlite, from, addDays(to, 366)).map((d) => [d.date, d.kind]));
}

/**
 * Units as a list shows them: the name, and where several units share it (each town's 财政所) the parent's
 * name after it, as the org screen does: 财政所（城关镇人民政府）.
 */
export function unitNamer(units: UnitRecord[]): (id: number) => string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const count = new Map<string, number>();
  for (const u of units) count.set(u.name, (count.get(u.name) ?? 0) + 1);
  return (id) => {
    const u = byId.get(id);
    if (!u) return `单位 ${id}`;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    return (count.get(u.name) ?? 0) > 1 && parent ? `${u.name}（${parent.name}）` : u.name;
  };
}

export interface EfficiencyQuery {
  year: number;
  quarter: number | null;
  today: string;
}

/** The period's per-unit figures (best rate first) and its cases over their limit. */
export function efficiencyOf(sqlite: Database.Database, q: EfficiencyQuery) {
  const period = periodOf(q.year, q.quarter);
  const asOf = asOfFor(period.to, q.today);
  const cases = approvalsBetween(sqlite, period.from, period.to);
  const calendar = calendarBetween(sqlite, period.from, period.to);
  const units = allUnits(sqlite);
  const byId = new Map(units.map((u) => [u.id, u]));
  const name = unitNamer(units);
  const figures = unitEfficiency(cases, asOf, calendar);
  const rows = [...figures.values()]
    .map(({ over: _o, ...f }) => ({ ...f, unitCode: byId.get(f.unitId)?.code ?? '', unitName: name(f.unitId) }))
    .sort(
      (a, b) =>
        (b.rate ?? -1) - (a.rate ?? -1) ||
        (a.averageDays ?? Infinity) - (b.averageDays ?? Infinity) ||
        a.unitCode.localeCompare(b.unitCode),
    );
  const byCase = new Map(cases.map((c) => [c.id, c]));
  const over = [...figures.values()]
    .flatMap((f) => f.over)
    .map((j) => {
      const c = byCase.get(j.id)!;
      return {
        ...j,
        unitName: name(j.unitId),
        caseNo: c.caseNo,
        item: c.item,
        acceptedOn: c.acceptedOn,
        completedOn: c.completedOn,
      };
    })
    .sort((a, b) => b.overBy - a.overBy || a.acceptedOn.localeCompare(b.acceptedOn));
  return { period, asOf, rule: EFFICIENCY_RULE, units: rows, over };
}

export const COST_METHOD_KEY = 'costMethod';

/** The office's cost method, or the default where none is saved (or a saved one no longer holds). */
export function readCostMethod(sqlite: Database.Database): CostMethod {
  const m = settingJson(sqlite, COST_METHOD_KEY) as CostMethod | undefined;
  return m && !costMethodProblem(m) ? m : defaultCostMethod;
}

/** A year's cost rows with their share; the year before's figures come from its own rows where a row has none. */
export function costsOf(sqlite: Database.Database, year: number) {
  const method = readCostMethod(sqlite);
  const prior = new Map(costsOfYear(sqlite, year - 1).map((c) => [c.unitId, c]));
  const units = allUnits(sqlite);
  const byId = new Map(units.map((u) => [u.id, u]));
  const name = unitNamer(units);
  const rows = costsOfYear(sqlite, year).map((c) => {
    const before = prior.get(c.unitId);
    const f: CostFigures = {
      ...c,
      priorPublic: c.priorPublic ?? before?.publicFunds ?? null,
      priorThree: c.priorThree ?? before?.threePublic ?? null,
      priorStaff: c.priorStaff ?? before?.staff ?? null,
    };
    const s = costScore(f, method);
    return {
      id: c.id,
      unitId: c.unitId,
      unitCode: byId.get(c.unitId)?.code ?? '',
      unitName: name(c.unitId),
      year: c.year,
      publicFunds: c.publicFunds,
      threePublic: c.threePublic,
      staff: c.staff,
      perStaff: Math.round((c.publicFunds / c.staff) * 100) / 100,
      budgetPublic: c.budgetPublic,
      budgetThree: c.budgetThree,
      priorPublic: f.priorPublic,
      priorThree: f.priorThree,
      share: 'share' in s ? s.share : null,
      explain: 'share' in s ? s.explain : `不计分：${s.problem}`,
    };
  });
  rows.sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || a.unitCode.localeCompare(b.unitCode));
  return { year, method, methodText: describeCostMethod(method), rows };
}
