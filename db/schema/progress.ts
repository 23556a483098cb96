import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { reportState } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { targets } from './plans';

/** A unit's quarterly report on one target (季报): draft → submitted → returned with a reason → accepted. */
export const progressReports = sqliteTable(
  'progress_reports',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'restrict' }),
    quarter: integer('quarter').notNull(),
    /** Completion in percent of the year's target, as the unit reports it. */
    completionRate: real('completion_rate'),
    actualValue: text('actual_value'),
    narrative: text('narrative').notNull().default(''),
    problems: text('problems').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    state: text('state', { enum: reportState.values }).notNull(),
    returnReason: text('return_reason'),
    submittedAt: integer('submitted_at'),
    submittedBy: text('submitted_by'),
    reviewedAt: integer('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('progress_reports_target_quarter_unique').on(t.targetId, t.quarter),
    check('progress_reports_quarter_ck', sql`${t.quarter} between 1 and 4`),
    check('progress_reports_state_ck', sql`${t.state} in (${sql.raw(reportState.sqlList)})`),
    check(
      'progress_reports_rate_ck',
      sql`${t.completionRate} is null or (${t.completionRate} >= 0 and ${t.completionRate} <= 1000)`,
    ),
  ],
);

/** Evidence attached to a report: the file lives in the content-addressed store under its SHA-256. */
export const reportAttachments = sqliteTable(
  'report_attachments',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    reportId: integer('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: integer('added_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('report_attachments_report_idx').on(t.reportId)],
);

/**
 * The office's ruling on a report written at another installation (a unit's PC sends its reports up; the report
 * stays the unit's, so the ruling is the office's own record and goes down to the unit). It rules on one version of
 * the report: once the unit changes the report, the ruling no longer applies (db/repos/progress.ts reportStateSql).
 */
export const reportReviews = sqliteTable(
  'report_reviews',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    reportId: integer('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'restrict' }),
    reportVersion: integer('report_version').notNull(),
    accept: integer('accept', { mode: 'boolean' }).notNull(),
    reason: text('reason'),
    reviewedBy: text('reviewed_by').notNull(),
    reviewedAt: integer('reviewed_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('report_reviews_report_idx').on(t.reportId)],
);
