import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { DbOpenError } from './errors';
import { loadMigrations, runMigrations, schemaState } from './migrate';
import * as schema from './schema';
import { type SelfCheckDetail, checkSchema } from './selfcheck';

/** 'KPDB' — marks a SQLite file as a Kaoping database. */
export const APPLICATION_ID = 0x4b504442;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type AppDb = BetterSQLite3Database<typeof schema>;

export interface OpenedDb {
  sqlite: Database.Database;
  db: AppDb;
  file: string;
  /** Number of migrations applied: the schema version. */
  schemaVersion: number;
  /** Backup taken before migrating an existing database, if any. */
  preMigrationBackup: string | null;
  /** What the start self-check put right in the protections (triggers); null if nothing. */
  selfCheck: SelfCheckDetail | null;
}

export interface OpenOptions {
  file: string;
  migrationsFolder: string;
  /** Where pre-migration backups go; defaults to a `backups` folder beside the file. */
  backupDir?: string;
  nativeBinding?: string;
  now?: () => Date;
  /**
   * Runs on the database as found, before the self-check or a migration writes anything (the audit anchors are
   * checked here, so that a loss is measured against the trail as it was left).
   */
  beforeChecks?: (sqlite: Database.Database) => void;
}

function checkHeader(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    if (n === 0) return; // an empty file is a new database
    if (n < 16 || !buf.equals(SQLITE_HEADER)) {
      throw new DbOpenError('NOT_A_DATABASE', `文件“${path.basename(file)}”不是考评系统的数据库，未打开。`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/**
 * Opens (creating if needed) the database: checks it is ours, sets the pragmas, refuses a
 * schema from a newer build, checks the schema against the migrations (db/selfcheck.ts), backs
 * an existing database up with SQLite's backup API before migrating it, then migrates.
 */
export async function openDatabase(opts: OpenOptions): Promise<OpenedDb> {
  const existed = fs.existsSync(opts.file) && fs.statSync(opts.file).size > 0;
  if (existed) checkHeader(opts.file);
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });

  const sqlite = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    if (existed && appId !== APPLICATION_ID) {
      throw new DbOpenError('FOREIGN_DATABASE', `文件“${path.basename(opts.file)}”是其他程序的数据库，未打开。`);
    }
    if (!existed) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');

    const migrations = loadMigrations(opts.migrationsFolder);
    const state = schemaState(sqlite, migrations);
    if (state.newer) {
      throw new DbOpenError(
        'NEWER_SCHEMA',
        `此数据库由更新版本的考评系统创建（数据结构版本 ${state.applied}，本程序支持到 ${state.known}）。请升级程序后再打开；数据未改动。`,
      );
    }

    if (existed) opts.beforeChecks?.(sqlite);
    // before any write: an altered structure is refused untouched, dropped protections are restored
    const selfCheck = checkSchema(
      sqlite,
      migrations.filter((m) => !state.pending.includes(m)),
      { file: opts.file, nativeBinding: opts.nativeBinding, now: () => (opts.now?.() ?? new Date()).getTime() },
    );

    let preMigrationBackup: string | null = null;
    if (existed && state.applied > 0 && state.pending.length > 0) {
      const dir = opts.backupDir ?? path.join(path.dirname(opts.file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      preMigrationBackup = path.join(dir, `升级前-v${state.applied}-${stamp((opts.now ?? (() => new Date()))())}.db`);
      try {
        await sqlite.backup(preMigrationBackup);
      } catch (e) {
        throw new DbOpenError('BACKUP_FAILED', `升级前备份失败，未升级，数据未改动：${(e as Error).message}`, {
          cause: e,
        });
      }
    }

    runMigrations(sqlite, state.pending);

    return {
      sqlite,
      db: drizzle(sqlite, { schema }),
      file: opts.file,
      schemaVersion: state.applied + state.pending.length,
      preMigrationBackup,
      selfCheck,
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
