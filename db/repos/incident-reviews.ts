import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { incidentReviewState, ValueOf } from '../../electron/vocab';

/** 重大事故/事件的责任检讨 (#17): the demand, its deadline, the explanation and the office's opinion. */

export interface IncidentReviewFields {
  unitId: number;
  personId: number | null;
  headName: string;
  headPost: string | null;
  incident: string;
  incidentOn: string;
  facts: string;
  toBody: string;
  demandedOn: string;
  workingDays: number;
  deadline: string;
}

export interface IncidentReviewRecord extends IncidentReviewFields {
  id: number;
  uuid: string;
  unitName: string;
  documentId: number | null;
  number: string | null;
  state: ValueOf<typeof incidentReviewState>;
  reply: string | null;
  replyOn: string | null;
  opinion: string | null;
}

const cols = `r.id, r.uuid, r.unit_id as unitId, u.name as unitName, r.person_id as personId, r.head_name as headName,
  r.head_post as headPost, r.incident, r.incident_on as incidentOn, r.facts, r.to_body as toBody,
  r.demanded_on as demandedOn, r.working_days as workingDays, r.deadline, r.document_id as documentId, d.number,
  r.state, r.reply, r.reply_on as replyOn, r.opinion`;
const from = `from incident_reviews r join units u on u.id = r.unit_id left join documents d on d.id = r.document_id`;

export const listIncidentReviews = (db: Database.Database) =>
  db
    .prepare(`select ${cols} ${from} where r.deleted_at is null order by r.demanded_on desc, r.id desc`)
    .all() as IncidentReviewRecord[];

export const incidentReviewById = (db: Database.Database, id: number) =>
  db.prepare(`select ${cols} ${from} where r.id = ? and r.deleted_at is null`).get(id) as
    IncidentReviewRecord | undefined;

/** Demands still waiting for the unit (待检讨 or 退回重写): their deadlines run on the overdue board. */
export const openIncidentReviews = (db: Database.Database) =>
  db
    .prepare(
      `select ${cols} ${from} where r.deleted_at is null and r.state in ('pending', 'returned') order by r.deadline`,
    )
    .all() as IncidentReviewRecord[];

export const insertIncidentReview = (
  w: RecordWriter,
  f: IncidentReviewFields & { documentId: number; createdBy: string },
) =>
  w.insert('incident_reviews', {
    unit_id: f.unitId,
    person_id: f.personId,
    head_name: f.headName,
    head_post: f.headPost,
    incident: f.incident,
    incident_on: f.incidentOn,
    facts: f.facts,
    to_body: f.toBody,
    demanded_on: f.demandedOn,
    working_days: f.workingDays,
    deadline: f.deadline,
    document_id: f.documentId,
    state: 'pending',
    created_by: f.createdBy,
  });

/** The explanation as submitted (a rewrite replaces the returned one; the trail keeps both). */
export const recordIncidentReply = (w: RecordWriter, id: number, r: { reply: string; replyOn: string }) =>
  w.update('incident_reviews', id, { state: 'submitted', reply: r.reply, reply_on: r.replyOn });

/** 认可, 退回重写 or 撤回, with the office's opinion or reason. */
export const settleIncidentReview = (
  w: RecordWriter,
  id: number,
  s: { state: 'accepted' | 'returned' | 'withdrawn'; opinion: string | null },
) => w.update('incident_reviews', id, { state: s.state, opinion: s.opinion });

/** The unit's head as the people register lists it (active, 单位负责人), if any. */
export const unitHeadOf = (db: Database.Database, unitId: number) =>
  db
    .prepare(
      `select id, name, post from people where unit_id = ? and is_unit_head = 1 and active = 1 order by id limit 1`,
    )
    .get(unitId) as { id: number; name: string; post: string | null } | undefined;
