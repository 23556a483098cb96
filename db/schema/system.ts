import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nodeRelation } from '../../electron/vocab';

/** Installations this one knows: itself (is_self = 1), its parent and its children. */
export const nodes = sqliteTable(
  'nodes',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    isSelf: integer('is_self', { mode: 'boolean' }).notNull().default(false),
    relation: text('relation', { enum: nodeRelation.values }).notNull(),
    createdAt: integer('created_at').notNull(),
    /**
     * For a child that is one unit's installation (a department or township PC, unit mode): the unit's UUID. Packages
     * to it carry only what concerns that unit (db/exchange-scope.ts); null for a lower-level office (a county).
     */
    unitUuid: text('unit_uuid'),
  },
  (t) => [check('nodes_relation_ck', sql`${t.relation} in (${sql.raw(nodeRelation.sqlList)})`)],
);

/**
 * Counters SQLite's own triggers raise on every write to the tables a kind of read is worked out from (for
 * `letter_inputs`: plans, indicators, units, people, categories, settings — migration 0013; `letter_org`: units,
 * people, categories — migration 0014), whichever connection or path writes: a read kept in memory is worked out again
 * only when its counter moved (db/read-memo.ts).
 */
export const changeCounts = sqliteTable('change_counts', {
  name: text('name').primaryKey(),
  n: integer('n').notNull().default(0),
});

/**
 * The units whose targets were written, one row a write (triggers on targets, migration 0013; the latest 5,000 are
 * kept): the letters list works out again only those units' letters after a target is edited.
 */
export const targetChanges = sqliteTable('target_changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  unitId: integer('unit_id').notNull(),
});

/** Key/value settings; values are JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * Append-only, hash-chained trail: hash = SHA-256(prev_hash || canonical entry).
 * Editing, deleting or reordering any row breaks the chain from that row on.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action)],
);
