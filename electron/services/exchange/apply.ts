import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { rowWithin, unitUpCondition } from '../../../db/exchange-scope';
import { type OutRow, type TableShape, ackRow, applyRow, rowSavepoint } from '../../../db/records-exchange';
import { tableLabel } from '../../contract/labels';
import { FRAME, LIMITS, type PackageHeader, type ReceiptBody } from './format';
import { FrameError, FrameReader } from './frames';
import { carriesFile, fileLocation, placeFile, unsafeName } from './files';
import { faultPoint } from '../fault';
import type { Steps } from '../steps';

/**
 * Validates and writes a decrypted data package: every frame checked, every file verified against its SHA-256 in the
 * staging folder, every row written in one savepoint. A dry run and the import run this same code; the dry run (and a
 * package with any error or conflict) rolls the savepoint back, so both give the same summary and only a clean,
 * confirmed import changes anything.
 */

export interface TableCounts {
  created: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  errors: number;
}
export interface ImportSummary {
  byTable: Record<string, TableCounts>;
  totals: TableCounts;
  files: number;
  errors: { table: string; uuid: string; field: string; message: string }[];
  conflicts: { table: string; uuid: string; message: string; incoming: OutRow; local: OutRow | null }[];
}

const MAX_LISTED = 50;
const value = z.union([z.string(), z.number(), z.boolean(), z.null(), z.strictObject({ $b64: z.string() })]);
const wireRow = z.strictObject({
  t: z.string().max(64),
  u: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  o: z.string().min(1).max(100),
  v: z.number().int().min(1),
  c: z.number().int(),
  m: z.number().int(),
  d: z.number().int().nullable(),
  f: z.record(z.string().max(64), value),
});
const wireFile = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  name: z.string().max(300),
});

export const receiptSchema = z.strictObject({
  forPackage: z.string().max(40),
  forSeq: z.number().int(),
  status: z.enum(['accepted', 'refused']),
  message: z.string().max(2000),
  counts: z.record(z.string().max(64), z.number().int()),
  auditHeadReceived: z.strictObject({ seq: z.number().int(), hash: z.string(), count: z.number().int() }).nullable(),
});

export class Invalid extends Error {}

const zero = (): TableCounts => ({ created: 0, updated: 0, unchanged: 0, conflicts: 0, errors: 0 });

export function emptySummary(): ImportSummary {
  return { byTable: {}, totals: zero(), files: 0, errors: [], conflicts: [] };
}

/** Row fields as SQLite takes them: {$b64} back to bytes, booleans as they are stored. */
function fieldsOf(f: Record<string, z.infer<typeof value>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f))
    out[k] =
      v !== null && typeof v === 'object' ? Buffer.from(v.$b64, 'base64') : typeof v === 'boolean' ? (v ? 1 : 0) : v;
  return out;
}

export interface ApplyInput {
  sqlite: Database.Database;
  header: PackageHeader;
  plainFile: string;
  stagingDir: string;
  dataDir: string;
  order: TableShape[];
  selfNode: string;
  senderIsParent: boolean;
  /** The sender is one unit's installation (db/exchange-scope.ts unitUpScope): only that unit's reports pass. */
  senderUnit: { id: number; name: string } | null;
  /** false: a dry run, rolled back whatever it finds. */
  commit: boolean;
}

/**
 * Reads the whole body, writes it in a savepoint, and keeps it only when asked and when it is clean. It yields every
 * 256 records and after each file; stopped there (a cancel), its savepoint is rolled back.
 */
export function* applyData(a: ApplyInput): Steps<{ summary: ImportSummary; committed: boolean }> {
  const shapes = new Map(a.order.map((s) => [s.table as string, s]));
  const summary = emptySummary();
  const staged = new Map<string, string>();
  const seen: Record<string, number> = {};
  const fd = fs.openSync(a.plainFile, 'r');
  a.sqlite.exec('savepoint xch_apply');
  let committed = false;
  try {
    const frames = new FrameReader(fd);
    let ended = false;
    const total = Object.values(a.header.contents).reduce((n, c) => n + c, 0) + a.header.files;
    let done = 0;
    const phase = a.commit ? '逐条校验并写入' : '逐条校验（试导入）';
    yield { phase, done, total };
    for (let f = frames.next(); f; f = frames.next()) {
      if (ended) throw new Invalid('数据包在结束标记之后还有内容');
      if (f.type === FRAME.end) ended = true;
      else if (f.type === FRAME.file) stageFile(a, frames, f.payload, staged, summary);
      else if (f.type === FRAME.record) applyOne(a, shapes, f.payload, staged, summary, seen);
      else throw new Invalid(`数据包中有无法识别的内容（类型 ${f.type}）`);
      if (f.type !== FRAME.record && f.type !== FRAME.file) continue;
      done++;
      if (f.type === FRAME.file || done % 256 === 0) yield { phase, done, total: Math.max(total, done) };
    }
    if (!ended) throw new Invalid('数据包内容不完整（没有结束标记）');
    for (const [t, n] of Object.entries(a.header.contents))
      if ((seen[t] ?? 0) !== n) throw new Invalid(`数据包说明有 ${n} 条“${t}”，实际有 ${seen[t] ?? 0} 条`);
    for (const t of Object.keys(seen))
      if (!(t in a.header.contents)) throw new Invalid(`数据包含有说明中未列出的“${t}”记录`);
    if (summary.files !== a.header.files)
      throw new Invalid(`数据包说明有 ${a.header.files} 个文件，实际有 ${summary.files} 个`);
    const clean = summary.totals.errors === 0 && summary.totals.conflicts === 0;
    if (a.commit && clean) {
      a.sqlite.exec('release xch_apply');
      committed = true;
    }
    return { summary, committed };
  } catch (e) {
    if (e instanceof FrameError) throw new Invalid(e.message);
    throw e;
  } finally {
    if (!committed) a.sqlite.exec('rollback to xch_apply; release xch_apply');
    fs.closeSync(fd);
    for (const file of staged.values()) fs.rmSync(file, { force: true });
  }
}

function stageFile(
  a: ApplyInput,
  frames: FrameReader,
  payload: Buffer,
  staged: Map<string, string>,
  summary: ImportSummary,
): void {
  const meta = parse(wireFile, payload, '文件说明');
  const bad = unsafeName(meta.name);
  if (bad) throw new Invalid(`附件“${meta.name.slice(0, 60)}”的名称不安全（${bad}），已拒收整个数据包`);
  if (++summary.files > LIMITS.files) throw new Invalid('数据包中的文件数超过上限');
  fs.mkdirSync(a.stagingDir, { recursive: true });
  const file = path.join(a.stagingDir, `${meta.sha256}.${process.pid}.stage`);
  const out = fs.openSync(file, 'w');
  const h = createHash('sha256');
  let got = 0;
  try {
    while (got < meta.size) {
      const d = frames.next();
      if (!d || d.type !== FRAME.data) throw new Invalid(`附件“${meta.name}”的内容不完整`);
      got += d.payload.length;
      if (got > meta.size) throw new Invalid(`附件“${meta.name}”比声明的 ${meta.size} 字节大`);
      h.update(d.payload);
      fs.writeSync(out, d.payload);
    }
  } finally {
    fs.closeSync(out);
  }
  staged.set(meta.sha256, file);
  if (h.digest('hex') !== meta.sha256) throw new Invalid(`附件“${meta.name}”的内容与其校验值不符`);
}

function parse<T>(schema: z.ZodType<T>, payload: Buffer, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new Invalid(`${what}不是有效的数据`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const where = (raw as { t?: unknown; u?: unknown }) ?? {};
    const which =
      typeof where.t === 'string' ? `（${where.t.slice(0, 40)} ${String(where.u ?? '').slice(0, 36)}）` : '';
    throw new Invalid(`${what}${which}格式不对：字段“${i.path.join('.')}”${i.message}`);
  }
  return r.data;
}

function applyOne(
  a: ApplyInput,
  shapes: Map<string, TableShape>,
  payload: Buffer,
  staged: Map<string, string>,
  summary: ImportSummary,
  seen: Record<string, number>,
): void {
  const w = parse(wireRow, payload, '记录');
  // tests kill the process here, at any row, to show the database is as before and the file imports afterwards
  faultPoint(`exchange:row-${summary.totals.created + summary.totals.updated + summary.totals.unchanged}:kill`);
  const shape = shapes.get(w.t);
  if (!shape) throw new Invalid(`记录 ${w.u} 属于本机不认识的数据表“${w.t.slice(0, 40)}”`);
  seen[w.t] = (seen[w.t] ?? 0) + 1;
  const counts = (summary.byTable[w.t] ??= zero());
  const row: OutRow = {
    uuid: w.u,
    owner: w.o,
    version: w.v,
    createdAt: w.c,
    updatedAt: w.m,
    deletedAt: w.d,
    fields: fieldsOf(w.f),
  };
  const error = (field: string, message: string) => {
    counts.errors++;
    summary.totals.errors++;
    if (summary.errors.length < MAX_LISTED) summary.errors.push({ table: w.t, uuid: w.u, field, message });
  };
  // a row whose one write is all it does needs no savepoint: a statement that fails is undone by SQLite itself. A row
  // checked after its write (a unit's installation sending up, a file to place) is undone here if the check fails.
  const after = a.senderUnit !== null || carriesFile(row.fields);
  if (after) rowSavepoint.open(a.sqlite);
  let outcome;
  try {
    outcome = applyRow(a.sqlite, shape, row, {
      selfNode: a.selfNode,
      sender: a.header.from.nodeId,
      senderIsParent: a.senderIsParent,
    });
    if (a.senderUnit && (outcome.kind === 'created' || outcome.kind === 'updated')) unitMaySend(a, shape, w.u);
    if ((outcome.kind === 'created' || outcome.kind === 'updated') && carriesFile(row.fields)) {
      const sha = String(row.fields.sha256);
      const dest = fileLocation(a.dataDir, w.t, row.fields);
      const from = staged.get(sha);
      if (from) {
        if (placeFile(from, dest, sha, !a.commit) === 'different')
          throw new Error(`本机已有同名但内容不同的文件“${path.basename(dest)}”`);
      } else if (!fs.existsSync(dest)) throw new Error('记录所附的文件不在数据包中，本机也没有');
    }
    if (after) rowSavepoint.keep(a.sqlite);
  } catch (e) {
    // a failure of the database itself (disk full, I/O) is not the row's: SQLite may have ended the transaction
    const code = (e as { code?: unknown }).code;
    if (!a.sqlite.inTransaction || (typeof code === 'string' && /^SQLITE_(?!CONSTRAINT|MISMATCH)/.test(code))) throw e;
    if (after) rowSavepoint.undo(a.sqlite);
    const msg = e instanceof Error ? e.message : String(e);
    const col = /constraint failed: \w+\.(\w+)/.exec(msg)?.[1] ?? /failed: (\w+)/.exec(msg)?.[1] ?? '';
    error(col, sqliteMessage(msg));
    return;
  }
  if (outcome.kind === 'error') return error(outcome.field, outcome.message);
  if (outcome.kind === 'conflict') {
    counts.conflicts++;
    summary.totals.conflicts++;
    if (summary.conflicts.length < MAX_LISTED)
      summary.conflicts.push({ table: w.t, uuid: w.u, message: outcome.message, incoming: row, local: outcome.local });
    return;
  }
  counts[outcome.kind]++;
  summary.totals[outcome.kind]++;
  // the sender holds what it sent: it is not sent back to it
  ackRow(a.sqlite, a.header.from.nodeId, w.t, w.u, w.v);
}

/** A unit's installation sends up only its own reports (unitUpScope); anything else is the row's error. */
function unitMaySend(a: ApplyInput, shape: TableShape, uuid: string): void {
  const unit = a.senderUnit!;
  const cond = unitUpCondition(shape.table, unit.id);
  if (cond === null)
    throw new Error(`“${unit.name}”的安装只能报送本单位的进展、回复和自评，不能报送“${tableLabel(shape.table)}”`);
  if (!rowWithin(a.sqlite, shape.table, uuid, cond))
    throw new Error(`这条“${tableLabel(shape.table)}”不属于“${unit.name}”，单位的安装只能报送本单位的记录`);
}

function sqliteMessage(msg: string): string {
  if (/UNIQUE constraint/.test(msg)) return '与本机已有记录的唯一键重复';
  if (/NOT NULL constraint/.test(msg)) return '必填字段为空';
  if (/CHECK constraint/.test(msg)) return '字段取值不合规则';
  if (/FOREIGN KEY/.test(msg)) return '引用的记录不存在';
  if (/datatype mismatch/.test(msg)) return '字段类型不对';
  return msg.slice(0, 200);
}

/** Reads a receipt package's one frame. */
export function readReceipt(plainFile: string): ReceiptBody {
  const fd = fs.openSync(plainFile, 'r');
  try {
    const frames = new FrameReader(fd);
    const f = frames.next();
    if (!f || f.type !== FRAME.receipt) throw new Invalid('回执内容不对');
    const body = parse(receiptSchema, f.payload, '回执');
    const end = frames.next();
    if (!end || end.type !== FRAME.end || frames.next()) throw new Invalid('回执内容不完整');
    return body;
  } catch (e) {
    if (e instanceof FrameError) throw new Invalid(e.message);
    throw e;
  } finally {
    fs.closeSync(fd);
  }
}
