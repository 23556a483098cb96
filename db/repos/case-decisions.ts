import type Database from 'better-sqlite3';
import type { RecordWriter, Values } from '../records';
import type {
  appealKind,
  appealOutcome,
  decisionState,
  faultCategory,
  subjectKind,
  ValueOf,
} from '../../electron/vocab';
import { whereOf } from './cases';

/** 问责决定 and their appeals (申诉 / 复核 and the 复查 answer): the SQL (services/accountability). */

export interface DecisionRecord {
  id: number;
  uuid: string;
  caseId: number;
  subjectId: number;
  state: ValueOf<typeof decisionState>;
  forms: string[];
  facts: string;
  basis: string;
  body: string;
  decidedOn: string;
  formsVersion: number;
  windowsVersion: number;
  documentId: number;
  number: string;
  title: string;
  serviceDocumentId: number | null;
  serviceNumber: string | null;
  servedOn: string | null;
  appealBy: string | null;
  executionBy: string | null;
  executionReportedOn: string | null;
  supersedesId: number | null;
  revokeReason: string | null;
}

export interface AppealRecord {
  id: number;
  decisionId: number;
  kind: ValueOf<typeof appealKind>;
  receivedOn: string;
  late: boolean;
  grounds: string;
  answerBy: string;
  outcome: ValueOf<typeof appealOutcome> | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
  newDecisionId: number | null;
}

type DecisionRow = Omit<DecisionRecord, 'forms'> & { forms: string };
const decisionCols =
  `d.id, d.uuid, d.case_id as caseId, d.subject_id as subjectId, d.state, d.forms, d.facts, d.basis, d.body, ` +
  `d.decided_on as decidedOn, d.forms_version as formsVersion, d.windows_version as windowsVersion, ` +
  `d.document_id as documentId, doc.number, doc.title, d.service_document_id as serviceDocumentId, ` +
  `sd.number as serviceNumber, d.served_on as servedOn, d.appeal_by as appealBy, d.execution_by as executionBy, ` +
  `d.execution_reported_on as executionReportedOn, d.supersedes_id as supersedesId, d.revoke_reason as revokeReason`;
const decisionFrom =
  `from case_decisions d join documents doc on doc.id = d.document_id ` +
  `left join documents sd on sd.id = d.service_document_id`;
const decisionOf = (r: DecisionRow): DecisionRecord => ({ ...r, forms: JSON.parse(r.forms) as string[] });

export const decisionsOf = (db: Database.Database, caseId: number): DecisionRecord[] =>
  (
    db
      .prepare(`select ${decisionCols} ${decisionFrom} where d.case_id = ? and d.deleted_at is null order by d.id`)
      .all(caseId) as DecisionRow[]
  ).map(decisionOf);

export function decisionById(db: Database.Database, id: number): DecisionRecord | undefined {
  const r = db.prepare(`select ${decisionCols} ${decisionFrom} where d.id = ? and d.deleted_at is null`).get(id) as
    DecisionRow | undefined;
  return r && decisionOf(r);
}

/** The decisions in force (made or served, not changed or revoked) on a person, any case. */
export const liveDecisionsOnPerson = (db: Database.Database, personId: number) =>
  (
    db
      .prepare(
        `select ${decisionCols} ${decisionFrom} join case_subjects s on s.id = d.subject_id ` +
          `where s.person_id = ? and d.deleted_at is null and d.state in ('made', 'served')`,
      )
      .all(personId) as DecisionRow[]
  ).map(decisionOf);

export const insertDecision = (
  w: RecordWriter,
  d: Pick<
    DecisionRecord,
    | 'caseId'
    | 'subjectId'
    | 'forms'
    | 'facts'
    | 'basis'
    | 'body'
    | 'decidedOn'
    | 'formsVersion'
    | 'windowsVersion'
    | 'documentId'
    | 'supersedesId'
  > & { createdBy: string },
) =>
  w.insert('case_decisions', {
    case_id: d.caseId,
    subject_id: d.subjectId,
    forms: JSON.stringify(d.forms),
    facts: d.facts,
    basis: d.basis,
    body: d.body,
    decided_on: d.decidedOn,
    forms_version: d.formsVersion,
    windows_version: d.windowsVersion,
    document_id: d.documentId,
    supersedes_id: d.supersedesId,
    created_by: d.createdBy,
  });

export function updateDecision(
  w: RecordWriter,
  id: number,
  v: Partial<
    Pick<
      DecisionRecord,
      'state' | 'serviceDocumentId' | 'servedOn' | 'appealBy' | 'executionBy' | 'executionReportedOn' | 'revokeReason'
    >
  >,
): void {
  const map: Record<string, string> = {
    state: 'state',
    serviceDocumentId: 'service_document_id',
    servedOn: 'served_on',
    appealBy: 'appeal_by',
    executionBy: 'execution_by',
    executionReportedOn: 'execution_reported_on',
    revokeReason: 'revoke_reason',
  };
  const values: Values = {};
  for (const [k, v2] of Object.entries(v)) if (v2 !== undefined) values[map[k]!] = v2;
  w.update('case_decisions', id, values);
}

/** Only a decision not yet served may be withdrawn; its document stays in the register. */
export const removeDecision = (w: RecordWriter, id: number) => w.remove('case_decisions', id);

type AppealRow = Omit<AppealRecord, 'late'> & { late: number };
const appealCols =
  `a.id, a.decision_id as decisionId, a.kind, a.received_on as receivedOn, a.late, a.grounds, ` +
  `a.answer_by as answerBy, ` +
  `a.outcome, a.outcome_on as outcomeOn, a.outcome_note as outcomeNote, a.new_decision_id as newDecisionId`;

export const appealsOfCase = (db: Database.Database, caseId: number): AppealRecord[] =>
  (
    db
      .prepare(
        `select ${appealCols} from case_appeals a join case_decisions d on d.id = a.decision_id ` +
          `where d.case_id = ? and a.deleted_at is null order by a.id`,
      )
      .all(caseId) as AppealRow[]
  ).map((r) => ({ ...r, late: r.late === 1 }));

export const insertAppeal = (
  w: RecordWriter,
  a: Pick<AppealRecord, 'decisionId' | 'kind' | 'receivedOn' | 'late' | 'grounds' | 'answerBy'>,
) =>
  w.insert('case_appeals', {
    decision_id: a.decisionId,
    kind: a.kind,
    received_on: a.receivedOn,
    late: a.late,
    grounds: a.grounds,
    answer_by: a.answerBy,
  });

export const answerAppeal = (
  w: RecordWriter,
  id: number,
  v: Pick<AppealRecord, 'outcome' | 'outcomeOn' | 'outcomeNote' | 'newDecisionId'>,
) =>
  w.update('case_appeals', id, {
    outcome: v.outcome,
    outcome_on: v.outcomeOn,
    outcome_note: v.outcomeNote,
    new_decision_id: v.newDecisionId,
  });

/** A decision with its subject and case, for the people module and the statistics. */
export interface DecisionFact extends DecisionRecord {
  subjectKind: ValueOf<typeof subjectKind>;
  personId: number | null;
  unitId: number;
  unitName: string;
  subjectName: string;
  post: string | null;
  isHead: boolean;
  isLeader: boolean;
  caseTitle: string;
  faultCategory: ValueOf<typeof faultCategory>;
}

const factCols =
  `${decisionCols}, s.kind as subjectKind, s.person_id as personId, s.unit_id as unitId, s.unit_name as unitName, ` +
  `s.name as subjectName, s.post, s.is_head as isHead, s.is_leader as isLeader, c.title as caseTitle, ` +
  `c.fault_category as faultCategory`;
const factFrom = `${decisionFrom} join case_subjects s on s.id = d.subject_id join cases c on c.id = d.case_id`;
type FactRow = Omit<DecisionFact, 'forms' | 'isHead' | 'isLeader'> & {
  forms: string;
  isHead: number;
  isLeader: number;
};
const factOf = (r: FactRow): DecisionFact => ({
  ...r,
  forms: JSON.parse(r.forms) as string[],
  isHead: r.isHead === 1,
  isLeader: r.isLeader === 1,
});

/** Decisions of any state with their subjects, filtered by the day decided and the person. */
export function decisionFacts(
  db: Database.Database,
  f: { from?: string; to?: string; personId?: number; states?: string[] } = {},
): DecisionFact[] {
  const w = whereOf('d.deleted_at is null');
  if (f.from) w.add('d.decided_on >= ?', f.from);
  if (f.to) w.add('d.decided_on <= ?', f.to);
  if (f.personId) w.add('s.person_id = ?', f.personId);
  if (f.states) w.add('d.state in (select value from json_each(?))', JSON.stringify(f.states));
  return (
    db
      .prepare(`select ${factCols} ${factFrom} where ${w.sql()} order by d.decided_on, d.id`)
      .all(...w.args) as FactRow[]
  ).map(factOf);
}

export function appealById(db: Database.Database, id: number): AppealRecord | undefined {
  const r = db.prepare(`select ${appealCols} from case_appeals a where a.id = ? and a.deleted_at is null`).get(id) as
    AppealRow | undefined;
  return r && { ...r, late: r.late === 1 };
}

/** The accountability clocks still running: a served decision's execution report, an appeal's answer. */
export interface CaseClock {
  kind: 'execution' | 'answer';
  caseId: number;
  caseTitle: string;
  number: string;
  unitId: number;
  unitName: string;
  subjectName: string;
  deadline: string;
}

export const openCaseClocks = (db: Database.Database): CaseClock[] =>
  db
    .prepare(
      `select 'execution' as kind, c.id as caseId, c.title as caseTitle, doc.number, s.unit_id as unitId, ` +
        `s.unit_name as unitName, s.name as subjectName, d.execution_by as deadline ` +
        `${factFrom} where d.deleted_at is null and d.state = 'served' and d.execution_reported_on is null ` +
        `and d.execution_by is not null and c.state not in ('archived', 'revoked', 'terminated') ` +
        `union all select 'answer', c.id, c.title, doc.number, s.unit_id, s.unit_name, s.name, a.answer_by ` +
        `from case_appeals a join case_decisions d on d.id = a.decision_id ` +
        `join documents doc on doc.id = d.document_id join case_subjects s on s.id = d.subject_id ` +
        `join cases c on c.id = d.case_id where a.deleted_at is null and a.outcome is null ` +
        `order by deadline`,
    )
    .all() as CaseClock[];
