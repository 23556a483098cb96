import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { complaintChannel, ValueOf } from '../../electron/vocab';

/** 公开投诉渠道 (#18): each department's ways of taking a complaint, as the office publishes them. */

export interface ComplaintChannelFields {
  unitId: number;
  kind: ValueOf<typeof complaintChannel>;
  contact: string;
  hours: string;
  note: string | null;
}

export interface ComplaintChannelRecord extends ComplaintChannelFields {
  id: number;
  uuid: string;
  unitName: string;
  unitActive: boolean;
}

const cols = `c.id, c.uuid, c.unit_id as unitId, u.name as unitName, u.active as unitActive, c.kind, c.contact,
  c.hours, c.note`;
const from = `from complaint_channels c join units u on u.id = c.unit_id`;
type Raw = Omit<ComplaintChannelRecord, 'unitActive'> & { unitActive: number };
const shape = (r: Raw): ComplaintChannelRecord => ({ ...r, unitActive: r.unitActive === 1 });

/** In the order of the units (their sort order and code), then of the kinds as entered. */
export const listComplaintChannels = (db: Database.Database) =>
  (
    db.prepare(`select ${cols} ${from} where c.deleted_at is null order by u.sort_order, u.code, c.id`).all() as Raw[]
  ).map(shape);

export function complaintChannelById(db: Database.Database, id: number) {
  const r = db.prepare(`select ${cols} ${from} where c.id = ? and c.deleted_at is null`).get(id) as Raw | undefined;
  return r && shape(r);
}

const columnsOf = (f: ComplaintChannelFields) => ({
  unit_id: f.unitId,
  kind: f.kind,
  contact: f.contact,
  hours: f.hours,
  note: f.note,
});

export const insertComplaintChannel = (w: RecordWriter, f: ComplaintChannelFields, createdBy: string) =>
  w.insert('complaint_channels', { ...columnsOf(f), created_by: createdBy });
export const updateComplaintChannel = (w: RecordWriter, id: number, f: ComplaintChannelFields) =>
  w.update('complaint_channels', id, columnsOf(f));
export const removeComplaintChannel = (w: RecordWriter, id: number) => w.remove('complaint_channels', id);
