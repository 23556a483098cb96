import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { objectionOutcome, objectionState, publicationSubject } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { documents } from './documents';
import { people, units } from './org';
import { plans } from './plans';

/**
 * A plan's frozen results (评分结果冻结): numbered 1, 2 … per plan, never changed or removed. The first is made when
 * the office freezes; each later one when an upheld objection's re-scoring is done, naming it. `data` is the
 * gzip-compressed JSON of the YearScores, the rule tables and the scoring rules it was made with.
 */
export const scoreSnapshots = sqliteTable(
  'score_snapshots',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    no: integer('no').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    unitCount: integer('unit_count').notNull(),
    /** 首次冻结, or the upheld objection and its answer. */
    reason: text('reason').notNull(),
    /** Why the office froze with units still incomplete (尚未评分); null when every unit was complete. */
    incompleteReason: text('incomplete_reason'),
    objectionId: integer('objection_id'),
    madeBy: text('made_by').notNull(),
    madeAt: integer('made_at').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('score_snapshots_plan_no_unique').on(t.planId, t.no),
    check('score_snapshots_no_ck', sql`${t.no} >= 1`),
  ],
);

/**
 * A 公示: what is put before the public (a subject kind and its record), the period in working days, where to raise
 * an objection, its 公示 document and, after the period, its 通报. State: open → notified (公示期满 is derived).
 */
export const publications = sqliteTable(
  'publications',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    subjectKind: text('subject_kind', { enum: publicationSubject.values }).notNull(),
    /** plan_results: the plan's id; staff_excellent: the staff_postings row's. */
    subjectId: integer('subject_id').notNull(),
    title: text('title').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    workingDays: integer('working_days').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    state: text('state', { enum: ['open', 'notified'] }).notNull(),
    /** The snapshot the 公示 printed (plan_results). */
    snapshotId: integer('snapshot_id').references(() => scoreSnapshots.id, { onDelete: 'restrict' }),
    publicityDocumentId: integer('publicity_document_id').references(() => documents.id, { onDelete: 'restrict' }),
    bulletinDocumentId: integer('bulletin_document_id').references(() => documents.id, { onDelete: 'restrict' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('publications_subject_unique').on(t.subjectKind, t.subjectId),
    check('publications_subject_ck', sql`${t.subjectKind} in (${sql.raw(publicationSubject.sqlList)})`),
    check('publications_state_ck', sql`${t.state} in ('open','notified')`),
    check('publications_period_ck', sql`${t.endDate} >= ${t.startDate} and ${t.workingDays} >= 1`),
  ],
);

/** 异议: who raised it and when it was received, what it says, how it was investigated and answered. */
export const objections = sqliteTable(
  'objections',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    publicationId: integer('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'restrict' }),
    /** 异议第N号 within its 公示. */
    no: integer('no').notNull(),
    raiserName: text('raiser_name').notNull(),
    raiserUnit: text('raiser_unit').notNull(),
    raiserContact: text('raiser_contact').notNull(),
    receivedDate: text('received_date').notNull(),
    content: text('content').notNull(),
    /** The unit whose result it disputes (plan_results), if it names one. */
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    /** The person whose proposed 优秀 it disputes (staff_excellent), if it names one. */
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    state: text('state', { enum: objectionState.values }).notNull(),
    investigation: text('investigation'),
    outcome: text('outcome', { enum: objectionOutcome.values }),
    answer: text('answer'),
    answeredDate: text('answered_date'),
    answeredBy: text('answered_by'),
    /** The corrected inputs the office recorded for the unit's re-scoring (JSON), if any. */
    corrections: text('corrections'),
    /** The snapshot made when the upheld objection's re-scoring was done. */
    rescoreSnapshotId: integer('rescore_snapshot_id').references(() => scoreSnapshots.id, { onDelete: 'restrict' }),
    registeredBy: text('registered_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('objections_publication_no_unique').on(t.publicationId, t.no),
    index('objections_unit_idx').on(t.unitId),
    check('objections_state_ck', sql`${t.state} in (${sql.raw(objectionState.sqlList)})`),
    check('objections_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in (${sql.raw(objectionOutcome.sqlList)})`),
    check('objections_answered_ck', sql`(${t.state} = 'answered') = (${t.outcome} is not null)`),
  ],
);
