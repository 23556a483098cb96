import { describe, expect, it } from 'vitest';
import { exchangeOrder } from '../../../db/records-exchange';
import { unitScope } from '../../../db/exchange-scope';
import { notSentDown } from '../../../db/schema/exchange';
import { type Outcome, admin, evaluator, register, selfId, stick, installations } from '../../support/exchange-pair';
import type { TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

const { app, later } = installations();
const named = (e: unknown) => `${(e as { table: string }).table}：${(e as { message: string }).message}`;
const count = (t: TestApp, sql: string, ...p: unknown[]) =>
  (t.app.opened.sqlite.prepare(sql).get(...p) as { n: number }).n;

/**
 * A county office with a plan, notices, a 整改 item from a joint meeting and one from an audit, for two departments;
 * the 财政局's own PC is a child bound to that unit.
 */
async function county() {
  const office = await app();
  const s = await samplePlan(office.app);
  const call = s.call;
  const notice = (unit: string, kind: string) =>
    call('notices.create', {
      kind,
      unitId: s.unitId(unit),
      reason: '第三季度进度滞后。',
      items: [{ text: '说明滞后原因' }],
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
  await notice('SX-CZJ', 'inquiry');
  await notice('SX-CZJ', 'rectification');
  await notice('SX-FGJ', 'inquiry');
  const today = '2026-09-29';
  const meeting = await call<{ id: number }>('meetings.save', {
    title: '监督工作联席会议',
    heldOn: today,
    attendees: [{ body: '县纪委监委', names: '张某某' }],
    topics: '通报问题线索',
    exchanged: '审计局通报专项审计发现',
    resolutions: '各成员单位按季互通信息',
  });
  await call('meetings.addItem', {
    meetingId: meeting.id,
    unitId: s.unitId('SX-CZJ'),
    item: '报送台账',
    deadline: '2099-12-31',
  });
  const audit = await call<{ id: number }>('audits.save', {
    kind: 'budget',
    unitId: s.unitId('SX-CZJ'),
    period: '2025年度',
    reportedOn: today,
    findings: '预算执行进度偏慢',
    amount: 1000,
  });
  await call('audits.addItem', {
    auditId: audit.id,
    unitId: s.unitId('SX-CZJ'),
    item: '加快执行',
    deadline: '2099-12-31',
  });
  await call('complaints.save', {
    channel: 'hotline',
    ref: 'T-1',
    receivedOn: today,
    complainantName: '赵小明',
    complainantPhone: '13912345678',
    unitId: s.unitId('SX-CZJ'),
    category: 'delay',
    content: '办理不动产登记往返三次仍未办结',
    handler: '李考评',
    workingDays: 15,
  });
  return { office, s };
}

describe('a package down to one unit’s installation carries what concerns that unit, and nothing else', () => {
  it('the 财政局 PC receives its targets, notices and 整改 items, imports them whole, and no other unit’s', async () => {
    const { office, s } = await county();
    const dept = await app();
    await admin(dept.app)('settings.update', { unitName: '示例县财政局' });
    const usb = stick();
    later(usb.cleanup);
    const o = evaluator(office.app);
    const d = evaluator(dept.app);
    await register(o, d, usb.dir);
    const deptId = await selfId(d);
    const czj = s.unitId('SX-CZJ');
    expect((await o<{ unitName: string }>('exchange.bindUnit', { nodeId: deptId, unitId: czj })).unitName).toMatch(
      /财政/,
    );
    const ov = await o<{ nodes: { id: string; unit: { id: number; name: string } | null }[] }>('exchange.overview', {});
    expect(ov.nodes.find((n) => n.id === deptId)!.unit).toMatchObject({ id: czj });

    const sent = await o<{ file: string; contents: Record<string, number> }>('exchange.export', {
      nodeId: deptId,
      dir: usb.dir,
    });
    const own = (table: string) => count(office, `select count(*) n from ${table} where unit_id = ?`, czj);
    expect(sent.contents.targets).toBeGreaterThanOrEqual(own('targets'));
    expect(own('targets')).toBeGreaterThan(0);
    expect(sent.contents.targets).toBeLessThan(count(office, 'select count(*) n from targets'));
    expect(sent.contents.notices).toBe(own('notices'));
    expect(sent.contents.rectifications).toBe(own('rectifications'));
    expect(sent.contents.joint_meetings).toBe(1);
    expect(sent.contents.audit_findings).toBe(1);
    // what stays with the office: case content, complaints, other units' people
    expect(count(office, 'select count(*) n from complaints')).toBe(1);
    for (const t of [...notSentDown, 'score_entries', 'case_transfers', 'staff_rounds'])
      expect(sent.contents[t] ?? 0, t).toBe(0);
    expect(sent.contents.people).toBeLessThan(count(office, 'select count(*) n from people'));

    const dry = await d<Outcome>('exchange.inspect', { file: sent.file });
    expect(dry.status, dry.message).toBe('checked');
    expect(dry.summary.totals.errors).toBe(0);
    const done = await d<Outcome>('exchange.import', { file: sent.file, confirm: true });
    expect(done.status, done.message).toBe('accepted');
    expect(done.summary).toEqual(dry.summary);
    // the department holds its own targets and notices, none of the 发改局's
    const fgj = count(dept, "select count(*) n from units where code = 'SX-FGJ'");
    expect(fgj).toBe(1);
    expect(
      count(dept, "select count(*) n from targets t join units u on u.id = t.unit_id where u.code = 'SX-FGJ'"),
    ).toBe(0);
    expect(
      count(dept, "select count(*) n from notices t join units u on u.id = t.unit_id where u.code = 'SX-FGJ'"),
    ).toBe(0);
    expect(
      count(dept, "select count(*) n from targets t join units u on u.id = t.unit_id where u.code = 'SX-CZJ'"),
    ).toBe(own('targets'));
  });

  it('from the 财政局 PC only its own reports go up; another unit’s figures are refused, named', async () => {
    const { office, s } = await county();
    const dept = await app();
    const usb = stick();
    later(usb.cleanup);
    const o = evaluator(office.app);
    const d = evaluator(dept.app);
    await register(o, d, usb.dir);
    const deptId = await selfId(d);
    await o('exchange.bindUnit', { nodeId: deptId, unitId: s.unitId('SX-CZJ') });
    const down = await o<{ file: string }>('exchange.export', { nodeId: deptId, dir: usb.dir });
    expect((await d<Outcome>('exchange.import', { file: down.file, confirm: true })).status).toBe('accepted');
    const officeId = await selfId(o);
    const figures = (unit: string) => ({
      fileName: '办件.csv',
      base64: Buffer.from(
        '单位,办件编号,事项名称,受理日期,办结日期,法定时限,承诺时限\n' +
          `${unit},SP2026070001,政府采购备案,2026-07-06,2026-07-08,5,3\n`,
      ).toString('base64'),
    });

    // the package told the PC whose it is (unit mode)
    const mine = await d<{ self: { unit: { name: string } | null } }>('exchange.overview', {});
    expect(mine.self.unit?.name).toMatch(/财政局/);

    // its own office figures go up, and nothing of its setup (rule tables); what is the office's to write is refused
    // on the PC itself, before it is written, naming why
    await d('efficiency.import', figures('SX-CZJ'));
    await expect(
      admin(dept.app)('calendar.set', { date: '2026-10-08', kind: 'workday', note: '调休上班' }),
    ).rejects.toThrow(/本机是“示例县财政局”自己的电脑（单位模式）.*“节假日”由上级考评办办理/);
    await expect(d('efficiency.import', figures('SX-FGJ'))).rejects.toThrow(/不属于“示例县财政局”/);
    await expect(d('plans.create', { year: 2027, title: '自行编制的方案' })).rejects.toThrow(
      /单位模式.*“考核方案”由上级考评办办理/,
    );
    await expect(d('units.create', { code: 'X01', name: '新单位', kind: 'county' })).rejects.toThrow(/单位模式/);
    // what is the PC's own and never travels still works: its accounts and settings
    await admin(dept.app)('settings.update', { unitName: '示例县财政局（本机）' });
    const own = await d<{ file: string; contents: Record<string, number> }>('exchange.export', {
      nodeId: officeId,
      dir: usb.dir,
    });
    expect(own.contents).toEqual({ approval_records: 1 });
    const ok = await o<Outcome>('exchange.import', { file: own.file, confirm: true });
    expect(ok.status, ok.message).toBe('accepted');
    expect(ok.summary.byTable.approval_records).toMatchObject({ created: 1 });

    // an installation that does not filter (an older version, or its unit mode lost) writes the 发改局's figures and
    // a calendar day: the office refuses the package whole, each row named, and writes nothing
    dept.app.opened.sqlite.prepare('update nodes set unit_uuid = null where is_self = 1').run();
    await d('efficiency.import', figures('SX-FGJ'));
    await admin(dept.app)('calendar.set', { date: '2026-10-08', kind: 'workday', note: '调休上班' });
    const before = count(office, 'select count(*) n from approval_records');
    const unfiltered = await d<{ file: string; contents: Record<string, number> }>('exchange.export', {
      nodeId: officeId,
      dir: usb.dir,
    });
    expect(unfiltered.contents.calendar_days).toBe(1);
    const refused = await o<Outcome & { summary: { errors: { table: string; message: string }[] } }>(
      'exchange.inspect',
      { file: unfiltered.file },
    );
    expect(refused.status).toBe('refused');
    const named2 = refused.summary.errors.map((e) => named(e));
    expect(named2).toContainEqual(expect.stringMatching(/approval_records：这条“.*”不属于“.*财政局”/));
    expect(named2).toContainEqual(expect.stringMatching(/calendar_days：.*财政局”的安装只能报送本单位/));
    expect((await o<Outcome>('exchange.import', { file: unfiltered.file, confirm: true })).status).toBe('refused');
    expect(count(office, 'select count(*) n from approval_records')).toBe(before);
  });

  it('a lower-level office (not bound to a unit) still receives everything it does not own', async () => {
    const { office } = await county();
    const lower = await app();
    const usb = stick();
    later(usb.cleanup);
    const o = evaluator(office.app);
    await register(o, evaluator(lower.app), usb.dir);
    const sent = await o<{ contents: Record<string, number> }>('exchange.export', {
      nodeId: await selfId(evaluator(lower.app)),
      dir: usb.dir,
    });
    expect(sent.contents.targets).toBe(count(office, 'select count(*) n from targets'));
    expect(sent.contents.notices).toBe(count(office, 'select count(*) n from notices'));
  });

  it('binding is refused for a parent and an unknown unit; the scope names only travelling tables', async () => {
    const { office, s } = await county();
    const upper = await app();
    const usb = stick();
    later(usb.cleanup);
    const o = evaluator(office.app);
    await register(evaluator(upper.app), o, usb.dir);
    const upperId = await selfId(evaluator(upper.app));
    await expect(o('exchange.bindUnit', { nodeId: upperId, unitId: s.unitId('SX-CZJ') })).rejects.toThrow(/上级/);
    const child = await app();
    await register(o, evaluator(child.app), usb.dir);
    await expect(
      o('exchange.bindUnit', { nodeId: await selfId(evaluator(child.app)), unitId: 999999 }),
    ).rejects.toThrow(/没有这个单位/);
    const travelling = new Set(exchangeOrder(office.app.opened.sqlite).map((t) => t.table));
    for (const t of Object.keys(unitScope)) expect(travelling.has(t as never), t).toBe(true);
    for (const t of notSentDown) expect(unitScope[t], t).toBeUndefined();
  });
});
