import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { auditKind, auditState, ValueOf } from '../../electron/vocab';
import { type RectRecord, rectCols, rectFrom } from './notices';

/**
 * 审计发现 (#18): an audit's findings and result; its rectification items are rows of `rectifications` with
 * audit_finding_id set, so they are done and verified (rectify.*), shown on the board and scored like any other.
 */

export interface AuditFields {
  kind: ValueOf<typeof auditKind>;
  unitId: number;
  personId: number | null;
  period: string;
  reportNo: string | null;
  reportedOn: string;
  findings: string;
  amountCents: number;
  result: string | null;
}

export interface AuditRecord extends AuditFields {
  id: number;
  uuid: string;
  unitName: string;
  personName: string | null;
  state: ValueOf<typeof auditState>;
}

const cols = `a.id, a.uuid, a.kind, a.unit_id as unitId, u.name as unitName, a.person_id as personId,
  p.name as personName, a.period, a.report_no as reportNo, a.reported_on as reportedOn, a.findings,
  a.amount_cents as amountCents, a.result, a.state`;
const from = `from audit_findings a join units u on u.id = a.unit_id left join people p on p.id = a.person_id`;

export const listAuditFindings = (db: Database.Database) =>
  db
    .prepare(`select ${cols} ${from} where a.deleted_at is null order by a.reported_on desc, a.id desc`)
    .all() as AuditRecord[];

export const auditFindingById = (db: Database.Database, id: number) =>
  db.prepare(`select ${cols} ${from} where a.id = ? and a.deleted_at is null`).get(id) as AuditRecord | undefined;

/** The rectification items of these audits, by audit. */
export function auditItems(db: Database.Database, ids: number[]): Map<number, RectRecord[]> {
  const out = new Map<number, RectRecord[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `select ${rectCols}, r.audit_finding_id as auditFindingId ${rectFrom}
       where r.deleted_at is null and r.audit_finding_id in (select value from json_each(?)) order by r.deadline, r.id`,
    )
    .all(JSON.stringify(ids)) as (RectRecord & { auditFindingId: number })[];
  for (const { auditFindingId, ...r } of rows) out.set(auditFindingId, [...(out.get(auditFindingId) ?? []), r]);
  return out;
}

const columnsOf = (f: AuditFields) => ({
  kind: f.kind,
  unit_id: f.unitId,
  person_id: f.personId,
  period: f.period,
  report_no: f.reportNo,
  reported_on: f.reportedOn,
  findings: f.findings,
  amount_cents: f.amountCents,
  result: f.result,
});

export const insertAuditFinding = (w: RecordWriter, f: AuditFields, createdBy: string) =>
  w.insert('audit_findings', { ...columnsOf(f), state: 'open', created_by: createdBy });
export const updateAuditFinding = (w: RecordWriter, id: number, f: AuditFields) =>
  w.update('audit_findings', id, columnsOf(f));
export const closeAuditFinding = (w: RecordWriter, id: number) => w.update('audit_findings', id, { state: 'closed' });

/** A rectification item of an audit (or of a joint meeting): open, with its deadline. */
export const insertSupervisionItem = (
  w: RecordWriter,
  o: { unitId: number; item: string; deadline: string; auditFindingId?: number; meetingId?: number },
) =>
  w.insert('rectifications', {
    unit_id: o.unitId,
    item: o.item,
    deadline: o.deadline,
    state: 'open',
    audit_finding_id: o.auditFindingId ?? null,
    meeting_id: o.meetingId ?? null,
  });

/** Audit results naming a person (a leader's 经济责任审计), for the person's archive. */
export const auditResultsOfLeader = (db: Database.Database, personId: number) =>
  db
    .prepare(`select ${cols} ${from} where a.deleted_at is null and a.person_id = ? order by a.reported_on, a.id`)
    .all(personId) as AuditRecord[];
