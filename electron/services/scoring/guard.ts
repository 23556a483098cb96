import type Database from 'better-sqlite3';
import type { PlanRecord } from '../../../db/repos/plans';

/**
 * Why a unit's score entries cannot change now, or null: one place for every path that writes a score (a body's
 * entry, an Excel import, a re-score after an upheld objection). Scores are entered while the plan is in 考核评分;
 * a frozen result changes only through an upheld objection (services/scoring/publication).
 */
export function entryLockProblem(
  _sqlite: Database.Database,
  plan: Pick<PlanRecord, 'id' | 'state'>,
  _unitId: number,
): string | null {
  if (plan.state !== 'scoring') return '只有处于“考核评分”阶段的方案才能录入或修改得分';
  return null;
}
