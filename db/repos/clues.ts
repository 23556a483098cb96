import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { clueSource, clueState, ValueOf } from '../../electron/vocab';

/**
 * 问责线索: the one place a clue is written. A register turns one of its records into a clue with `fileClue`; the
 * clue keeps the record's kind and UUID, so the record can show "已转问责线索" and the clue can link back.
 */

export type ClueSourceKind = ValueOf<typeof clueSource>;

export interface NewClue {
  sourceKind: ClueSourceKind;
  /** The source record's UUID; null only for a clue entered by hand. */
  sourceUuid: string | null;
  sourceLabel: string;
  unitId: number | null;
  personId: number | null;
  summary: string;
  receivedOn: string;
  createdBy: string;
}

export interface ClueRecord extends NewClue {
  id: number;
  uuid: string;
  state: ValueOf<typeof clueState>;
  assessment: string | null;
  caseUuid: string | null;
  unitName: string | null;
  personName: string | null;
}

const cols =
  `c.id, c.uuid, c.source_kind as sourceKind, c.source_uuid as sourceUuid, c.source_label as sourceLabel, ` +
  `c.unit_id as unitId, c.person_id as personId, c.summary, c.received_on as receivedOn, c.state, ` +
  `c.assessment, c.case_uuid as caseUuid, c.created_by as createdBy, u.name as unitName, p.name as personName`;
const from = `from clues c left join units u on u.id = c.unit_id left join people p on p.id = c.person_id`;

/** The live clue made from this record, if any (a record becomes at most one clue). */
export const clueOfSource = (db: Database.Database, kind: ClueSourceKind, sourceUuid: string) =>
  db
    .prepare(`select ${cols} ${from} where c.source_kind = ? and c.source_uuid = ? and c.deleted_at is null`)
    .get(kind, sourceUuid) as ClueRecord | undefined;

/** The live clues made from these records of one kind, by source UUID (for a register's list). */
export function cluesOfSources(db: Database.Database, kind: ClueSourceKind, uuids: string[]): Map<string, ClueRecord> {
  const out = new Map<string, ClueRecord>();
  if (uuids.length === 0) return out;
  const rows = db
    .prepare(
      `select ${cols} ${from} where c.source_kind = ? and c.deleted_at is null ` +
        `and c.source_uuid in (select value from json_each(?))`,
    )
    .all(kind, JSON.stringify(uuids)) as ClueRecord[];
  for (const r of rows) out.set(r.sourceUuid!, r);
  return out;
}

export const clueById = (db: Database.Database, id: number) =>
  db.prepare(`select ${cols} ${from} where c.id = ? and c.deleted_at is null`).get(id) as ClueRecord | undefined;

export const listClues = (db: Database.Database) =>
  db
    .prepare(`select ${cols} ${from} where c.deleted_at is null order by c.received_on desc, c.id desc`)
    .all() as ClueRecord[];

/**
 * Files a clue; a record already turned into a live clue is not filed twice: its clue is returned with
 * `created: false`. Call inside the caller's transaction, with its writer.
 */
export function fileClue(db: Database.Database, w: RecordWriter, clue: NewClue): { id: number; created: boolean } {
  if (clue.sourceUuid !== null) {
    const existing = clueOfSource(db, clue.sourceKind, clue.sourceUuid);
    if (existing) return { id: existing.id, created: false };
  }
  const id = w.insert('clues', {
    source_kind: clue.sourceKind,
    source_uuid: clue.sourceUuid,
    source_label: clue.sourceLabel,
    unit_id: clue.unitId,
    person_id: clue.personId,
    summary: clue.summary,
    received_on: clue.receivedOn,
    created_by: clue.createdBy,
  });
  return { id, created: true };
}

/** A clue's assessment: filed as a case, merged into one, or closed with a reason. */
export function assessClue(
  w: RecordWriter,
  id: number,
  a: { state: 'filed' | 'merged' | 'closed'; assessment: string | null; caseUuid: string | null },
): void {
  w.update('clues', id, { state: a.state, assessment: a.assessment, case_uuid: a.caseUuid });
}

/** The clues filed as or merged into a case. */
export const cluesOfCase = (db: Database.Database, caseUuid: string) =>
  db
    .prepare(`select ${cols} ${from} where c.case_uuid = ? and c.deleted_at is null order by c.id`)
    .all(caseUuid) as ClueRecord[];

/** A record's UUID, for the clue made from it. */
export const uuidOf = (db: Database.Database, table: 'rectifications' | 'notices' | 'findings', id: number) =>
  (
    db.prepare(`select uuid from "${table}" where id = ? and deleted_at is null`).get(id) as
      { uuid: string } | undefined
  )?.uuid;

/** A 督查发现 as a clue names it: its round, unit, rating and description. */
export const findingForClue = (db: Database.Database, id: number) =>
  db
    .prepare(
      `select f.uuid, f.unit_id as unitId, f.rating, f.description, c.title as checkTitle, c.check_date as checkDate ` +
        `from findings f join checks c on c.id = f.check_id where f.id = ? and f.deleted_at is null`,
    )
    .get(id) as
    | { uuid: string; unitId: number; rating: string; description: string; checkTitle: string; checkDate: string }
    | undefined;

/** The live clues made from the units' results in a plan (source 'score', `<plan uuid>/<unit uuid>`). */
export const resultClues = (db: Database.Database, planId: number) =>
  db
    .prepare(
      `select u.id as unitId, c.id as clueId from clues c join plans p on p.id = ? ` +
        `join units u on c.source_uuid = p.uuid || '/' || u.uuid ` +
        `where c.source_kind = 'score' and c.deleted_at is null order by c.id`,
    )
    .all(planId) as { unitId: number; clueId: number }[];
