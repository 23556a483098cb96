import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { backupKind, calendarDayKind, role } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { units } from './org';

/** Local accounts. One role each (三员分立); a 录入员 is bound to its unit. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: role.values }).notNull(),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    /** scrypt$<log2 N>$<r>$<p>$<salt>$<hash>, base64 parts. */
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    failedCount: integer('failed_count').notNull().default(0),
    lastFailedAt: integer('last_failed_at'),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    lastLoginAt: integer('last_login_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('users_role_ck', sql`${t.role} in (${sql.raw(role.sqlList)})`)],
);

/** Backups made by this installation: where, when, why, and what they held. */
export const backups = sqliteTable(
  'backups',
  {
    id: integer('id').primaryKey(),
    file: text('file').notNull(),
    kind: text('kind', { enum: backupKind.values }).notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    /** JSON: rows per table. */
    counts: text('counts').notNull(),
    attachments: integer('attachments').notNull().default(0),
  },
  (t) => [index('backups_created_idx').on(t.createdAt)],
);

/**
 * Holidays and adjusted working days (调休) that override the Monday–Friday week. The calendar
 * travels: it is owned by the level that issues it, and a removed day stays as a tombstone.
 */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    date: text('date').notNull().unique(),
    kind: text('kind', { enum: calendarDayKind.values }).notNull(),
    note: text('note').notNull().default(''),
    updatedBy: text('updated_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    check('calendar_days_kind_ck', sql`${t.kind} in (${sql.raw(calendarDayKind.sqlList)})`),
    check('calendar_days_date_ck', sql`${t.date} glob '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`),
  ],
);
