import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE, startApp } from '../../../electron/services/app';
import { readAppVersion } from '../../../electron/services/data-dir';
import { ANCHOR_DIR_ENV } from '../../../electron/services/audit-anchors';
import { silentLogger } from '../../../electron/services/logger';
import { OWASP_SCRYPT, hashPassword } from '../../../electron/services/passwords';
import { TEST_SCRYPT } from '../../support/app';
import { caller } from '../../support/caller';
import { repoRoot } from '../../support/tmp';
import {
  ACCOUNTS_TEMPLATE_ENV,
  ADMIN,
  INITIAL_PASSWORD,
  PASSWORD,
  type AccountRole,
  accountNames,
  usernameOf,
} from './accounts';

/**
 * A data folder's database as the first days leave it: the administrator made on the first-start
 * screen, and one account per other role made by the administrator, each of whom has changed the
 * initial password to PASSWORD. Made once per run through the channels (so the audit trail holds
 * what it would), at a cheap hashing cost; then every account gets one OWASP-strength hash of
 * PASSWORD, so each test's sign-in costs what it costs the user, and only that.
 */
export async function makeAccountsTemplate(dir: string): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(dir, 'data-'));
  const app = await startApp({
    dataDir,
    appRoot: repoRoot,
    appVersion: readAppVersion(repoRoot),
    log: silentLogger,
    scrypt: TEST_SCRYPT,
  });
  try {
    const anon = caller(app, null);
    const admin = caller(app, (await anon.call('auth.setup', { ...ADMIN, password: PASSWORD })).sessionId);
    for (const [role, displayName] of Object.entries(accountNames) as [Exclude<AccountRole, 'admin'>, string][]) {
      const username = usernameOf(role);
      await admin.call('users.create', { username, displayName, role, password: INITIAL_PASSWORD });
      const own = caller(app, (await anon.call('auth.login', { username, password: INITIAL_PASSWORD })).sessionId);
      await own.call('auth.changePassword', { oldPassword: INITIAL_PASSWORD, newPassword: PASSWORD });
      await own.call('auth.logout', {});
    }
    await admin.call('auth.logout', {});
    app.opened.sqlite.prepare('update users set password_hash = ?').run(await hashPassword(PASSWORD, OWASP_SCRYPT));
  } finally {
    app.close();
  }
  const file = path.join(dir, 'accounts.db');
  fs.copyFileSync(path.join(dataDir, DB_FILE), file);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return file;
}

/** Playwright's global setup: makes the template in a folder removed when the run ends. */
export default async function setupAccountsTemplate(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-e2e-template-'));
  // the web hosts the tests start keep their audit anchors here, not in the home folder
  process.env[ANCHOR_DIR_ENV] ??= path.join(dir, 'anchors');
  process.env[ACCOUNTS_TEMPLATE_ENV] = await makeAccountsTemplate(dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
