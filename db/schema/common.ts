import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every record that travels between levels carries (see EXCHANGE.md):
 * a stable UUID, the node that owns it (only the owner changes it) and a version
 * that the owner increments on every change.
 */
export function exchangeColumns() {
  return {
    uuid: text('uuid').notNull().unique(),
    ownerNode: text('owner_node').notNull(),
    version: integer('version').notNull().default(1),
  };
}

/** Milliseconds since the epoch, set by the repository on insert and update. */
export function timestamps() {
  return {
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  };
}
