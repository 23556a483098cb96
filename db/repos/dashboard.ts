import type Database from 'better-sqlite3';

/** What the leader's dashboard reads besides the scores: the plan's targets with their quarterly completion. */

export interface TargetQuarters {
  milestones: string;
  /** The completion rate of each quarter's report the office has (a draft is not yet one); null where none. */
  q1: number | null;
  q2: number | null;
  q3: number | null;
  q4: number | null;
}

const quarter = (q: number) =>
  `max(case when r.quarter = ${q} and r.state <> 'draft' then r.completion_rate end) as q${q}`;

/**
 * The live targets of the given kinds, one row each with its four quarters' rates: counted in SQL, so a city's
 * 6,000 targets and 24,000 reports come back as 6,000 rows.
 */
export const targetQuarters = (db: Database.Database, planId: number, kinds: readonly string[]) =>
  db
    .prepare(
      `select t.milestones, ${[1, 2, 3, 4].map(quarter).join(', ')}
       from targets t join indicators i on i.id = t.indicator_id
       left join progress_reports r on r.target_id = t.id and r.deleted_at is null
       where t.plan_id = ? and t.deleted_at is null and i.kind in (select value from json_each(?))
       group by t.id`,
    )
    .all(planId, JSON.stringify(kinds)) as TargetQuarters[];
