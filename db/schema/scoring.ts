import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { scoreEntryKind, scoreSheetState } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { indicators, plans, targets } from './plans';
import { units } from './org';

/** How many of the input columns an entry fills: exactly one, the one its method reads. */
const oneInputOf = (t: Record<'rate' | 'grade' | 'occurrences' | 'vetoed' | 'points', AnySQLiteColumn>) =>
  sql.join(
    [t.rate, t.grade, t.occurrences, t.vetoed, t.points].map((c) => sql`(${c} is not null)`),
    sql` + `,
  );

/**
 * One score as its giver entered it: the input the indicator's method reads (one of rate, grade, occurrences, vetoed,
 * points — which one the method says), for a unit, or for one of the unit's targets where the item is scored per
 * target. `kind` entered: the 考核责任单位's score, which counts; self: the unit's 自评, shown beside it.
 */
export const scoreEntries = sqliteTable(
  'score_entries',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    targetId: integer('target_id').references(() => targets.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: scoreEntryKind.values }).notNull(),
    /** Completion in percent (按完成率 / 分档计分). */
    rate: real('rate'),
    grade: text('grade'),
    occurrences: integer('occurrences'),
    vetoed: integer('vetoed', { mode: 'boolean' }),
    /** The points a body judged (综合评议). */
    points: real('points'),
    note: text('note').notNull().default(''),
    enteredBy: text('entered_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('score_entries_plan_idx').on(t.planId, t.indicatorId),
    // one entry a cell (unit × item × target, per kind): an expression index, created in the migration's custom SQL
    check('score_entries_kind_ck', sql`${t.kind} in (${sql.raw(scoreEntryKind.sqlList)})`),
    check('score_entries_one_input_ck', sql`${oneInputOf(t)} = 1`),
    check('score_entries_rate_ck', sql`${t.rate} is null or (${t.rate} >= 0 and ${t.rate} <= 1000)`),
    check('score_entries_grade_ck', sql`${t.grade} is null or ${t.grade} in ('A','B','C','D')`),
    check('score_entries_occurrences_ck', sql`${t.occurrences} is null or ${t.occurrences} >= 0`),
    check('score_entries_points_ck', sql`${t.points} is null or (${t.points} >= 0 and ${t.points} <= 1000)`),
  ],
);

/** A 考核责任单位's sheet of a plan: its state (draft → submitted → returned …), who submitted or returned it, why. */
export const scoreSheets = sqliteTable(
  'score_sheets',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    /** The indicators' scoring_body text; '' for those that name none (the office, 考评办). */
    body: text('body').notNull(),
    state: text('state', { enum: scoreSheetState.values }).notNull(),
    returnReason: text('return_reason'),
    submittedAt: integer('submitted_at'),
    submittedBy: text('submitted_by'),
    returnedAt: integer('returned_at'),
    returnedBy: text('returned_by'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('score_sheets_plan_body_unique').on(t.planId, t.body),
    check('score_sheets_state_ck', sql`${t.state} in (${sql.raw(scoreSheetState.sqlList)})`),
  ],
);
