// Figures for accounts, the audit trail and backups on a city-sized database.
import path from 'node:path';
import { appendAudit, verifyAuditChain } from '../../db/repos/audit';
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { OWASP_SCRYPT, hashPassword, verifyPassword } from '../../electron/services/passwords';
import { addUser, signIn, TEST_SCRYPT } from '../support/app';
import { seedOrg } from '../support/seed';
import { repoRoot, tempDir } from '../support/tmp';
import { note } from './figures';
import { ms, time } from './stats';

export async function benchAccountsAndBackup(
  report: (name: string, samples: number[], extra?: string) => void,
): Promise<void> {
  const hashes: number[] = [];
  let stored = '';
  for (let i = 0; i < 3; i++) {
    const [dt, h] = await time(() => hashPassword('Kaoping#2026', OWASP_SCRYPT));
    hashes.push(dt);
    stored = h;
  }
  report('scrypt hash, OWASP (N=2^17, r=8, p=1)', hashes);
  const verifies: number[] = [];
  for (let i = 0; i < 3; i++)
    verifies.push((await time(() => verifyPassword('Kaoping#2026', stored, OWASP_SCRYPT)))[0]);
  report('sign-in password check, OWASP', verifies);

  const t = tempDir();
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: 'bench',
    log: silentLogger,
    scrypt: TEST_SCRYPT,
  });
  seedOrg(app.opened.sqlite, { units: 2000, people: 30000 });
  const sqlite = app.opened.sqlite;
  const N = 100_000;
  const [fill] = await time(() =>
    sqlite.transaction(() => {
      for (let i = 0; i < N; i++) {
        appendAudit(sqlite, {
          at: Date.now(),
          actor: `user${i % 50}`,
          role: 'evaluator',
          action: 'settings.update',
          target: 'settings',
          detail: { i },
        });
      }
    })(),
  );
  note(`audit trail: ${N} entries appended in ${ms(fill)} (${Math.round(N / (fill / 1000))}/s in one transaction)`, [
    `audit trail: ${N} entries appended`,
    fill,
    'ms',
  ]);
  const verify: number[] = [];
  for (let i = 0; i < 3; i++) verify.push((await time(() => verifyAuditChain(sqlite)))[0]);
  report(`audit verify, ${N} entries`, verify);

  await addUser(app, 'bench', 'admin');
  const s = await signIn(app, 'bench');
  const backups: number[] = [];
  let file = '';
  for (let i = 0; i < 3; i++) {
    const [dt, r] = await time(() => app.call(s, 'cli', 'backup.create', {}));
    if (!r.ok) throw new Error(r.error.message);
    backups.push(dt);
    file = (r.value as { file: string }).file;
  }
  report('backup (snapshot + check + zip + read-back), city', backups, path.basename(file));
  const [restoreMs, r] = await time(() => app.call(s, 'cli', 'backup.restore', { file, confirm: true }));
  if (!r.ok) throw new Error(r.error.message);
  report('restore (verify + safety backup + swap), city', [restoreMs]);
  app.close();
  t.cleanup();
}
