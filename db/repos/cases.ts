import type Database from 'better-sqlite3';
import type { RecordWriter, Values } from '../records';
import type {
  caseState,
  faultCategory,
  faultDegree,
  responsibilityType,
  statementState,
  subjectKind,
  ValueOf,
} from '../../electron/vocab';

/** 问责案件, their subjects, decisions and appeals: the SQL of the accountability register (services/accountability). */

export interface CaseRecord {
  id: number;
  uuid: string;
  title: string;
  state: ValueOf<typeof caseState>;
  faultCategory: ValueOf<typeof faultCategory>;
  degree: ValueOf<typeof faultDegree> | null;
  openedOn: string;
  facts: string;
  investigators: string[];
  endReason: string | null;
  createdBy: string;
}

export interface SubjectRecord {
  id: number;
  uuid: string;
  caseId: number;
  kind: ValueOf<typeof subjectKind>;
  unitId: number;
  personId: number | null;
  unitName: string;
  name: string;
  post: string | null;
  rank: string | null;
  isHead: boolean;
  isLeader: boolean;
  responsibility: ValueOf<typeof responsibilityType> | null;
  statementState: ValueOf<typeof statementState>;
  statement: string | null;
  statementOn: string | null;
}

type CaseRow = Omit<CaseRecord, 'investigators'> & { investigators: string };
const caseCols =
  `c.id, c.uuid, c.title, c.state, c.fault_category as faultCategory, c.degree, c.opened_on as openedOn, c.facts, ` +
  `c.investigators, c.end_reason as endReason, c.created_by as createdBy`;
const caseOf = (r: CaseRow): CaseRecord => ({ ...r, investigators: JSON.parse(r.investigators) as string[] });

export function caseById(db: Database.Database, id: number): CaseRecord | undefined {
  const r = db.prepare(`select ${caseCols} from cases c where c.id = ? and c.deleted_at is null`).get(id) as
    CaseRow | undefined;
  return r && caseOf(r);
}

export function caseByUuid(db: Database.Database, uuid: string): CaseRecord | undefined {
  const r = db.prepare(`select ${caseCols} from cases c where c.uuid = ? and c.deleted_at is null`).get(uuid) as
    CaseRow | undefined;
  return r && caseOf(r);
}

export interface CaseFilter {
  state?: string;
  faultCategory?: string;
  unitId?: number;
  year?: number;
}

export function listCases(db: Database.Database, f: CaseFilter = {}): CaseRecord[] {
  const w = whereOf('c.deleted_at is null');
  if (f.state) w.add('c.state = ?', f.state);
  if (f.faultCategory) w.add('c.fault_category = ?', f.faultCategory);
  if (f.year) w.add('substr(c.opened_on, 1, 4) = ?', String(f.year));
  if (f.unitId)
    w.add(
      'exists (select 1 from case_subjects s where s.case_id = c.id and s.deleted_at is null and s.unit_id = ?)',
      f.unitId,
    );
  return (
    db
      .prepare(`select ${caseCols} from cases c where ${w.sql()} order by c.opened_on desc, c.id desc`)
      .all(...w.args) as CaseRow[]
  ).map(caseOf);
}

export const insertCase = (
  w: RecordWriter,
  c: Pick<CaseRecord, 'title' | 'faultCategory' | 'degree' | 'openedOn' | 'createdBy'>,
): number =>
  w.insert('cases', {
    title: c.title,
    fault_category: c.faultCategory,
    degree: c.degree,
    opened_on: c.openedOn,
    created_by: c.createdBy,
  });

export function updateCase(
  w: RecordWriter,
  id: number,
  v: Partial<
    Pick<CaseRecord, 'title' | 'faultCategory' | 'degree' | 'facts' | 'investigators' | 'state' | 'endReason'>
  >,
): void {
  const values: Values = {};
  if (v.title !== undefined) values.title = v.title;
  if (v.faultCategory !== undefined) values.fault_category = v.faultCategory;
  if (v.degree !== undefined) values.degree = v.degree;
  if (v.facts !== undefined) values.facts = v.facts;
  if (v.investigators !== undefined) values.investigators = JSON.stringify(v.investigators);
  if (v.state !== undefined) values.state = v.state;
  if (v.endReason !== undefined) values.end_reason = v.endReason;
  w.update('cases', id, values);
}

type SubjectRow = Omit<SubjectRecord, 'isHead' | 'isLeader'> & { isHead: number; isLeader: number };
const subjectCols =
  `s.id, s.uuid, s.case_id as caseId, s.kind, s.unit_id as unitId, s.person_id as personId, s.unit_name as unitName, ` +
  `s.name, s.post, s.rank, s.is_head as isHead, s.is_leader as isLeader, s.responsibility, ` +
  `s.statement_state as statementState, s.statement, s.statement_on as statementOn`;
const subjectOf = (r: SubjectRow): SubjectRecord => ({ ...r, isHead: r.isHead === 1, isLeader: r.isLeader === 1 });

export const subjectsOf = (db: Database.Database, caseId: number): SubjectRecord[] =>
  (
    db
      .prepare(`select ${subjectCols} from case_subjects s where s.case_id = ? and s.deleted_at is null order by s.id`)
      .all(caseId) as SubjectRow[]
  ).map(subjectOf);

export function subjectById(db: Database.Database, id: number): SubjectRecord | undefined {
  const r = db.prepare(`select ${subjectCols} from case_subjects s where s.id = ? and s.deleted_at is null`).get(id) as
    SubjectRow | undefined;
  return r && subjectOf(r);
}

export const insertSubject = (
  w: RecordWriter,
  s: Omit<SubjectRecord, 'id' | 'uuid' | 'statementState' | 'statement' | 'statementOn'>,
) =>
  w.insert('case_subjects', {
    case_id: s.caseId,
    kind: s.kind,
    unit_id: s.unitId,
    person_id: s.personId,
    unit_name: s.unitName,
    name: s.name,
    post: s.post,
    rank: s.rank,
    is_head: s.isHead,
    is_leader: s.isLeader,
    responsibility: s.responsibility,
  });

export const setStatement = (
  w: RecordWriter,
  id: number,
  v: Pick<SubjectRecord, 'statementState' | 'statement' | 'statementOn'>,
) =>
  w.update('case_subjects', id, {
    statement_state: v.statementState,
    statement: v.statement,
    statement_on: v.statementOn,
  });

export const removeSubject = (w: RecordWriter, id: number) => w.remove('case_subjects', id);

/** The subjects on a person of cases still open (not decided into effect, revoked, terminated or archived). */
export function openCaseSubjectsOf(db: Database.Database, personId?: number) {
  return db
    .prepare(
      `select s.person_id as personId, s.id as subjectId, c.uuid as caseUuid, c.title, c.opened_on as openedOn ` +
        `from case_subjects s join cases c on c.id = s.case_id where s.deleted_at is null and c.deleted_at is null ` +
        `and s.person_id is not null and c.state in ('opened', 'investigating', 'deliberating') ` +
        (personId ? 'and s.person_id = ?' : ''),
    )
    .all(...(personId ? [personId] : [])) as {
    personId: number;
    subjectId: number;
    caseUuid: string;
    title: string;
    openedOn: string;
  }[];
}

/** Cases on a person, any state (for the person's archive). */
export const casesOnPerson = (db: Database.Database, personId: number) =>
  db
    .prepare(
      `select c.uuid, c.title, c.opened_on as openedOn, c.state, c.end_reason as endReason from cases c ` +
        `where c.deleted_at is null and exists (select 1 from case_subjects s where s.case_id = c.id ` +
        `and s.deleted_at is null and s.person_id = ?) order by c.opened_on`,
    )
    .all(personId) as { uuid: string; title: string; openedOn: string; state: string; endReason: string | null }[];

/** A person's current unit and post (to say where a subject is now). */
export const personNow = (db: Database.Database, personId: number) =>
  db
    .prepare(
      `select p.id, p.name, p.unit_id as unitId, u.name as unitName, p.post, p.rank, p.is_leader as isLeader, ` +
        `p.is_unit_head as isUnitHead from people p join units u on u.id = p.unit_id ` +
        `where p.id = ? and p.deleted_at is null`,
    )
    .get(personId) as
    | {
        id: number;
        name: string;
        unitId: number;
        unitName: string;
        post: string | null;
        rank: string | null;
        isLeader: number;
        isUnitHead: number;
      }
    | undefined;

/** The post a person held on a day, from person_posts (null when none recorded covers it). */
export const postOn = (db: Database.Database, personId: number, day: string) =>
  db
    .prepare(
      `select pp.post, pp.unit_id as unitId, u.name as unitName ` +
        `from person_posts pp join units u on u.id = pp.unit_id ` +
        `where pp.person_id = ? and pp.deleted_at is null and pp.from_date <= ? ` +
        `and (pp.to_date is null or pp.to_date >= ?) ` +
        `order by pp.from_date desc limit 1`,
    )
    .get(personId, day, day) as { post: string; unitId: number; unitName: string } | undefined;

export const unitName = (db: Database.Database, unitId: number) =>
  (db.prepare(`select name from units where id = ? and deleted_at is null`).get(unitId) as { name: string } | undefined)
    ?.name;

type Arg = string | number;

/** Collects the clauses of a where and their arguments in order. */
export function whereOf(first: string) {
  const parts = [first];
  const args: Arg[] = [];
  return {
    add(clause: string, value: Arg) {
      parts.push(clause);
      args.push(value);
    },
    sql: () => parts.join(' and '),
    args,
  };
}
