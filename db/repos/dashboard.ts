import type Database from 'better-sqlite3';

/** What the leader's dashboard reads besides the scores: the plan's targets with their quarterly reports. */

export interface TargetQuarterRow {
  targetId: number;
  milestones: string;
  /** Null on a target without any report. */
  quarter: number | null;
  completionRate: number | null;
  state: string | null;
}

/**
 * The live targets of the given kinds, each with its live reports (one row per target × report; a target without a
 * report once, with nulls). One query with the targets' own index, however many units the plan has.
 */
export const targetQuarters = (db: Database.Database, planId: number, kinds: readonly string[]) =>
  db
    .prepare(
      `select t.id as targetId, t.milestones, r.quarter, r.completion_rate as completionRate, r.state
       from targets t join indicators i on i.id = t.indicator_id
       left join progress_reports r on r.target_id = t.id and r.deleted_at is null
       where t.plan_id = ? and t.deleted_at is null and i.kind in (select value from json_each(?))
       order by t.id`,
    )
    .all(planId, JSON.stringify(kinds)) as TargetQuarterRow[];
