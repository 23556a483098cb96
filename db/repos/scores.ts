import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { ScoreInput } from '../../electron/core';
import type { scoreEntryKind, scoreSheetState, ValueOf } from '../../electron/vocab';

/** Score entries (考核责任单位评分 and 单位自评) and the bodies' sheets (评分表). */

export type EntryKind = ValueOf<typeof scoreEntryKind>;
export type SheetState = ValueOf<typeof scoreSheetState>;

export interface EntryRecord {
  id: number;
  planId: number;
  indicatorId: number;
  unitId: number;
  targetId: number | null;
  kind: EntryKind;
  rate: number | null;
  grade: string | null;
  occurrences: number | null;
  vetoed: boolean | null;
  points: number | null;
  note: string;
  enteredBy: string;
  updatedAt: number;
}

export interface SheetRecord {
  id: number;
  planId: number;
  body: string;
  state: SheetState;
  returnReason: string | null;
  submittedAt: number | null;
  submittedBy: string | null;
  returnedAt: number | null;
  returnedBy: string | null;
}

const entryCols = `id, plan_id as planId, indicator_id as indicatorId, unit_id as unitId, target_id as targetId, kind,
  rate, grade, occurrences, vetoed, points, note, entered_by as enteredBy, updated_at as updatedAt`;

type RawEntry = Omit<EntryRecord, 'vetoed'> & { vetoed: number | null };
const entryOf = (r: RawEntry): EntryRecord => ({ ...r, vetoed: r.vetoed === null ? null : r.vetoed === 1 });

/** The plan's live entries, of the given items (all when none named) and kind. */
export function entriesOf(
  db: Database.Database,
  planId: number,
  f: { indicatorIds?: number[]; unitId?: number; kind?: EntryKind } = {},
): EntryRecord[] {
  const where = ['plan_id = ?', 'deleted_at is null'];
  const args: (number | string)[] = [planId];
  if (f.indicatorIds) {
    // one bound JSON value however many items
    where.push('indicator_id in (select value from json_each(?))');
    args.push(JSON.stringify(f.indicatorIds));
  }
  if (f.unitId !== undefined) {
    where.push('unit_id = ?');
    args.push(f.unitId);
  }
  if (f.kind) {
    where.push('kind = ?');
    args.push(f.kind);
  }
  return (
    db
      .prepare(`select ${entryCols} from score_entries where ${where.join(' and ')} order by id`)
      .all(...args) as RawEntry[]
  ).map(entryOf);
}

/** How many of each item's cells have the body's entry (the sheets' progress, without reading every entry). */
export const enteredCounts = (db: Database.Database, planId: number): Map<number, number> =>
  new Map(
    (
      db
        .prepare(
          `select indicator_id as id, count(*) as n from score_entries where plan_id = ? and kind = 'entered' ` +
            'and deleted_at is null group by indicator_id',
        )
        .all(planId) as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );

export const entryById = (db: Database.Database, id: number): EntryRecord | undefined => {
  const r = db.prepare(`select ${entryCols} from score_entries where id = ? and deleted_at is null`).get(id) as
    RawEntry | undefined;
  return r && entryOf(r);
};

/** The input a method reads, from the one column an entry fills. */
export function inputOf(e: Pick<EntryRecord, 'rate' | 'grade' | 'occurrences' | 'vetoed' | 'points'>): ScoreInput {
  if (e.rate !== null) return { rate: e.rate };
  if (e.grade !== null) return { grade: e.grade as 'A' | 'B' | 'C' | 'D' };
  if (e.occurrences !== null) return { occurrences: e.occurrences };
  if (e.vetoed !== null) return { vetoed: e.vetoed };
  return { points: e.points ?? 0 };
}

const sheetCols = `id, plan_id as planId, body, state, return_reason as returnReason, submitted_at as submittedAt,
  submitted_by as submittedBy, returned_at as returnedAt, returned_by as returnedBy`;

export const sheetsOf = (db: Database.Database, planId: number) =>
  db
    .prepare(`select ${sheetCols} from score_sheets where plan_id = ? and deleted_at is null`)
    .all(planId) as SheetRecord[];

export const sheetOf = (db: Database.Database, planId: number, body: string) =>
  db
    .prepare(`select ${sheetCols} from score_sheets where plan_id = ? and body = ? and deleted_at is null`)
    .get(planId, body) as SheetRecord | undefined;

/** The plan's live targets of these items, as the scoring reads them (no joins: a city has 200,000). */
export const scoringTargets = (db: Database.Database, planId: number, indicatorIds: number[]) =>
  db
    .prepare(
      `select id, indicator_id as indicatorId, unit_id as unitId, content, points from targets where plan_id = ? ` +
        `and deleted_at is null and indicator_id in (select value from json_each(?)) order by sort_order, id`,
    )
    .all(planId, JSON.stringify(indicatorIds)) as {
    id: number;
    indicatorId: number;
    unitId: number;
    content: string;
    points: number;
  }[];

/** How many live targets each unit has under each item of the plan (keyed `indicator:unit`). */
export const targetCounts = (db: Database.Database, planId: number): Map<string, number> =>
  new Map(
    (
      db
        .prepare(
          'select indicator_id as i, unit_id as u, count(*) as n from targets ' +
            'where plan_id = ? and deleted_at is null group by indicator_id, unit_id',
        )
        .all(planId) as { i: number; u: number; n: number }[]
    ).map((r) => [`${r.i}:${r.u}`, r.n]),
  );

// ---- writes (through the one write path) ----

export interface EntryCell {
  planId: number;
  indicatorId: number;
  unitId: number;
  targetId: number | null;
  kind: EntryKind;
}

const cellKey = (c: EntryCell) => ({
  plan_id: c.planId,
  indicator_id: c.indicatorId,
  unit_id: c.unitId,
  target_id: c.targetId,
  kind: c.kind,
});

/** A cell's entry, written over the one there (or its tombstone); one input column filled, the others cleared. */
export const saveEntryRow = (w: RecordWriter, c: EntryCell, input: ScoreInput, note: string, by: string) =>
  w.upsert('score_entries', cellKey(c), {
    rate: 'rate' in input ? input.rate : null,
    grade: 'grade' in input ? input.grade : null,
    occurrences: 'occurrences' in input ? input.occurrences : null,
    vetoed: 'vetoed' in input ? input.vetoed : null,
    points: 'points' in input ? input.points : null,
    note,
    entered_by: by,
  });

/** A cell emptied: its entry becomes a tombstone that travels. */
export const removeEntryRow = (w: RecordWriter, id: number) => w.remove('score_entries', id);

/** The body's sheet in a state: made on its first change, or moved on. */
export const saveSheetRow = (
  w: RecordWriter,
  planId: number,
  body: string,
  v: Partial<{
    state: SheetState;
    return_reason: string | null;
    submitted_at: number | null;
    submitted_by: string | null;
    returned_at: number | null;
    returned_by: string | null;
  }>,
) => w.upsert('score_sheets', { plan_id: planId, body }, v);
