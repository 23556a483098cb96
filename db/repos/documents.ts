import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';

export interface DocumentRow {
  id: number;
  kind: string;
  year: number;
  number: string;
  title: string;
  subject: string | null;
  fileName: string;
  sha256: string;
  madeBy: string;
  madeAt: number;
  voidedAt: number | null;
  voidReason: string | null;
}

/** The next number of a sequence, without taking it: taking happens with the register entry. */
export function peekNextSeq(sqlite: Database.Database, prefix: string, year: number): number {
  const r = sqlite
    .prepare('select last_seq as n from doc_sequences where prefix = ? and year = ?')
    .get(prefix, year) as { n: number } | undefined;
  return (r?.n ?? 0) + 1;
}

/**
 * Takes `seq` and registers the document in one step (call inside the write's transaction).
 * Returns the register entry's id, or null, writing nothing, when someone took that number first.
 */
export function takeAndRegister(
  sqlite: Database.Database,
  w: RecordWriter,
  d: {
    kind: string;
    prefix: string;
    year: number;
    seq: number;
    number: string;
    title: string;
    subject: string | null;
    fileName: string;
    sha256: string;
    madeBy: string;
  },
): number | null {
  if (peekNextSeq(sqlite, d.prefix, d.year) !== d.seq) return null;
  sqlite
    .prepare(
      'insert into doc_sequences (prefix, year, last_seq) values (?, ?, ?) on conflict(prefix, year) do update ' +
        'set last_seq = excluded.last_seq',
    )
    .run(d.prefix, d.year, d.seq);
  return w.insert('documents', {
    kind: d.kind,
    prefix: d.prefix,
    year: d.year,
    seq: d.seq,
    number: d.number,
    title: d.title,
    subject: d.subject,
    file_name: d.fileName,
    sha256: d.sha256,
    made_by: d.madeBy,
    made_at: w.now,
  });
}

/** Voids a document: its number stays used and is never issued again. */
export function voidDocument(w: RecordWriter, id: number, by: string, reason: string): boolean {
  return w.update('documents', { id, voided_at: null }, { voided_at: w.now, voided_by: by, void_reason: reason }) === 1;
}

const docCols =
  `id, kind, year, number, title, subject, file_name as fileName, sha256, made_by as madeBy, ` +
  `made_at as madeAt, voided_at as voidedAt, void_reason as voidReason`;

export function listDocuments(
  sqlite: Database.Database,
  f: { subject?: string; kind?: string; year?: number } = {},
): DocumentRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  for (const [col, v] of [
    ['subject', f.subject],
    ['kind', f.kind],
    ['year', f.year],
  ] as const) {
    if (v === undefined) continue;
    where.push(`${col} = ?`);
    args.push(v);
  }
  return sqlite
    .prepare(
      `select ${docCols} from documents ${where.length ? `where ${where.join(' and ')}` : ''} order by made_at ` +
        `desc, id desc limit 5000`,
    )
    .all(...args) as DocumentRow[];
}

export function documentById(sqlite: Database.Database, id: number): DocumentRow | undefined {
  return sqlite.prepare(`select ${docCols} from documents where id = ?`).get(id) as DocumentRow | undefined;
}

/** Every registered document's file (voided ones too: their files stay on record), for backups. */
export function registeredFiles(
  sqlite: Database.Database,
): { kind: string; year: number; fileName: string; sha256: string; number: string }[] {
  return sqlite
    .prepare(
      'select kind, year, file_name as fileName, sha256, number from documents where deleted_at is null order by id',
    )
    .all() as { kind: string; year: number; fileName: string; sha256: string; number: string }[];
}
