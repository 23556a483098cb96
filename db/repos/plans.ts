import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { indicatorKind, planState, ValueOf } from '../../electron/vocab';

// the targets' reads and writes live in targets.ts; re-exported so that a plan's repository stays one import
export * from './targets';

export type PlanStateValue = ValueOf<typeof planState>;
export type IndicatorKindValue = ValueOf<typeof indicatorKind>;

export interface PlanRecord {
  id: number;
  year: number;
  level: 'city' | 'county' | 'township' | 'department';
  title: string;
  totalPoints: number;
  state: PlanStateValue;
  basis: string;
  periodStart: string;
  periodEnd: string;
  copiedFrom: number | null;
  updatedAt: number;
}

const planCols = `p.id, p.year, p.level, p.title, p.total_points as totalPoints, p.state, p.basis, p.period_start as
  periodStart,
  p.period_end as periodEnd, p.copied_from as copiedFrom, p.updated_at as updatedAt`;
const planCounts = `(select count(distinct t.unit_id) from targets t where t.plan_id = p.id and t.deleted_at is null)
  as units,
  (select count(*) from targets t where t.plan_id = p.id and t.deleted_at is null) as targets,
  (select count(*) from letters l where l.plan_id = p.id and l.signed_date is not null) as signed`;

export type PlanWithCounts = PlanRecord & { units: number; targets: number; signed: number };

export function listPlans(db: Database.Database): PlanWithCounts[] {
  return db
    .prepare(`select ${planCols}, ${planCounts} from plans p order by p.year desc, p.level`)
    .all() as PlanWithCounts[];
}

export function planWithCounts(db: Database.Database, id: number): PlanWithCounts | undefined {
  return db.prepare(`select ${planCols}, ${planCounts} from plans p where p.id = ?`).get(id) as
    PlanWithCounts | undefined;
}

export function planById(db: Database.Database, id: number): PlanRecord | undefined {
  return db.prepare(`select ${planCols} from plans p where p.id = ?`).get(id) as PlanRecord | undefined;
}

export function planByYear(db: Database.Database, year: number, level: string): PlanRecord | undefined {
  return db.prepare(`select ${planCols} from plans p where p.year = ? and p.level = ?`).get(year, level) as
    PlanRecord | undefined;
}

/** The plan's UUID: a restore from backup can bring back the same id as another record. */
export const planUuid = (db: Database.Database, id: number): string | undefined =>
  (db.prepare('select uuid from plans where id = ?').get(id) as { uuid: string } | undefined)?.uuid;

export interface IndicatorRecord {
  id: number;
  planId: number;
  parentId: number | null;
  isGroup: boolean;
  kind: IndicatorKindValue;
  name: string;
  points: number;
  method: string;
  params: string;
  standard: string;
  scoringBody: string;
  autoSource: string | null;
  categoryIds: string;
  evidence: string;
  sortOrder: number;
  updatedAt: number;
  targets: number;
}

const indicatorBaseCols = `i.id, i.plan_id as planId, i.parent_id as parentId, i.is_group as isGroup, i.kind, i.name,
  i.points, i.method, i.params,
  i.standard, i.scoring_body as scoringBody, i.auto_source as autoSource, i.category_ids as categoryIds, i.evidence,
  i.sort_order as sortOrder,
  i.updated_at as updatedAt`;
const indicatorCols = `${indicatorBaseCols},
  (select count(*) from targets t where t.indicator_id = i.id and t.deleted_at is null) as targets`;

const fixIndicator = (r: IndicatorRecord): IndicatorRecord => ({ ...r, isGroup: !!r.isGroup });

/**
 * A plan's indicators in tree order: groups by sort order, each followed by its items. `counts: false` leaves out
 * each indicator's count of targets (0), which costs a scan of the plan's targets: the letters do not print it.
 */
export function indicatorsOf(db: Database.Database, planId: number, o: { counts?: boolean } = {}): IndicatorRecord[] {
  const cols = o.counts === false ? `${indicatorBaseCols}, 0 as targets` : indicatorCols;
  const all = (
    db
      .prepare(
        `select ${cols} from indicators i where i.plan_id = ? and i.deleted_at is null order by i.sort_order, i.id`,
      )
      .all(planId) as IndicatorRecord[]
  ).map(fixIndicator);
  const out: IndicatorRecord[] = [];
  for (const g of all.filter((i) => i.parentId === null)) {
    out.push(g);
    out.push(...all.filter((i) => i.parentId === g.id));
  }
  return out;
}

export function indicatorById(db: Database.Database, id: number): IndicatorRecord | undefined {
  const r = db.prepare(`select ${indicatorCols} from indicators i where i.id = ? and i.deleted_at is null`).get(id) as
    IndicatorRecord | undefined;
  return r && fixIndicator(r);
}

// ---- writes (through the one write path) ----

export interface PlanRow {
  year: number;
  level: PlanRecord['level'];
  title: string;
  totalPoints: number;
  basis: string;
  periodStart: string;
  periodEnd: string;
  copiedFrom: number | null;
}

export const insertPlanRow = (w: RecordWriter, p: PlanRow) =>
  w.insert('plans', {
    year: p.year,
    level: p.level,
    title: p.title,
    total_points: p.totalPoints,
    state: 'draft',
    basis: p.basis,
    period_start: p.periodStart,
    period_end: p.periodEnd,
    copied_from: p.copiedFrom,
  });

export const updatePlanRow = (
  w: RecordWriter,
  id: number,
  p: Pick<PlanRow, 'title' | 'totalPoints' | 'basis' | 'periodStart' | 'periodEnd'>,
) =>
  w.update('plans', id, {
    title: p.title,
    total_points: p.totalPoints,
    basis: p.basis,
    period_start: p.periodStart,
    period_end: p.periodEnd,
  });

export const setPlanState = (w: RecordWriter, id: number, state: PlanStateValue) => w.update('plans', id, { state });
/** Something under the plan (an indicator) changed: the plan's version moves so a receiving level sees it. */
export const touchPlan = (w: RecordWriter, id: number) => w.touch('plans', id);

export type IndicatorRow = Omit<IndicatorRecord, 'id' | 'planId' | 'targets' | 'updatedAt' | 'autoSource'> & {
  /** Left out: stays as stored (new rows: entered by the scoring body). */
  autoSource?: string | null;
};
const indicatorValues = (i: Partial<IndicatorRow>) => ({
  parent_id: i.parentId,
  is_group: i.isGroup,
  kind: i.kind,
  name: i.name,
  points: i.points,
  method: i.method,
  params: i.params,
  standard: i.standard,
  scoring_body: i.scoringBody,
  auto_source: i.autoSource,
  category_ids: i.categoryIds,
  evidence: i.evidence,
  sort_order: i.sortOrder,
});
export const insertIndicatorRow = (w: RecordWriter, planId: number, i: IndicatorRow) =>
  w.insert('indicators', { plan_id: planId, ...indicatorValues(i) });
/** Changes the fields given (undefined ones stay); a group never becomes an item. */
export const updateIndicatorRow = (w: RecordWriter, id: number, i: Partial<Omit<IndicatorRow, 'isGroup'>>) =>
  w.update('indicators', id, indicatorValues(i));
export const removeIndicatorRow = (w: RecordWriter, id: number) => w.remove('indicators', id);
export const maxIndicatorSort = (db: Database.Database, planId: number) =>
  (
    db.prepare('select max(sort_order) as m from indicators where plan_id = ? and deleted_at is null').get(planId) as {
      m: number | null;
    }
  ).m ?? 0;
export const indicatorByName = (db: Database.Database, planId: number, name: string, isGroup: boolean) =>
  db
    .prepare(
      'select id, updated_at as updatedAt from indicators where plan_id = ? and name = ? and is_group = ? and ' +
        'deleted_at is null',
    )
    .get(planId, name, isGroup ? 1 : 0) as { id: number; updatedAt: number } | undefined;
export const childIndicatorCount = (db: Database.Database, parentId: number) =>
  (
    db.prepare('select count(*) as n from indicators where parent_id = ? and deleted_at is null').get(parentId) as {
      n: number;
    }
  ).n;
