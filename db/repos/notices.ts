import type Database from 'better-sqlite3';
import { type RecordWriter, ownedHere, ownerSql } from '../records';
import type { noticeKind, noticeState, rectificationState, ValueOf } from '../../electron/vocab';

/** Notices (通知书), their replies and evidence, and the rectification items of a 整改通知书. */

export type NoticeStateValue = ValueOf<typeof noticeState>;

export interface NoticeRecord {
  id: number;
  kind: ValueOf<typeof noticeKind>;
  unitId: number;
  unitName: string;
  targetId: number | null;
  targetContent: string | null;
  leaderName: string | null;
  reason: string;
  items: string;
  issuedOn: string;
  replyBy: string;
  extendedTo: string | null;
  extensionReason: string | null;
  state: NoticeStateValue;
  documentId: number | null;
  number: string | null;
  replyRound: number;
  /** JSON: [{round, accept, note, on}] (see Ruling). */
  rulings: string;
}

/** The office's ruling on the reply of one round, kept on the notice (the office's own row). */
export interface Ruling {
  round: number;
  accept: boolean;
  note: string | null;
  on: string;
}

/**
 * The state of a notice as everyone sees it. The office owns the notice, the unit its replies: a reply written at
 * another installation (the unit's PC, a county answering the city) that answers the notice's current round means
 * "replied" there before the office has recorded it — the unit's PC cannot change the office's row, and the office
 * records it on import (exchange.import). A 退回重报 raises the round, so an old reply no longer counts.
 */
export const noticeStateSql = `(case when n.state in ('issued', 'returned') and exists (select 1 from notice_replies rr
  where rr.notice_id = n.id and rr.deleted_at is null and rr.round = n.reply_round and ${ownerSql.differs('rr', 'n')})
  then 'replied' else n.state end)`;

export const noticeCols = `n.id, n.kind, n.unit_id as unitId, u.name as unitName, n.target_id as targetId, t.content as
  targetContent, pe.name as leaderName, n.reason, n.items,
  n.issued_on as issuedOn, n.reply_by as replyBy, n.extended_to as extendedTo, n.extension_reason as extensionReason,
  ${noticeStateSql} as state, n.document_id as documentId, d.number, n.reply_round as replyRound, n.rulings`;
export const noticeFrom = `from notices n join units u on u.id = n.unit_id
  left join targets t on t.id = n.target_id left join people pe on pe.id = t.leader_id
  left join documents d on d.id = n.document_id`;

export const noticeById = (db: Database.Database, id: number) =>
  db.prepare(`select ${noticeCols} ${noticeFrom} where n.id = ? and n.deleted_at is null`).get(id) as
    NoticeRecord | undefined;

export interface NoticeFilter {
  /** Only notices waiting for the unit (issued, or returned to it). */
  open?: boolean;
  unitId?: number;
  kind?: NoticeRecord['kind'];
  /** Part of the name of the responsible leader of the target concerned. */
  leader?: string;
}

/** Notices by the deadline in force, earliest first. */
export function listNotices(db: Database.Database, f: NoticeFilter): NoticeRecord[] {
  const where: string[] = ['n.deleted_at is null'];
  const args: (string | number)[] = [];
  const add = (clause: string, value?: string | number) => {
    where.push(clause);
    if (value !== undefined) args.push(value);
  };
  if (f.open) add(`${noticeStateSql} in ('issued', 'returned')`);
  if (f.unitId) add('n.unit_id = ?', f.unitId);
  if (f.kind) add('n.kind = ?', f.kind);
  if (f.leader) add('pe.name like ?', `%${f.leader}%`);
  return db
    .prepare(
      `select ${noticeCols} ${noticeFrom} ${where.length ? `where ${where.join(' and ')}` : ''} order by ` +
        `coalesce(n.extended_to, n.reply_by), n.id`,
    )
    .all(...args) as NoticeRecord[];
}

export interface ReplyRecord {
  noticeId: number;
  id: number;
  content: string;
  repliedOn: string;
  late: number;
  reviewNote: string | null;
  round: number;
  attachments: { id: number; name: string; size: number }[];
}

/** The replies of the given notices (all of them when none given) with their live evidence, in two queries. */
export function repliesOf(db: Database.Database, ids?: number[]): Map<number, ReplyRecord[]> {
  const rows = db
    .prepare(
      `select notice_id as noticeId, id, content, replied_on as repliedOn, late, review_note as reviewNote, round ` +
        `from notice_replies where deleted_at is null
          ${ids ? `and notice_id in (${ids.map(() => '?').join(',') || 'null'})` : ''} order by id`,
    )
    .all(...(ids ?? [])) as Omit<ReplyRecord, 'attachments'>[];
  const files = new Map<number, ReplyRecord['attachments']>();
  if (rows.length) {
    for (const a of db
      .prepare(
        `select id, reply_id as replyId, name, size from reply_attachments where deleted_at is ` +
          `null ${ids ? `and reply_id in (${rows.map(() => '?').join(',')})` : ''} order by id`,
      )
      .all(...(ids ? rows.map((r) => r.id) : [])) as { id: number; replyId: number; name: string; size: number }[]) {
      files.set(a.replyId, [...(files.get(a.replyId) ?? []), { id: a.id, name: a.name, size: a.size }]);
    }
  }
  const out = new Map<number, ReplyRecord[]>();
  for (const r of rows)
    out.set(r.noticeId, [...(out.get(r.noticeId) ?? []), { ...r, attachments: files.get(r.id) ?? [] }]);
  return out;
}

/** The notice a reply answers. */
export const replyNoticeId = (db: Database.Database, replyId: number): number | undefined =>
  (
    db.prepare('select notice_id as noticeId from notice_replies where id = ? and deleted_at is null').get(replyId) as
      { noticeId: number } | undefined
  )?.noticeId;

export const replyAttachmentById = (db: Database.Database, id: number) =>
  db.prepare('select name, sha256 from reply_attachments where id = ? and deleted_at is null').get(id) as
    { name: string; sha256: string } | undefined;

export interface RectRecord {
  id: number;
  unitId: number;
  unitName: string;
  noticeId: number | null;
  number: string | null;
  item: string;
  deadline: string;
  state: ValueOf<typeof rectificationState>;
  doneOn: string | null;
  doneNote: string | null;
  verifyNote: string | null;
  escalatedAt: number | null;
}

/** The unit's report (rectification_reports) on this very version of open item `r`, column `col`, or null. */
const rectReport = (r: string, col: string) =>
  `(select ${col} from rectification_reports x where x.rectification_id = ${r}.id and x.rect_version = ${r}.version
     and x.deleted_at is null order by x.id desc limit 1)`;
/**
 * The state of rectification item `r` as everyone sees it: an open item the unit reported done from its own PC is
 * done there at once, and at the office until it records it on import (exchange.import).
 */
export const rectStateSql = (r: string) =>
  `(case when ${r}.state = 'open' and ${rectReport(r, '1')} is not null then 'done' else ${r}.state end)`;

export const rectCols = `r.id, r.unit_id as unitId, u.name as unitName, r.notice_id as noticeId,
  coalesce(d.number, case when r.audit_finding_id is not null then '审计整改'
    when r.meeting_id is not null then '联席会议议定事项' end) as number, r.item,
  r.deadline, ${rectStateSql('r')} as state,
  coalesce(case when r.state = 'open' then ${rectReport('r', 'x.done_on')} end, r.done_on) as doneOn,
  coalesce(case when r.state = 'open' then ${rectReport('r', 'x.note')} end, r.done_note) as doneNote,
  r.verify_note as verifyNote, r.escalated_at as escalatedAt`;
export const rectFrom =
  `from rectifications r join units u on u.id = r.unit_id left join notices n on n.id = ` +
  `r.notice_id left join documents d on d.id = n.document_id`;

/** Rectification items by deadline; `open` keeps only those not yet done. */
export function listRectifications(db: Database.Database, f: { open?: boolean; unitId?: number } = {}): RectRecord[] {
  const where: string[] = ['r.deleted_at is null'];
  const args: number[] = [];
  if (f.open) where.push(`${rectStateSql('r')} = 'open'`);
  if (f.unitId) {
    where.push('r.unit_id = ?');
    args.push(f.unitId);
  }
  return db
    .prepare(
      `select ${rectCols} ${rectFrom} ${where.length ? `where ${where.join(' and ')}` : ''} order by r.deadline, r.id`,
    )
    .all(...args) as RectRecord[];
}

// ---- writes (through the one write path) ----

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
  /** Addressed to a person in the unit (an inquiry to the subject of an accountability case). */
  personId?: number | null;
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
    person_id: n.personId ?? null,
    state: 'issued',
  });

export const setNoticeState = (w: RecordWriter, id: number, state: NoticeStateValue) =>
  w.update('notices', id, { state });
export const extendNoticeRow = (w: RecordWriter, id: number, to: string, reason: string) =>
  w.update('notices', id, { extended_to: to, extension_reason: reason });

export const insertReplyRow = (
  w: RecordWriter,
  r: { noticeId: number; content: string; repliedOn: string; late: boolean; recordedBy: string; round: number },
) =>
  w.insert('notice_replies', {
    notice_id: r.noticeId,
    round: r.round,
    content: r.content,
    replied_on: r.repliedOn,
    late: r.late,
    recorded_by: r.recordedBy,
  });

/**
 * The office's ruling on the reply: kept on the notice (its own row) with the round it rules on; a return raises the
 * round. The note is also put on the latest reply when that reply was written here (the unit's reply that came up
 * belongs to the unit and is not changed).
 */
export function ruleOnReply(
  db: Database.Database,
  w: RecordWriter,
  n: Pick<NoticeRecord, 'id' | 'replyRound' | 'rulings'>,
  r: { accept: boolean; note: string | null; on: string; state: NoticeStateValue },
): void {
  const rulings = [
    ...(JSON.parse(n.rulings) as Ruling[]),
    { round: n.replyRound, accept: r.accept, note: r.note, on: r.on },
  ];
  w.update('notices', n.id, {
    state: r.state,
    rulings: JSON.stringify(rulings),
    reply_round: r.accept ? n.replyRound : n.replyRound + 1,
  });
  const latest = db
    .prepare('select id from notice_replies where notice_id = ? and deleted_at is null order by id desc limit 1')
    .get(n.id) as { id: number } | undefined;
  if (latest && ownedHere(db, 'notice_replies', [latest.id]).has(latest.id))
    w.update('notice_replies', latest.id, { review_note: r.note });
}

/** Notices of this installation answered by a reply that came from another (a package): to be recorded replied. */
export const answeredElsewhere = (db: Database.Database) =>
  db
    .prepare(
      `select n.id, d.number from notices n left join documents d on d.id = n.document_id
       where n.deleted_at is null and ${ownerSql.here('n')} and n.state in ('issued', 'returned')
         and exists (select 1 from notice_replies rr where rr.notice_id = n.id and rr.deleted_at is null
           and rr.round = n.reply_round and ${ownerSql.differs('rr', 'n')})`,
    )
    .all() as { id: number; number: string | null }[];

export const insertReplyAttachmentRow = (
  w: RecordWriter,
  a: { replyId: number; name: string; sha256: string; size: number; addedBy: string },
) =>
  w.insert('reply_attachments', {
    reply_id: a.replyId,
    name: a.name,
    sha256: a.sha256,
    size: a.size,
    added_by: a.addedBy,
    added_at: w.now,
  });

/** Records the items of a 整改通知书 as rectification items (inside the notice's write). */
export function insertRectificationRows(
  w: RecordWriter,
  o: { unitId: number; noticeId: number; items: { text: string; deadline: string }[] },
): void {
  for (const it of o.items) {
    w.insert('rectifications', {
      unit_id: o.unitId,
      notice_id: o.noticeId,
      item: it.text,
      deadline: it.deadline,
      state: 'open',
    });
  }
}

export const markRectificationDone = (w: RecordWriter, id: number, doneOn: string, note: string) =>
  w.update('rectifications', id, { state: 'done', done_on: doneOn, done_note: note });

/** The unit's report that it finished the office's item (written where the item is not this installation's). */
export const insertRectificationReport = (
  w: RecordWriter,
  r: { rectificationId: number; doneOn: string; note: string; by: string },
  rectVersion: number,
) =>
  w.insert('rectification_reports', {
    rectification_id: r.rectificationId,
    rect_version: rectVersion,
    done_on: r.doneOn,
    note: r.note,
    reported_by: r.by,
  });

export const rectificationVersion = (db: Database.Database, id: number) =>
  (db.prepare('select version from rectifications where id = ?').get(id) as { version: number }).version;

/** Items of this installation a unit reported done from its own PC (a package): to be recorded done. */
export const reportedElsewhere = (db: Database.Database) =>
  db
    .prepare(
      `select r.id, r.item, x.done_on as doneOn, x.note from rectifications r
       join rectification_reports x on x.id = (select y.id from rectification_reports y where y.rectification_id = r.id
         and y.rect_version = r.version and y.deleted_at is null order by y.id desc limit 1)
       where r.deleted_at is null and r.state = 'open' and ${ownerSql.here('r')} and ${ownerSql.differs('x', 'r')}`,
    )
    .all() as { id: number; item: string; doneOn: string; note: string }[];
export const verifyRectification = (
  w: RecordWriter,
  id: number,
  v: { ok: true; on: string; by: string; note: string | null } | { ok: false; note: string },
) =>
  v.ok
    ? w.update('rectifications', id, { state: 'verified', verified_on: v.on, verified_by: v.by, verify_note: v.note })
    : w.update('rectifications', id, { state: 'open', done_on: null, verify_note: v.note });
export const escalateRectification = (w: RecordWriter, id: number, reason: string) =>
  w.update('rectifications', id, { escalated_at: w.now, escalate_reason: reason });
