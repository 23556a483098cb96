import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { exchangeColumns, timestamps } from './common';

/** Per-prefix, per-year document numbers: the last one issued. Numbers are never reused. */
export const docSequences = sqliteTable(
  'doc_sequences',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] }), check('doc_sequences_seq_ck', sql`${t.lastSeq} >= 0`)],
);

/** The register of every generated document: number, file hash, maker; voided numbers stay used. */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    kind: text('kind').notNull(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    /** What it is about, e.g. unit:SX-FGJ or notice:<uuid>. */
    subject: text('subject'),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    madeBy: text('made_by').notNull(),
    madeAt: integer('made_at').notNull(),
    voidedAt: integer('voided_at'),
    voidedBy: text('voided_by'),
    voidReason: text('void_reason'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('documents_number_unique').on(t.prefix, t.year, t.seq),
    index('documents_subject_idx').on(t.subject),
    check('documents_void_ck', sql`(${t.voidedAt} is null) = (${t.voidReason} is null)`),
  ],
);
