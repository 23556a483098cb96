import type Database from 'better-sqlite3';
import { type IndicatorKindName, unitPointsProblem } from '../../core';
import { unitFacts } from '../../../db/repos/org';
import type { PlanRecord } from '../../../db/repos/plans';
import { kindedTargets, letterFacts } from './letter-input';

export interface UnitShortfall {
  unitId: number;
  unitCode: string;
  unitName: string;
  problem: string;
}

/** The plan's units whose targets' base points do not add up to the plan's total, in unit order. */
export function unitShortfalls(sqlite: Database.Database, plan: PlanRecord): UnitShortfall[] {
  const facts = letterFacts(sqlite, plan.id);
  return unitFacts(sqlite, [...facts.targets.keys()]).flatMap((u) => {
    const problem = unitPointsProblem(
      plan.totalPoints,
      kindedTargets(facts, facts.targets.get(u.unitId)).map((t) => ({
        points: t.points,
        kind: t.kind as IndicatorKindName,
      })),
    );
    return problem ? [{ unitId: u.unitId, unitCode: u.code, unitName: u.name, problem }] : [];
  });
}
