import type Database from 'better-sqlite3';
import { type UnitEfficiency, efficiencyInput, formatPoints, scoreOf } from '../../core';
import { planByYear } from '../../../db/repos/plans';
import type { Level } from '../../contract';
import { scoringIndicators } from '../scoring/year';

export interface ListPoints {
  header: string;
  byUnit: Map<number, number>;
}

/**
 * The points the period's figures earn on the year's efficiency indicator (autoSource approval_efficiency), for the
 * published list's 得分 column: the indicator's own method and points, applied to the quarter's rate. Null when the
 * year has no plan, or no such indicator, or several (which one would the list mean?): the list then shows rates.
 */
export function efficiencyPoints(
  sqlite: Database.Database,
  year: number,
  level: Level,
  units: Pick<UnitEfficiency, 'unitId' | 'rate' | 'late' | 'overdue'>[],
): ListPoints | null {
  const plan = planByYear(sqlite, year, level);
  if (!plan) return null;
  const fed = scoringIndicators(sqlite, plan.id).list.filter((i) => i.autoSource === 'approval_efficiency');
  if (fed.length !== 1) return null;
  const it = fed[0]!;
  const byUnit = new Map<number, number>();
  for (const u of units) {
    const r = efficiencyInput(it.kind, it.params, it.points, {
      ...u,
      cases: 0,
      onTime: 0,
      pending: 0,
      averageDays: null,
      over: [],
    });
    if ('input' in r) byUnit.set(u.unitId, scoreOf(it.kind, it.params, it.points, r.input).points);
  }
  return { header: `得分（满分${formatPoints(it.points)}分）`, byUnit };
}
