import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { exchangeColumns, timestamps } from './common';

/**
 * An editable rule table (electron/vocab/rule-tables.ts declares the kinds): its name and the version in force.
 * Exchanged, so a result that travels to another level can be read with the exact rows that produced it; each
 * installation computes with the table it owns (a received one is read only). `kind` has no CHECK so that a
 * register adding its kind needs no table rebuild; the contract refuses an unknown kind.
 */
export const ruleTables = sqliteTable(
  'rule_tables',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('rule_tables_kind_owner_unique').on(t.kind, t.ownerNode),
    check('rule_tables_version_ck', sql`${t.currentVersion} >= 1`),
  ],
);

/** Every version of a table's rows, never changed once written: who made it, when and why. */
export const ruleTableVersions = sqliteTable(
  'rule_table_versions',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    tableId: integer('table_id')
      .notNull()
      .references(() => ruleTables.id, { onDelete: 'restrict' }),
    /** 1, 2, 3 … within the table; shown as 第 n 版 wherever the table is used. */
    number: integer('number').notNull(),
    /** JSON array of rows, shaped by the kind's columns. */
    rows: text('rows').notNull(),
    reason: text('reason').notNull(),
    editedBy: text('edited_by').notNull(),
    editedAt: integer('edited_at').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('rule_table_versions_number_unique').on(t.tableId, t.number),
    index('rule_table_versions_table_idx').on(t.tableId),
    check('rule_table_versions_number_ck', sql`${t.number} >= 1`),
  ],
);
