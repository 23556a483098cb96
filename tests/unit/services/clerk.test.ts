import { afterEach, describe, expect, it } from 'vitest';
import { type Caller, channels } from '../../../electron/contract';
import { noticeLifecycle, rectificationLifecycle } from '../../../electron/core';
import { GOOD_PASSWORD, signIn, testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/caller';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

/** A clock the test moves: noon on the given day. */
let clock = 0;
const at = (iso: string) => (clock = new Date(`${iso}T12:00:00`).getTime());

/** The sample plan, every letter signed on 2 November 2026: the fourth quarter is being reported. */
async function runningYear() {
  at('2026-11-02');
  t = await testApp({ now: () => clock });
  const s = await samplePlan(t.app);
  for (const r of await s.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id })) {
    await s.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
    await s.call('letters.sign', {
      planId: s.plan.id,
      unitId: r.unitId,
      signedDate: '2026-11-02',
      partyASigner: '张县长',
      partyBSigner: '负责人',
    });
  }
  await s.call('plans.setState', { id: s.plan.id, to: 'signed' });
  const clerkOf = (code: string) =>
    caller(t.app, { userId: null, username: `录入员${code}`, role: 'clerk', unitId: s.unitId(code) } as Caller);
  const notice = (code: string, kind: 'inquiry' | 'rectification', items: { text: string; deadline?: string }[]) =>
    s.call<{ id: number }>('notices.create', {
      kind,
      unitId: s.unitId(code),
      reason: '第三季度进度滞后。',
      items,
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
  return { ...s, clerkOf, notice };
}

describe('a 录入员 bound to a unit', () => {
  it('the administrator reads unit names only, binds a clerk, and sees the unit in the account list', async () => {
    const { unitId } = await runningYear();
    const admin = caller(t.app, 'admin');
    const names = await admin.call('users.units', {});
    expect(names.find((u) => u.id === unitId('SX-FGJ'))).toEqual({
      id: unitId('SX-FGJ'),
      name: '示例县发展和改革局',
      shortName: expect.toSatisfy((v) => v === null || typeof v === 'string'),
      parentId: expect.any(Number),
      active: true,
    });
    // 三员分立: the org data itself stays closed to him, the names to everyone else
    expect(await admin.attempt('units.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const role of ['evaluator', 'clerk', 'leader', 'auditor'] as const)
      expect(await caller(t.app, role).attempt('users.units', {})).toMatchObject({ ok: false });

    const made = await admin.call('users.create', {
      username: 'luru01',
      displayName: '张录入',
      role: 'clerk',
      unitId: unitId('SX-FGJ'),
      password: GOOD_PASSWORD,
    });
    expect(made).toMatchObject({ unitId: unitId('SX-FGJ'), unitName: '示例县发展和改革局' });
    const listed = (await admin.call('users.list', {})).find((u) => u.username === 'luru01');
    expect(listed).toMatchObject({ unitName: '示例县发展和改革局' });

    // the binding travels with his sign-in: his home is his unit's
    const session = await signIn(t.app, 'luru01');
    const own = caller(t.app, session);
    await own.call('auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: 'Kaoping#2027x' });
    expect(await own.call('todo.list', {})).toMatchObject({ unitName: '示例县发展和改革局', quarter: 4 });

    // moved to another unit; the account leaves its unit when it stops being a 录入员
    const moved = await admin.call('users.update', { id: made.id, unitId: unitId('SX-CZJ') });
    expect(moved.unitName).toBe('示例县财政局');
    expect(await own.attempt('todo.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await admin.call('users.update', { id: made.id, role: 'leader' })).toMatchObject({
      unitId: null,
      unitName: null,
    });
  });

  it('refuses a unit for other roles, a stopped or missing unit, in Chinese, on the field', async () => {
    const { unitId, call } = await runningYear();
    const admin = caller(t.app, 'admin');
    const base = { username: 'kp02', displayName: '李四', password: GOOD_PASSWORD };
    expect(await admin.attempt('users.create', { ...base, role: 'evaluator', unitId: unitId('SX-FGJ') })).toMatchObject(
      {
        ok: false,
        error: { message: '只有录入员绑定所属单位，其他角色不属于某个单位。', fields: [{ path: 'unitId' }] },
      },
    );
    expect(await admin.attempt('users.create', { ...base, role: 'clerk', unitId: 99999 })).toMatchObject({
      ok: false,
      error: { message: '所选单位不存在，请刷新后重选。' },
    });
    const town = (await call<{ id: number; name: string; parentId: number | null }[]>('units.list', {})).find(
      (u) => u.name === '东河乡人民政府',
    )!;
    const child = (await call<{ id: number; parentId: number | null }[]>('units.list', {})).filter(
      (u) => u.parentId === town.id,
    );
    for (const c of child) await call('units.setActive', { id: c.id, active: false });
    await call('units.setActive', { id: town.id, active: false });
    expect(await admin.attempt('users.create', { ...base, role: 'clerk', unitId: town.id })).toMatchObject({
      ok: false,
      error: { message: '“东河乡人民政府”已停用，不能绑定。' },
    });
    expect(await admin.attempt('users.create', { ...base, role: 'clerk', unitId: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('the 录入员’s home', () => {
  it('lists his unit’s due and returned reports, notices and rectification items, and nothing of others', async () => {
    const { plan, call, clerkOf, notice } = await runningYear();
    const clerk = clerkOf('SX-FGJ');
    let home = await clerk.call('todo.list', {});
    expect(home).toMatchObject({ unitName: '示例县发展和改革局', today: '2026-11-02', quarter: 4, returned: [] });
    const invest = home.due.find((r) => r.content === '完成全县固定资产投资年度目标')!;
    expect(invest).toMatchObject({ year: 2026, quarter: 4, expected: 100, state: null, reportId: null });

    // the office returns one report with a reason: it leaves "due" for "returned"
    const draft = await call<{ reportId: number }>('reports.save', {
      targetId: invest.targetId,
      quarter: 4,
      completionRate: 60,
      narrative: '推进中',
    });
    await call('reports.submit', { reportId: draft.reportId });
    await call('reports.review', { reportId: draft.reportId, accept: false, reason: '请补充资金到位情况' });
    // an inquiry and a rectification notice to his unit, an inquiry to another
    const mine = await notice('SX-FGJ', 'inquiry', [{ text: '说明滞后原因' }]);
    const rect = await notice('SX-FGJ', 'rectification', [{ text: '补齐项目台账', deadline: '2026-11-20' }]);
    const theirs = await notice('SX-CZJ', 'inquiry', [{ text: '说明原因' }]);
    home = await clerk.call('todo.list', {});
    expect(home.due.map((r) => r.targetId)).not.toContain(invest.targetId);
    expect(home.returned).toEqual([
      expect.objectContaining({ targetId: invest.targetId, state: 'returned', returnReason: '请补充资金到位情况' }),
    ]);
    expect(home.notices.map((n) => [n.id, n.state, n.canReply, n.deadlineState])).toEqual([
      [mine.id, 'issued', true, 'ok'],
      [rect.id, 'issued', true, 'ok'],
    ]);
    expect(home.rectifications).toEqual([
      expect.objectContaining({ item: '补齐项目台账', deadline: '2026-11-20', state: 'open', canMarkDone: true }),
    ]);
    // what another unit's clerk sees holds none of it
    const other = await clerkOf('SX-CZJ').call('todo.list', {});
    expect(other.notices.map((n) => n.id)).toEqual([theirs.id]);
    expect(other.returned).toEqual([]);
    expect(other.rectifications).toEqual([]);
    expect(plan.year).toBe(2026);
  });

  it('answers his unit’s notice dated today, reports an item done, and is refused for another unit', async () => {
    const { clerkOf, notice, call } = await runningYear();
    const clerk = clerkOf('SX-FGJ');
    const mine = await notice('SX-FGJ', 'inquiry', [{ text: '说明滞后原因' }]);
    const theirs = await notice('SX-CZJ', 'inquiry', [{ text: '说明原因' }]);
    const rect = await notice('SX-FGJ', 'rectification', [{ text: '补齐项目台账' }]);
    const other = await notice('SX-CZJ', 'rectification', [{ text: '补齐台账' }]);

    at('2026-11-04');
    expect(await clerk.attempt('notices.reply', { noticeId: theirs.id, content: '已说明' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '这份通知书是发给示例县财政局的，您只能回复发给本单位的通知书。' },
    });
    // a reply sent from the system is dated the day it is sent: no back-dating past the deadline
    expect(
      await clerk.attempt('notices.reply', { noticeId: mine.id, content: '已说明', repliedOn: '2026-11-03' }),
    ).toMatchObject({ ok: false, error: { message: '在系统中回复的日期就是今天（2026-11-04），不能另填回复日期。' } });
    const replied = await clerk.call('notices.reply', { noticeId: mine.id, content: '专项债10月到位，赶超计划附后。' });
    expect(replied).toMatchObject({ state: 'replied', replies: [{ repliedOn: '2026-11-04', late: false }] });
    // now it waits for the office: shown, without a reply button; once more is refused by the lifecycle
    const home = await clerk.call('todo.list', {});
    expect(home.notices.find((n) => n.id === mine.id)).toMatchObject({ state: 'replied', canReply: false });
    expect(await clerk.attempt('notices.reply', { noticeId: mine.id, content: '再答' })).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    // the office's own rules stay its own
    expect(await clerk.attempt('notices.review', { noticeId: mine.id, accept: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // the office still records a paper reply, with the day it came
    expect(
      await call('notices.reply', { noticeId: theirs.id, content: '纸质回复', repliedOn: '2026-11-03' }),
    ).toMatchObject({ state: 'replied', replies: [{ repliedOn: '2026-11-03' }] });

    const [item] = (await clerk.call('todo.list', {})).rectifications.filter((r) => r.noticeId === rect.id);
    const [otherItem] = (await clerkOf('SX-CZJ').call('todo.list', {})).rectifications.filter(
      (r) => r.noticeId === other.id,
    );
    expect(
      await clerk.attempt('rectify.done', { id: otherItem!.id, doneOn: '2026-11-04', note: '已补齐' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '这是示例县财政局的整改事项，您只能登记本单位的整改。' },
    });
    expect(await clerk.call('rectify.done', { id: item!.id, doneOn: '2026-11-04', note: '台账已补齐' })).toMatchObject({
      state: 'done',
    });
    expect((await clerk.call('todo.list', {})).rectifications).toEqual([
      expect.objectContaining({ id: item!.id, state: 'done', canMarkDone: false }),
    ]);

    // sent back by the office: the reply and the item are his to do again, with the office's reason
    await call('notices.review', { noticeId: mine.id, accept: false, note: '原因未落实到责任人' });
    await call('rectify.verify', { id: item!.id, ok: false, note: '台账缺少11月数据' });
    const again = await clerk.call('todo.list', {});
    expect(again.notices.find((n) => n.id === mine.id)).toMatchObject({
      state: 'returned',
      canReply: true,
      replies: [{ reviewNote: '原因未落实到责任人' }],
    });
    expect(again.rectifications).toEqual([
      expect.objectContaining({ id: item!.id, state: 'open', canMarkDone: true, verifyNote: '台账缺少11月数据' }),
    ]);
    // accepted, it leaves his home
    await clerk.call('notices.reply', { noticeId: mine.id, content: '责任人：张某，赶超计划附后。' });
    await call('notices.review', { noticeId: mine.id, accept: true });
    expect((await clerk.call('todo.list', {})).notices.map((n) => n.id)).not.toContain(mine.id);
  });

  it('an unbound 录入员 is told to ask the administrator; the office’s paper reply still needs its date', async () => {
    const { notice, call } = await runningYear();
    const unbound = caller(t.app, { userId: null, username: '录入员', role: 'clerk', unitId: null } as Caller);
    expect(await unbound.attempt('todo.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您的账号没有绑定单位，请系统管理员在账号中设置所属单位。' },
    });
    const n = await notice('SX-FGJ', 'inquiry', [{ text: '说明原因' }]);
    expect(await unbound.attempt('notices.reply', { noticeId: n.id, content: '答' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(call('notices.reply', { noticeId: n.id, content: '纸质回复' })).rejects.toThrow('请填写回复日期。');
  });
});

describe('his reply’s evidence', () => {
  it('adds files to his unit’s reply while it awaits review, not to another unit’s, nor once accepted', async () => {
    const { clerkOf, notice, call } = await runningYear();
    const clerk = clerkOf('SX-FGJ');
    const mine = await notice('SX-FGJ', 'inquiry', [{ text: '说明滞后原因' }]);
    const theirs = await notice('SX-CZJ', 'inquiry', [{ text: '说明原因' }]);
    const file = (name: string) => ({ fileName: name, base64: Buffer.from(`%PDF-1.4 ${name}`).toString('base64') });
    at('2026-11-04');
    const replied = await clerk.call('notices.reply', { noticeId: mine.id, content: '赶超计划附后。' });
    const replyId = replied.replies.at(-1)!.id;
    expect((await clerk.call('todo.list', {})).notices.find((n) => n.id === mine.id)).toMatchObject({
      canReply: false,
      canAttach: true,
    });
    const withFile = await clerk.call('notices.attach', { replyId, ...file('赶超计划.pdf') });
    expect(withFile.replies.at(-1)!.attachments.map((a) => a.name)).toEqual(['赶超计划.pdf']);
    // another unit's reply: refused before the file is kept
    const theirReply = (
      await call<{ replies: { id: number }[] }>('notices.reply', {
        noticeId: theirs.id,
        content: '纸质',
        repliedOn: '2026-11-03',
      })
    ).replies.at(-1)!.id;
    expect(await clerk.attempt('notices.attach', { replyId: theirReply, ...file('x.pdf') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '这份通知书是发给示例县财政局的，您只能为本单位的回复上传材料。' },
    });
    // once the office has accepted it, what was accepted stays as it was
    await call('notices.review', { noticeId: mine.id, accept: true });
    expect(await clerk.attempt('notices.attach', { replyId, ...file('补充.pdf') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('notices.attach', { replyId, ...file('考评办补充.pdf') })).toMatchObject({ state: 'accepted' });
  });
});

describe('who may answer', () => {
  it('the reply and done channels admit exactly the roles the lifecycles give those actions', () => {
    const rolesOf = (l: { transitions: readonly { action: string; roles: readonly string[] }[] }, action: string) =>
      [...new Set(l.transitions.filter((x) => x.action === action).flatMap((x) => x.roles))].sort();
    expect([...channels['notices.reply'].roles].sort()).toEqual(rolesOf(noticeLifecycle, 'reply'));
    expect([...channels['notices.attach'].roles].sort()).toEqual(rolesOf(noticeLifecycle, 'attach'));
    expect([...channels['rectify.done'].roles].sort()).toEqual(rolesOf(rectificationLifecycle, 'done'));
    expect(channels['todo.list'].roles).toEqual(['clerk']);
    expect(channels['users.units'].roles).toEqual(['admin']);
  });
});
