import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement kept per connection: for statements run once a row over a large exchange package. */
export function stmt(sqlite: Database.Database, sql: string): Database.Statement {
  let m = caches.get(sqlite);
  if (!m) caches.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s;
}
