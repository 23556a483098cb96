import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  auditKind,
  auditState,
  complaintCategory,
  complaintChannel,
  complaintState,
  meetingState,
  transferBody,
  transferState,
} from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { documents } from './documents';
import { people, units } from './org';

/**
 * The supervision web (#18). Rectification items of an audit finding and action items of a joint meeting are rows of
 * `rectifications` (notices.ts) pointing here, so they are done, verified, shown on the board and scored like the
 * others. Overdue is never stored: it is an open record whose deadline has passed.
 */

/** 投诉: who complained (masked everywhere but for its handler), about which unit, and what came of it. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    channel: text('channel', { enum: complaintChannel.values }).notNull(),
    /** 来件编号 (a 12345 work order's number), when the channel gives one. */
    ref: text('ref'),
    receivedOn: text('received_on').notNull(),
    complainantName: text('complainant_name'),
    complainantPhone: text('complainant_phone'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    category: text('category', { enum: complaintCategory.values }).notNull(),
    content: text('content').notNull(),
    /** The username of the evaluator handling it: the only one who sees the complainant in full. */
    handler: text('handler'),
    deadline: text('deadline').notNull(),
    state: text('state', { enum: complaintState.values }).notNull(),
    result: text('result'),
    /** Set when concluded: 1 查实, 0 不属实. */
    substantiated: integer('substantiated', { mode: 'boolean' }),
    concludedOn: text('concluded_on'),
    /** What makes two registrations the same complaint (core/supervision-web.ts complaintFingerprint). */
    fingerprint: text('fingerprint').notNull(),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('complaints_unit_idx').on(t.unitId),
    index('complaints_fingerprint_idx').on(t.fingerprint),
    check('complaints_channel_ck', sql`${t.channel} in (${sql.raw(complaintChannel.sqlList)})`),
    check('complaints_category_ck', sql`${t.category} in (${sql.raw(complaintCategory.sqlList)})`),
    check('complaints_state_ck', sql`${t.state} in (${sql.raw(complaintState.sqlList)})`),
  ],
);

/** 审计发现: an audit of a unit (or of a leader: 经济责任), its findings and amounts, its result. */
export const auditFindings = sqliteTable(
  'audit_findings',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    kind: text('kind', { enum: auditKind.values }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** The audited leader (经济责任审计). */
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    /** 审计期间, as the report writes it (2024年1月至2025年12月). */
    period: text('period').notNull(),
    reportNo: text('report_no'),
    reportedOn: text('reported_on').notNull(),
    findings: text('findings').notNull(),
    /** 问题金额 in fen. */
    amountCents: integer('amount_cents').notNull().default(0),
    /** 审计评价 / 结果 (for a leader, what enters the archive). */
    result: text('result'),
    state: text('state', { enum: auditState.values }).notNull(),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('audit_findings_unit_idx').on(t.unitId),
    check('audit_findings_kind_ck', sql`${t.kind} in (${sql.raw(auditKind.sqlList)})`),
    check('audit_findings_state_ck', sql`${t.state} in (${sql.raw(auditState.sqlList)})`),
  ],
);

/** 移送处理: a case sent by an office to the supervisory body, the feedback awaited and received. */
export const caseTransfers = sqliteTable(
  'case_transfers',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    fromBody: text('from_body', { enum: transferBody.values }).notNull(),
    toBody: text('to_body').notNull(),
    transferredOn: text('transferred_on').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    subject: text('subject').notNull(),
    facts: text('facts').notNull(),
    materials: text('materials').notNull(),
    feedbackDue: text('feedback_due').notNull(),
    feedbackOn: text('feedback_on'),
    feedback: text('feedback'),
    /** 抄送组织人事部门. */
    copyPersonnel: integer('copy_personnel', { mode: 'boolean' }).notNull().default(true),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'restrict' }),
    state: text('state', { enum: transferState.values }).notNull(),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('case_transfers_unit_idx').on(t.unitId),
    check('case_transfers_from_ck', sql`${t.fromBody} in (${sql.raw(transferBody.sqlList)})`),
    check('case_transfers_state_ck', sql`${t.state} in (${sql.raw(transferState.sqlList)})`),
    check('case_transfers_due_ck', sql`${t.feedbackDue} >= ${t.transferredOn}`),
  ],
);

/** 联席会议 (quarterly): who came, what was discussed and exchanged, what was resolved; its 会议纪要. */
export const jointMeetings = sqliteTable(
  'joint_meetings',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    title: text('title').notNull(),
    heldOn: text('held_on').notNull(),
    place: text('place'),
    /** JSON: [{body, names}] — the attendees by body. */
    attendees: text('attendees').notNull(),
    topics: text('topics').notNull(),
    exchanged: text('exchanged').notNull(),
    resolutions: text('resolutions').notNull(),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'restrict' }),
    state: text('state', { enum: meetingState.values }).notNull(),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [check('joint_meetings_state_ck', sql`${t.state} in (${sql.raw(meetingState.sqlList)})`)],
);

/**
 * 公开投诉渠道: how the public reaches each department with a complaint (seed 四.4), published as a 公告. The kind is
 * one of complaintChannel's values (checked by the contract; no CHECK here, so that list can grow without rebuilding
 * this table).
 */
export const complaintChannelsPublished = sqliteTable(
  'complaint_channels',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    /** 电话号码, 通信地址, 网址 or 受理地点: what the public uses. */
    contact: text('contact').notNull(),
    /** 受理时间 (工作日 8:30—12:00、14:30—17:30). */
    hours: text('hours').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [index('complaint_channels_unit_idx').on(t.unitId)],
);
