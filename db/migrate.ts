import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DbOpenError } from './errors';

export interface Migration {
  sql: string[];
  folderMillis: number;
  hash: string;
}

export const MIGRATIONS_TABLE = '__drizzle_migrations';

export function loadMigrations(migrationsFolder: string): Migration[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({
    sql: m.sql,
    folderMillis: m.folderMillis,
    hash: m.hash,
  }));
}

/** Migrations already applied, in the table drizzle's own migrator uses (so both agree). */
export function appliedMigrations(sqlite: Database.Database): { hash: string; createdAt: number }[] {
  const exists = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(MIGRATIONS_TABLE);
  if (!exists) return [];
  return sqlite.prepare(`select hash, created_at as createdAt from ${MIGRATIONS_TABLE} order by created_at`).all() as {
    hash: string;
    createdAt: number;
  }[];
}

export interface SchemaState {
  known: number;
  applied: number;
  pending: Migration[];
  /** The database was written by a build that knows migrations this one does not. */
  newer: boolean;
}

export function schemaState(sqlite: Database.Database, migrations: Migration[]): SchemaState {
  const applied = appliedMigrations(sqlite);
  const knownHashes = new Set(migrations.map((m) => m.hash));
  const lastKnown = migrations.at(-1)?.folderMillis ?? 0;
  const newer = applied.some((a) => Number(a.createdAt) > lastKnown || !knownHashes.has(a.hash));
  const last = applied.at(-1);
  const lastApplied = last ? Number(last.createdAt) : -1;
  return {
    known: migrations.length,
    applied: applied.length,
    pending: newer ? [] : migrations.filter((m) => m.folderMillis > lastApplied),
    newer,
  };
}

/**
 * Runs pending migrations in one transaction with foreign keys switched off for its duration.
 *
 * drizzle's own migrator also uses one transaction, where `PRAGMA foreign_keys=OFF` is a no-op:
 * a table rebuild (create new, copy, drop old, rename) then fires ON DELETE CASCADE on the drop
 * and silently empties child tables. SQLite's documented procedure is followed instead: switch
 * foreign keys off outside the transaction, migrate, run foreign_key_check, and roll everything
 * back if any row now points nowhere.
 */
export function runMigrations(sqlite: Database.Database, pending: Migration[]): void {
  if (pending.length === 0) return;
  sqlite.pragma('foreign_keys = OFF');
  try {
    const apply = sqlite.transaction(() => {
      sqlite.exec(
        `create table if not exists ${MIGRATIONS_TABLE} (id integer primary key, hash text not null, created_at ` +
          `numeric)`,
      );
      const record = sqlite.prepare(`insert into ${MIGRATIONS_TABLE} (hash, created_at) values (?, ?)`);
      for (const m of pending) {
        for (const stmt of m.sql) {
          if (stmt.trim()) sqlite.exec(stmt);
        }
        record.run(m.hash, m.folderMillis);
      }
      const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new DbOpenError(
          'MIGRATION_FAILED',
          `数据库升级被撤销：升级后 ${broken.length} 条记录的关联失效（例如表 ${first.table} 第 ${first.rowid} 行指向的 ${first.parent} 记录不存在）。` +
            `原数据未改动。`,
        );
      }
    });
    try {
      apply();
    } catch (e) {
      if (e instanceof DbOpenError) throw e;
      throw new DbOpenError('MIGRATION_FAILED', `数据库升级失败，已撤销，原数据未改动：${(e as Error).message}`, {
        cause: e,
      });
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
