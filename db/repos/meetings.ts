import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { meetingAttendance, meetingState, ValueOf } from '../../electron/vocab';
import { type RectRecord, rectCols, rectFrom } from './notices';

/** 联席会议 (#18): its record; its action items are rows of `rectifications` with meeting_id set. */

export interface Attendee {
  body: string;
  names: string;
  /** 出席 when not said (meetings recorded before the 纪要 distinguished 请假 and 列席). */
  as?: ValueOf<typeof meetingAttendance>;
}

export interface MeetingFields {
  title: string;
  heldOn: string;
  place: string | null;
  attendees: Attendee[];
  topics: string;
  exchanged: string;
  resolutions: string;
}

export interface MeetingRecord extends MeetingFields {
  id: number;
  uuid: string;
  state: ValueOf<typeof meetingState>;
  documentId: number | null;
  /** The 会议纪要's number, once issued. */
  number: string | null;
}

const cols = `m.id, m.uuid, m.title, m.held_on as heldOn, m.place, m.attendees, m.topics, m.exchanged, m.resolutions,
  m.state, m.document_id as documentId, d.number`;
const from = `from joint_meetings m left join documents d on d.id = m.document_id`;
type Raw = Omit<MeetingRecord, 'attendees'> & { attendees: string };
const shape = (r: Raw): MeetingRecord => ({ ...r, attendees: JSON.parse(r.attendees) as Attendee[] });

export const listMeetings = (db: Database.Database) =>
  (
    db.prepare(`select ${cols} ${from} where m.deleted_at is null order by m.held_on desc, m.id desc`).all() as Raw[]
  ).map(shape);

export function meetingById(db: Database.Database, id: number): MeetingRecord | undefined {
  const r = db.prepare(`select ${cols} ${from} where m.id = ? and m.deleted_at is null`).get(id) as Raw | undefined;
  return r && shape(r);
}

/** The action items of these meetings, by meeting. */
export function meetingItems(db: Database.Database, ids: number[]): Map<number, RectRecord[]> {
  const out = new Map<number, RectRecord[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `select ${rectCols}, r.meeting_id as meetingId ${rectFrom}
       where r.deleted_at is null and r.meeting_id in (select value from json_each(?)) order by r.deadline, r.id`,
    )
    .all(JSON.stringify(ids)) as (RectRecord & { meetingId: number })[];
  for (const { meetingId, ...r } of rows) out.set(meetingId, [...(out.get(meetingId) ?? []), r]);
  return out;
}

/** An action item: its meeting and UUID (the clue made from it keeps the UUID). */
export const meetingItemById = (db: Database.Database, id: number) =>
  db
    .prepare(
      `select r.uuid, r.meeting_id as meetingId from rectifications r
       where r.id = ? and r.meeting_id is not null and r.deleted_at is null`,
    )
    .get(id) as { uuid: string; meetingId: number } | undefined;

const columnsOf = (f: MeetingFields) => ({
  title: f.title,
  held_on: f.heldOn,
  place: f.place,
  attendees: JSON.stringify(f.attendees),
  topics: f.topics,
  exchanged: f.exchanged,
  resolutions: f.resolutions,
});

export const insertMeeting = (w: RecordWriter, f: MeetingFields, createdBy: string) =>
  w.insert('joint_meetings', { ...columnsOf(f), state: 'held', created_by: createdBy });
export const updateMeeting = (w: RecordWriter, id: number, f: MeetingFields) =>
  w.update('joint_meetings', id, columnsOf(f));
export const issueMeetingMinutes = (w: RecordWriter, id: number, documentId: number | null) =>
  w.update('joint_meetings', id, { state: 'issued', document_id: documentId });
