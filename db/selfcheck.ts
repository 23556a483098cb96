import path from 'node:path';
import Database from 'better-sqlite3';
import { DbOpenError } from './errors';
import { type Migration, runMigrations } from './migrate';
import { appendAudit } from './repos/audit';

/**
 * The start self-check: the live schema is compared with what the applied migrations produce on an
 * empty database (the migrations are the one source of truth; no checksum file to keep in step).
 * Triggers are the database's own protections (the audit trail's append-only guards): a missing,
 * altered or foreign one is put back as the migrations wrote it, and the trail says so. Any other
 * difference (a table, column, index or view changed by hand) refuses the database untouched.
 */

export const SELFCHECK_ACTION = 'system.selfcheck';
export const SELFCHECK_ACTOR = '系统（启动自检）';

/** What the self-check put right, as recorded in the trail's detail. */
export interface SelfCheckDetail {
  /** Protections found dropped, created again. */
  missing: string[];
  /** Protections found with another definition, replaced by the migrations' own. */
  altered: string[];
  /** Triggers no migration creates (they could silence or rewrite writes), dropped. */
  removed: string[];
}

export interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string;
  /** A table's column names, in order; for naming what differs. */
  columns: string[];
}

/** The schema's objects, SQLite's own left out (sqlite_sequence, sqlite_stat1 from ANALYZE, sqlite_autoindex_*). */
export function schemaObjects(sqlite: Database.Database): SchemaObject[] {
  const rows = sqlite
    .prepare(
      `select type, name, tbl_name as tblName, sql from sqlite_master where substr(name, 1, 7) <> 'sqlite_' and ` +
        `sql is not null order by type, name`,
    )
    .all() as Omit<SchemaObject, 'columns'>[];
  const columnsOf = sqlite.prepare('select name from pragma_table_info(?)').pluck();
  return rows.map((r) => ({ ...r, columns: r.type === 'table' ? (columnsOf.all(r.name) as string[]) : [] }));
}

const TOKEN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[\p{L}\p{N}_$]+|[^\s]/gu;
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * CREATE text compared by its tokens: whitespace, comments, identifier quoting and the case of
 * keywords and identifiers do not count (SQLite stores the text as written, and an ALTER rewrites
 * it); string literals count exactly.
 */
export function normalizeSql(sql: string): string {
  const out: string[] = [];
  for (const [t] of sql.matchAll(TOKEN)) {
    if (/^\s/.test(t) || t.startsWith('--') || t.startsWith('/*')) continue;
    if (t.startsWith("'")) out.push(t);
    else if (t.startsWith('"') || t.startsWith('`'))
      out.push(asciiLower(t.slice(1, -1).replaceAll(t[0]! + t[0]!, t[0]!)));
    else if (t.startsWith('[')) out.push(asciiLower(t.slice(1, -1)));
    else out.push(asciiLower(t));
  }
  return out.join(' ');
}

/** The schema `migrations` give an empty (in-memory) database. */
export function buildExpectedSchema(migrations: Migration[], nativeBinding?: string): SchemaObject[] {
  const mem = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    runMigrations(mem, migrations);
    return schemaObjects(mem);
  } finally {
    mem.close();
  }
}

const expectedCache = new Map<string, SchemaObject[]>();

/** buildExpectedSchema, once per process for each list of migrations (a restore reopens). */
export function expectedSchema(migrations: Migration[], nativeBinding?: string): SchemaObject[] {
  const key = migrations.map((m) => m.hash).join(',');
  let objects = expectedCache.get(key);
  if (!objects) {
    objects = buildExpectedSchema(migrations, nativeBinding);
    expectedCache.set(key, objects);
  }
  return objects;
}

const typeNames: Record<string, string> = { table: '表', index: '索引', view: '视图', trigger: '触发器' };
const typeName = (type: string) => typeNames[type] ?? type;
const same = (a: SchemaObject, b: SchemaObject) =>
  a.type === b.type &&
  a.tblName.toLowerCase() === b.tblName.toLowerCase() &&
  // an untouched database holds the very text the migrations wrote: tokens only when it differs
  (a.sql === b.sql || normalizeSql(a.sql) === normalizeSql(b.sql));

function describeChange(live: SchemaObject, want: SchemaObject): string {
  if (live.type !== want.type) return `${want.name} 由${typeName(want.type)}变成了${typeName(live.type)}`;
  if (live.type !== 'table') return `${typeName(live.type)} ${live.name} 的定义被改动`;
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const had = lower(want.columns);
  const has = lower(live.columns);
  const added = live.columns.filter((c) => !had.has(c.toLowerCase()));
  const dropped = want.columns.filter((c) => !has.has(c.toLowerCase()));
  const parts = [
    ...(added.length ? [`多出列 ${added.join('、')}`] : []),
    ...(dropped.length ? [`缺少列 ${dropped.join('、')}`] : []),
  ];
  return `表 ${live.name} ${parts.length ? parts.join('，') : '的定义被改动'}`;
}

export interface SchemaDiff {
  /** Trigger differences the self-check puts right. */
  protections: SelfCheckDetail;
  /** Every other difference, in Chinese, for the refusal. */
  structure: string[];
}

export function diffSchema(live: SchemaObject[], expected: SchemaObject[]): SchemaDiff {
  const key = (o: SchemaObject) => o.name.toLowerCase();
  const liveByName = new Map(live.map((o) => [key(o), o]));
  const wantByName = new Map(expected.map((o) => [key(o), o]));
  const diff: SchemaDiff = { protections: { missing: [], altered: [], removed: [] }, structure: [] };
  for (const want of expected) {
    const has = liveByName.get(key(want));
    if (want.type === 'trigger' && (!has || has.type === 'trigger')) {
      if (!has) diff.protections.missing.push(want.name);
      else if (!same(has, want)) diff.protections.altered.push(want.name);
    } else if (!has) diff.structure.push(`缺少${typeName(want.type)} ${want.name}`);
    else if (!same(has, want)) diff.structure.push(describeChange(has, want));
  }
  for (const has of live) {
    if (wantByName.has(key(has))) continue;
    if (has.type === 'trigger') diff.protections.removed.push(has.name);
    else diff.structure.push(`多出${typeName(has.type)} ${has.name}`);
  }
  return diff;
}

const SHOWN = 6;

function refusal(file: string, structure: string[]): DbOpenError {
  const shown = structure.slice(0, SHOWN).join('；');
  const more = structure.length > SHOWN ? `等 ${structure.length} 处` : '';
  return new DbOpenError(
    'SCHEMA_ALTERED',
    `数据库“${path.basename(file)}”的结构被人改动过，与本程序的数据结构不符（${shown}${more}）。为防止数据出错，程序没有打开它，` +
      `数据未改动。请从改动之前的备份恢复（把数据目录中的“${path.basename(file)}”移到别处后启动程序，在首次启动页面选择` +
      `“从备份恢复”），或联系技术支持。`,
  );
}

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Checks the live schema against what `applied` (the migrations this database has had) produce.
 * Refuses an altered structure before anything is written; restores the protections in one
 * transaction with the trail's entry saying which. Returns what was restored, or null if nothing.
 */
export function checkSchema(
  sqlite: Database.Database,
  applied: Migration[],
  opts: { file: string; nativeBinding?: string; now: () => number },
): SelfCheckDetail | null {
  if (applied.length === 0) return null;
  const expected = expectedSchema(applied, opts.nativeBinding);
  const protections = (): SelfCheckDetail | null => {
    const diff = diffSchema(schemaObjects(sqlite), expected);
    if (diff.structure.length > 0) throw refusal(opts.file, diff.structure);
    const p = diff.protections;
    return p.missing.length + p.altered.length + p.removed.length > 0 ? p : null;
  };
  if (!protections()) return null;
  const sqlOf = new Map(expected.map((o) => [o.name, o.sql]));
  return sqlite
    .transaction(() => {
      // again under the write lock: a second process opening the same folder may have just done it
      const p = protections();
      if (!p) return null;
      for (const name of [...p.altered, ...p.removed]) sqlite.exec(`drop trigger ${quoteName(name)}`);
      for (const name of [...p.missing, ...p.altered]) sqlite.exec(sqlOf.get(name)!);
      appendAudit(sqlite, {
        at: opts.now(),
        actor: SELFCHECK_ACTOR,
        role: '',
        action: SELFCHECK_ACTION,
        target: null,
        detail: { ...p },
      });
      return p;
    })
    .immediate();
}
