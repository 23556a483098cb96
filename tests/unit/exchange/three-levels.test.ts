import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangedTables } from '../../../db/schema/exchange';
import { seedDataDir } from '../../support/template-db';
import { repoRoot, tempDir } from '../../support/tmp';

// City → county → department and back, each installation a process of its own on its own data folder, a folder
// between them as the stick. A process killed at random rows of an import leaves the database as it was, and the
// same file imports afterwards.
const run = promisify(execFile);
type R = { ok: boolean; value: unknown; error?: { message: string } };
type Outcome = {
  status: string;
  stage: string | null;
  message: string;
  receiptFile: string | null;
  summary: { totals: Record<string, number>; byTable: Record<string, Record<string, number>> };
};

const dirs: Record<'city' | 'county' | 'dept', string> = { city: '', county: '', dept: '' };
const cleanups: (() => void)[] = [];
let usb: string;
let stepNo = 0;

async function on(who: keyof typeof dirs, steps: unknown[], env: Record<string, string> = {}): Promise<unknown[]> {
  const file = path.join(usb, `.steps-${stepNo++}.json`);
  fs.writeFileSync(file, JSON.stringify(steps));
  const r = await run(process.execPath, ['--import', 'tsx', 'tests/support/exchange-child.ts', dirs[who], file], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(r.stdout) as unknown[];
}
const value = <T>(r: unknown): T => {
  const x = r as R;
  if (!x.ok) throw new Error(x.error?.message);
  return x.value as T;
};
/** What the travelling tables hold, read from the data folder's database file by this (test) process. */
function digest(who: keyof typeof dirs): string {
  const db = new Database(path.join(dirs[who], 'kaoping.db'), { readonly: true });
  try {
    return exchangedTables
      .map((t) => JSON.stringify(db.prepare(`select count(*) n, total(version) v from "${t}"`).get()))
      .join('|');
  } finally {
    db.close();
  }
}
/** One row read from an installation's database file by this (test) process. */
function one<T>(who: keyof typeof dirs, sql: string, ...args: unknown[]): T {
  const db = new Database(path.join(dirs[who], 'kaoping.db'), { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}
function all<T>(who: keyof typeof dirs, sql: string): T[] {
  const db = new Database(path.join(dirs[who], 'kaoping.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const planAt = (who: keyof typeof dirs) => one<{ id: number }>(who, 'select id from plans where deleted_at is null').id;
const uuidOf = (who: keyof typeof dirs, id: number) =>
  one<{ uuid: string }>(who, 'select uuid from notices where id = ?', id).uuid;
const call = (channel: string, input: unknown, role = 'evaluator') => ({ channel, input, role });

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  usb = path.join(t.dir, 'usb');
  fs.mkdirSync(usb);
  for (const k of Object.keys(dirs) as (keyof typeof dirs)[]) {
    dirs[k] = path.join(t.dir, k);
    fs.mkdirSync(dirs[k]);
    await seedDataDir(dirs[k]);
  }
});
afterAll(() => cleanups.forEach((c) => c()));

async function registerPair(parent: keyof typeof dirs, child: keyof typeof dirs) {
  const [p] = await on(parent, [call('exchange.registrationExport', { dir: usb })]);
  const [c] = await on(child, [call('exchange.registrationExport', { dir: usb })]);
  const pr = value<{ file: string; fingerprint: string }>(p);
  const cr = value<{ file: string; fingerprint: string }>(c);
  value(
    (
      await on(parent, [
        call('exchange.registrationAccept', { file: cr.file, relation: 'child', fingerprint: cr.fingerprint }),
      ])
    )[0],
  );
  value(
    (
      await on(child, [
        call('exchange.registrationAccept', { file: pr.file, relation: 'parent', fingerprint: pr.fingerprint }),
      ])
    )[0],
  );
}

const nodeOf = async (who: keyof typeof dirs) =>
  value<{ self: { nodeId: string } }>((await on(who, [call('exchange.overview', {})]))[0]).self.nodeId;

async function send(from: keyof typeof dirs, to: keyof typeof dirs) {
  const id = await nodeOf(to);
  return value<{ file: string; seq: number; contents: Record<string, number> }>(
    (await on(from, [call('exchange.export', { nodeId: id, dir: usb })]))[0],
  );
}
async function receive(who: keyof typeof dirs, file: string): Promise<{ dry: Outcome; done: Outcome }> {
  const [dry, done] = await on(who, [
    call('exchange.inspect', { file }),
    call('exchange.import', { file, confirm: true }),
  ]);
  return { dry: value<Outcome>(dry), done: value<Outcome>(done) };
}

describe('three installations in three processes', () => {
  it('sends the plan down two levels, and what a department writes comes up', async () => {
    await on('city', [call('settings.update', { unitName: '示例市考评办' }, 'admin'), { sample: 'plan' }]);
    await on('county', [call('settings.update', { unitName: '示例县考评办' }, 'admin')]);
    await on('dept', [call('settings.update', { unitName: '县财政局' }, 'admin')]);
    await registerPair('city', 'county');
    await registerPair('county', 'dept');

    const down = await send('city', 'county');
    expect(down.contents.targets).toBeGreaterThan(0);
    const c = await receive('county', down.file);
    expect(c.done.status, c.done.message).toBe('accepted');
    expect(c.done.summary).toEqual(c.dry.summary);
    const receipt = await receive('city', c.done.receiptFile!);
    expect(receipt.done.status, receipt.done.message).toBe('accepted');

    // the county forwards the city's plan to its department
    const further = await send('county', 'dept');
    expect(further.contents.targets).toBe(down.contents.targets);
    const d = await receive('dept', further.file);
    expect(d.done.status, d.done.message).toBe('accepted');
    expect(d.done.summary.totals.created).toBeGreaterThan(0);

    // the department's own record goes up, then its revision
    value(
      (await on('dept', [call('calendar.set', { date: '2026-10-08', kind: 'workday', note: '调休上班' }, 'admin')]))[0],
    );
    const up = await send('dept', 'county');
    // its own rows: the record it wrote (and what its setup made: categories matched by name, its rule table)
    expect(up.contents.calendar_days).toBe(1);
    const u = await receive('county', up.file);
    expect(u.done.summary.totals).toMatchObject({ conflicts: 0, errors: 0 });
    expect(u.done.summary.byTable.calendar_days).toMatchObject({ created: 1 });
    value(
      (
        await on('dept', [
          call('calendar.set', { date: '2026-10-08', kind: 'workday', note: '调休上班（改）' }, 'admin'),
        ])
      )[0],
    );
    const revised = await send('dept', 'county');
    const r = await receive('county', revised.file);
    expect(r.done.summary.byTable.calendar_days).toMatchObject({ updated: 1 });
    // nothing the county received from the department goes back down to it
    const back = await send('county', 'dept');
    expect(back.contents.calendar_days ?? 0).toBe(0);
  }, 900_000);

  it('a process killed at random rows of an import leaves the database as before; the file then imports', async () => {
    const days = ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'];
    for (const r of await on(
      'city',
      days.map((date) => call('calendar.set', { date, kind: 'holiday', note: '测试' }, 'admin')),
    ))
      value(r);
    const pkg = await send('city', 'county');
    const dry = await on('county', [call('exchange.inspect', { file: pkg.file })]);
    expect(value<Outcome>(dry[0]).status, JSON.stringify(dry)).toBe('checked');
    const before = digest('county');
    const rows = Object.values(pkg.contents).reduce((a, n) => a + n, 0);
    for (const at of [0, 1 + Math.floor(Math.random() * (rows - 1))]) {
      const killed = on('county', [call('exchange.import', { file: pkg.file, confirm: true })], {
        KAOPING_FAULT: `exchange:row-${at}:kill`,
      });
      await expect(killed, `row ${at} of ${rows}`).rejects.toMatchObject({ signal: 'SIGKILL' });
      expect(digest('county')).toBe(before);
    }
    const beforeCommit = on('county', [call('exchange.import', { file: pkg.file, confirm: true })], {
      KAOPING_FAULT: 'exchange:before-commit:kill',
    });
    await expect(beforeCommit).rejects.toMatchObject({ signal: 'SIGKILL' });
    expect(digest('county')).toBe(before);
    const done = await receive('county', pkg.file);
    expect(done.done.status, done.done.message).toBe('accepted');
    expect(digest('county')).not.toBe(before);
  }, 600_000);

  it('the 财政局’s own PC: its reports with evidence and replies go up, returned ones come back revised', async () => {
    // the city has its letters signed: the quarter's reporting opens, and the plan goes down to the county
    const today = new Date().toISOString().slice(0, 10);
    const plan = one<{ id: number }>('city', 'select id from plans where deleted_at is null');
    const units = all<{ unitId: number }>(
      'city',
      'select distinct unit_id as unitId from targets where deleted_at is null',
    );
    const signing = units.flatMap(({ unitId }) => [
      call('letters.generate', { planId: plan.id, unitId }),
      call('letters.sign', {
        planId: plan.id,
        unitId,
        signedDate: today,
        partyASigner: '张市长',
        partyBSigner: '负责人',
      }),
    ]);
    for (const r of await on('city', [...signing, call('plans.setState', { id: plan.id, to: 'signed' })])) value(r);
    expect((await receive('county', (await send('city', 'county')).file)).done.status).toBe('accepted');

    // the county binds the department's PC to its unit; the department is then in unit mode
    const czj = one<{ id: number }>('county', "select id from units where code = 'SX-CZJ'").id;
    const deptNode = await nodeOf('dept');
    value((await on('county', [call('exchange.bindUnit', { nodeId: deptNode, unitId: czj })]))[0]);
    const [created] = await on('county', [
      call('notices.create', {
        kind: 'inquiry',
        unitId: czj,
        reason: '第三季度进度滞后。',
        items: [{ text: '说明滞后原因' }],
        workingDays: 5,
        contactName: '王某',
        contactPhone: '0000-1234567',
      }),
    ]);
    const notice = value<{ id: number; number: string }>(created);
    const [rectifyNotice] = await on('county', [
      call('notices.create', {
        kind: 'rectification',
        unitId: czj,
        reason: '专项检查发现问题。',
        items: [{ text: '补齐项目台账' }],
        workingDays: 10,
        contactName: '王某',
        contactPhone: '0000-1234567',
      }),
    ]);
    value(rectifyNotice);
    const down = await receive('dept', (await send('county', 'dept')).file);
    expect(down.done.status, JSON.stringify(down.done.summary).slice(0, 3000)).toBe('accepted');

    // at the department: the notice is its own to answer; a progress report with its evidence, submitted
    const n = one<{ id: number }>('dept', 'select id from notices where uuid = ?', uuidOf('county', notice.id));
    const target = one<{ id: number }>(
      'dept',
      "select t.id from targets t join units u on u.id = t.unit_id where u.code = 'SX-CZJ' and t.deleted_at is null",
    );
    const [reply, report] = await on('dept', [
      call('notices.reply', { noticeId: n.id, content: '因资金下达较晚，已于本月加快进度。', repliedOn: today }),
      call('reports.save', { targetId: target.id, quarter: 3, completionRate: 70, narrative: '按节点推进' }),
    ]);
    expect(value<{ state: string }>(reply).state).toBe('replied');
    // and a rectification item of the office's 整改通知书, reported done from the department's PC
    const item = one<{ id: number; uuid: string }>('dept', 'select id, uuid from rectifications');
    const [done] = await on('dept', [call('rectify.done', { id: item.id, doneOn: today, note: '台账已补齐' })]);
    expect(value<{ state: string }>(done).state).toBe('done');
    const reportId = value<{ reportId: number }>(report).reportId;
    const evidence = Buffer.from('%PDF-1.4 第三季度佐证材料');
    for (const r of await on('dept', [
      call('reports.attach', { reportId, fileName: '佐证.pdf', base64: evidence.toString('base64') }),
      call('reports.submit', { reportId }),
    ]))
      value(r);

    const up = await send('dept', 'county');
    expect(up.contents).toMatchObject({
      notice_replies: 1,
      progress_reports: 1,
      report_attachments: 1,
      rectification_reports: 1,
    });
    const got = await receive('county', up.file);
    expect(got.done.status, got.done.message).toBe('accepted');
    expect(got.done.message).toMatch(/；1 份通知书记为已回复待审核，1 个整改事项记为已完成待核验$/);
    const seen = () => on('county', [call('notices.list', {})]);
    const atCounty = (await seen()).map((r) => value<{ id: number; state: string }[]>(r))[0]!;
    expect(atCounty.find((x) => x.id === notice.id)?.state).toBe('replied');
    const file = one<{ sha256: string }>('county', 'select sha256 from report_attachments where deleted_at is null');
    expect(file.sha256).toBe(createHash('sha256').update(evidence).digest('hex'));

    const itemHere = one<{ id: number }>('county', 'select id from rectifications where uuid = ?', item.uuid).id;
    const [rects] = await on('county', [call('rectify.list', {})]);
    expect(
      value<{ id: number; state: string; doneNote: string | null }[]>(rects).find((x) => x.id === itemHere),
    ).toMatchObject({ state: 'done', doneNote: '台账已补齐' });

    // the county returns the reply and the report; the rulings go down, the department sees why and answers again
    const reportHere = one<{ id: number }>('county', 'select id from progress_reports where deleted_at is null').id;
    const rulings = await on('county', [
      call('notices.review', { noticeId: notice.id, accept: false, note: '未说明整改时限' }),
      call('reports.review', { reportId: reportHere, accept: false, reason: '佐证材料未盖章' }),
    ]);
    expect(value<{ state: string }>(rulings[1]).state).toBe('returned');
    const rulingsDown = await send('county', 'dept');
    // (receipts are not carried back in this test: the county sends again all the department has not acknowledged)
    expect(rulingsDown.contents.report_reviews).toBe(1);
    expect((await receive('dept', rulingsDown.file)).done.status).toBe('accepted');
    const [mine] = await on('dept', [call('reports.list', { planId: planAt('dept'), quarter: 3 })]);
    const returnedReport = value<{ reportId: number | null; state: string; returnReason: string | null }[]>(mine).find(
      (x) => x.reportId === reportId,
    );
    expect(returnedReport).toMatchObject({ state: 'returned', returnReason: '佐证材料未盖章' });
    for (const r of await on('dept', [
      call('reports.save', { targetId: target.id, quarter: 3, completionRate: 75, narrative: '补充盖章材料' }),
      call('reports.submit', { reportId }),
    ]))
      value(r);
    const [back] = await on('dept', [call('notices.list', {})]);
    const returned = value<{ id: number; state: string; replies: { reviewNote: string | null }[] }[]>(back).find(
      (x) => x.id === n.id,
    )!;
    expect(returned.state).toBe('returned');
    expect(returned.replies.at(-1)?.reviewNote).toBe('未说明整改时限');
    const [again] = await on('dept', [
      call('notices.reply', { noticeId: n.id, content: '已于 10 月 31 日前完成整改。', repliedOn: today }),
    ]);
    expect(value<{ state: string }>(again).state).toBe('replied');
    const revised = await receive('county', (await send('dept', 'county')).file);
    expect(revised.done.status, revised.done.message).toBe('accepted');
    const [after] = await on('county', [call('notices.list', {})]);
    const atCounty2 = value<{ id: number; state: string; replies: { content: string }[] }[]>(after).find(
      (x) => x.id === notice.id,
    )!;
    expect(atCounty2.state).toBe('replied');
    expect(atCounty2.replies.map((r) => r.content)).toEqual([
      '因资金下达较晚，已于本月加快进度。',
      '已于 10 月 31 日前完成整改。',
    ]);
    const [resubmitted] = await on('county', [call('reports.list', { planId: planAt('county'), quarter: 3 })]);
    expect(
      value<{ reportId: number | null; state: string; completionRate: number }[]>(resubmitted).find(
        (x) => x.reportId === reportHere,
      ),
    ).toMatchObject({ state: 'submitted', completionRate: 75 });
    for (const r of await on('county', [
      call('notices.review', { noticeId: notice.id, accept: true }),
      call('reports.review', { reportId: reportHere, accept: true }),
      call('rectify.verify', { id: itemHere, ok: true }),
    ]))
      value(r);
    expect((await receive('dept', (await send('county', 'dept')).file)).done.status).toBe('accepted');
    const [final, finalReports, finalItems] = await on('dept', [
      call('notices.list', {}),
      call('reports.list', { planId: planAt('dept'), quarter: 3 }),
      call('rectify.list', {}),
    ]);
    expect(value<{ id: number; state: string }[]>(finalItems).find((x) => x.id === item.id)?.state).toBe('verified');
    expect(value<{ id: number; state: string }[]>(final).find((x) => x.id === n.id)?.state).toBe('accepted');
    expect(
      value<{ reportId: number | null; state: string }[]>(finalReports).find((x) => x.reportId === reportId)?.state,
    ).toBe('accepted');
  }, 900_000);
});
