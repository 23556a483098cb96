import type Database from 'better-sqlite3';
import { type ScoringRules, defaultScoringRules } from '../../core';
import type { PlanRecord } from '../../../db/repos/plans';

/**
 * The scoring rules (caps, ranking order, grades by thresholds or quotas) a plan is computed with. Until the office
 * sets its own (the 计分规则 screen), the defaults of core/scoring.ts, named 默认规则.
 */
export function scoringRulesOf(_sqlite: Database.Database, _plan: Pick<PlanRecord, 'id'>): ScoringRules {
  return defaultScoringRules;
}
