import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { noticeKind, noticeState, rectificationState } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { documents } from './documents';
import { people, units } from './org';
import { targets } from './plans';
import { auditFindings, jointMeetings } from './supervision-web';

/**
 * 问询 / 督办 / 整改 notices: issued → replied → accepted or returned (awaiting a new reply) → closed.
 * Overdue is not stored: it is an open notice whose deadline (or granted extension) has passed.
 */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    kind: text('kind', { enum: noticeKind.values }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** The lagging target it came from, if any. */
    targetId: integer('target_id').references(() => targets.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull(),
    source: text('source'),
    /** JSON: [{text, lead, partners, deadline}]. */
    items: text('items').notNull(),
    issuedOn: text('issued_on').notNull(),
    workingDays: integer('working_days').notNull(),
    replyBy: text('reply_by').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'restrict' }),
    state: text('state', { enum: noticeState.values }).notNull(),
    extendedTo: text('extended_to'),
    extensionReason: text('extension_reason'),
    /** A notice addressed to a person (an inquiry to the subject of an accountability case), in his unit. */
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    /**
     * Which answer the notice waits for: 0 at issue, raised by each 退回重报. A reply records the round it answers, so
     * a unit's PC, which cannot change the office's notice, still knows its reply stands (db/repos/notices.ts).
     */
    replyRound: integer('reply_round').notNull().default(0),
    /** JSON: the office's rulings on the replies, [{round, accept, note, on}] — kept on the office's own row. */
    rulings: text('rulings').notNull().default('[]'),
    /** An accountability case may later start from an overdue notice (its clue); the link lives on the case. */
    ...timestamps(),
  },
  (t) => [
    index('notices_unit_idx').on(t.unitId),
    check('notices_kind_ck', sql`${t.kind} in (${sql.raw(noticeKind.sqlList)})`),
    check('notices_state_ck', sql`${t.state} in (${sql.raw(noticeState.sqlList)})`),
  ],
);

/** Each reply to a notice, kept even when returned; a reply after the deadline is recorded as late. */
export const noticeReplies = sqliteTable(
  'notice_replies',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'restrict' }),
    content: text('content').notNull(),
    repliedOn: text('replied_on').notNull(),
    late: integer('late', { mode: 'boolean' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    reviewNote: text('review_note'),
    /** The notice's reply round this reply answers (notices.reply_round when it was written). */
    round: integer('round').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('notice_replies_notice_idx').on(t.noticeId)],
);

/**
 * 限期整改 items: each with its own deadline, marked done by the unit's report and verified by the office.
 * An overdue item can be escalated: `escalatedAt` marks it as a clue for an accountability case, which links here.
 */
export const rectifications = sqliteTable(
  'rectifications',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    noticeId: integer('notice_id').references(() => notices.id, { onDelete: 'restrict' }),
    item: text('item').notNull(),
    deadline: text('deadline').notNull(),
    state: text('state', { enum: rectificationState.values }).notNull(),
    doneOn: text('done_on'),
    doneNote: text('done_note'),
    verifiedOn: text('verified_on'),
    verifiedBy: text('verified_by'),
    verifyNote: text('verify_note'),
    escalatedAt: integer('escalated_at'),
    escalateReason: text('escalate_reason'),
    /** An audit finding's rectification item, or a joint meeting's action item (supervision-web.ts). */
    auditFindingId: integer('audit_finding_id').references(() => auditFindings.id, { onDelete: 'restrict' }),
    meetingId: integer('meeting_id').references(() => jointMeetings.id, { onDelete: 'restrict' }),
    ...timestamps(),
  },
  (t) => [
    index('rectifications_unit_idx').on(t.unitId),
    check('rectifications_state_ck', sql`${t.state} in (${sql.raw(rectificationState.sqlList)})`),
  ],
);

/** Evidence attached to a reply, stored by content like a report's. */
export const replyAttachments = sqliteTable(
  'reply_attachments',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    replyId: integer('reply_id')
      .notNull()
      .references(() => noticeReplies.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: integer('added_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('reply_attachments_reply_idx').on(t.replyId)],
);

/**
 * A unit's report that it finished a rectification item, written on its own PC (unit mode): the item is the
 * office's, the report the unit's. It answers one version of the item; the office records the item done when the
 * report comes up (exchange.import), and a 核验不通过 (a new version) asks for a new report.
 */
export const rectificationReports = sqliteTable(
  'rectification_reports',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    rectificationId: integer('rectification_id')
      .notNull()
      .references(() => rectifications.id, { onDelete: 'restrict' }),
    rectVersion: integer('rect_version').notNull(),
    doneOn: text('done_on').notNull(),
    note: text('note').notNull(),
    reportedBy: text('reported_by').notNull(),
    ...timestamps(),
  },
  (t) => [index('rectification_reports_item_idx').on(t.rectificationId)],
);
