import type Database from 'better-sqlite3';

/**
 * A read worked out from many rows, kept until the database changes. "Changes" is SQLite's own count: total_changes()
 * moves with every row this connection inserts, updates or deletes (through any path, a test's hand edit included),
 * and data_version moves when another connection (the command line on the same data folder) commits. A restore opens
 * a new connection, which has memos of its own.
 */
const memos = new WeakMap<Database.Database, Map<string, { stamp: string; value: unknown }>>();
/** Reads kept a connection: the letters of a few plans. */
const MOST = 8;

export function stampOf(sqlite: Database.Database): string {
  const changes = sqlite.prepare('select total_changes() as n').pluck().get() as number;
  return `${changes}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

export function memoRead<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  let map = memos.get(sqlite);
  if (!map) memos.set(sqlite, (map = new Map()));
  const stamp = stampOf(sqlite);
  const hit = map.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  map.delete(key);
  if (map.size >= MOST) map.delete(map.keys().next().value!);
  // the stamp from before the work: were the work to write, it would be worked out again next time
  map.set(key, { stamp, value });
  return value;
}
