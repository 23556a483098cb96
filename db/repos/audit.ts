import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: number;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  detail: string;
  prevHash: string;
  hash: string;
}

export function entryHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prevHash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.role, row.action, row.target, row.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Appends one entry to the chain. Call inside the write's transaction. */
export function appendAudit(sqlite: Database.Database, e: AuditEntryInput): AuditRow {
  const last = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: e.at,
    actor: e.actor,
    role: e.role,
    action: e.action,
    target: e.target,
    detail: JSON.stringify(e.detail),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, row);
  sqlite
    .prepare(
      'insert into audit_log (seq, at, actor, role, action, target, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(row.seq, row.at, row.actor, row.role, row.action, row.target, row.detail, prevHash, hash);
  return { ...row, prevHash, hash };
}

export function auditCount(sqlite: Database.Database): number {
  return (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
}

export function recentAudit(sqlite: Database.Database, limit: number): AuditRow[] {
  return sqlite
    .prepare(
      'select seq, at, actor, role, action, target, detail, prev_hash as prevHash, hash from audit_log order by seq desc limit ?',
    )
    .all(limit) as AuditRow[];
}
