import type Database from 'better-sqlite3';

/**
 * A read worked out from many rows, kept until the database changes. "Changes" is SQLite's own count: total_changes()
 * moves with every row this connection inserts, updates or deletes (through any path, a test's hand edit included),
 * and data_version moves when another connection (the command line on the same data folder) commits. A restore opens
 * a new connection, which has memos of its own.
 */
const memos = new WeakMap<Database.Database, Map<string, { stamp: string; value: unknown }>>();
/** Reads kept a connection: the letters of a few plans, and what they print. */
const MOST = 16;

export function stampOf(sqlite: Database.Database): string {
  const changes = sqlite.prepare('select total_changes() as n').pluck().get() as number;
  return `${changes}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

/**
 * The counter SQLite's triggers raise on every write to the tables behind a kind of read (db/schema/system.ts
 * change_counts): narrower than stampOf, since writes elsewhere (a letter generated or signed) do not move it.
 */
export function countOf(sqlite: Database.Database, name: 'letter_inputs' | 'letter_org'): string {
  const n = sqlite.prepare('select n from change_counts where name = ?').pluck().get(name) as number | undefined;
  return `${name}:${n ?? 'none'}`;
}

export function memoRead<T>(sqlite: Database.Database, key: string, compute: () => T, stamp = stampOf(sqlite)): T {
  let map = memos.get(sqlite);
  if (!map) memos.set(sqlite, (map = new Map()));
  const hit = map.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  map.delete(key);
  if (map.size >= MOST) map.delete(map.keys().next().value!);
  // the stamp from before the work: were the work to write, it would be worked out again next time
  map.set(key, { stamp, value });
  return value;
}
