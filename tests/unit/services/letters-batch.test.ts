import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => {
  delete process.env.KAOPING_FAULT;
  t?.close();
});

type Doc = { id: number; kind: string; number: string; voidedAt: number | null; voidReason: string | null };
type Row = { unitId: number; unitCode: string; number: string | null; stale: boolean };
type Job = {
  id: string;
  state: string;
  total: number;
  done: number;
  succeeded: number;
  skipped: number;
  errors: { item: string; message: string }[];
  message: string | null;
  documentId: number | null;
};
type Call = Awaited<ReturnType<typeof samplePlan>>['call'];

const pick = (x: { id: number; indicatorId: number; points: number }) => ({
  id: x.id,
  indicatorId: x.indicatorId,
  points: x.points,
});

const letterFiles = (dir: string) => {
  const root = path.join(dir, 'documents', 'letter');
  return fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.docx') || f.includes('.pending'))
    : [];
};

async function waitJob(call: Call, id: string): Promise<Job> {
  for (;;) {
    const j = await call<Job>('jobs.status', { id });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const batch = async (call: Call, planId: number) => waitJob(call, (await call<Job>('letters.batch', { planId })).id);

describe('letters in batch', () => {
  it('a batch over current letters generates none, skips them all and voids no number', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app);
    const first = await batch(call, plan.id);
    expect(first).toMatchObject({ state: 'done', total: 6, succeeded: 6, skipped: 0 });
    const numbers = (await call<Row[]>('letters.list', { planId: plan.id })).map((r) => r.number);
    const again = await batch(call, plan.id);
    expect(again).toMatchObject({ state: 'done', total: 6, done: 6, succeeded: 0, skipped: 6, errors: [] });
    // nothing new to bind: no second combined volume
    expect(again.documentId).toBeNull();
    expect(await call<Doc[]>('documents.list', { kind: 'combined' })).toHaveLength(1);
    expect((await call<Row[]>('letters.list', { planId: plan.id })).map((r) => r.number)).toEqual(numbers);
    const letters = await call<Doc[]>('documents.list', { kind: 'letter' });
    expect(letters).toHaveLength(6);
    expect(letters.filter((d) => d.voidedAt !== null)).toEqual([]);
  });

  it('after one target changes, the batch regenerates exactly that unit’s letter', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    await batch(call, plan.id);
    const before = await call<Row[]>('letters.list', { planId: plan.id });
    const czj = unitId('SX-CZJ');
    const target = (
      await call<{ id: number; indicatorId: number; points: number; content: string }[]>('targets.list', {
        planId: plan.id,
        unitId: czj,
      })
    )[0]!;
    await call('targets.save', { ...pick(target), planId: plan.id, unitId: czj, content: `${target.content}（修订）` });
    const job = await batch(call, plan.id);
    expect(job).toMatchObject({ state: 'done', total: 6, succeeded: 1, skipped: 5, errors: [] });
    const after = await call<Row[]>('letters.list', { planId: plan.id });
    const changed = after.filter((r) => r.number !== before.find((b) => b.unitId === r.unitId)!.number);
    expect(changed.map((r) => r.unitCode)).toEqual(['SX-CZJ']);
    expect(after.every((r) => !r.stale)).toBe(true);
    const old = before.find((r) => r.unitId === czj)!.number;
    const voided = (await call<Doc[]>('documents.list', { kind: 'letter' })).filter((d) => d.voidedAt !== null);
    expect(voided.map((d) => [d.number, d.voidReason])).toEqual([[old, `重新生成，由 ${changed[0]!.number} 取代`]]);
    // the new letter is bound with the current others in a new combined volume
    expect(job.documentId).not.toBeNull();
  });

  it('a letter whose targets changed is generated again without a reason; the old number is voided', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const fgj = unitId('SX-FGJ');
    const first = await call<{ number: string }>('letters.generate', { planId: plan.id, unitId: fgj });
    const target = (
      await call<{ id: number; indicatorId: number; points: number; content: string }[]>('targets.list', {
        planId: plan.id,
        unitId: fgj,
      })
    )[0]!;
    await call('targets.save', { ...pick(target), planId: plan.id, unitId: fgj, content: `${target.content}（修订）` });
    const second = await call<{ number: string }>('letters.generate', { planId: plan.id, unitId: fgj });
    const docs = await call<Doc[]>('documents.list', { kind: 'letter' });
    expect(docs.find((d) => d.number === first.number)!.voidReason).toBe(`重新生成，由 ${second.number} 取代`);
  });

  it('batch: every unit, progress to the end, one combined file; failures are listed, not fatal', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const cgz = unitId('SX-CGZ');
    const target = (
      await call<{ id: number; indicatorId: number; content: string }[]>('targets.list', {
        planId: plan.id,
        unitId: cgz,
      })
    ).find((x) => x.content === '城镇新增就业')!;
    await call('targets.save', {
      id: target.id,
      planId: plan.id,
      indicatorId: target.indicatorId,
      unitId: cgz,
      content: target.content,
      points: 30,
    });
    const started = await call<Job>('letters.batch', { planId: plan.id });
    expect(started).toMatchObject({ state: 'running', total: 6 });
    const job = await waitJob(call, started.id);
    expect(job).toMatchObject({ state: 'done', done: 6, succeeded: 5 });
    expect(job.errors).toEqual([
      { item: 'SX-CGZ 城关镇人民政府', message: '城关镇人民政府的责任书不能生成：目标分值合计 95 分，应为 100 分。' },
    ]);
    const combined = (await call<Doc[]>('documents.list', { kind: 'combined' }))[0]!;
    expect(combined.id).toBe(job.documentId);
    const bytes = Buffer.from(
      (await call<{ base64: string }>('documents.content', { id: combined.id })).base64,
      'base64',
    );
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('cancel stops the batch between letters; what was generated stays registered', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app);
    const started = await call<Job>('letters.batch', { planId: plan.id });
    await call('jobs.cancel', { id: started.id });
    const job = await waitJob(call, started.id);
    expect(job.state).toBe('cancelled');
    expect(job.done).toBeLessThan(6);
    expect(job.documentId).toBeNull();
    const docs = await call<Doc[]>('documents.list', { kind: 'letter' });
    expect(docs).toHaveLength(job.succeeded);
    expect(letterFiles(t.dir).filter((f) => f.includes('.pending'))).toEqual([]);
  });

  it(
    'a full disk mid-batch stops it with one clear message, takes no number and leaves no file that looks ' +
      'complete',
    async () => {
      t = await testApp();
      const { plan, call, unitId } = await samplePlan(t.app);
      await call('letters.generate', { planId: plan.id, unitId: unitId('SX-FGJ') });
      process.env.KAOPING_FAULT = 'documents:write:enospc';
      const job = await waitJob(call, (await call<Job>('letters.batch', { planId: plan.id })).id);
      delete process.env.KAOPING_FAULT;
      expect(job.state).toBe('failed');
      expect(job.message).toMatch(/^磁盘空间不足，公文生成未完成，已删除未写完的文件。/);
      // the current letter is skipped, the step after it fails on the disk and the batch stops there
      expect(job).toMatchObject({ done: 1, skipped: 1, succeeded: 0 });
      expect(letterFiles(t.dir)).toHaveLength(1);
      const next = await call<{ number: string }>('letters.generate', { planId: plan.id, unitId: unitId('SX-CZJ') });
      expect(next.number).toMatch(/〕2号$/);
    },
  );
});
