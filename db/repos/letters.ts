import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';

/** Responsibility letters (目标责任书): one per plan and unit, made again as a new document, then signed. */

export interface LetterRecord {
  id: number;
  planId: number;
  unitId: number;
  documentId: number | null;
  signedDate: string | null;
  partyASigner: string | null;
  partyBSigner: string | null;
  fingerprint: string | null;
  generatedAt: number | null;
  number: string | null;
  voided: boolean;
}

const letterCols = `l.id, l.plan_id as planId, l.unit_id as unitId, l.document_id as documentId, l.signed_date as
  signedDate, l.party_a_signer as partyASigner,
  l.party_b_signer as partyBSigner, l.fingerprint, d.made_at as generatedAt, d.number, d.voided_at is not null as
  voided`;

/** A plan's letters (of some units) without their models (which can be large). */
export function lettersOf(db: Database.Database, planId: number, unitIds?: number[]): LetterRecord[] {
  const units = unitIds ? 'and l.unit_id in (select value from json_each(?))' : '';
  return (
    db
      .prepare(
        `select ${letterCols} from letters l left join documents d on d.id = l.document_id
         where l.plan_id = ? ${units}`,
      )
      .all(...(unitIds ? [planId, JSON.stringify(unitIds)] : [planId])) as LetterRecord[]
  ).map((r) => ({ ...r, voided: !!r.voided }));
}

export function letterOf(db: Database.Database, planId: number, unitId: number): LetterRecord | undefined {
  const r = db
    .prepare(
      `select ${letterCols} from letters l left join documents d on d.id = l.document_id where l.plan_id = ? and ` +
        `l.unit_id = ?`,
    )
    .get(planId, unitId) as LetterRecord | undefined;
  return r && { ...r, voided: !!r.voided };
}

/** A plan's current letter and its registered file, for the bound volumes. */
export interface CurrentLetter {
  unitId: number;
  documentId: number;
  kind: string;
  year: number;
  fileName: string;
  sha256: string;
  number: string;
}

/** The plan's current letters (generated, not voided) with their files, for the bound volumes. */
export function currentLetters(db: Database.Database, planId: number): CurrentLetter[] {
  return db
    .prepare(
      `select l.unit_id as unitId, l.document_id as documentId, d.kind, d.year, d.file_name as fileName,
        d.sha256, d.number
       from letters l join documents d on d.id = l.document_id
       where l.plan_id = ? and d.voided_at is null and l.model is not null`,
    )
    .all(planId) as CurrentLetter[];
}

/** The models letters were rendered from (JSON), by document: read only when a volume must be laid out again. */
export function letterModelsOf(db: Database.Database, documentIds: number[]): Map<number, string> {
  const rows = db
    .prepare('select document_id as id, model from letters where document_id in (select value from json_each(?))')
    .all(JSON.stringify(documentIds)) as { id: number; model: string | null }[];
  return new Map(rows.filter((r) => r.model !== null).map((r) => [r.id, r.model!]));
}

export function isUnitFrozen(db: Database.Database, planId: number, unitId: number): boolean {
  return !!db
    .prepare('select 1 from letters where plan_id = ? and unit_id = ? and signed_date is not null')
    .get(planId, unitId);
}

/** The units of a plan whose letter is signed (their targets are frozen). */
export const signedUnitIds = (db: Database.Database, planId: number): Set<number> =>
  new Set(
    (
      db.prepare('select unit_id as u from letters where plan_id = ? and signed_date is not null').all(planId) as {
        u: number;
      }[]
    ).map((r) => r.u),
  );

/** Whether the document is a signed letter (which cannot be voided while signed). */
export const isSignedLetterDocument = (db: Database.Database, documentId: number): boolean =>
  !!db.prepare('select 1 from letters where document_id = ? and signed_date is not null').get(documentId);

// ---- writes (through the one write path) ----

/** The unit's letter for the plan, made again: the same record, a new document. */
export const saveLetterRow = (
  w: RecordWriter,
  l: { planId: number; unitId: number; documentId: number; model: string; fingerprint: string },
) =>
  w.upsert(
    'letters',
    { plan_id: l.planId, unit_id: l.unitId },
    { document_id: l.documentId, model: l.model, fingerprint: l.fingerprint },
  );
export const signLetterRow = (
  w: RecordWriter,
  id: number,
  s: { signedDate: string; partyASigner: string; partyBSigner: string; signedBy: string } | null,
) =>
  w.update('letters', id, {
    signed_date: s?.signedDate ?? null,
    party_a_signer: s?.partyASigner ?? null,
    party_b_signer: s?.partyBSigner ?? null,
    signed_by: s?.signedBy ?? null,
  });
