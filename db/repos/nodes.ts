import { randomUUID } from 'node:crypto';
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
