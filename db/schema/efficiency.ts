import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { exchangeColumns, timestamps } from './common';
import { units } from './org';

/**
 * 审批效率 (seed 二.3): one approval case as the office's 政务服务 export gives it. A case belongs to the period of
 * its 受理日期; it is judged against its promised limit (承诺时限) where one is given, else the legal one (法定时限),
 * both in working days on the app's calendar. Office data that a county may send upward: exchanged.
 */
export const approvalRecords = sqliteTable(
  'approval_records',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** 办件编号: the case's number in the office's system; with the unit, what identifies it on re-import. */
    caseNo: text('case_no').notNull(),
    item: text('item').notNull(),
    acceptedOn: text('accepted_on').notNull(),
    /** Null while the case is still open. */
    completedOn: text('completed_on'),
    legalDays: integer('legal_days').notNull(),
    promisedDays: integer('promised_days'),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('approval_records_case_unique')
      .on(t.unitId, t.caseNo)
      .where(sql`${t.deletedAt} is null`),
    index('approval_records_accepted_idx').on(t.acceptedOn),
    check(
      'approval_records_limits_ck',
      sql`${t.legalDays} >= 0 and (${t.promisedDays} is null or ${t.promisedDays} >= 0)`,
    ),
    check('approval_records_dates_ck', sql`${t.completedOn} is null or ${t.completedOn} >= ${t.acceptedOn}`),
  ],
);

/**
 * 行政成本 (seed 二.1): a department's cost figures for a year, in 万元, with its budget and the year before's where
 * the office has them (the year before may also come from that year's own row). Exchanged like the records.
 */
export const adminCosts = sqliteTable(
  'admin_costs',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    publicFunds: real('public_funds').notNull(),
    threePublic: real('three_public').notNull(),
    staff: integer('staff').notNull(),
    budgetPublic: real('budget_public'),
    budgetThree: real('budget_three'),
    priorPublic: real('prior_public'),
    priorThree: real('prior_three'),
    priorStaff: integer('prior_staff'),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('admin_costs_unit_year_unique')
      .on(t.unitId, t.year)
      .where(sql`${t.deletedAt} is null`),
    check(
      'admin_costs_figures_ck',
      sql`${t.publicFunds} >= 0 and ${t.threePublic} >= 0 and ${t.staff} > 0 and ${t.threePublic} <= ${t.publicFunds}`,
    ),
  ],
);
