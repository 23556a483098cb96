import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { transferBody, transferState, ValueOf } from '../../electron/vocab';

/** 移送处理 (#18): a case sent to the supervisory body, the feedback awaited until its due date, then received. */

export interface TransferFields {
  fromBody: ValueOf<typeof transferBody>;
  toBody: string;
  transferredOn: string;
  unitId: number;
  personId: number | null;
  subject: string;
  facts: string;
  materials: string;
  feedbackDue: string;
  copyPersonnel: boolean;
}

export interface TransferRecord extends TransferFields {
  id: number;
  uuid: string;
  unitName: string;
  personName: string | null;
  feedbackOn: string | null;
  feedback: string | null;
  documentId: number | null;
  number: string | null;
  state: ValueOf<typeof transferState>;
}

const cols = `t.id, t.uuid, t.from_body as fromBody, t.to_body as toBody, t.transferred_on as transferredOn,
  t.unit_id as unitId, u.name as unitName, t.person_id as personId, p.name as personName, t.subject, t.facts,
  t.materials, t.feedback_due as feedbackDue, t.feedback_on as feedbackOn, t.feedback,
  t.copy_personnel as copyPersonnel, t.document_id as documentId, d.number, t.state`;
const from = `from case_transfers t join units u on u.id = t.unit_id left join people p on p.id = t.person_id
  left join documents d on d.id = t.document_id`;

type Raw = Omit<TransferRecord, 'copyPersonnel'> & { copyPersonnel: number };
const shape = (r: Raw): TransferRecord => ({ ...r, copyPersonnel: r.copyPersonnel === 1 });

export const listTransfers = (db: Database.Database) =>
  (
    db
      .prepare(`select ${cols} ${from} where t.deleted_at is null order by t.transferred_on desc, t.id desc`)
      .all() as Raw[]
  ).map(shape);

export function transferById(db: Database.Database, id: number): TransferRecord | undefined {
  const r = db.prepare(`select ${cols} ${from} where t.id = ? and t.deleted_at is null`).get(id) as Raw | undefined;
  return r && shape(r);
}

const columnsOf = (f: TransferFields) => ({
  from_body: f.fromBody,
  to_body: f.toBody,
  transferred_on: f.transferredOn,
  unit_id: f.unitId,
  person_id: f.personId,
  subject: f.subject,
  facts: f.facts,
  materials: f.materials,
  feedback_due: f.feedbackDue,
  copy_personnel: f.copyPersonnel,
});

export const insertTransfer = (w: RecordWriter, f: TransferFields, createdBy: string) =>
  w.insert('case_transfers', { ...columnsOf(f), state: 'sent', created_by: createdBy });
export const updateTransfer = (w: RecordWriter, id: number, f: TransferFields) =>
  w.update('case_transfers', id, columnsOf(f));
export const recordTransferFeedback = (w: RecordWriter, id: number, f: { feedbackOn: string; feedback: string }) =>
  w.update('case_transfers', id, { state: 'answered', feedback_on: f.feedbackOn, feedback: f.feedback });
export const setTransferDocument = (w: RecordWriter, id: number, documentId: number) =>
  w.update('case_transfers', id, { document_id: documentId });
