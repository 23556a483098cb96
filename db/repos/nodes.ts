import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../open';
import { nodes } from '../schema';

/** This installation's node id, created on first open. Every record it creates is owned by it. */
export function ensureSelfNode(db: AppDb, name: string, at: number): string {
  const self = db.select({ id: nodes.id }).from(nodes).where(eq(nodes.isSelf, true)).get();
  if (self) return self.id;
  const id = randomUUID();
  db.insert(nodes).values({ id, name, isSelf: true, relation: 'self', createdAt: at }).run();
  return id;
}

/** This installation's node id in a database as found (any schema version), or null when it has none yet. */
export function selfNodeIdAsFound(sqlite: Database.Database): string | null {
  const has = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'nodes'").get();
  if (!has) return null;
  const row = sqlite.prepare('select id from nodes where is_self = 1').get() as { id: string } | undefined;
  return row?.id ?? null;
}
