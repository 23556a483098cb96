import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { measureCategory, staffGrade, trainingCategory } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { people, units } from './org';
import { ruleTables } from './rule-tables';

/**
 * 公务员年度考核 of one unit for one year: the unit's own grade in the target assessment (when the 优秀 share is
 * tied to it) and when the grades were confirmed. Made on the first write of the unit's year.
 */
export const staffRounds = sqliteTable(
  'staff_rounds',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    year: integer('year').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** The unit's grade in the year's target assessment (优秀 / 良好 …), as the quota table lists it. */
    unitGrade: text('unit_grade'),
    confirmedAt: integer('confirmed_at'),
    confirmedBy: text('confirmed_by'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('staff_rounds_year_unit_unique').on(t.year, t.unitId)],
);

/**
 * One person's assessment in a round: in scope or not (with the reason), the proposed grade and the supervisor's
 * comment, the final grade; every grade keeps the rule table and version it was checked with.
 */
export const staffAssessments = sqliteTable(
  'staff_assessments',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    roundId: integer('round_id')
      .notNull()
      .references(() => staffRounds.id, { onDelete: 'restrict' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    /** null: as computed (joined in the year → out); true / false: set by the office, with the reason. */
    inScope: integer('in_scope', { mode: 'boolean' }),
    outReason: text('out_reason'),
    proposedGrade: text('proposed_grade', { enum: staffGrade.values }),
    comment: text('comment').notNull().default(''),
    finalGrade: text('final_grade', { enum: staffGrade.values }),
    /** Why no grade was given (不定等次), printed on the 登记表. */
    noGradeNote: text('no_grade_note'),
    ruleTableId: integer('rule_table_id').references(() => ruleTables.id, { onDelete: 'restrict' }),
    ruleVersion: integer('rule_version'),
    gradedBy: text('graded_by'),
    gradedAt: integer('graded_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('staff_assessments_round_person_unique').on(t.roundId, t.personId),
    index('staff_assessments_person_idx').on(t.personId),
    check(
      'staff_assessments_proposed_ck',
      sql`${t.proposedGrade} is null or ${t.proposedGrade} in (${sql.raw(staffGrade.sqlList)})`,
    ),
    check(
      'staff_assessments_final_ck',
      sql`${t.finalGrade} is null or ${t.finalGrade} in (${sql.raw(staffGrade.sqlList)})`,
    ),
  ],
);

/**
 * 优秀等次公示: the proposed 优秀 of a unit's year (or of every unit of the year, unit null) put before the public
 * through a publications row (subject kind staff_excellent, subject id this row). `listed` is what the notice
 * printed (JSON: name, unit and post of each). While it is open the proposed 优秀 of the units it covers cannot
 * change; an upheld objection on a person reopens that person's grade; confirming it after the period makes the
 * proposed 优秀 final.
 */
export const staffPostings = sqliteTable(
  'staff_postings',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    listed: text('listed').notNull(),
    ...timestamps(),
  },
  (t) => [index('staff_postings_year_idx').on(t.year)],
);

/** 党纪处分, 政务处分, 组织处理 … decided by other bodies, registered here so the assessment counts them. */
export const staffMeasures = sqliteTable(
  'staff_measures',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    category: text('category', { enum: measureCategory.values }).notNull(),
    /** The measure's name as the grade-limits table lists it (诫勉, 记过, 党内警告 …). */
    measure: text('measure').notNull(),
    body: text('body').notNull(),
    decidedOn: text('decided_on').notNull(),
    effectUntil: text('effect_until'),
    docNo: text('doc_no').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('staff_measures_person_idx').on(t.personId),
    check('staff_measures_category_ck', sql`${t.category} in (${sql.raw(measureCategory.sqlList)})`),
    check('staff_measures_period_ck', sql`${t.effectUntil} is null or ${t.effectUntil} >= ${t.decidedOn}`),
  ],
);

/** A training course (seed 四.3): category, dates and hours. */
export const trainings = sqliteTable(
  'trainings',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    title: text('title').notNull(),
    category: text('category', { enum: trainingCategory.values }).notNull(),
    organizer: text('organizer').notNull().default(''),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    hours: real('hours').notNull(),
    ...timestamps(),
  },
  (t) => [
    check('trainings_category_ck', sql`${t.category} in (${sql.raw(trainingCategory.sqlList)})`),
    check('trainings_dates_ck', sql`${t.endDate} >= ${t.startDate} and ${t.hours} > 0`),
  ],
);

/** Who attended a course and the hours credited to them. */
export const trainingAttendance = sqliteTable(
  'training_attendance',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'restrict' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    hours: real('hours').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('training_attendance_unique').on(t.trainingId, t.personId),
    index('training_attendance_person_idx').on(t.personId),
    check('training_attendance_hours_ck', sql`${t.hours} > 0`),
  ],
);
