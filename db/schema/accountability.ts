import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  appealKind,
  appealOutcome,
  caseState,
  clueSource,
  clueState,
  decisionState,
  faultCategory,
  faultDegree,
  incidentReviewState,
  responsibilityType,
  statementState,
  subjectKind,
} from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { documents } from './documents';
import { people, units } from './org';

/**
 * A 问责线索: what may call for accountability, with the record it came from (its kind and UUID — any register's
 * row), the unit or person concerned, and how it was assessed. Cases (#17) link to it; registers that produce clues
 * (#18) write it through db/repos/clues.ts.
 */
export const clues = sqliteTable(
  'clues',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    sourceKind: text('source_kind', { enum: clueSource.values }).notNull(),
    /** The source record's UUID; null for a clue entered by hand. */
    sourceUuid: text('source_uuid'),
    /** What the source was, as the list shows it (e.g. 考评询〔2026〕3号 逾期未回复). */
    sourceLabel: text('source_label').notNull(),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    summary: text('summary').notNull(),
    receivedOn: text('received_on').notNull(),
    state: text('state', { enum: clueState.values }).notNull().default('pending'),
    /** Why it was closed, or the note of its assessment. */
    assessment: text('assessment'),
    /** The case it was filed as or merged into (cases arrive with #17; a UUID so it travels). */
    caseUuid: text('case_uuid'),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('clues_source_idx').on(t.sourceKind, t.sourceUuid),
    check('clues_source_kind_ck', sql`${t.sourceKind} in (${sql.raw(clueSource.sqlList)})`),
    check('clues_state_ck', sql`${t.state} in (${sql.raw(clueState.sqlList)})`),
  ],
);

/**
 * A 问责案件 (#17): its state (core/lifecycles.ts caseLifecycle), what it is about, who investigates it. The clues it
 * was filed from or merged with point to it (clues.case_uuid).
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    title: text('title').notNull(),
    state: text('state', { enum: caseState.values }).notNull().default('opened'),
    faultCategory: text('fault_category', { enum: faultCategory.values }).notNull(),
    degree: text('degree', { enum: faultDegree.values }),
    openedOn: text('opened_on').notNull(),
    /** The facts as established by the investigation. */
    facts: text('facts').notNull().default(''),
    /** JSON array of the investigators' names (at least two before the investigation ends). */
    investigators: text('investigators').notNull().default('[]'),
    /** Why the case was revoked or terminated. */
    endReason: text('end_reason'),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    check('cases_state_ck', sql`${t.state} in (${sql.raw(caseState.sqlList)})`),
    check('cases_category_ck', sql`${t.faultCategory} in (${sql.raw(faultCategory.sqlList)})`),
  ],
);

/**
 * Who a case is about: a unit or a person, with the unit, post and rank held at the time of the facts (kept even if
 * the person moves), the 行政首长 flag and the responsibility type; the person's 陈述申辩 or the record that none was
 * given in time.
 */
export const caseSubjects = sqliteTable(
  'case_subjects',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: subjectKind.values }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    /** As at the time of the facts. */
    unitName: text('unit_name').notNull(),
    name: text('name').notNull(),
    post: text('post'),
    rank: text('rank'),
    isHead: integer('is_head', { mode: 'boolean' }).notNull().default(false),
    isLeader: integer('is_leader', { mode: 'boolean' }).notNull().default(false),
    responsibility: text('responsibility', { enum: responsibilityType.values }),
    statementState: text('statement_state', { enum: statementState.values }).notNull().default('pending'),
    statement: text('statement'),
    statementOn: text('statement_on'),
    ...timestamps(),
  },
  (t) => [
    index('case_subjects_case_idx').on(t.caseId),
    index('case_subjects_person_idx').on(t.personId),
    check('case_subjects_kind_ck', sql`${t.kind} in (${sql.raw(subjectKind.sqlList)})`),
    check('case_subjects_statement_ck', sql`${t.statementState} in (${sql.raw(statementState.sqlList)})`),
  ],
);

/**
 * A 问责决定 on one subject: its forms (names as the forms table of the version used lists them), facts and basis,
 * the rule-table versions used, its 问责决定书 and 送达回证 in the register, the clocks service started. Never
 * deleted once served: changed or revoked by a 复查, or revoked with a reason.
 */
export const caseDecisions = sqliteTable(
  'case_decisions',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => caseSubjects.id, { onDelete: 'restrict' }),
    state: text('state', { enum: decisionState.values }).notNull().default('made'),
    /** JSON array of form names. */
    forms: text('forms').notNull(),
    facts: text('facts').notNull(),
    basis: text('basis').notNull(),
    body: text('body').notNull(),
    decidedOn: text('decided_on').notNull(),
    /** The version of 问责方式及影响期 and of 问责救济与执行期限 the decision used. */
    formsVersion: integer('forms_version').notNull(),
    windowsVersion: integer('windows_version').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'restrict' }),
    serviceDocumentId: integer('service_document_id').references(() => documents.id, { onDelete: 'restrict' }),
    servedOn: text('served_on'),
    appealBy: text('appeal_by'),
    executionBy: text('execution_by'),
    executionReportedOn: text('execution_reported_on'),
    /** The decision a 复查 changed into this one. */
    supersedesId: integer('supersedes_id'),
    revokeReason: text('revoke_reason'),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('case_decisions_case_idx').on(t.caseId),
    index('case_decisions_subject_idx').on(t.subjectId),
    check('case_decisions_state_ck', sql`${t.state} in (${sql.raw(decisionState.sqlList)})`),
  ],
);

/**
 * An appeal (申诉) or 复核 request on a decision: when received (late ones recorded as late), answered by when, the
 * 复查 outcome.
 */
export const caseAppeals = sqliteTable(
  'case_appeals',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => caseDecisions.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: appealKind.values }).notNull().default('appeal'),
    receivedOn: text('received_on').notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    grounds: text('grounds').notNull(),
    answerBy: text('answer_by').notNull(),
    outcome: text('outcome', { enum: appealOutcome.values }),
    outcomeOn: text('outcome_on'),
    outcomeNote: text('outcome_note'),
    newDecisionId: integer('new_decision_id'),
    ...timestamps(),
  },
  (t) => [
    index('case_appeals_decision_idx').on(t.decisionId),
    check('case_appeals_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in (${sql.raw(appealOutcome.sqlList)})`),
  ],
);

/**
 * 重大事故/事件的责任检讨: the office demands of a unit's head a written explanation to the upper body by a deadline
 * (working days on the calendar), numbered as a 检讨通知; the explanation is recorded, accepted or returned
 * (core/lifecycles-cases.ts incidentReviewLifecycle). It may become a 问责线索 (source kind incident_review).
 */
export const incidentReviews = sqliteTable(
  'incident_reviews',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** The unit's head the demand goes to, and the post held then (kept if the person moves). */
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    headName: text('head_name').notNull(),
    headPost: text('head_post'),
    /** The incident: what happened, when. */
    incident: text('incident').notNull(),
    incidentOn: text('incident_on').notNull(),
    facts: text('facts').notNull(),
    /** The upper body the explanation is addressed to. */
    toBody: text('to_body').notNull(),
    demandedOn: text('demanded_on').notNull(),
    workingDays: integer('working_days').notNull(),
    deadline: text('deadline').notNull(),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'restrict' }),
    state: text('state', { enum: incidentReviewState.values }).notNull().default('pending'),
    reply: text('reply'),
    replyOn: text('reply_on'),
    /** The office's opinion on the last explanation (认可 or 退回), or why the demand was withdrawn. */
    opinion: text('opinion'),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('incident_reviews_unit_idx').on(t.unitId),
    check('incident_reviews_state_ck', sql`${t.state} in (${sql.raw(incidentReviewState.sqlList)})`),
    check('incident_reviews_deadline_ck', sql`${t.deadline} > ${t.demandedOn}`),
  ],
);
