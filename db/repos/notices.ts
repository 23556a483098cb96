import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { noticeState, ValueOf } from '../../electron/vocab';

/** Writes of notices, their replies and evidence, and the rectification items of a 整改通知书. */

export type NoticeStateValue = ValueOf<typeof noticeState>;

export interface NoticeRow {
  kind: string;
  unitId: number;
  targetId: number | null;
  reason: string;
  source: string | null;
  items: string;
  issuedOn: string;
  workingDays: number;
  replyBy: string;
  contactName: string;
  contactPhone: string;
  documentId: number;
}

export const insertNoticeRow = (w: RecordWriter, n: NoticeRow) =>
  w.insert('notices', {
    kind: n.kind,
    unit_id: n.unitId,
    target_id: n.targetId,
    reason: n.reason,
    source: n.source,
    items: n.items,
    issued_on: n.issuedOn,
    working_days: n.workingDays,
    reply_by: n.replyBy,
    contact_name: n.contactName,
    contact_phone: n.contactPhone,
    document_id: n.documentId,
    state: 'issued',
  });

export const setNoticeState = (w: RecordWriter, id: number, state: NoticeStateValue) => w.update('notices', id, { state });
export const extendNoticeRow = (w: RecordWriter, id: number, to: string, reason: string) =>
  w.update('notices', id, { extended_to: to, extension_reason: reason });

export const insertReplyRow = (w: RecordWriter, r: { noticeId: number; content: string; repliedOn: string; late: boolean; recordedBy: string }) =>
  w.insert('notice_replies', {
    notice_id: r.noticeId,
    content: r.content,
    replied_on: r.repliedOn,
    late: r.late,
    recorded_by: r.recordedBy,
  });

/** The office's note on the latest reply (why it was returned, or nothing when accepted). */
export function reviewLatestReply(db: Database.Database, w: RecordWriter, noticeId: number, note: string | null): void {
  const latest = db.prepare('select max(id) as id from notice_replies where notice_id = ? and deleted_at is null').get(noticeId) as {
    id: number | null;
  };
  if (latest.id !== null) w.update('notice_replies', latest.id, { review_note: note });
}

export const insertReplyAttachmentRow = (
  w: RecordWriter,
  a: { replyId: number; name: string; sha256: string; size: number; addedBy: string },
) => w.insert('reply_attachments', { reply_id: a.replyId, name: a.name, sha256: a.sha256, size: a.size, added_by: a.addedBy, added_at: w.now });

/** Records the items of a 整改通知书 as rectification items (inside the notice's write). */
export function insertRectificationRows(
  w: RecordWriter,
  o: { unitId: number; noticeId: number; items: { text: string; deadline: string }[] },
): void {
  for (const it of o.items) {
    w.insert('rectifications', { unit_id: o.unitId, notice_id: o.noticeId, item: it.text, deadline: it.deadline, state: 'open' });
  }
}

export const markRectificationDone = (w: RecordWriter, id: number, doneOn: string, note: string) =>
  w.update('rectifications', id, { state: 'done', done_on: doneOn, done_note: note });
export const verifyRectification = (w: RecordWriter, id: number, v: { ok: true; on: string; by: string; note: string | null } | { ok: false; note: string }) =>
  v.ok
    ? w.update('rectifications', id, { state: 'verified', verified_on: v.on, verified_by: v.by, verify_note: v.note })
    : w.update('rectifications', id, { state: 'open', done_on: null, verify_note: v.note });
export const escalateRectification = (w: RecordWriter, id: number, reason: string) =>
  w.update('rectifications', id, { escalated_at: w.now, escalate_reason: reason });
