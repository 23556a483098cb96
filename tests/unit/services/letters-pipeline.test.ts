import { execFile } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderPool } from '../../../electron/services/documents/pool';
import type { RenderTask, Rendered } from '../../../electron/services/documents/render-task';
import { SESSION_HEADER, TOKEN_HEADER, startWebHost, type WebHost } from '../../../electron/hosts/web-host';
import { addUser, anchorDirOf, auditFromNow, signIn, testApp, type TestApp } from '../../support/app';
import { caller, samplePlan } from '../../support/sample-plan';
import { docxParts } from '../../support/docx';
import { repoRoot } from '../../support/tmp';

/** The batch as one pipeline: steps of letters rendered on the pool and registered together. */
let t: TestApp;
let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  t?.close();
});

type Job = {
  id: string;
  state: string;
  total: number;
  done: number;
  succeeded: number;
  message: string | null;
  fileName?: string | null;
};
type Doc = { id: number; number: string; fileName: string; sha256: string; voidedAt: number | null };

/** A pool whose tasks wait until the test lets them go: the batch is held at a known point. */
class HeldPool extends RenderPool {
  asked = 0;
  private gates: (() => void)[] = [];
  private open = 0;
  constructor() {
    super(1);
  }
  override async run(task: RenderTask): Promise<Rendered> {
    this.asked++;
    if (this.open > 0) this.open--;
    else await new Promise<void>((r) => this.gates.push(r));
    return super.run(task);
  }
  release(n: number) {
    for (let i = 0; i < n; i++) {
      const g = this.gates.shift();
      if (g) g();
      else this.open++;
    }
  }
}

async function until<T>(what: () => Promise<T> | T, ok: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const letterDir = (dir: string) => path.join(dir, 'documents', 'letter', String(new Date().getFullYear()));

describe('the letter batch as one pipeline', () => {
  it('in the browser: progress moves as letters finish, and cancel stops it saying how many were kept', async () => {
    const pool = new HeldPool();
    t = await testApp({ renderPool: pool });
    const { plan } = await samplePlan(t.app);
    await addUser(t.app, '考评员甲', 'evaluator');
    const session = await signIn(t.app, '考评员甲');
    host = await startWebHost({ app: t.app, staticRoot: t.dir });
    const api = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await fetch(`http://127.0.0.1:${host!.port}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host!.token, [SESSION_HEADER]: session },
        body: JSON.stringify({ channel, input }),
      });
      const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!body.ok) throw new Error(body.error!.message);
      return body.value;
    };
    const started = await api<Job>('letters.batch', { planId: plan.id });
    expect(started).toMatchObject({ state: 'running', total: 6, done: 0 });
    // two letters finish: the bar says so while the batch still runs
    pool.release(2);
    const moving = await until(
      () => api<Job>('jobs.status', { id: started.id }),
      (j) => j.done >= 2,
    );
    expect(moving).toMatchObject({ state: 'running', succeeded: 2 });
    // cancel while the third letter is being rendered: it is the last one kept
    await until(
      () => pool.asked,
      (n) => n >= 3,
    );
    const cancelling = await api<Job>('jobs.cancel', { id: started.id });
    expect(cancelling.state).toBe('running');
    pool.release(10);
    const ended = await until(
      () => api<Job>('jobs.status', { id: started.id }),
      (j) => j.state !== 'running',
    );
    expect(ended).toMatchObject({ state: 'cancelled', succeeded: 3, done: 3 });
    expect(ended.message).toBe('已取消：已完成的 3 项已保存，其余 3 项未处理。');
    expect(pool.asked).toBe(3);
    const docs = await api<Doc[]>('documents.list', { kind: 'letter' });
    expect(docs).toHaveLength(3);
    expect(fs.readdirSync(letterDir(t.dir)).sort()).toEqual(docs.map((d) => d.fileName).sort());
  });

  it('a step registers its letters in one transaction: consecutive numbers, one audit entry a letter', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app);
    const units = (await call<{ unitId: number }[]>('letters.list', { planId: plan.id })).map((r) => r.unitId);
    const audit = auditFromNow(t.app);
    const r = await call<{ generated: { number: string }[]; failed: unknown[]; remaining: unknown[] }>(
      'letters.generateMany',
      { planId: plan.id, unitIds: units },
    );
    expect(r.failed).toEqual([]);
    expect(r.remaining).toEqual([]);
    expect(r.generated.map((g) => g.number)).toEqual(
      units.map((_, i) => `考评责〔${new Date().getFullYear()}〕${i + 1}号`),
    );
    const entries = audit().filter((e) => e.action === 'letters.generateMany');
    expect(entries.map((e) => e.target)).toEqual([
      ...r.generated.map((g) => `document:${g.number}`),
      `letters:${plan.year}`,
    ]);
  });

  it.each([
    ['a target', "update targets set content = content || '（修订）' where unit_id = ? and plan_id = ?"],
    [
      'the unit head',
      "update people set post = '代理局长' where unit_id = ? and is_unit_head = 1 and " +
        'exists (select 1 from plans where id = ?)',
    ],
  ])('%s changed while the step rendered: that letter is not registered, those after it go back', async (_w, edit) => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app);
    const units = (await call<{ unitId: number; unitCode: string }[]>('letters.list', { planId: plan.id })).map(
      (r) => r.unitId,
    );
    const second = units[1]!;
    // the second unit's target changes once its letter is rendered and before the step registers it
    const handlers = (await import('../../../electron/services/handlers')).handlers;
    const many = handlers['letters.generateMany'] as unknown as {
      prepare: (...a: unknown[]) => Promise<unknown>;
      run: unknown;
    };
    const original = many.prepare;
    many.prepare = async (...a: unknown[]) => {
      const p = await original(...a);
      expect(t.app.opened.sqlite.prepare(edit).run(second, plan.id).changes).toBeGreaterThan(0);
      return p;
    };
    try {
      const r = await call<{
        generated: { unitId: number; number: string }[];
        failed: { unitId: number; message: string }[];
        remaining: number[];
      }>('letters.generateMany', { planId: plan.id, unitIds: units });
      expect(r.generated.map((g) => g.unitId)).toEqual([units[0]]);
      expect(r.failed).toEqual([
        expect.objectContaining({
          unitId: second,
          message: '生成期间目标任务、指标或责任书条款被修改，本份未生成，请重新生成。',
        }),
      ]);
      expect(r.remaining).toEqual(units.slice(2));
    } finally {
      many.prepare = original;
    }
    // the next step numbers on from the first letter: no number skipped, no file without its row
    const next = await call<{ generated: { number: string }[] }>('letters.generateMany', {
      planId: plan.id,
      unitIds: units.slice(1),
    });
    const year = new Date().getFullYear();
    expect(next.generated[0]!.number).toBe(`考评责〔${year}〕2号`);
    const docs = await call<Doc[]>('documents.list', { kind: 'letter' });
    expect(fs.readdirSync(letterDir(t.dir)).sort()).toEqual(docs.map((d) => d.fileName).sort());
  });
});

describe('the bound volume', () => {
  it('binds the letters as built: each letter’s body, byte for byte, as its registered file holds it', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app);
    const job = await call<Job>('letters.batch', { planId: plan.id });
    const ended = await until(
      () => call<Job & { documentId: number | null }>('jobs.status', { id: job.id }),
      (j) => j.state !== 'running',
    );
    const volumeXml = async (id: number) =>
      (
        await docxParts(Buffer.from((await call<{ base64: string }>('documents.content', { id })).base64, 'base64'))
      ).get('word/document.xml')!;
    const volume = await volumeXml(ended.documentId!);
    // its file name says 合订本 once
    const year = new Date().getFullYear();
    expect(ended).toMatchObject({ fileName: `合订本${year}-1-2026年度目标管理责任书（6份）.docx` });
    const letters = await call<Doc[]>('documents.list', { kind: 'letter' });
    expect(letters).toHaveLength(6);
    for (const d of letters) {
      const xml = (await docxParts(fs.readFileSync(path.join(letterDir(t.dir), d.fileName)))).get('word/document.xml')!;
      // the body up to its first section break: the letter's text as it was built
      const body = xml.slice(xml.indexOf('<w:body>') + 8, xml.indexOf('<w:sectPr'));
      expect(body.length).toBeGreaterThan(1000);
      expect(volume).toContain(body);
    }
    // a letter file altered on disk: the volume is laid out from the letters' models instead, to the same text
    const file = path.join(letterDir(t.dir), letters[0]!.fileName);
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file), Buffer.from('x')]));
    const again = await call<{ documentId: number }>('letters.combine', { planId: plan.id });
    expect(await volumeXml(again.documentId)).toBe(volume);
  });
});

describe('a batch killed part way', () => {
  const run = promisify(execFile);
  it.each([
    ['while its files are written', 'letters:pending:kill'],
    ['after a step commits, before its files get their names', 'letters:commit:kill'],
  ] as const)('%s leaves no numbered letter without its file and no file without its row (%s)', async (_l, fault) => {
    t = await testApp();
    const { plan } = await samplePlan(t.app);
    t.app.close();
    const child = run(process.execPath, ['--import', 'tsx', 'tests/support/batch-child.ts', t.dir, String(plan.id)], {
      cwd: repoRoot,
      env: { ...process.env, KAOPING_FAULT: fault },
    });
    await expect(child).rejects.toMatchObject({ signal: 'SIGKILL' });
    const dir = t.dir;
    t = await testApp({ dir });
    const call = caller(t.app);
    const docs = await call<Doc[]>('documents.list', { kind: 'letter' });
    expect(docs.length).toBe(fault === 'letters:commit:kill' ? 1 : 0);
    const files = fs.existsSync(letterDir(dir)) ? fs.readdirSync(letterDir(dir)) : [];
    expect(files.sort()).toEqual(docs.map((d) => d.fileName).sort());
    // each registered letter opens: its file is there with the content the register proved
    for (const d of docs) await call('documents.content', { id: d.id });
    // and the batch run again numbers on without a gap
    const again = await call<{ generated: { number: string }[] }>('letters.generateMany', {
      planId: plan.id,
      unitIds: (await call<{ unitId: number }[]>('letters.list', { planId: plan.id })).map((r) => r.unitId),
    });
    expect(again.generated[0]!.number).toBe(`考评责〔${new Date().getFullYear()}〕${docs.length + 1}号`);
    fs.rmSync(anchorDirOf(dir), { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the letters list', () => {
  it('is worked out again whenever the database changed, by any path', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    type Row = { unitId: number; targets: number; blockers: string[] };
    const czj = unitId('SX-CZJ');
    const first = (await call<Row[]>('letters.list', { planId: plan.id })).find((r) => r.unitId === czj)!;
    // a hand edit on the same connection, outside every channel
    t.app.opened.sqlite
      .prepare('update targets set deleted_at = 1 where id = (select max(id) from targets where unit_id = ?)')
      .run(czj);
    const after = (await call<Row[]>('letters.list', { planId: plan.id })).find((r) => r.unitId === czj)!;
    expect(after.targets).toBe(first.targets - 1);
    expect(after.blockers).not.toEqual(first.blockers);
    // another connection on the same data folder (the command line beside the desktop app)
    const other = new Database(path.join(t.dir, 'kaoping.db'));
    other.prepare("update units set name = '示例县财政局（新）' where id = ?").run(czj);
    other.close();
    const renamed = (await call<(Row & { unitName: string })[]>('letters.list', { planId: plan.id })).find(
      (r) => r.unitId === czj,
    )!;
    expect(renamed.unitName).toBe('示例县财政局（新）');
  });

  it('after a target is edited its letter shows as out of date, also when the change log was outrun', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    type Row = { unitId: number; stale: boolean };
    const started = await call<Job>('letters.batch', { planId: plan.id });
    await until(
      () => call<Job>('jobs.status', { id: started.id }),
      (j) => j.state !== 'running',
    );
    const staleOf = async () =>
      (await call<Row[]>('letters.list', { planId: plan.id })).filter((r) => r.stale).map((r) => r.unitId);
    expect(await staleOf()).toEqual([]);
    const czj = unitId('SX-CZJ');
    const target = (
      await call<{ id: number; indicatorId: number; points: number; content: string }[]>('targets.list', {
        planId: plan.id,
        unitId: czj,
      })
    )[0]!;
    const { id, indicatorId, points } = target;
    await call('targets.save', {
      id,
      indicatorId,
      points,
      planId: plan.id,
      unitId: czj,
      content: `${target.content}（修订）`,
    });
    expect(await staleOf()).toEqual([czj]);
    // more than the 5,000 writes the log keeps, then another unit's target: every target is read again
    const sqlite = t.app.opened.sqlite;
    sqlite.prepare('insert into target_changes (unit_id) select ? from (select 1 from audit_log limit 1)').run(czj);
    sqlite.exec('insert into target_changes (unit_id) select unit_id from target_changes');
    for (let i = 0; i < 13; i++) sqlite.exec('insert into target_changes (unit_id) select unit_id from target_changes');
    const fgj = unitId('SX-FGJ');
    sqlite
      .prepare(
        "update targets set content = content || '（又改）' where id = (select min(id) from targets where unit_id = ?)",
      )
      .run(fgj);
    expect((await staleOf()).sort()).toEqual([czj, fgj].sort());
  });
});
