import type Database from 'better-sqlite3';
import type { PlanRecord } from '../../../db/repos/plans';
import { latestSnapshot, rescoringUnitIds } from '../../../db/repos/publication';

/** What every refused write of a frozen result says (re-scoring without an upheld objection). */
export const FROZEN_MESSAGE = '结果已冻结，只有异议成立后才能重新评分';

/**
 * Why a unit's score entries cannot change now, or null: one place for every path that writes a score (a body's
 * entry, an Excel import, a re-score after an upheld objection). Scores are entered while the plan is in 考核评分;
 * once the results are frozen (score_snapshots), only a unit whose objection was upheld and whose re-scoring is not
 * yet frozen again may change (services/scoring/snapshots.ts), in 考核评分 or 结果已公布.
 */
export function entryLockProblem(
  sqlite: Database.Database,
  plan: Pick<PlanRecord, 'id' | 'state'>,
  unitId: number,
): string | null {
  if (latestSnapshot(sqlite, plan.id)) {
    if ((plan.state === 'scoring' || plan.state === 'results') && rescoringUnitIds(sqlite, plan.id).includes(unitId))
      return null;
    return `${FROZEN_MESSAGE}。`;
  }
  if (plan.state !== 'scoring') return '只有处于“考核评分”阶段的方案才能录入或修改得分';
  return null;
}
