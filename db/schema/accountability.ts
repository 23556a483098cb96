import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clueSource, clueState } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { people, units } from './org';

/**
 * A 问责线索: what may call for accountability, with the record it came from (its kind and UUID — any register's
 * row), the unit or person concerned, and how it was assessed. Cases (#17) link to it; registers that produce clues
 * (#18) write it through db/repos/clues.ts.
 */
export const clues = sqliteTable(
  'clues',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    sourceKind: text('source_kind', { enum: clueSource.values }).notNull(),
    /** The source record's UUID; null for a clue entered by hand. */
    sourceUuid: text('source_uuid'),
    /** What the source was, as the list shows it (e.g. 考评询〔2026〕3号 逾期未回复). */
    sourceLabel: text('source_label').notNull(),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    summary: text('summary').notNull(),
    receivedOn: text('received_on').notNull(),
    state: text('state', { enum: clueState.values }).notNull().default('pending'),
    /** Why it was closed, or the note of its assessment. */
    assessment: text('assessment'),
    /** The case it was filed as or merged into (cases arrive with #17; a UUID so it travels). */
    caseUuid: text('case_uuid'),
    createdBy: text('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('clues_source_idx').on(t.sourceKind, t.sourceUuid),
    check('clues_source_kind_ck', sql`${t.sourceKind} in (${sql.raw(clueSource.sqlList)})`),
    check('clues_state_ck', sql`${t.state} in (${sql.raw(clueState.sqlList)})`),
  ],
);
