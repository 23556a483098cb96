import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { IndicatorKindValue } from './plans';

/** A plan's targets (目标任务): the lists, the page, the lean read behind the letters, the change log, the writes. */

export interface TargetRecord {
  id: number;
  planId: number;
  indicatorId: number;
  indicatorName: string;
  groupName: string | null;
  kind: IndicatorKindValue;
  unitId: number;
  unitCode: string;
  unitName: string;
  content: string;
  targetValue: string | null;
  measureUnit: string | null;
  points: number;
  milestones: string;
  leaderId: number | null;
  leaderName: string | null;
  leadUnitId: number | null;
  partnerUnitIds: string;
  isKey: boolean;
  isMajor: boolean;
  sortOrder: number;
  updatedAt: number;
  frozen: boolean;
}

const targetCols = `t.id, t.plan_id as planId, t.indicator_id as indicatorId, i.name as indicatorName, g.name as
  groupName, i.kind, t.unit_id as unitId,
  u.code as unitCode, u.name as unitName, t.content, t.target_value as targetValue, t.measure_unit as measureUnit,
  t.points, t.milestones,
  t.leader_id as leaderId, pe.name as leaderName, t.lead_unit_id as leadUnitId, t.partner_unit_ids as partnerUnitIds,
  t.is_key as isKey,
  t.is_major as isMajor, t.sort_order as sortOrder, t.updated_at as updatedAt,
  exists(select 1 from letters l where l.plan_id = t.plan_id and l.unit_id = t.unit_id and l.signed_date is not null)
  as frozen`;
const targetFrom = `from targets t join indicators i on i.id = t.indicator_id left join indicators g on g.id =
  i.parent_id
  join units u on u.id = t.unit_id left join people pe on pe.id = t.leader_id`;
const fixTarget = (r: TargetRecord): TargetRecord => ({
  ...r,
  isKey: !!r.isKey,
  isMajor: !!r.isMajor,
  frozen: !!r.frozen,
});

export function targetsOf(
  db: Database.Database,
  f: { planId: number; unitId?: number; unitIds?: number[]; indicatorId?: number },
): TargetRecord[] {
  const where = ['t.plan_id = ?', 't.deleted_at is null'];
  const args: (number | string)[] = [f.planId];
  if (f.unitId) {
    where.push('t.unit_id = ?');
    args.push(f.unitId);
  }
  if (f.unitIds) {
    // a JSON array: one bound value however many units (SQLite caps bound parameters)
    where.push('t.unit_id in (select value from json_each(?))');
    args.push(JSON.stringify(f.unitIds));
  }
  if (f.indicatorId) {
    where.push('t.indicator_id = ?');
    args.push(f.indicatorId);
  }
  return (
    db
      .prepare(
        `select ${targetCols} ${targetFrom} where ${where.join(' and ')} order by u.sort_order, u.code, ` +
          `coalesce(g.sort_order, i.sort_order), i.sort_order, t.sort_order, t.id`,
      )
      .all(...args) as TargetRecord[]
  ).map(fixTarget);
}

export interface TargetPageQuery {
  planId: number;
  unitId?: number;
  /** Part of the target's content, its unit's name or its indicator's name. */
  search?: string;
  offset: number;
  limit: number;
  /** The indicator kinds that make up the basic points. */
  baseKinds: readonly string[];
}

/**
 * One page of a plan's targets in the order of targetsOf, how many match, and the unit's basic points (common and
 * specific targets) when one unit is asked.
 */
export function targetsPage(
  db: Database.Database,
  q: TargetPageQuery,
): { rows: TargetRecord[]; total: number; basePoints: number | null } {
  const where = ['t.plan_id = ?', 't.deleted_at is null'];
  const args: (number | string)[] = [q.planId];
  if (q.unitId) {
    where.push('t.unit_id = ?');
    args.push(q.unitId);
  }
  if (q.search) {
    const like = `%${q.search.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(`(t.content like ? escape '\\' or u.name like ? escape '\\' or i.name like ? escape '\\')`);
    args.push(like, like, like);
  }
  const w = where.join(' and ');
  const rows = (
    db
      .prepare(
        `select ${targetCols} ${targetFrom} where ${w} order by u.sort_order, u.code, ` +
          `coalesce(g.sort_order, i.sort_order), i.sort_order, t.sort_order, t.id limit ? offset ?`,
      )
      .all(...args, q.limit, q.offset) as TargetRecord[]
  ).map(fixTarget);
  const total = (db.prepare(`select count(*) as n ${targetFrom} where ${w}`).get(...args) as { n: number }).n;
  const basePoints = q.unitId
    ? (
        db
          .prepare(
            `select coalesce(sum(round(t.points * 100)), 0) / 100.0 as p from targets t join indicators i on ` +
              `i.id = t.indicator_id where t.plan_id = ? and t.unit_id = ? and t.deleted_at is null and ` +
              `i.kind in (select value from json_each(?))`,
          )
          .get(q.planId, q.unitId, JSON.stringify(q.baseKinds)) as { p: number }
      ).p
    : null;
  return { rows, total, basePoints };
}

/**
 * What a letter prints of a target, and what its checks need: the lean read behind a list of 2,000 letters. Only the
 * targets' own columns: the indicator's kind and the leader's name are looked up where they are used, so what is
 * read here stays true until a target is written (the list keeps it across changes to indicators, people, settings).
 */
export interface LetterTarget {
  unitId: number;
  indicatorId: number;
  content: string;
  targetValue: string | null;
  measureUnit: string | null;
  points: number;
  leaderId: number | null;
  isKey: boolean;
  isMajor: boolean;
}

/** The targets of a plan (of some units) for their letters, in each indicator's order (as targetsOf gives them). */
export function letterTargetsOf(db: Database.Database, planId: number, unitIds?: number[]): LetterTarget[] {
  const rows = db
    .prepare(
      `select t.unit_id as unitId, t.indicator_id as indicatorId, t.content, t.target_value as targetValue,
        t.measure_unit as measureUnit, t.points, t.leader_id as leaderId, t.is_key as isKey, t.is_major as isMajor
       from targets t
       where t.plan_id = ? and t.deleted_at is null
       ${unitIds ? 'and t.unit_id in (select value from json_each(?))' : ''}
       order by t.sort_order, t.id`,
    )
    .all(...(unitIds ? [planId, JSON.stringify(unitIds)] : [planId])) as LetterTarget[];
  for (const r of rows) {
    r.isKey = !!r.isKey;
    r.isMajor = !!r.isMajor;
  }
  return rows;
}

/** The names of the people the plan's targets (of some units) name as leaders, by id. */
export function targetLeaderNames(db: Database.Database, planId: number, unitIds?: number[]): Map<number, string> {
  const rows = db
    .prepare(
      `select p.id, p.name from people p where p.id in (select t.leader_id from targets t where t.plan_id = ? and
        t.deleted_at is null ${unitIds ? 'and t.unit_id in (select value from json_each(?))' : ''})`,
    )
    .all(...(unitIds ? [planId, JSON.stringify(unitIds)] : [planId])) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A person's name (a leader named by a target written after the names were read). */
export const personName = (db: Database.Database, id: number): string | null =>
  (db.prepare('select name from people where id = ?').pluck().get(id) as string | undefined) ?? null;

/** The kind of each of the plan's indicators, removed ones too (a target keeps its indicator's kind). */
export const indicatorKinds = (db: Database.Database, planId: number): Map<number, IndicatorKindValue> =>
  new Map(
    (
      db.prepare('select id, kind from indicators where plan_id = ?').all(planId) as {
        id: number;
        kind: IndicatorKindValue;
      }[]
    ).map((r) => [r.id, r.kind]),
  );

/** The span of the targets' change log (migration 0013's triggers): the latest entry, and the oldest still kept. */
export function targetChangeSpan(db: Database.Database): { last: number; oldest: number } {
  return db
    .prepare('select coalesce(max(seq), 0) as last, coalesce(min(seq), 0) as oldest from target_changes')
    .get() as { last: number; oldest: number };
}

/** The units whose targets were written after entry `seq` of the change log. */
export const unitsWithTargetChangesAfter = (db: Database.Database, seq: number): number[] =>
  db.prepare('select distinct unit_id from target_changes where seq > ?').pluck().all(seq) as number[];

export function targetById(db: Database.Database, id: number): TargetRecord | undefined {
  const r = db.prepare(`select ${targetCols} ${targetFrom} where t.id = ? and t.deleted_at is null`).get(id) as
    TargetRecord | undefined;
  return r && fixTarget(r);
}

/** The units that have targets in the plan. */
export const targetUnitIds = (db: Database.Database, planId: number): number[] =>
  (
    db.prepare('select distinct unit_id as u from targets where plan_id = ? and deleted_at is null').all(planId) as {
      u: number;
    }[]
  ).map((r) => r.u);

// ---- writes (through the one write path) ----

export interface TargetRow {
  indicatorId: number;
  unitId: number;
  content: string;
  targetValue: string | null;
  measureUnit: string | null;
  points: number;
  milestones: string;
  leaderId: number | null;
  leadUnitId: number | null;
  partnerUnitIds: string;
  isKey: boolean;
  isMajor: boolean;
  sortOrder: number;
}
const targetValues = (t: Partial<TargetRow>) => ({
  indicator_id: t.indicatorId,
  unit_id: t.unitId,
  content: t.content,
  target_value: t.targetValue,
  measure_unit: t.measureUnit,
  points: t.points,
  milestones: t.milestones,
  leader_id: t.leaderId,
  lead_unit_id: t.leadUnitId,
  partner_unit_ids: t.partnerUnitIds,
  is_key: t.isKey,
  is_major: t.isMajor,
  sort_order: t.sortOrder,
});
export const insertTargetRow = (w: RecordWriter, planId: number, t: TargetRow) =>
  w.insert('targets', { plan_id: planId, ...targetValues(t) });
export const updateTargetRow = (w: RecordWriter, id: number, t: Partial<TargetRow>) =>
  w.update('targets', id, targetValues(t));
export const removeTargetRow = (w: RecordWriter, id: number) => w.remove('targets', id);

export const maxTargetSort = (db: Database.Database, planId: number, unitId: number) =>
  (
    db
      .prepare('select max(sort_order) as m from targets where plan_id = ? and unit_id = ? and deleted_at is null')
      .get(planId, unitId) as { m: number | null }
  ).m ?? 0;
export const hasTarget = (db: Database.Database, planId: number, unitId: number, indicatorId: number) =>
  !!db
    .prepare('select 1 from targets where plan_id = ? and unit_id = ? and indicator_id = ? and deleted_at is null')
    .get(planId, unitId, indicatorId);
/** What still refers to a target (a removed target must leave nothing pointing at it). */
export const targetUse = (db: Database.Database, id: number) =>
  db
    .prepare(
      `select (select count(*) from progress_reports where target_id = @id and deleted_at is null) as reports,
        (select count(*) from notices where target_id = @id and deleted_at is null) as notices,
        (select count(*) from findings where target_id = @id and deleted_at is null) as findings`,
    )
    .get({ id }) as { reports: number; notices: number; findings: number };
