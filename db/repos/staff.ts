import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { PostSpan, StaffGradeValue } from '../../electron/core/staff-assessment';

/** 公务员年度考核: rounds (year × unit), each person's assessment, and the register of measures decided elsewhere. */

export interface RoundRecord {
  id: number;
  uuid: string;
  year: number;
  unitId: number;
  unitGrade: string | null;
  confirmedAt: number | null;
  confirmedBy: string | null;
}

const roundCols = `id, uuid, year, unit_id as unitId, unit_grade as unitGrade, confirmed_at as confirmedAt,
  confirmed_by as confirmedBy`;

export const roundOf = (db: Database.Database, year: number, unitId: number) =>
  db
    .prepare(`select ${roundCols} from staff_rounds where year = ? and unit_id = ? and deleted_at is null`)
    .get(year, unitId) as RoundRecord | undefined;

export const roundById = (db: Database.Database, id: number) =>
  db.prepare(`select ${roundCols} from staff_rounds where id = ? and deleted_at is null`).get(id) as
    RoundRecord | undefined;

/** The round of a unit's year, made on its first write. */
export function ensureRound(db: Database.Database, w: RecordWriter, year: number, unitId: number): RoundRecord {
  const r = roundOf(db, year, unitId);
  if (r) return r;
  w.insert('staff_rounds', { year, unit_id: unitId, unit_grade: null });
  return roundOf(db, year, unitId)!;
}

export const setRoundUnitGrade = (w: RecordWriter, id: number, grade: string | null) =>
  w.update('staff_rounds', id, { unit_grade: grade });
export const setRoundConfirmed = (w: RecordWriter, id: number, by: string | null) =>
  w.update('staff_rounds', id, { confirmed_at: by ? w.now : null, confirmed_by: by });

export interface AssessmentRecord {
  id: number;
  roundId: number;
  personId: number;
  inScope: boolean | null;
  outReason: string | null;
  proposedGrade: StaffGradeValue | null;
  comment: string;
  finalGrade: StaffGradeValue | null;
  noGradeNote: string | null;
  ruleTableId: number | null;
  ruleVersion: number | null;
  gradedBy: string | null;
  gradedAt: number | null;
}

const assessmentCols = `a.id, a.round_id as roundId, a.person_id as personId, a.in_scope as inScope,
  a.out_reason as outReason, a.proposed_grade as proposedGrade, a.comment, a.final_grade as finalGrade,
  a.no_grade_note as noGradeNote, a.rule_table_id as ruleTableId, a.rule_version as ruleVersion,
  a.graded_by as gradedBy, a.graded_at as gradedAt`;

const fixAssessment = (a: AssessmentRecord): AssessmentRecord => ({
  ...a,
  inScope: a.inScope === null ? null : Boolean(a.inScope),
});

export const assessmentsOfRound = (db: Database.Database, roundId: number): AssessmentRecord[] =>
  (
    db
      .prepare(`select ${assessmentCols} from staff_assessments a where a.round_id = ? and a.deleted_at is null`)
      .all(roundId) as AssessmentRecord[]
  ).map(fixAssessment);

/** A person's grades of every year, the latest first, with the unit that assessed them. */
export const assessmentsOfPerson = (db: Database.Database, personId: number) =>
  (
    db
      .prepare(
        `select ${assessmentCols}, r.year, r.unit_id as unitId, u.name as unitName, a.uuid
         from staff_assessments a join staff_rounds r on r.id = a.round_id join units u on u.id = r.unit_id
         where a.person_id = ? and a.deleted_at is null and r.deleted_at is null order by r.year desc`,
      )
      .all(personId) as (AssessmentRecord & { year: number; unitId: number; unitName: string; uuid: string })[]
  ).map((a) => ({ ...a, ...fixAssessment(a) }));

/** Final grades by person for some years (the three-year 优秀 run, the bench's whole city). */
export const finalGradesOfYears = (db: Database.Database, years: number[]) =>
  db
    .prepare(
      `select a.person_id as personId, r.year, a.final_grade as finalGrade from staff_assessments a
       join staff_rounds r on r.id = a.round_id
       where r.year in (${years.map(() => '?').join(',')}) and a.deleted_at is null and r.deleted_at is null
         and a.final_grade is not null`,
    )
    .all(...years) as { personId: number; year: number; finalGrade: StaffGradeValue }[];

export type AssessmentPatch = Partial<{
  in_scope: boolean | null;
  out_reason: string | null;
  proposed_grade: StaffGradeValue | null;
  comment: string;
  final_grade: StaffGradeValue | null;
  no_grade_note: string | null;
  rule_table_id: number;
  rule_version: number;
  graded_by: string;
  graded_at: number;
}>;

export const saveAssessment = (w: RecordWriter, roundId: number, personId: number, patch: AssessmentPatch) =>
  w.upsert('staff_assessments', { round_id: roundId, person_id: personId }, patch);

/** The people a unit's year may concern: now in the unit, or in a post of it during the year. */
export function candidatesOf(db: Database.Database, year: number, unitId: number): number[] {
  return (
    db
      .prepare(
        `select p.id from people p where p.deleted_at is null and (p.unit_id = ? or exists (
           select 1 from person_posts pp where pp.person_id = p.id and pp.deleted_at is null and pp.unit_id = ?
             and pp.from_date <= ? and (pp.to_date is null or pp.to_date >= ?)))
         order by p.id`,
      )
      .all(unitId, unitId, `${year}-12-31`, `${year}-01-01`) as { id: number }[]
  ).map((r) => r.id);
}

/** Every post of these people (all of them when ids is null). */
export function postSpansOf(db: Database.Database, ids: number[] | null): Map<number, PostSpan[]> {
  const rows = (
    ids === null
      ? db.prepare(
          `select person_id as personId, unit_id as unitId, from_date as fromDate, to_date as toDate from person_posts
           where deleted_at is null`,
        )
      : db.prepare(
          `select person_id as personId, unit_id as unitId, from_date as fromDate, to_date as toDate from person_posts
           where deleted_at is null and person_id in (select value from json_each(?))`,
        )
  ).all(...(ids === null ? [] : [JSON.stringify(ids)])) as (PostSpan & { personId: number })[];
  const out = new Map<number, PostSpan[]>();
  for (const { personId, ...p } of rows) {
    const l = out.get(personId);
    if (l) l.push(p);
    else out.set(personId, [p]);
  }
  return out;
}

// ---- the register of measures decided elsewhere ----

export interface MeasureRecord {
  id: number;
  uuid: string;
  personId: number;
  personName: string;
  unitName: string;
  category: string;
  measure: string;
  body: string;
  decidedOn: string;
  effectUntil: string | null;
  docNo: string;
  note: string;
  createdBy: string;
}

const measureCols = `m.id, m.uuid, m.person_id as personId, p.name as personName, u.name as unitName, m.category,
  m.measure, m.body, m.decided_on as decidedOn, m.effect_until as effectUntil, m.doc_no as docNo, m.note,
  m.created_by as createdBy`;
const measureFrom = `from staff_measures m join people p on p.id = m.person_id join units u on u.id = p.unit_id
  where m.deleted_at is null`;

export const listMeasures = (db: Database.Database, f: { personId?: number; year?: number }) =>
  db
    .prepare(
      `select ${measureCols} ${measureFrom} and (? is null or m.person_id = ?)
         and (? is null or substr(m.decided_on, 1, 4) = ? or m.effect_until >= ?)
       order by m.decided_on desc, m.id desc`,
    )
    .all(
      f.personId ?? null,
      f.personId ?? null,
      f.year ?? null,
      f.year === undefined ? null : String(f.year),
      f.year === undefined ? null : `${f.year}-01-01`,
    ) as MeasureRecord[];

export const measureById = (db: Database.Database, id: number) =>
  db.prepare(`select ${measureCols} ${measureFrom} and m.id = ?`).get(id) as MeasureRecord | undefined;

/** Every measure decided up to the end of `year` (those of later years limit no earlier grade). */
export const measuresUpTo = (db: Database.Database, year: number) =>
  db.prepare(`select ${measureCols} ${measureFrom} and m.decided_on <= ?`).all(`${year}-12-31`) as MeasureRecord[];

export interface MeasureRow {
  personId: number;
  category: string;
  measure: string;
  body: string;
  decidedOn: string;
  effectUntil: string | null;
  docNo: string;
  note: string;
}

const measureValues = (m: MeasureRow) => ({
  person_id: m.personId,
  category: m.category,
  measure: m.measure,
  body: m.body,
  decided_on: m.decidedOn,
  effect_until: m.effectUntil,
  doc_no: m.docNo,
  note: m.note,
});

export const insertMeasure = (w: RecordWriter, m: MeasureRow, by: string) =>
  w.insert('staff_measures', { ...measureValues(m), created_by: by });
export const updateMeasure = (w: RecordWriter, id: number, m: MeasureRow) =>
  w.update('staff_measures', id, measureValues(m));
export const removeMeasure = (w: RecordWriter, id: number) => w.remove('staff_measures', id);

export interface StaffPerson {
  id: number;
  uuid: string;
  name: string;
  post: string | null;
  idNumber: string | null;
  unitId: number;
  active: boolean;
}

export const staffPeople = (db: Database.Database, ids: number[]): StaffPerson[] =>
  (
    db
      .prepare(
        `select id, uuid, name, post, id_number as idNumber, unit_id as unitId, active from people
         where id in (select value from json_each(?)) order by is_unit_head desc, is_leader desc, id`,
      )
      .all(JSON.stringify(ids)) as StaffPerson[]
  ).map((p) => ({ ...p, active: Boolean(p.active) }));

/** A person's posts with their UUIDs (the archive links each line to its record). */
export const postLinesOf = (db: Database.Database, personId: number) =>
  db
    .prepare(
      `select pp.uuid, u.name as unitName, pp.post, pp.from_date as fromDate, pp.to_date as toDate
       from person_posts pp join units u on u.id = pp.unit_id where pp.person_id = ? and pp.deleted_at is null
       order by pp.from_date desc, pp.id desc`,
    )
    .all(personId) as { uuid: string; unitName: string; post: string; fromDate: string; toDate: string | null }[];

/** Every live person with their present unit (the city-wide check). */
export const allStaff = (db: Database.Database) =>
  db.prepare(`select id, unit_id as unitId from people where deleted_at is null`).all() as {
    id: number;
    unitId: number;
  }[];

/** The grades of a year, lean (the city-wide check reads 30,000 of them): person, unit, scope and grades. */
export const gradesOfYear = (db: Database.Database, year: number) =>
  db
    .prepare(
      `select a.person_id as personId, r.unit_id as unitId, r.unit_grade as unitGrade, a.in_scope as inScope,
         a.proposed_grade as proposedGrade, a.final_grade as finalGrade
       from staff_rounds r join staff_assessments a on a.round_id = r.id
       where r.year = ? and a.deleted_at is null and r.deleted_at is null`,
    )
    .all(year) as {
    personId: number;
    unitId: number;
    unitGrade: string | null;
    inScope: number | null;
    proposedGrade: StaffGradeValue | null;
    finalGrade: StaffGradeValue | null;
  }[];
