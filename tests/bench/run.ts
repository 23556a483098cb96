// `npm run bench`: prints figures, asserts nothing about time.
// Synthetic data sized like a prefecture-level city (2,000 units, 30,000 people); the generator in
// tests/support/seed.ts grows with each feature's tables (indicators, targets, reports …).
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db';
import { SESSION_HEADER, TOKEN_HEADER, startWebHost } from '../../electron/hosts/web-host';
import { addUser, signIn, TEST_SCRYPT } from '../support/app';
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { withExtraMigration } from '../support/migrations';
import { seedOrg } from '../support/seed';
import { migrationsFolder, repoRoot, tempDir } from '../support/tmp';
import { benchAccountsAndBackup } from './accounts-backup';
import { benchBoard } from './board';
import { benchDashboard } from './dashboard';
import { benchExchange } from './exchange';
import { benchLetters } from './letters';
import { benchOrg } from './org';
import { benchScoring } from './scoring';
import { benchStaff } from './staff';
import { benchStaffForms } from './staff-forms';
import { benchZipBomb } from './zip-bomb';
import { benchSelfCheck } from './selfcheck';
import { benchTargetImport } from './target-import';
import { figure, note, writeFigures } from './figures';
import { ms, stats, time } from './stats';

const CITY = { units: 2000, people: 30000 };
const REPEAT = 5;
const results: Record<string, unknown> = {};

/** Prints a timing (p50, p95, max of the samples) and keeps its median as the figure; `peer` names its comparison. */
function report(name: string, samples: number[], extra = '', o: { peer?: string } = {}): void {
  const s = stats(samples);
  results[name] = s;
  figure(name, s.p50, 'ms', o);
  console.log(
    `${name.padEnd(44)} p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  ` +
      `max ${ms(s.max).padStart(10)}  (n=${s.n}) ${extra}`,
  );
}

async function benchOpen(): Promise<void> {
  const empty: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = tempDir();
    const [dt, o] = await time(() => openDatabase({ file: path.join(t.dir, 'k.db'), migrationsFolder }));
    empty.push(dt);
    o.sqlite.close();
    t.cleanup();
  }
  report('open + migrate, empty database', empty);

  const t = tempDir();
  const file = path.join(t.dir, 'k.db');
  const o = await openDatabase({ file, migrationsFolder });
  const [seedMs] = await time(() => seedOrg(o.sqlite, CITY));
  o.sqlite.close();
  const mb = fs.statSync(file).size / 1024 / 1024;
  note(
    `synthetic city: ${CITY.units} units, ${CITY.people} people, ${mb.toFixed(1)} MB, seeded in ${ms(seedMs)}`,
    ['synthetic city: seeded in', seedMs, 'ms'],
    ['synthetic city: database size', mb, 'MB'],
  );

  const full: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const [dt, db] = await time(() => openDatabase({ file, migrationsFolder }));
    full.push(dt);
    db.sqlite.close();
  }
  report('open, full database, nothing pending', full);
  await benchSelfCheck(report, file);

  // a release with one more migration: backup (SQLite backup API) + migrate, on a full database
  const upgrade: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const copy = path.join(t.dir, `copy-${i}.db`);
    const src = await openDatabase({ file, migrationsFolder });
    await src.sqlite.backup(copy);
    src.sqlite.close();
    const next = withExtraMigration(
      fs.mkdtempSync(path.join(t.dir, 'm-')),
      '9001_add_note',
      'ALTER TABLE `units` ADD `note` text;',
    );
    const [dt, db] = await time(() =>
      openDatabase({ file: copy, migrationsFolder: next, backupDir: path.join(t.dir, 'bak') }),
    );
    upgrade.push(dt);
    db.sqlite.close();
  }
  report('open + backup + migrate, full database', upgrade);
  t.cleanup();
}

async function benchHost(): Promise<void> {
  const t = tempDir();
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: 'bench',
    log: silentLogger,
    scrypt: TEST_SCRYPT,
  });
  const staticRoot = path.join(repoRoot, 'dist', 'renderer');
  fs.mkdirSync(staticRoot, { recursive: true });
  const host = await startWebHost({ app, staticRoot });
  await addUser(app, 'bench', 'admin');
  const session = await signIn(app, 'bench');
  const url = `http://127.0.0.1:${host.port}/api/call`;
  const post = async (body: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, [SESSION_HEADER]: session },
      body,
    });
    return (await res.json()) as { ok: boolean; error?: { message: string } };
  };
  const call = async (channel: string, input: unknown) => {
    const body = await post(JSON.stringify({ channel, input }));
    if (!body.ok) throw new Error(JSON.stringify(body));
  };
  for (let i = 0; i < 50; i++) await call('system.info', {}); // warm up
  const reads: number[] = [];
  for (let i = 0; i < 1000; i++) reads.push((await time(() => call('system.info', {})))[0]);
  report('loopback round trip, read (system.info)', reads, `≈ ${Math.round(1000 / stats(reads).mean)} calls/s`);
  const writes: number[] = [];
  for (let i = 0; i < 200; i++)
    writes.push((await time(() => call('settings.update', { unitName: `基准测试单位${i}` })))[0]);
  report('loopback round trip, audited write', writes, '(synchronous=FULL)');
  // a hostile body: 6 MB of nested arrays, refused by its depth before JSON.parse would spend seconds on it
  const deep = `{"channel":"system.info","input":${'['.repeat(6 * 1024 * 1024)}}`;
  const nested: number[] = [];
  for (let i = 0; i < 10; i++) {
    const [dt, r] = await time(() => post(deep));
    if (r.ok || !/嵌套/.test(r.error?.message ?? '')) throw new Error(JSON.stringify(r));
    nested.push(dt);
  }
  report('loopback, 6 MB nested body refused', nested, '(round trip, body upload included)');
  await host.close();
  app.close();
  t.cleanup();
}

await benchOpen();
await benchHost();
await benchZipBomb(report);
await benchAccountsAndBackup(report);
await benchOrg(report);
await benchLetters(report);
await benchBoard(report);
await benchTargetImport(report);
await benchScoring(report);
await benchDashboard(report);
await benchStaff(report);
await benchStaffForms(report);
await benchExchange();
const outDir = path.join(repoRoot, 'tests', 'bench', 'out');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(
  path.join(outDir, 'foundation.json'),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
writeFigures(process.env.BENCH_JSON);
