import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { ExcellentListed } from '../../electron/core/staff-publicity';

/** 优秀等次公示 (staff_postings): a unit's year, or every unit's (unit null), and what the notice listed. */

/** A listed person as stored: by UUID (the row travels), with what the notice printed. */
export type StoredListed = ExcellentListed & { personUuid: string };

export interface PostingRecord {
  id: number;
  year: number;
  unitId: number | null;
  unitName: string | null;
  listed: StoredListed[];
}

type Raw = Omit<PostingRecord, 'listed'> & { listed: string };
const cols = `s.id, s.year, s.unit_id as unitId, u.name as unitName, s.listed`;
const from = `staff_postings s left join units u on u.id = s.unit_id`;
const fix = (r: Raw): PostingRecord => ({ ...r, listed: JSON.parse(r.listed) as StoredListed[] });

export const postingsOfYear = (db: Database.Database, year: number): PostingRecord[] =>
  (
    db.prepare(`select ${cols} from ${from} where s.year = ? and s.deleted_at is null order by s.id`).all(year) as Raw[]
  ).map(fix);

export const postingById = (db: Database.Database, id: number): PostingRecord | undefined => {
  const r = db.prepare(`select ${cols} from ${from} where s.id = ? and s.deleted_at is null`).get(id) as
    Raw | undefined;
  return r && fix(r);
};

export const insertPosting = (
  w: RecordWriter,
  p: { year: number; unitId: number | null; listed: StoredListed[] },
): number => w.insert('staff_postings', { year: p.year, unit_id: p.unitId, listed: JSON.stringify(p.listed) });

/** The units of a year with a proposed 优秀 in scope (the year-wide 公示 checks each). */
export const unitsProposingExcellent = (db: Database.Database, year: number): number[] =>
  db
    .prepare(
      `select distinct r.unit_id from staff_rounds r join staff_assessments a on a.round_id = r.id
       where r.year = ? and r.deleted_at is null and a.deleted_at is null and a.proposed_grade = 'excellent'
         and coalesce(a.in_scope, 1) = 1
       order by r.unit_id`,
    )
    .pluck()
    .all(year) as number[];

/** Person ids by UUID (the listed people of a 公示). */
export const personIdsByUuid = (db: Database.Database, uuids: string[]): Map<string, number> =>
  new Map(
    (
      db
        .prepare('select uuid, id from people where uuid in (select value from json_each(?))')
        .all(JSON.stringify(uuids)) as { uuid: string; id: number }[]
    ).map((r) => [r.uuid, r.id]),
  );

/** A person's assessment of a year: its round and proposed grade (an upheld objection withdraws a proposed 优秀). */
export const assessmentOfYear = (db: Database.Database, personId: number, year: number) =>
  db
    .prepare(
      `select a.round_id as roundId, a.proposed_grade as proposedGrade from staff_assessments a
       join staff_rounds r on r.id = a.round_id
       where a.person_id = ? and r.year = ? and a.deleted_at is null and r.deleted_at is null`,
    )
    .get(personId, year) as { roundId: number; proposedGrade: string | null } | undefined;

/** The units with a round in the year (a year-wide 公示 confirms each). */
export const roundUnitsOfYear = (db: Database.Database, year: number): number[] =>
  db
    .prepare('select unit_id from staff_rounds where year = ? and deleted_at is null order by unit_id')
    .pluck()
    .all(year) as number[];
