import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** SHA-256 of every table's rows in key order: equal hashes mean byte-for-byte equal data. */
export function rowHashes(db: Database.Database, skip: string[] = []): Record<string, string> {
  const tables = (
    db
      .prepare(`select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name`)
      .all() as { name: string }[]
  ).filter((t) => !skip.includes(t.name));
  return Object.fromEntries(
    tables.map((t) => {
      const h = createHash('sha256');
      for (const row of db.prepare(`select * from "${t.name}" order by rowid`).raw().iterate() as Iterable<unknown[]>) {
        h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
        h.update('\n');
      }
      return [t.name, h.digest('hex')];
    }),
  );
}
