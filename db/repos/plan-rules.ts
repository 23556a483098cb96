import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';

/**
 * A plan's versioned rule sets (plan_scoring_rules, plan_reward_rules): each save inserts the next version, none is
 * ever changed, so every result can name the version it was computed with and read it back.
 */
export type PlanRulesTable = 'plan_scoring_rules' | 'plan_reward_rules';

/** The column holding the rule's JSON in each table. */
const body: Record<PlanRulesTable, string> = { plan_scoring_rules: 'rules', plan_reward_rules: 'method' };

export interface PlanRulesVersion {
  versionNo: number;
  /** The rule's JSON, parsed by the caller (which knows its shape). */
  json: string;
  reason: string;
  savedBy: string;
  savedAt: number;
}

const cols = (t: PlanRulesTable) =>
  `version_no as versionNo, ${body[t]} as json, reason, saved_by as savedBy, created_at as savedAt`;

/** The latest saved version, or undefined while the plan has none. */
export function latestPlanRules(
  sqlite: Database.Database,
  t: PlanRulesTable,
  planId: number,
): PlanRulesVersion | undefined {
  return sqlite
    .prepare(`select ${cols(t)} from ${t} where plan_id = ? and deleted_at is null order by version_no desc limit 1`)
    .get(planId) as PlanRulesVersion | undefined;
}

/** Every saved version, newest first. */
export function planRulesHistory(sqlite: Database.Database, t: PlanRulesTable, planId: number): PlanRulesVersion[] {
  return sqlite
    .prepare(`select ${cols(t)} from ${t} where plan_id = ? and deleted_at is null order by version_no desc`)
    .all(planId) as PlanRulesVersion[];
}

/** Saves the next version; returns its number. */
export function insertPlanRules(
  w: RecordWriter,
  sqlite: Database.Database,
  t: PlanRulesTable,
  row: { planId: number; json: string; reason: string; savedBy: string },
): number {
  const last = sqlite.prepare(`select max(version_no) as n from ${t} where plan_id = ?`).get(row.planId) as {
    n: number | null;
  };
  const versionNo = (last.n ?? 0) + 1;
  w.insert(t, {
    plan_id: row.planId,
    version_no: versionNo,
    [body[t]]: row.json,
    reason: row.reason,
    saved_by: row.savedBy,
  });
  return versionNo;
}
