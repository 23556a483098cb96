// Figures for the 公务员年度考核登记表 of a 500-person unit, as the office makes them (staff.formsBatch: a job that lays
// out each person's form in turn, the bar moving, then binds them into one volume, each form from an odd page):
// time, forms per second (reported like the responsibility letters' letters/s), peak memory, and how soon a
// cancel stops the batch.
import { randomUUID } from 'node:crypto';
import { startApp } from '../../electron/services/app';
import { RenderPool } from '../../electron/services/documents/pool';
import { silentLogger } from '../../electron/services/logger';
import { buildStaffForm } from '../../electron/core/staff-form';
import { TEST_SCRYPT, asRole } from '../support/app';
import { sampleStaffForm } from '../support/sample-people-docs';
import { seedOrg } from '../support/seed';
import { repoRoot, tempDir } from '../support/tmp';
import { note } from './figures';

type Report = (name: string, samples: number[], extra?: string) => void;
type Job = { id: string; state: string; done: number; succeeded: number; total: number; message: string | null };

const PEOPLE = 500;

export async function benchStaffForms(report: Report): Promise<void> {
  const t = tempDir();
  const pool = new RenderPool();
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: 'bench',
    log: silentLogger,
    scrypt: TEST_SCRYPT,
    renderPool: pool,
  });
  const sqlite = app.opened.sqlite;
  // one unit (the city's own office) with 500 people, each graded and commented
  seedOrg(sqlite, { units: 1, people: PEOPLE });
  const now = Date.now();
  sqlite.transaction(() => {
    const round = Number(
      sqlite
        .prepare(
          `insert into staff_rounds (uuid, owner_node, version, year, unit_id, created_at, updated_at)
           values (?, 'bench', 1, 2026, 1, ?, ?)`,
        )
        .run(randomUUID(), now, now).lastInsertRowid,
    );
    const a = sqlite.prepare(
      `insert into staff_assessments (uuid, owner_node, version, round_id, person_id, proposed_grade, final_grade,
        comment, created_at, updated_at) values (?, 'bench', 1, ?, ?, 'competent', 'competent', ?, ?, ?)`,
    );
    for (let id = 1; id <= PEOPLE; id++)
      a.run(randomUUID(), round, id, '政治立场坚定，工作认真负责，较好完成了年度各项任务', now, now);
  })();
  const call = async <T>(channel: string, input: unknown, role: 'evaluator' | 'admin' = 'evaluator'): Promise<T> => {
    const r = await app.callAs(asRole(role, 'bench'), 'cli', channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  await call('settings.updateBusiness', { issuingBodies: ['示例市人民政府目标考评办公室'] });
  const key = { year: 2026, unitId: 1 };
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // the render workers started first (here they load the TypeScript source through tsx; the app's are bundled)
  const warm = buildStaffForm({ ...sampleStaffForm(), office: '示例市人民政府目标考评办公室' });
  await Promise.all(Array.from({ length: pool.size * 2 }, () => pool.run({ kind: 'document', doc: warm })));

  // the whole batch, the memory sampled while it runs
  const before = process.memoryUsage().rss;
  let peak = before;
  const t0 = performance.now();
  let job = await call<Job>('staff.formsBatch', key);
  while (job.state === 'running') {
    await wait(50);
    peak = Math.max(peak, process.memoryUsage().rss);
    job = await call<Job>('jobs.status', { id: job.id });
  }
  const ms = performance.now() - t0;
  if (job.state !== 'done') throw new Error(`staff forms batch: ${job.state} ${job.message}`);
  const volume = await call<{ base64: string }>('staff.formsVolume', key);
  const mb = (b: number) => b / 2 ** 20;
  report(
    'staff forms batch: 500 forms + bound volume',
    [ms],
    `${job.succeeded} forms on ${pool.size} render workers, ${(job.succeeded / (ms / 1000)).toFixed(1)} forms/s ` +
      '(letters/s), volume ' +
      `${mb(Buffer.from(volume.base64, 'base64').length).toFixed(1)} MB, RSS ${mb(before).toFixed(0)} → peak ` +
      `${mb(peak).toFixed(0)} MB`,
  );
  note(`staff forms batch: ${(job.succeeded / (ms / 1000)).toFixed(1)} forms/s`, [
    'staff forms batch: forms per second',
    job.succeeded / (ms / 1000),
    'forms/s',
  ]);

  // cancel once a tenth is done: how long until the job says it stopped, and how far it got
  job = await call<Job>('staff.formsBatch', key);
  while (job.state === 'running' && job.done < PEOPLE / 10) {
    await wait(20);
    job = await call<Job>('jobs.status', { id: job.id });
  }
  const c0 = performance.now();
  job = await call<Job>('jobs.cancel', { id: job.id });
  while (job.state === 'running') {
    await wait(10);
    job = await call<Job>('jobs.status', { id: job.id });
  }
  report('staff forms batch: cancel to stopped', [performance.now() - c0], `${job.state} after ${job.done} forms`);
  app.close();
  t.cleanup();
}
