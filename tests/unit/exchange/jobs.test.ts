import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../electron/contract';
import { BUSY } from '../../../electron/services/handlers/exchange';
import type { Step } from '../../../electron/services/steps';
import { asRole, snapshotRows, type TestApp } from '../../support/app';
import { type Outcome, register, selfId, installations } from '../../support/exchange-pair';
import { seedOrg } from '../../support/seed';

type Job = ChannelOutput<'jobs.status'>;

const { pair } = installations();

/** A city with a county's worth of people to send: thousands of records, so the work has many steps. */
async function seeded(people: number) {
  const { city, county, usb, c, k } = await pair();
  await register(c, k, usb.dir);
  seedOrg(city.app.opened.sqlite, { units: 200, people }, city.app.env.nodeId);
  return { city, county, usb, c, k, countyId: await selfId(k) };
}

const who = asRole('evaluator', '李考评');
const pause = () => new Promise((r) => setTimeout(r, 2));
const leftInStaging = (t: TestApp) => {
  const dir = path.join(t.dir, 'exchange-staging');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('a package written or read with progress and cancel', () => {
  it('a cancelled export leaves no file, sends nothing; a cancelled import keeps nothing, imports later', async () => {
    const { city, county, usb, k, countyId } = await seeded(3000);
    const before = snapshotRows(city.app, { auditTrail: false });

    // the export stopped while it writes the records: nothing on the stick, nothing counted as sent
    const stop = new AbortController();
    const seen: Step[] = [];
    const r = await city.app.callAs(
      who,
      'web',
      'exchange.export',
      { nodeId: countyId, dir: usb.dir },
      {
        signal: stop.signal,
        progress: (s) => {
          seen.push(s);
          if (s.phase.startsWith('读出记录并加密写入（已写 512 条）')) stop.abort();
        },
      },
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '已取消，本次操作未保存，数据未改动。' },
    });
    expect(fs.readdirSync(usb.dir).filter((f) => f.endsWith('.kpx') || f.endsWith('.part'))).toEqual([]);
    expect(snapshotRows(city.app, { auditTrail: false })).toBe(before);
    expect(seen.at(-1)!.phase).toMatch(/已写 512 条/);

    // the whole export: it says each step, then the read-back
    const phases = new Set<string>();
    const sent = await city.app.callAs(
      who,
      'web',
      'exchange.export',
      { nodeId: countyId, dir: usb.dir },
      { progress: (s) => phases.add(s.phase.replace(/（已写 \d+ 条）/, '')) },
    );
    expect(sent.ok).toBe(true);
    expect([...phases]).toEqual(['读出记录并加密写入', '读回校验']);
    const file = (sent as { value: ChannelOutput<'exchange.export'> }).value.file;

    // the import stopped halfway through the records: the county as before, no decrypted body left behind
    const countyBefore = snapshotRows(county.app, { auditTrail: false });
    const halt = new AbortController();
    let reached = 0;
    const cut = await county.app.callAs(
      who,
      'web',
      'exchange.import',
      { file, confirm: true },
      {
        signal: halt.signal,
        progress: (s) => {
          if (s.phase !== '逐条校验并写入') return;
          reached = s.done;
          if (s.done >= s.total / 2) halt.abort();
        },
      },
    );
    expect(cut).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(reached).toBeGreaterThan(1000);
    expect(snapshotRows(county.app, { auditTrail: false })).toBe(countyBefore);
    expect(leftInStaging(county)).toEqual([]);
    const done = await k<Outcome>('exchange.import', { file, confirm: true });
    expect(done.status, done.message).toBe('accepted');
    expect(done.summary.totals.created).toBeGreaterThan(3000);
  });

  it('as a job: counted steps, other work told to wait, a progress poll answered, cancel rolls back', async () => {
    const { county, usb, c, k, countyId } = await seeded(12_000);
    const sent = await c<{ file: string }>('exchange.export', { nodeId: countyId, dir: usb.dir });
    const before = snapshotRows(county.app, { auditTrail: false });

    // each action asks for what its own channel needs
    await expect(k('exchange.start', { action: 'export', nodeId: 'x' })).rejects.toThrow(
      '填写的内容有误：请选择保存位置（U 盘）',
    );
    await expect(k('exchange.start', { action: 'import', file: sent.file })).rejects.toThrow('请先试导入并确认');
    const started = await k<Job>('exchange.start', { action: 'import', file: sent.file, confirm: true });
    expect(started).toMatchObject({ kind: 'package', title: '导入数据包', state: 'running' });
    let job = started;
    // wait until it is writing the records
    while (job.state === 'running' && !(job.phase === '逐条校验并写入' && job.done > 0)) {
      await pause();
      job = await k<Job>('jobs.status', { id: started.id });
    }
    expect(job.state).toBe('running');
    expect(job.total).toBeGreaterThan(12_000);
    // meanwhile the database is held: other work is told why, and nothing of it is written
    const other = await county.app.callAs(who, 'web', 'units.create', {
      code: 'X-1',
      name: '新单位',
      kind: 'department',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: BUSY.import } });
    // a poll from a session that is gone is refused and recorded, but not in the import's transaction (rolled back)
    const trail = () =>
      county.app.opened.sqlite.prepare("select count(*) n from audit_log where action = 'refused:jobs.status'");
    const recorded = (trail().get() as { n: number }).n;
    const stranger = await county.app.call('no-such-session', 'web', 'jobs.status', { id: started.id });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // one job at a time: a second package (or any job) waits for this one
    await expect(k('exchange.start', { action: 'inspect', file: sent.file })).rejects.toThrow(BUSY.import);
    const cancelled = await k<Job>('jobs.cancel', { id: started.id });
    expect(cancelled.state).toBe('running');
    while (job.state === 'running') {
      await pause();
      job = await k<Job>('jobs.status', { id: started.id });
    }
    expect(job).toMatchObject({
      state: 'cancelled',
      message: '已取消：数据包未导入，本机数据未改动；可随时重新导入同一个文件。',
      result: null,
    });
    expect(snapshotRows(county.app, { auditTrail: false })).toBe(before);
    expect(leftInStaging(county)).toEqual([]);
    // released: other work goes on
    await k('units.create', { code: 'X-1', name: '新单位', kind: 'department' });
    expect((trail().get() as { n: number }).n).toBe(recorded + 1);

    // the dry run and the import run to their end as jobs; the outcome is the job's result
    const finish = async (input: Record<string, unknown>) => {
      let j = await k<Job>('exchange.start', input);
      while (j.state === 'running') {
        await pause();
        j = await k<Job>('jobs.status', { id: j.id });
      }
      return j;
    };
    const dry = await finish({ action: 'inspect', file: sent.file });
    expect(dry.state).toBe('done');
    expect((dry.result as Outcome).status).toBe('checked');
    const imported = await finish({ action: 'import', file: sent.file, confirm: true });
    expect(imported).toMatchObject({ state: 'done', phase: '已完成' });
    const outcome = imported.result as Outcome;
    expect(outcome.status, outcome.message).toBe('accepted');
    expect(imported.message).toBe(outcome.message);
    expect(outcome.summary.totals).toEqual((dry.result as Outcome).summary.totals);
    expect(outcome.summary.totals.created).toBeGreaterThan(12_000);
  });
});
