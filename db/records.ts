import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { RecordWriteError } from './errors';
import { exchangedTables, type ExchangedTable } from './schema/exchange';

/**
 * The one write path for records that travel between levels (EXCHANGE.md). It alone assigns the
 * UUID and the owner node, sets the timestamps, raises the version once per call for every row a
 * call changes, refuses a change to a row another level owns, and turns a removal into a tombstone
 * that can travel. Repositories call it; nothing else names uuid, owner_node, version, created_at,
 * updated_at or deleted_at of an exchanged table (tests/unit/db/write-path.test.ts keeps it so).
 */

/** A column value as SQLite stores it; booleans become 0/1. */
export type Value = string | number | bigint | boolean | null | Buffer;
export type Values = Record<string, Value | undefined>;
/** Which rows: column = value for each key (null matches IS NULL). A number means the row id. */
export type Match = number | Record<string, Value>;

const SYSTEM_COLUMNS = new Set(['id', 'uuid', 'owner_node', 'version', 'created_at', 'updated_at', 'deleted_at']);
const IDENT = /^[a-z_][a-z0-9_]*$/;
const exchanged = new Set<string>(exchangedTables);
const columnCache = new WeakMap<Database.Database, Map<string, Set<string>>>();

function columnsOf(sqlite: Database.Database, table: ExchangedTable): Set<string> {
  let perDb = columnCache.get(sqlite);
  if (!perDb) columnCache.set(sqlite, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    if (!exchanged.has(table)) throw new Error(`${table} is not an exchanged table`);
    const rows = sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[];
    cols = new Set(rows.map((r) => r.name));
    perDb.set(table, cols);
  }
  return cols;
}

function checkColumns(
  sqlite: Database.Database,
  table: ExchangedTable,
  names: string[],
  system: 'refuse' | 'allow',
): void {
  const cols = columnsOf(sqlite, table);
  for (const n of names) {
    if (!IDENT.test(n) || !cols.has(n)) throw new Error(`${table} has no column ${n}`);
    if (system === 'refuse' && SYSTEM_COLUMNS.has(n))
      throw new Error(`${table}.${n} is written by the write path only`);
  }
}

const defined = (v: Values) => Object.entries(v).filter(([, x]) => x !== undefined) as [string, Value][];
const bind = (v: Value): Exclude<Value, boolean> => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function whereOf(sqlite: Database.Database, table: ExchangedTable, match: Match): { sql: string; args: Value[] } {
  if (typeof match === 'number') return { sql: 'id = ?', args: [match] };
  const entries = Object.entries(match);
  if (entries.length === 0) throw new Error(`an empty match would touch every row of ${table}`);
  checkColumns(
    sqlite,
    table,
    entries.map(([k]) => k).filter((k) => k !== 'id'),
    'allow',
  );
  return {
    sql: entries.map(([k, v]) => (v === null ? `"${k}" is null` : `"${k}" = ?`)).join(' and '),
    args: entries.filter(([, v]) => v !== null).map(([, v]) => bind(v)),
  };
}

export interface RecordWriter {
  readonly nodeId: string;
  readonly now: number;
  /** Inserts a new row owned by this node, version 1; returns its id. */
  insert(table: ExchangedTable, values: Values): number;
  /** Changes the live rows that match; returns how many. Refuses rows another node owns. */
  update(table: ExchangedTable, match: Match, values: Values): number;
  /** Marks the matching rows changed without changing a column (a child of theirs changed). */
  touch(table: ExchangedTable, match: Match): number;
  /** Removes the matching live rows as tombstones; returns how many. */
  remove(table: ExchangedTable, match: Match): number;
  /**
   * Writes the row with this natural key: updates it if it exists (bringing a tombstone back), or
   * inserts it. Returns its id.
   */
  upsert(table: ExchangedTable, key: Record<string, Value>, values: Values): number;
}

/** A further check of every row a call writes (unit mode, db/exchange-scope.ts unitWriteGuard); throws to refuse. */
export type WriteGuard = (table: ExchangedTable, ids: number[]) => void;

/**
 * A writer for one call: every row it changes is raised one version however often the call
 * changes it (a row it inserted stays at version 1).
 */
export function recordWriter(sqlite: Database.Database, nodeId: string, now: number, guard?: WriteGuard): RecordWriter {
  const raised = new Set<string>();

  /** Rows matching, after refusing any owned elsewhere; live rows only unless told. */
  function own(table: ExchangedTable, match: Match, withTombstones = false): number[] {
    const w = whereOf(sqlite, table, match);
    const live = withTombstones ? '' : ' and deleted_at is null';
    const rows = sqlite
      .prepare(`select id, owner_node as owner from "${table}" where ${w.sql}${live}`)
      .all(...w.args) as { id: number; owner: string }[];
    const foreign = rows.find((r) => r.owner !== nodeId);
    if (foreign) throw notOwner(sqlite, foreign.owner);
    return rows.map((r) => r.id);
  }

  function write(table: ExchangedTable, ids: number[], sets: [string, Value][]): void {
    if (ids.length === 0) return;
    guard?.(table, ids);
    const raise = ids.filter((id) => !raised.has(`${table}:${id}`));
    const assign = sets.map(([k]) => `"${k}" = ?`).concat('updated_at = ?');
    const args = sets.map(([, v]) => bind(v)).concat(now);
    const stmt = (bump: boolean) =>
      sqlite.prepare(`update "${table}" set ${assign.join(', ')}${bump ? ', version = version + 1' : ''} where id = ?`);
    const bump = stmt(true);
    const keep = stmt(false);
    for (const id of ids) (raise.includes(id) ? bump : keep).run(...args, id);
    for (const id of raise) raised.add(`${table}:${id}`);
  }

  /** The values a caller may set: defined ones, in columns the table has, none of the write path's own. */
  const settable = (table: ExchangedTable, values: Values) => {
    const entries = defined(values);
    checkColumns(
      sqlite,
      table,
      entries.map(([k]) => k),
      'refuse',
    );
    return entries;
  };

  const writer: RecordWriter = {
    nodeId,
    now,
    insert(table, values) {
      const entries = settable(table, values);
      const cols = entries.map(([k]) => `"${k}"`).concat('uuid', 'owner_node', 'version', 'created_at', 'updated_at');
      const args = entries.map(([, v]) => bind(v)).concat(randomUUID(), nodeId, 1, now, now);
      const id = Number(
        sqlite
          .prepare(`insert into "${table}" (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
          .run(...args).lastInsertRowid,
      );
      raised.add(`${table}:${id}`);
      guard?.(table, [id]);
      return id;
    },
    update(table, match, values) {
      const sets = settable(table, values);
      const ids = own(table, match);
      write(table, ids, sets);
      return ids.length;
    },
    touch(table, match) {
      const ids = own(table, match);
      write(table, ids, []);
      return ids.length;
    },
    remove(table, match) {
      const ids = own(table, match);
      write(table, ids, [['deleted_at', now]]);
      return ids.length;
    },
    upsert(table, key, values) {
      const ids = own(table, key, true);
      if (ids.length > 1) throw new Error(`the key of ${table} matches ${ids.length} rows`);
      if (ids.length === 0) return writer.insert(table, { ...key, ...values });
      const sets = settable(table, values);
      write(table, ids, [...sets, ['deleted_at', null]]);
      return ids[0]!;
    },
  };
  return writer;
}

function notOwner(sqlite: Database.Database, owner: string): RecordWriteError {
  const node = sqlite.prepare('select name, relation from nodes where id = ?').get(owner) as
    { name: string; relation: 'self' | 'parent' | 'child' } | undefined;
  const level = node
    ? `${node.relation === 'parent' ? '上级' : '下级'}“${node.name}”`
    : `其他级别（节点 ${owner.slice(0, 8)}）`;
  return new RecordWriteError(
    'NOT_OWNER',
    `这条记录由${level}建立和维护，本机不能修改或删除；如需改动，请由该级别修改后通过数据交换传来。`,
  );
}

/**
 * For a read that asks who wrote a row (a reply written at another installation than its notice): SQL conditions on
 * the owner column, which only the write path names.
 */
export const ownerSql = {
  /** Rows `a` and `b` were written at different installations. */
  differs: (a: string, b: string) => `${a}.owner_node <> ${b}.owner_node`,
  /** Row `a` was written at this installation. */
  here: (a: string) => `${a}.owner_node = (select id from nodes where is_self = 1)`,
};

/** The ids among `ids` of `table` this installation owns (may change), for a screen that offers editing only there. */
export function ownedHere(sqlite: Database.Database, table: ExchangedTable, ids: number[]): Set<number> {
  if (!exchanged.has(table)) throw new Error(`${table} is not an exchanged table`);
  const rows = sqlite
    .prepare(
      `select id from "${table}" where id in (select value from json_each(?)) ` +
        'and owner_node = (select id from nodes where is_self = 1)',
    )
    .all(JSON.stringify(ids)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}
