import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { checkKind, findingRating, ValueOf } from '../../electron/vocab';

/** Supervision rounds (督查) and their findings. */

export interface CheckRecord {
  id: number;
  planId: number;
  title: string;
  kind: ValueOf<typeof checkKind>;
  team: string;
  scope: string;
  checkDate: string;
  reportDocumentId: number | null;
  reportNumber: string | null;
}

export interface FindingRecord {
  id: number;
  checkId: number;
  unitId: number;
  unitName: string;
  targetId: number | null;
  targetContent: string | null;
  /** The indicator the target belongs to. */
  indicatorName: string | null;
  rating: ValueOf<typeof findingRating>;
  description: string;
  requiredAction: string;
  noticeId: number | null;
}

const checkCols =
  `c.id, c.plan_id as planId, c.title, c.kind, c.team, c.scope, c.check_date as checkDate, ` +
  `c.report_document_id as reportDocumentId, d.number as reportNumber`;

export const checkById = (db: Database.Database, id: number) =>
  db
    .prepare(
      `select ${checkCols} from checks c left join documents d on d.id = c.report_document_id where c.id = ? and ` +
        `c.deleted_at is null`,
    )
    .get(id) as CheckRecord | undefined;

/** A plan's rounds, latest first. */
export const checkIdsOfPlan = (db: Database.Database, planId: number): number[] =>
  (
    db
      .prepare('select id from checks where plan_id = ? and deleted_at is null order by check_date desc, id desc')
      .all(planId) as { id: number }[]
  ).map((r) => r.id);

/** The live findings of the given rounds, in unit order. */
export function findingsOf(db: Database.Database, checkIds: number[]): FindingRecord[] {
  if (checkIds.length === 0) return [];
  return db
    .prepare(
      `select f.id, f.check_id as checkId, f.unit_id as unitId, u.name as unitName, f.target_id as targetId, t.content
        as targetContent, i.name as indicatorName, f.rating, f.description,
        f.required_action as requiredAction, f.notice_id as noticeId
       from findings f join units u on u.id = f.unit_id left join targets t on t.id = f.target_id
       left join indicators i on i.id = t.indicator_id where f.deleted_at
       is null and f.check_id in (${checkIds.map(() => '?').join(',')}) order by u.sort_order, f.id`,
    )
    .all(...checkIds) as FindingRecord[];
}

/** A live finding's round, unit and the notice raised from it. */
export const findingById = (db: Database.Database, id: number) =>
  db
    .prepare(
      'select check_id as checkId, unit_id as unitId, notice_id as noticeId from findings where id = ? and ' +
        'deleted_at is null',
    )
    .get(id) as { checkId: number; unitId: number; noticeId: number | null } | undefined;

// ---- writes (through the one write path) ----

export interface CheckRow {
  title: string;
  kind: 'half_year' | 'ad_hoc';
  team: string;
  scope: string;
  checkDate: string;
}
const checkValues = (c: CheckRow) => ({
  title: c.title,
  kind: c.kind,
  team: c.team,
  scope: c.scope,
  check_date: c.checkDate,
});

export const insertCheckRow = (w: RecordWriter, planId: number, c: CheckRow) =>
  w.insert('checks', { plan_id: planId, ...checkValues(c) });
export const updateCheckRow = (w: RecordWriter, id: number, planId: number, c: CheckRow) =>
  w.update('checks', { id, plan_id: planId }, checkValues(c));
/** A finding of the round changed: the round's version moves with it. */
export const touchCheck = (w: RecordWriter, id: number) => w.touch('checks', id);
export const setCheckReport = (w: RecordWriter, id: number, documentId: number) =>
  w.update('checks', id, { report_document_id: documentId });

export interface FindingRow {
  unitId: number;
  targetId: number | null;
  rating: 'on_track' | 'lagging' | 'serious';
  description: string;
  requiredAction: string;
}
const findingValues = (f: FindingRow) => ({
  unit_id: f.unitId,
  target_id: f.targetId,
  rating: f.rating,
  description: f.description,
  required_action: f.requiredAction,
});
export const insertFindingRow = (w: RecordWriter, checkId: number, f: FindingRow) =>
  w.insert('findings', { check_id: checkId, ...findingValues(f) });
export const updateFindingRow = (w: RecordWriter, id: number, checkId: number, f: FindingRow) =>
  w.update('findings', { id, check_id: checkId }, findingValues(f));
export const removeFindingRow = (w: RecordWriter, id: number) => w.remove('findings', id);

/** Links a finding to the notice raised from it; false when it already has one. */
export const linkFindingToNotice = (w: RecordWriter, findingId: number, noticeId: number) =>
  w.update('findings', { id: findingId, notice_id: null }, { notice_id: noticeId }) === 1;
