import type Database from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import type { AppDb } from '../open';
import { backups } from '../schema';

/** The register of backup files this installation made or learned of (local: it never travels). */

export type BackupRecord = typeof backups.$inferSelect;

export interface BackupRow {
  file: string;
  kind: BackupRecord['kind'];
  createdAt: number;
  createdBy: string;
  sizeBytes: number;
  sha256: string;
  schemaVersion: number;
  /** Rows per table. */
  counts: Record<string, number>;
  attachments: number;
}

export function insertBackupRow(db: AppDb, b: BackupRow): void {
  db.insert(backups)
    .values({
      file: b.file,
      kind: b.kind,
      createdAt: b.createdAt,
      createdBy: b.createdBy,
      sizeBytes: b.sizeBytes,
      sha256: b.sha256,
      schemaVersion: b.schemaVersion,
      counts: JSON.stringify(b.counts),
      attachments: b.attachments,
    })
    .run();
}

export const recordedBackupFiles = (db: AppDb): string[] =>
  db
    .select({ file: backups.file })
    .from(backups)
    .all()
    .map((r) => r.file);

export const lastAutoBackupAt = (db: AppDb): number | undefined =>
  db
    .select({ at: backups.createdAt })
    .from(backups)
    .where(eq(backups.kind, 'auto'))
    .orderBy(desc(backups.createdAt))
    .get()?.at;

/** Automatic backups, newest first. */
export const autoBackups = (db: AppDb): BackupRecord[] =>
  db.select().from(backups).where(eq(backups.kind, 'auto')).orderBy(desc(backups.createdAt)).all();

export const removeBackupRow = (db: AppDb, id: number): void => {
  db.delete(backups).where(eq(backups.id, id)).run();
};

// ---- what a database file holds (read from a snapshot for the backup's manifest) ----

/** Rows per table of a database, for the manifest and for "what does this backup hold". */
export function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(
      `select name from sqlite_master where type='table' and name not like 'sqlite_%' and name <> ` +
        `'__drizzle_migrations' order by name`,
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [t.name, (db.prepare(`select count(*) n from "${t.name}"`).get() as { n: number }).n]),
  );
}

/** How many migrations the database has had: its schema version. */
export const appliedMigrationCount = (db: Database.Database): number =>
  (db.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n;
