import type Database from 'better-sqlite3';

/** The counts the guided start reads (core/first-run.ts decides what they mean); live rows only. */
export interface FirstRunCounts {
  evaluators: number;
  units: number;
  people: number;
  plans: number;
  indicators: number;
  targets: number;
  publishedPlans: number;
  letters: number;
}

export const firstRunCounts = (sqlite: Database.Database): FirstRunCounts =>
  sqlite
    .prepare(
      `select
         (select count(*) from users where role = 'evaluator' and disabled = 0) as evaluators,
         (select count(*) from units where deleted_at is null) as units,
         (select count(*) from people where deleted_at is null) as people,
         (select count(*) from plans where deleted_at is null) as plans,
         (select count(*) from indicators where deleted_at is null) as indicators,
         (select count(*) from targets where deleted_at is null) as targets,
         (select count(*) from plans where deleted_at is null and state <> 'draft') as publishedPlans,
         (select count(*) from letters where deleted_at is null and document_id is not null) as letters`,
    )
    .get() as FirstRunCounts;
