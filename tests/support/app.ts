import type { RenderPool } from '../../electron/services/documents/pool';
import type { SystemPrinter } from '../../electron/services/handler';
import fs from 'node:fs';
import { type App, startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { hashPassword, type ScryptParams } from '../../electron/services/passwords';
import type { Caller, Role } from '../../electron/contract';
import { type AuditRow, auditCount, recentAudit } from '../../db/repos/audit';
import { insertUser } from '../../db/repos/users';
import { seedDataDir } from './template-db';
import { repoRoot, tempDir } from './tmp';

/** Where a test's data folder keeps the anchors that the home folder holds for a real one. */
export const anchorDirOf = (dataDir: string) => `${dataDir}.anchors`;

/** Cheap hashing for tests; tests of the real cost use OWASP_SCRYPT explicitly. */
export const TEST_SCRYPT: ScryptParams = { log2N: 10, r: 8, p: 1 };
export const GOOD_PASSWORD = 'Kaoping#2026';

export interface TestApp {
  app: App;
  dir: string;
  close(): void;
}

/**
 * A started app on a fresh data folder, whose database is a copy of the run's migrated template
 * (tests/support/template-db.ts); with `dir`, the app reopens that folder as it is.
 */
export async function testApp(
  opts: {
    now?: () => number;
    dir?: string;
    scrypt?: ScryptParams;
    renderPool?: RenderPool;
    printFiles?: SystemPrinter;
  } = {},
): Promise<TestApp> {
  const t = opts.dir ? { dir: opts.dir, cleanup: () => {} } : tempDir();
  if (!opts.dir) await seedDataDir(t.dir);
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: '0.0.0-test',
    log: silentLogger,
    now: opts.now,
    scrypt: opts.scrypt ?? TEST_SCRYPT,
    // the profile's anchors beside the data folder, not in the home folder: each test's own
    anchorDir: anchorDirOf(t.dir),
    renderPool: opts.renderPool,
    printFiles: opts.printFiles,
  });
  return {
    app,
    dir: t.dir,
    close: () => {
      app.close();
      t.cleanup();
      if (!opts.dir) fs.rmSync(anchorDirOf(t.dir), { recursive: true, force: true });
    },
  };
}

/** A trusted caller with a role, for tests of the dispatcher's rules rather than of signing in. */
export const asRole = (role: Role, username = `测试${role}`): Caller => ({ userId: null, username, role });

/** Creates an account directly (no audit), for tests that need someone to sign in as. */
export async function addUser(
  app: App,
  username: string,
  role: Role,
  password = GOOD_PASSWORD,
  extra: { mustChangePassword?: boolean } = {},
) {
  const now = Date.now();
  return insertUser(app.opened.db, {
    username,
    displayName: `${username}姓名`,
    role,
    passwordHash: await hashPassword(password, TEST_SCRYPT),
    mustChangePassword: extra.mustChangePassword ?? false,
    createdAt: now,
    updatedAt: now,
  });
}

/** Signs in through the real channel and returns the session id. */
export async function signIn(app: App, username: string, password = GOOD_PASSWORD): Promise<string> {
  const r = await app.call(null, 'web', 'auth.login', { username, password });
  if (!r.ok) throw new Error(`sign-in failed: ${r.error.message}`);
  return (r.value as { sessionId: string }).sessionId;
}

/** Every row of every user table, for "nothing was written" assertions. */
export function snapshotRows(app: App, opts: { auditTrail?: boolean } = {}): string {
  const tables = app.opened.sqlite
    .prepare(`select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name`)
    .all() as { name: string }[];
  return JSON.stringify(
    tables
      .filter((t) => opts.auditTrail !== false || t.name !== 'audit_log')
      .map((t) => [t.name, app.opened.sqlite.prepare(`select * from "${t.name}"`).all()]),
  );
}

/** The audit entries written from now on, oldest first: call the returned function to read them. */
export function auditFromNow(app: App): () => AuditRow[] {
  const before = auditCount(app.opened.sqlite);
  return () => recentAudit(app.opened.sqlite, auditCount(app.opened.sqlite) - before).reverse();
}
