import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { complaintCategory, complaintChannel, complaintState, ValueOf } from '../../electron/vocab';

/**
 * 投诉 (the supervision web, #18): registered, handled, concluded (查实 or not). The complainant is stored in full and
 * masked by the services for everyone but the complaint's handler.
 */

export interface ComplaintFields {
  channel: ValueOf<typeof complaintChannel>;
  ref: string | null;
  receivedOn: string;
  complainantName: string | null;
  complainantPhone: string | null;
  unitId: number;
  personId: number | null;
  category: ValueOf<typeof complaintCategory>;
  content: string;
  handler: string | null;
  deadline: string;
}

export interface ComplaintRecord extends ComplaintFields {
  id: number;
  uuid: string;
  unitName: string;
  unitActive: boolean;
  personName: string | null;
  state: ValueOf<typeof complaintState>;
  result: string | null;
  substantiated: boolean | null;
  concludedOn: string | null;
  fingerprint: string;
  createdBy: string;
}

const cols = `c.id, c.uuid, c.channel, c.ref, c.received_on as receivedOn, c.complainant_name as complainantName,
  c.complainant_phone as complainantPhone, c.unit_id as unitId, u.name as unitName, u.active as unitActive,
  c.person_id as personId, p.name as personName, c.category, c.content, c.handler, c.deadline, c.state, c.result,
  c.substantiated, c.concluded_on as concludedOn, c.fingerprint, c.created_by as createdBy`;
const from = `from complaints c join units u on u.id = c.unit_id left join people p on p.id = c.person_id`;

type Raw = Omit<ComplaintRecord, 'substantiated' | 'unitActive'> & { substantiated: number | null; unitActive: number };
const shape = (r: Raw): ComplaintRecord => ({
  ...r,
  unitActive: r.unitActive === 1,
  substantiated: r.substantiated === null ? null : r.substantiated === 1,
});

export interface ComplaintQuery {
  state?: ValueOf<typeof complaintState>;
  unitId?: number;
  substantiated?: boolean;
  /** Part of the unit's name, the category's code list is not searched. */
  search?: string;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

export function listComplaints(db: Database.Database, q: ComplaintQuery = {}): ComplaintRecord[] {
  const where = ['c.deleted_at is null'];
  const args: (string | number)[] = [];
  const add = (clause: string, value: string | number) => {
    where.push(clause);
    args.push(value);
  };
  if (q.state) add('c.state = ?', q.state);
  if (q.unitId) add('c.unit_id = ?', q.unitId);
  if (q.substantiated !== undefined) add('c.substantiated = ?', q.substantiated ? 1 : 0);
  if (q.search) {
    where.push(`(u.name like ? escape '\\' or c.content like ? escape '\\' or c.ref like ? escape '\\')`);
    args.push(like(q.search), like(q.search), like(q.search));
  }
  return (
    db
      .prepare(`select ${cols} ${from} where ${where.join(' and ')} order by c.received_on desc, c.id desc`)
      .all(...args) as Raw[]
  ).map(shape);
}

export function complaintById(db: Database.Database, id: number): ComplaintRecord | undefined {
  const r = db.prepare(`select ${cols} ${from} where c.id = ? and c.deleted_at is null`).get(id) as Raw | undefined;
  return r && shape(r);
}

/** The live complaints already registered under these fingerprints (the same complaint, imported or keyed in). */
export function complaintsByFingerprint(db: Database.Database, fps: string[]): Map<string, ComplaintRecord> {
  const out = new Map<string, ComplaintRecord>();
  if (fps.length === 0) return out;
  const rows = db
    .prepare(`select ${cols} ${from} where c.deleted_at is null and c.fingerprint in (select value from json_each(?))`)
    .all(JSON.stringify(fps)) as Raw[];
  for (const r of rows) out.set(r.fingerprint, shape(r));
  return out;
}

const columnsOf = (f: ComplaintFields & { fingerprint: string }) => ({
  channel: f.channel,
  ref: f.ref,
  received_on: f.receivedOn,
  complainant_name: f.complainantName,
  complainant_phone: f.complainantPhone,
  unit_id: f.unitId,
  person_id: f.personId,
  category: f.category,
  content: f.content,
  handler: f.handler,
  deadline: f.deadline,
  fingerprint: f.fingerprint,
});

export const insertComplaint = (w: RecordWriter, f: ComplaintFields & { fingerprint: string; createdBy: string }) =>
  w.insert('complaints', { ...columnsOf(f), state: 'open', created_by: f.createdBy });

export const updateComplaint = (w: RecordWriter, id: number, f: ComplaintFields & { fingerprint: string }) =>
  w.update('complaints', id, columnsOf(f));

export const concludeComplaint = (
  w: RecordWriter,
  id: number,
  c: { result: string; substantiated: boolean; concludedOn: string },
) =>
  w.update('complaints', id, {
    state: 'closed',
    result: c.result,
    substantiated: c.substantiated,
    concluded_on: c.concludedOn,
  });

/** Back to 办理中: the earlier result stays written until the new conclusion replaces it; it no longer counts. */
export const reopenComplaint = (w: RecordWriter, id: number) =>
  w.update('complaints', id, { state: 'open', substantiated: null, concluded_on: null });

/** Substantiated complaints concluded within the period, per unit (what the score deducts for). */
export function substantiatedComplaints(db: Database.Database, q: { from: string; to: string }) {
  return db
    .prepare(
      `select c.id, c.unit_id as unitId, c.ref, c.content, c.received_on as receivedOn, c.concluded_on as concludedOn,
         c.category
       from complaints c
       where c.deleted_at is null and c.state = 'closed' and c.substantiated = 1
         and c.concluded_on between ? and ?
       order by c.unit_id, c.concluded_on, c.id`,
    )
    .all(q.from, q.to) as {
    id: number;
    unitId: number;
    ref: string | null;
    content: string;
    receivedOn: string;
    concludedOn: string;
    category: ValueOf<typeof complaintCategory>;
  }[];
}

/** Substantiated complaints naming a person (the person's archive). */
export function substantiatedOnPerson(db: Database.Database, personId: number) {
  return db
    .prepare(
      `select c.uuid, c.ref, c.category, c.content, c.result, c.concluded_on as concludedOn, u.name as unitName
       from complaints c join units u on u.id = c.unit_id
       where c.deleted_at is null and c.person_id = ? and c.state = 'closed' and c.substantiated = 1
       order by c.concluded_on, c.id`,
    )
    .all(personId) as {
    uuid: string;
    ref: string | null;
    category: ValueOf<typeof complaintCategory>;
    content: string;
    result: string | null;
    concludedOn: string;
    unitName: string;
  }[];
}
