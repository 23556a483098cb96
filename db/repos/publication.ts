import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { objectionOutcome, objectionState, publicationSubject, ValueOf } from '../../electron/vocab';

/** Frozen results (score_snapshots), 公示 (publications) and 异议 (objections). */

export interface SnapshotHead {
  id: number;
  uuid: string;
  planId: number;
  no: number;
  unitCount: number;
  reason: string;
  incompleteReason: string | null;
  objectionId: number | null;
  madeBy: string;
  madeAt: number;
}

const snapshotCols = `id, uuid, plan_id as planId, no, unit_count as unitCount, reason, incomplete_reason as
  incompleteReason, objection_id as objectionId, made_by as madeBy, made_at as madeAt`;

/** A plan's snapshots, oldest first (without their data). */
export const snapshotsOf = (db: Database.Database, planId: number) =>
  db
    .prepare(`select ${snapshotCols} from score_snapshots where plan_id = ? and deleted_at is null order by no`)
    .all(planId) as SnapshotHead[];

export const latestSnapshot = (db: Database.Database, planId: number) =>
  db
    .prepare(
      `select ${snapshotCols} from score_snapshots where plan_id = ? and deleted_at is null order by no desc limit 1`,
    )
    .get(planId) as SnapshotHead | undefined;

export const snapshotByNo = (db: Database.Database, planId: number, no: number) =>
  db
    .prepare(`select ${snapshotCols} from score_snapshots where plan_id = ? and no = ? and deleted_at is null`)
    .get(planId, no) as SnapshotHead | undefined;

export const snapshotData = (db: Database.Database, id: number) =>
  db.prepare('select data from score_snapshots where id = ?').pluck().get(id) as Buffer;

export const insertSnapshotRow = (
  w: RecordWriter,
  s: Omit<SnapshotHead, 'id' | 'uuid' | 'no'> & { data: Buffer },
  no: number,
) =>
  w.insert('score_snapshots', {
    plan_id: s.planId,
    no,
    data: s.data,
    unit_count: s.unitCount,
    reason: s.reason,
    incomplete_reason: s.incompleteReason,
    objection_id: s.objectionId,
    made_by: s.madeBy,
    made_at: s.madeAt,
  });

export type PublicationSubject = ValueOf<typeof publicationSubject>;

export interface PublicationRecord {
  id: number;
  subjectKind: PublicationSubject;
  subjectId: number;
  title: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  phone: string;
  address: string;
  state: 'open' | 'notified';
  snapshotId: number | null;
  publicityDocumentId: number | null;
  publicityNumber: string | null;
  bulletinDocumentId: number | null;
  bulletinNumber: string | null;
}

const publicationCols = `p.id, p.subject_kind as subjectKind, p.subject_id as subjectId, p.title, p.start_date as
  startDate, p.end_date as endDate, p.working_days as workingDays, p.phone, p.address, p.state, p.snapshot_id as
  snapshotId, p.publicity_document_id as publicityDocumentId, d1.number as publicityNumber, p.bulletin_document_id as
  bulletinDocumentId, d2.number as bulletinNumber`;
const publicationFrom = `publications p left join documents d1 on d1.id = p.publicity_document_id
  left join documents d2 on d2.id = p.bulletin_document_id`;

export const publicationOf = (db: Database.Database, kind: PublicationSubject, subjectId: number) =>
  db
    .prepare(
      `select ${publicationCols} from ${publicationFrom} where p.subject_kind = ? and p.subject_id = ? and ` +
        `p.deleted_at is null`,
    )
    .get(kind, subjectId) as PublicationRecord | undefined;

export const publicationById = (db: Database.Database, id: number) =>
  db.prepare(`select ${publicationCols} from ${publicationFrom} where p.id = ? and p.deleted_at is null`).get(id) as
    PublicationRecord | undefined;

export const insertPublicationRow = (
  w: RecordWriter,
  p: Pick<
    PublicationRecord,
    | 'subjectKind'
    | 'subjectId'
    | 'title'
    | 'startDate'
    | 'endDate'
    | 'workingDays'
    | 'phone'
    | 'address'
    | 'snapshotId'
    | 'publicityDocumentId'
  >,
) =>
  w.insert('publications', {
    subject_kind: p.subjectKind,
    subject_id: p.subjectId,
    title: p.title,
    start_date: p.startDate,
    end_date: p.endDate,
    working_days: p.workingDays,
    phone: p.phone,
    address: p.address,
    state: 'open',
    snapshot_id: p.snapshotId,
    publicity_document_id: p.publicityDocumentId,
  });

export const setPublicationNotified = (w: RecordWriter, id: number, bulletinDocumentId: number) =>
  w.update('publications', id, { state: 'notified', bulletin_document_id: bulletinDocumentId });

/** A 公示 ended without a 通报 (the 优秀 公示, closed by confirming the grades). */
export const setPublicationClosed = (w: RecordWriter, id: number) =>
  w.update('publications', id, { state: 'notified' });

/** The corrected input of one line the office recorded with an upheld objection. */
export interface Correction {
  indicatorId: number;
  targetId: number | null;
  input: Record<string, unknown>;
}

export interface ObjectionRecord {
  id: number;
  publicationId: number;
  no: number;
  raiserName: string;
  raiserUnit: string;
  raiserContact: string;
  receivedDate: string;
  content: string;
  unitId: number | null;
  unitName: string | null;
  /** The person whose proposed 优秀 it disputes (staff_excellent). */
  personId: number | null;
  personName: string | null;
  state: ValueOf<typeof objectionState>;
  investigation: string | null;
  outcome: ValueOf<typeof objectionOutcome> | null;
  answer: string | null;
  answeredDate: string | null;
  answeredBy: string | null;
  corrections: Correction[];
  rescoreSnapshotId: number | null;
  rescoreSnapshotNo: number | null;
  registeredBy: string;
  createdAt: number;
}

const objectionCols = `o.id, o.publication_id as publicationId, o.no, o.raiser_name as raiserName, o.raiser_unit as
  raiserUnit, o.raiser_contact as raiserContact, o.received_date as receivedDate, o.content, o.unit_id as unitId,
  u.name as unitName, o.person_id as personId, pe.name as personName, o.state, o.investigation, o.outcome,
  o.answer, o.answered_date as answeredDate, o.answered_by as
  answeredBy, o.corrections, o.rescore_snapshot_id as rescoreSnapshotId, s.no as rescoreSnapshotNo, o.registered_by as
  registeredBy, o.created_at as createdAt`;
const objectionFrom = `objections o left join units u on u.id = o.unit_id left join people pe on pe.id = o.person_id
  left join score_snapshots s on s.id = o.rescore_snapshot_id`;

type RawObjection = Omit<ObjectionRecord, 'corrections'> & { corrections: string | null };
const objectionOf = (r: RawObjection): ObjectionRecord => ({
  ...r,
  corrections: r.corrections ? (JSON.parse(r.corrections) as Correction[]) : [],
});

export const objectionsOf = (db: Database.Database, publicationId: number): ObjectionRecord[] =>
  (
    db
      .prepare(
        `select ${objectionCols} from ${objectionFrom} where o.publication_id = ? and o.deleted_at is null
        order by o.no`,
      )
      .all(publicationId) as RawObjection[]
  ).map(objectionOf);

export const objectionById = (db: Database.Database, id: number): ObjectionRecord | undefined => {
  const r = db
    .prepare(`select ${objectionCols} from ${objectionFrom} where o.id = ? and o.deleted_at is null`)
    .get(id) as RawObjection | undefined;
  return r && objectionOf(r);
};

/** Units of the plan's 公示 whose objection was upheld and whose re-scoring is not yet frozen. */
export const rescoringUnitIds = (db: Database.Database, planId: number): number[] =>
  db
    .prepare(
      `select distinct o.unit_id from objections o join publications p on p.id = o.publication_id
        where p.subject_kind = 'plan_results' and p.subject_id = ? and p.deleted_at is null and o.deleted_at is null
        and o.outcome = 'upheld' and o.unit_id is not null and o.rescore_snapshot_id is null`,
    )
    .pluck()
    .all(planId) as number[];

export const nextObjectionNo = (db: Database.Database, publicationId: number): number =>
  db
    .prepare('select coalesce(max(no), 0) + 1 from objections where publication_id = ?')
    .pluck()
    .get(publicationId) as number;

export const insertObjectionRow = (
  w: RecordWriter,
  o: Pick<
    ObjectionRecord,
    | 'publicationId'
    | 'no'
    | 'raiserName'
    | 'raiserUnit'
    | 'raiserContact'
    | 'receivedDate'
    | 'content'
    | 'unitId'
    | 'registeredBy'
  > & { personId?: number | null },
) =>
  w.insert('objections', {
    publication_id: o.publicationId,
    no: o.no,
    raiser_name: o.raiserName,
    raiser_unit: o.raiserUnit,
    raiser_contact: o.raiserContact,
    received_date: o.receivedDate,
    content: o.content,
    unit_id: o.unitId,
    person_id: o.personId ?? null,
    state: 'registered',
    registered_by: o.registeredBy,
  });

export const setObjectionInvestigating = (w: RecordWriter, id: number, investigation: string) =>
  w.update('objections', id, { state: 'investigating', investigation });

export const setObjectionAnswer = (
  w: RecordWriter,
  id: number,
  a: { outcome: ValueOf<typeof objectionOutcome>; answer: string; answeredDate: string; answeredBy: string },
) =>
  w.update('objections', id, {
    state: 'answered',
    outcome: a.outcome,
    answer: a.answer,
    answered_date: a.answeredDate,
    answered_by: a.answeredBy,
  });

export const setObjectionCorrections = (w: RecordWriter, id: number, corrections: Correction[]) =>
  w.update('objections', id, { corrections: JSON.stringify(corrections) });

export const setObjectionRescored = (w: RecordWriter, id: number, snapshotId: number) =>
  w.update('objections', id, { rescore_snapshot_id: snapshotId });
