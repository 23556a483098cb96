import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every record that travels between levels carries (see EXCHANGE.md): a stable UUID, the
 * node that owns it (only the owner changes it), a version the owner raises on every change, and the
 * time it was removed (a tombstone, so a removal can travel too). Only db/records.ts writes them;
 * every exchanged table also carries timestamps().
 */
export function exchangeColumns() {
  return {
    uuid: text('uuid').notNull().unique(),
    ownerNode: text('owner_node').notNull(),
    version: integer('version').notNull().default(1),
    deletedAt: integer('deleted_at'),
  };
}

/** Milliseconds since the epoch, set by the repository on insert and update. */
export function timestamps() {
  return {
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  };
}
