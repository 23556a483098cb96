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
  const last = auditLast(sqlite);
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
      'insert into audit_log (seq, at, actor, role, action, target, detail, prev_hash, hash) values (?, ?, ?, ?, ' +
        '?, ?, ?, ?, ?)',
    )
    .run(row.seq, row.at, row.actor, row.role, row.action, row.target, row.detail, prevHash, hash);
  return { ...row, prevHash, hash };
}

/** Whether the database has a trail at all (a database being created has none yet). */
export function hasTrail(sqlite: Database.Database): boolean {
  return !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get();
}

/** The chain's last entry and the number of entries: what an anchor records. */
export function auditHead(sqlite: Database.Database): { seq: number; hash: string; count: number } | null {
  const last = auditLast(sqlite);
  return last ? { ...last, count: auditCount(sqlite) } : null;
}

/** The chain's last entry alone: one indexed row, cheap enough to read after every call. */
export function auditLast(sqlite: Database.Database): { seq: number; hash: string } | null {
  return (
    (sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as
      { seq: number; hash: string } | undefined) ?? null
  );
}

/** The first entry up to `seq` written after `at`: one that cannot be part of what an anchor taken at `at` saw. */
export function firstWrittenAfter(sqlite: Database.Database, seq: number, at: number): number | null {
  const row = sqlite.prepare('select min(seq) as s from audit_log where seq <= ? and at > ?').get(seq, at) as {
    s: number | null;
  };
  return row.s;
}

/** The hash of the entry with this sequence number, if it is there. */
export function auditHashAt(sqlite: Database.Database, seq: number): string | null {
  const row = sqlite.prepare('select hash from audit_log where seq = ?').get(seq) as { hash: string } | undefined;
  return row?.hash ?? null;
}

/** Appends entries in a transaction of their own (refused calls, which wrote nothing to join). */
export function appendAuditEntries(sqlite: Database.Database, entries: readonly AuditEntryInput[]): void {
  if (entries.length) sqlite.transaction(() => entries.forEach((e) => appendAudit(sqlite, e)))();
}

export function auditCount(sqlite: Database.Database): number {
  return (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
}

export function recentAudit(sqlite: Database.Database, limit: number): AuditRow[] {
  return sqlite
    .prepare(
      'select seq, at, actor, role, action, target, detail, prev_hash as prevHash, hash from audit_log order by ' +
        'seq desc limit ?',
    )
    .all(limit) as AuditRow[];
}

export interface AuditFilter {
  from?: number;
  to?: number;
  actor?: string;
  action?: string;
}

function where(f: AuditFilter): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    args.push(...values);
  };
  if (f.from !== undefined) add('at >= ?', f.from);
  if (f.to !== undefined) add('at <= ?', f.to);
  if (f.actor) add('actor = ?', f.actor);
  // an area ("auth") matches its channels ("auth.login"), "refused" every refused call ("refused:users.create");
  // LIKE's wildcards in the text are literal
  if (f.action) {
    const literal = f.action.replace(/[%_\\]/g, '\\$&');
    add(
      "(action = ? or action like ? escape '\\' or action like ? escape '\\')",
      f.action,
      `${literal}.%`,
      `${literal}:%`,
    );
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', args };
}

export function queryAudit(
  sqlite: Database.Database,
  f: AuditFilter,
  offset: number,
  limit: number,
): { total: number; rows: AuditRow[] } {
  const w = where(f);
  const total = (sqlite.prepare(`select count(*) n from audit_log ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `select seq, at, actor, role, action, target, detail, prev_hash as prevHash, hash from audit_log ${w.sql} ` +
        `order by seq desc limit ? offset ?`,
    )
    .all(...w.args, limit, offset) as AuditRow[];
  return { total, rows };
}

export function* iterateAudit(sqlite: Database.Database, f: AuditFilter = {}): Generator<AuditRow> {
  const w = where(f);
  yield* sqlite
    .prepare(
      `select seq, at, actor, role, action, target, detail, prev_hash as prevHash, hash from audit_log ${w.sql} ` +
        `order by seq`,
    )
    .iterate(...w.args) as Iterable<AuditRow>;
}

export interface ChainCheck {
  ok: boolean;
  count: number;
  head: { seq: number; hash: string } | null;
  broken: { seq: number; position: number; kind: 'edited' | 'missing' | 'reordered'; message: string } | null;
}

/**
 * Walks the chain in stored order. An edited row fails its own hash; a deleted row leaves a gap
 * in the sequence and a prev_hash that points at nothing seen; swapped rows arrive out of order.
 * Position is 1-based in the stored order.
 */
export function verifyAuditChain(sqlite: Database.Database): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let position = 0;
  let head: ChainCheck['head'] = null;
  for (const row of sqlite
    .prepare(
      'select seq, at, actor, role, action, target, detail, prev_hash as prevHash, hash from audit_log order by rowid',
    )
    .iterate() as Iterable<AuditRow>) {
    position++;
    const fail = (kind: 'edited' | 'missing' | 'reordered', message: string): ChainCheck => ({
      ok: false,
      count: position - 1,
      head,
      broken: { seq: row.seq, position, kind, message },
    });
    if (row.seq !== expectedSeq) {
      return row.seq > expectedSeq
        ? fail(
            'missing',
            `第 ${position} ` +
              `条（序号 ${row.seq}）之前缺少序号 ${expectedSeq}${row.seq - expectedSeq > 1 ? ` 至 ${row.seq - 1}` : ''} 的记录：记录被删除`,
          )
        : fail('reordered', `第 ${position} 条（序号 ${row.seq}）出现在序号 ${expectedSeq - 1} 之后：记录顺序被调换`);
    }
    if (row.prevHash !== prev) {
      return fail('reordered', `第 ${position} 条（序号 ${row.seq}）与前一条不衔接：记录被调换或替换`);
    }
    if (entryHash(row.prevHash, row) !== row.hash) {
      return fail('edited', `第 ${position} 条（序号 ${row.seq}）的内容与其校验值不符：记录被修改`);
    }
    prev = row.hash;
    head = { seq: row.seq, hash: row.hash };
    expectedSeq++;
  }
  return { ok: true, count: position, head, broken: null };
}

const auditTriggers = (db: Database.Database) =>
  db.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as {
    name: string;
    sql: string;
  }[];

/**
 * Replaces a database's whole trail with the live one's rows, as they are (their hashes included). Only for the copy
 * a restore is about to put in place, never the live database: the copy's triggers on the trail are dropped for this
 * one transaction and the live database's are put in their place (a copy whose protections were removed gets them
 * back).
 */
export function replaceAuditRows(copy: Database.Database, live: Database.Database): number {
  const dropped = auditTriggers(copy);
  const triggers = auditTriggers(live);
  const rows = auditRows(live);
  let n = 0;
  copy.transaction(() => {
    for (const t of dropped) copy.exec(`drop trigger "${t.name.replace(/"/g, '""')}"`);
    copy.exec('delete from audit_log');
    const insert = copy.prepare(
      'insert into audit_log (seq, at, actor, role, action, target, detail, prev_hash, hash) values (?, ?, ?, ?, ' +
        '?, ?, ?, ?, ?)',
    );
    for (const r of rows) {
      insert.run(r.seq, r.at, r.actor, r.role, r.action, r.target, r.detail, r.prevHash, r.hash);
      n++;
    }
    for (const t of triggers) copy.exec(t.sql);
  })();
  return n;
}

/** The whole trail in sequence order, hashes included: what a restore carries into the restored database. */
export function* auditRows(sqlite: Database.Database): Generator<AuditRow> {
  yield* sqlite
    .prepare(
      'select seq, at, actor, role, action, target, detail, prev_hash as prevHash, hash from audit_log order by seq',
    )
    .iterate() as Iterable<AuditRow>;
}
