import type Database from 'better-sqlite3';
import { stmt } from './stmt-cache';
import { exchangedTables, type ExchangedTable } from './schema/exchange';

/**
 * The import half of the write path (EXCHANGE.md): rows that travel are read for a peer with their references as
 * UUIDs, and rows that arrive are written here with the UUID, owner, version and timestamps they carry. Nothing else
 * writes a travelling row that another node made. The order of tables follows the schema's foreign keys, so a table
 * added to exchangedTables travels without a change here.
 */

const SYSTEM = ['id', 'uuid', 'owner_node', 'version', 'created_at', 'updated_at', 'deleted_at'];
const IDENT = /^[a-z_][a-z0-9_]*$/;

export interface TableShape {
  table: ExchangedTable;
  /** Columns other than the system ones and the references. */
  plain: string[];
  /** Column → referenced travelling table. */
  refs: Record<string, ExchangedTable>;
  /** Unique keys made of plain columns (not the UUID): a row arriving with the same key is the same row. */
  keys: string[][];
}

const exchanged = new Set<string>(exchangedTables);

function shapeOf(sqlite: Database.Database, table: ExchangedTable): TableShape {
  const cols = (stmt(sqlite, 'select name from pragma_table_info(?)').all(table) as { name: string }[]).map(
    (c) => c.name,
  );
  const fks = stmt(sqlite, 'select "from" as col, "table" as ref from pragma_foreign_key_list(?)').all(table) as {
    col: string;
    ref: string;
  }[];
  const refs: Record<string, ExchangedTable> = {};
  for (const f of fks) {
    if (!exchanged.has(f.ref)) throw new Error(`${table}.${f.col} refers to ${f.ref}, which does not travel`);
    refs[f.col] = f.ref as ExchangedTable;
  }
  const keys: string[][] = [];
  const idx = stmt(sqlite, 'select name, "unique" as u, partial from pragma_index_list(?)').all(table) as {
    name: string;
    u: number;
    partial: number;
  }[];
  for (const i of idx.filter((x) => x.u === 1)) {
    const parts = (stmt(sqlite, 'select name from pragma_index_info(?)').all(i.name) as { name: string | null }[]).map(
      (p) => p.name,
    );
    if (parts.some((p) => p === null || p === 'uuid' || p in refs)) continue;
    keys.push(parts as string[]);
  }
  return { table, plain: cols.filter((c) => !SYSTEM.includes(c) && !(c in refs)), refs, keys };
}

/**
 * The travelling tables in the order a package carries and an import writes them: every table after the tables it
 * refers to (a table's references to itself excepted: its rows go in the order they were made).
 */
export function exchangeOrder(sqlite: Database.Database): TableShape[] {
  const shapes = new Map(exchangedTables.map((t) => [t, shapeOf(sqlite, t)] as const));
  const out: TableShape[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: ExchangedTable, path: string[]) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting')
      throw new Error(`circular references between travelling tables: ${path.join(' → ')}`);
    state.set(t, 'visiting');
    for (const ref of Object.values(shapes.get(t)!.refs)) if (ref !== t) visit(ref, [...path, ref]);
    state.set(t, 'done');
    out.push(shapes.get(t)!);
  };
  for (const t of exchangedTables) visit(t, [t]);
  return out;
}

export interface OutRow {
  uuid: string;
  owner: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  fields: Record<string, unknown>;
}

const selects = new WeakMap<TableShape, string>();

/** The select of a table's travelling rows, made once per shape (an import asks for it at every row). */
function selectSql(s: TableShape): string {
  let sql = selects.get(s);
  if (sql === undefined) selects.set(s, (sql = makeSelectSql(s)));
  return sql;
}

function makeSelectSql(s: TableShape): string {
  const plain = s.plain.map((c) => `t."${c}"`);
  const refs = Object.entries(s.refs).map(
    ([c, ref]) => `(select r.uuid from "${ref}" r where r.id = t."${c}") as "${c}"`,
  );
  return (
    'select t.uuid as "$uuid", t.owner_node as "$owner", t.version as "$version", t.created_at as "$created", ' +
    `t.updated_at as "$updated", t.deleted_at as "$deleted"${[...plain, ...refs].map((x) => `, ${x}`).join('')} ` +
    `from "${s.table}" t`
  );
}

function toOut(r: Record<string, unknown>): OutRow {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!k.startsWith('$')) fields[k] = v;
  return {
    uuid: r.$uuid as string,
    owner: r.$owner as string,
    version: r.$version as number,
    createdAt: r.$created as number,
    updatedAt: r.$updated as number,
    deletedAt: r.$deleted as number | null,
    fields,
  };
}

/**
 * The rows of one table a package for `peer` carries: to the parent, this node's own rows; to a child, every row the
 * child does not own; in both cases only rows newer than what the peer holds (exchange_acks). `scope`, for a child
 * that is one unit's installation, is the condition on `t` from db/exchange-scope.ts.
 */
export function* rowsForPeer(
  sqlite: Database.Database,
  s: TableShape,
  selfNode: string,
  peer: string,
  toParent: boolean,
  scope?: string,
): Generator<OutRow> {
  const who = toParent ? 't.owner_node = ?' : 't.owner_node <> ?';
  const rows = sqlite.prepare(
    `${selectSql(s)} left join exchange_acks a on a.peer_node = ? and a.tbl = ? and a.uuid = t.uuid ` +
      `where ${who} and (a.version is null or a.version < t.version)${scope ? ` and (${scope})` : ''} order by t.id`,
  );
  for (const r of rows.iterate(peer, s.table, toParent ? selfNode : peer)) yield toOut(r as Record<string, unknown>);
}

/** One row as this node holds it (for a conflict's side by side), or null. */
const byUuid = new WeakMap<TableShape, string>();

export function localRow(sqlite: Database.Database, s: TableShape, uuid: string): OutRow | null {
  let sql = byUuid.get(s);
  if (sql === undefined) byUuid.set(s, (sql = `${selectSql(s)} where t.uuid = ?`));
  const r = stmt(sqlite, sql).get(uuid) as Record<string, unknown> | undefined;
  return r ? toOut(r) : null;
}

export type ApplyOutcome =
  | { kind: 'created' | 'updated' | 'unchanged' }
  | { kind: 'conflict'; message: string; local: OutRow | null }
  | { kind: 'error'; field: string; message: string };

export interface ApplyPolicy {
  selfNode: string;
  sender: string;
  senderIsParent: boolean;
}

function resolveRef(sqlite: Database.Database, ref: ExchangedTable, uuid: string): number | null {
  const r = stmt(
    sqlite,
    `select id from "${ref}" where uuid = ? ` +
      'union all select local_id from exchange_aliases where tbl = ? and uuid = ? limit 1',
  ).get(uuid, ref, uuid) as { id: number } | undefined;
  return r?.id ?? null;
}

const columns = new WeakMap<TableShape, Set<string>>();
const writes = new WeakMap<TableShape, Map<string, string>>();

/** A row's insert or update, made once per table and set of columns (rows of one table mostly carry the same). */
function writeSql(s: TableShape, kind: 'insert' | 'update', keys: string[], make: (keys: string[]) => string): string {
  let m = writes.get(s);
  if (!m) writes.set(s, (m = new Map()));
  const key = `${kind}:${keys.join(',')}`;
  let sql = m.get(key);
  if (sql === undefined) m.set(key, (sql = make(keys)));
  return sql;
}

const sameValue = (a: unknown, b: unknown) =>
  Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : a === b || (a == null && b == null);

/**
 * Writes one arriving row (call inside the import's transaction). Refuses, as a conflict, a row whose owner is not
 * the sender's to change; a row whose natural key is already held here under another UUID becomes an alias of it.
 */
export function applyRow(sqlite: Database.Database, s: TableShape, row: OutRow, p: ApplyPolicy): ApplyOutcome {
  let known = columns.get(s);
  if (!known) columns.set(s, (known = new Set([...s.plain, ...Object.keys(s.refs)])));
  for (const k of Object.keys(row.fields)) {
    if (!IDENT.test(k) || !known.has(k))
      return { kind: 'error', field: k, message: `本机的“${s.table}”没有字段“${k.slice(0, 40)}”` };
  }
  const allowed = p.senderIsParent ? row.owner !== p.selfNode : row.owner === p.sender;
  const local = localRow(sqlite, s, row.uuid);
  if (!allowed) {
    return {
      kind: 'conflict',
      local,
      message: p.senderIsParent
        ? '上级发来了对本机所建记录的修改：本机的记录只能由本机修改，未覆盖'
        : '下级发来了不属于它的记录的修改（该记录由其他级别建立和维护），未覆盖',
    };
  }
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.fields)) {
    if (k in s.refs && v !== null) {
      const id = typeof v === 'string' ? resolveRef(sqlite, s.refs[k]!, v) : null;
      if (id === null)
        return { kind: 'error', field: k, message: `引用的记录（${s.refs[k]} ${String(v).slice(0, 36)}）本机没有` };
      values[k] = id;
    } else values[k] = v;
  }
  if (local) {
    if (local.owner !== row.owner) return { kind: 'conflict', local, message: '同一记录在两边的建立者不同，未覆盖' };
    if (row.version < local.version) return { kind: 'unchanged' };
    if (row.version === local.version) {
      // a reference is compared by the row it resolves to here: the sender may name a row this node holds under its
      // own UUID (an alias, such as a default category both installations made), and that is the same content
      const mine = (k: string, v: unknown) =>
        k in s.refs && typeof v === 'string' ? resolveRef(sqlite, s.refs[k]!, v) : v;
      const same = Object.entries(values).every(([k, v]) => sameValue(mine(k, local.fields[k]), v));
      return same ? { kind: 'unchanged' } : { kind: 'conflict', local, message: '同一版本号的内容两边不同，未覆盖' };
    }
    const sql = writeSql(s, 'update', Object.keys(values), (ks) => {
      const sets = [...ks.map((k) => `"${k}" = ?`), 'version = ?', 'updated_at = ?', 'deleted_at = ?'];
      return `update "${s.table}" set ${sets.join(', ')} where uuid = ?`;
    });
    stmt(sqlite, sql).run(...Object.values(values), row.version, row.updatedAt, row.deletedAt, row.uuid);
    return { kind: 'updated' };
  }
  const alias = sameKey(sqlite, s, row.fields);
  if (alias !== null) {
    stmt(sqlite, 'insert or replace into exchange_aliases (tbl, uuid, local_id) values (?, ?, ?)').run(
      s.table,
      row.uuid,
      alias,
    );
    return { kind: 'unchanged' };
  }
  const sql = writeSql(s, 'insert', Object.keys(values), (ks) => {
    const cols = [...ks, 'uuid', 'owner_node', 'version', 'created_at', 'updated_at', 'deleted_at'];
    const marks = cols.map(() => '?').join(', ');
    return `insert into "${s.table}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${marks})`;
  });
  stmt(sqlite, sql).run(
    ...Object.values(values),
    row.uuid,
    row.owner,
    row.version,
    row.createdAt,
    row.updatedAt,
    row.deletedAt,
  );
  return { kind: 'created' };
}

/** The live local row with the same natural key as these fields, if any. */
function sameKey(sqlite: Database.Database, s: TableShape, fields: Record<string, unknown>): number | null {
  for (const key of s.keys) {
    if (key.some((c) => fields[c] === undefined || fields[c] === null)) continue;
    const r = stmt(
      sqlite,
      `select id from "${s.table}" where ${key.map((c) => `"${c}" = ?`).join(' and ')} and deleted_at is null`,
    ).get(...key.map((c) => fields[c])) as { id: number } | undefined;
    if (r) return r.id;
  }
  return null;
}

/**
 * One arriving row's savepoint, so that a row that fails is undone alone and reported while the rest is checked; the
 * statements are prepared once (an import opens one a row).
 */
export const rowSavepoint = {
  open: (sqlite: Database.Database) => void stmt(sqlite, 'savepoint xch_row').run(),
  keep: (sqlite: Database.Database) => void stmt(sqlite, 'release xch_row').run(),
  undo: (sqlite: Database.Database) => {
    stmt(sqlite, 'rollback to xch_row').run();
    stmt(sqlite, 'release xch_row').run();
  },
};

/** Notes that `peer` holds these rows at these versions (it sent them, or acknowledged them). */
export function ackRow(sqlite: Database.Database, peer: string, table: string, uuid: string, version: number): void {
  stmt(
    sqlite,
    'insert into exchange_acks (peer_node, tbl, uuid, version) values (?, ?, ?, ?) ' +
      'on conflict (peer_node, tbl, uuid) ' +
      'do update set version = max(version, excluded.version)',
  ).run(peer, table, uuid, version);
}
