import type Database from 'better-sqlite3';
import { type ScoringRules, defaultScoringRules } from '../../core';
import type { PlanRecord } from '../../../db/repos/plans';
import { type PlanRulesVersion, latestPlanRules, planRulesHistory } from '../../../db/repos/plan-rules';

/**
 * The scoring rules (caps, ranking order, grades by thresholds or quotas) a plan is computed with: the latest version
 * saved on the plan's 计分规则 screen, named 计分规则第N版; until one is saved, the defaults of core/scoring.ts,
 * named 默认规则. Rules are kept per plan (not as an office setting) so that a plan whose results are out keeps the
 * rules it was computed with whatever next year's plan sets.
 */
export function scoringRulesOf(sqlite: Database.Database, plan: Pick<PlanRecord, 'id'>): ScoringRules {
  const v = latestPlanRules(sqlite, 'plan_scoring_rules', plan.id);
  return v ? rulesOfVersion(v) : defaultScoringRules;
}

export const scoringRulesVersionName = (n: number): string => `计分规则第${n}版`;

/** A saved version as core reads it. */
export function rulesOfVersion(v: PlanRulesVersion): ScoringRules {
  return { ...(JSON.parse(v.json) as Omit<ScoringRules, 'version'>), version: scoringRulesVersionName(v.versionNo) };
}

/** Every saved version of the plan's rules, newest first. */
export const scoringRulesHistory = (sqlite: Database.Database, planId: number) =>
  planRulesHistory(sqlite, 'plan_scoring_rules', planId).map((v) => ({ ...v, rules: rulesOfVersion(v) }));

/** Why the plan's scoring rules cannot change now, or null: results out (or archived) keep the rules they used. */
export function rulesLockProblem(sqlite: Database.Database, plan: Pick<PlanRecord, 'id' | 'state'>): string | null {
  if (plan.state !== 'results' && plan.state !== 'closed') return null;
  return `方案已${plan.state === 'results' ? '公布结果' : '归档'}，计分规则不能再修改；结果按“${scoringRulesOf(sqlite, plan).version}”计算。`;
}
