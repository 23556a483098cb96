import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { iterateAudit } from '../../../db/repos/audit';
import { REFUSAL_LIMIT } from '../../../electron/services/refusals';
import { GOOD_PASSWORD, addUser, asRole, auditFromNow, signIn, testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/caller';

/**
 * Point 7 of #12: calls refused for who is calling (wrong role, not signed in, a channel that does not exist,
 * a handler's "not yours") leave an audit entry the auditor can find, rate-limited, without the call's input.
 */

let t: TestApp;
afterEach(() => t?.close());

const SECRET = 'Geheim#Passwort-2026';
const MINUTE = 60_000;

async function office() {
  const time = { now: new Date('2026-09-29T09:00:00').getTime() };
  t = await testApp({ now: () => time.now });
  await addUser(t.app, 'lingdao', 'leader');
  await addUser(t.app, 'guanli', 'admin');
  const leader = await signIn(t.app, 'lingdao');
  const auditor = caller(t.app, asRole('auditor', '审计员'));
  return { time, leader, auditor };
}

/** The whole trail as text, every column of every entry. */
const trailText = () => JSON.stringify([...iterateAudit(t.app.opened.sqlite)]);

describe('refused calls in the audit trail', () => {
  it('records 140 wrong-role calls: ten one by one, the other 130 in one summary, the chain intact', async () => {
    const { time, leader, auditor } = await office();
    for (let i = 0; i < 140; i++) {
      const r = await t.app.call(leader, 'web', 'users.create', {
        username: `x${i}`,
        displayName: '越权',
        role: 'admin',
        password: SECRET,
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const listed = await auditor.call('audit.list', { action: 'refused', offset: 0, limit: 500 });
    expect(listed.total).toBe(REFUSAL_LIMIT.perWindow);
    expect(listed.rows[0]).toMatchObject({
      actor: 'lingdao',
      role: 'leader',
      action: 'refused:users.create',
      title: '被拒绝的调用：新建账号',
      target: null,
    });
    expect(JSON.parse(listed.rows[0]!.detail)).toEqual({
      via: 'web',
      outcome: 'refused',
      code: 'FORBIDDEN',
      reason: '“领导”角色无权执行“新建账号”。',
    });

    // the window closes; the next call of anyone writes what was only counted
    time.now += MINUTE;
    await auditor.call('system.info', {});
    const after = await auditor.call('audit.list', { action: 'refused', offset: 0, limit: 500 });
    expect(after.total).toBe(REFUSAL_LIMIT.perWindow + 1);
    expect(after.rows[0]).toMatchObject({
      actor: 'lingdao',
      role: 'leader',
      action: 'refused',
      title: '被拒绝的调用（未逐条记录的合计）',
    });
    const summary = JSON.parse(after.rows[0]!.detail) as Record<string, unknown>;
    expect(summary).toMatchObject({ outcome: 'refused', count: 130, channels: { 'users.create': 130 } });
    expect(summary.reason).toMatch(
      /^09:00:00 至 09:01:00 之间另有 130 次被拒绝的调用未逐条记录（每分钟逐条记录至多 10 次）$/,
    );

    expect(trailText()).not.toContain(SECRET);
    // the leader's sign-in, ten refusals, the summary
    expect(await auditor.call('audit.verify', {})).toMatchObject({ ok: true, count: 12, broken: null });
  });

  it('never records the input: no password of a refused call appears anywhere in the trail or its export', async () => {
    const { leader, auditor } = await office();
    const anonymous = caller(t.app, null);
    const asLeader = caller(t.app, leader);
    expect(await asLeader.attempt('users.resetPassword', { id: 1, password: SECRET })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await anonymous.attempt('auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: SECRET }),
    ).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    // a made-up channel carrying a password: its name is kept (cleaned), never what came with it
    expect(await t.app.call(leader, 'web', 'users.dump', { password: SECRET })).toMatchObject({
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    const rows = (await auditor.call('audit.list', { action: 'refused', offset: 0, limit: 50 })).rows;
    expect(rows.map((r) => [r.actor, r.action, r.title])).toEqual([
      ['lingdao', 'refused:users.dump', '被拒绝的调用：users.dump（无此功能）'],
      ['（未登录）', 'refused:auth.changePassword', '被拒绝的调用：修改本人密码'],
      ['lingdao', 'refused:users.resetPassword', '被拒绝的调用：重置账号密码'],
    ]);
    expect(trailText()).not.toContain(SECRET);
    expect(trailText()).not.toContain(GOOD_PASSWORD);

    const exported = await auditor.call('audit.export', { action: 'refused' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join('\n');
    expect(cells).toContain('被拒绝的调用：重置账号密码');
    expect(cells).not.toContain(SECRET);
  });

  it("records a handler's own refusal for the caller (an administrator giving himself the auditor role)", async () => {
    const { auditor } = await office();
    const admin = caller(t.app, await signIn(t.app, 'guanli'));
    const me = (await admin.call('users.list', {})).find((u) => u.username === 'guanli')!;
    const written = auditFromNow(t.app);
    expect(await admin.attempt('users.update', { id: me.id, role: 'auditor' })).toMatchObject({
      error: { code: 'FORBIDDEN', message: '不能修改自己的角色（三员分立）。' },
    });
    expect(written()).toMatchObject([{ actor: 'guanli', role: 'admin', action: 'refused:users.update' }]);
    expect(JSON.parse(written()[0]!.detail)).toMatchObject({ reason: '不能修改自己的角色（三员分立）。' });
    expect(await auditor.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('does not record mistakes: invalid input, a locked screen, a rule of the work', async () => {
    const { time, leader } = await office();
    const admin = caller(t.app, await signIn(t.app, 'guanli'));
    const written = auditFromNow(t.app);
    expect(await admin.attempt('settings.update', { level: 'planet' } as never)).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await admin.attempt('users.create', {
        username: 'lingdao',
        displayName: '重名',
        role: 'leader',
        password: SECRET,
      }),
    ).toMatchObject({ error: { code: 'CONFLICT' } });
    time.now += 24 * 60 * MINUTE; // idle past the lock
    expect(await t.app.call(leader, 'web', 'system.info', {})).toMatchObject({ error: { code: 'SCREEN_LOCKED' } });
    expect(written()).toEqual([]);
  });

  it('keeps an anonymous flood to ten entries and one summary a minute, whoever sends it', async () => {
    const { time, auditor } = await office();
    const written = auditFromNow(t.app);
    for (let i = 0; i < 500; i++) await t.app.call(i % 2 ? null : `made-up-${i}`, 'web', 'users.list', {});
    for (let i = 0; i < 500; i++) await t.app.call(null, 'web', `probe.${i}`, {});
    expect(written()).toHaveLength(REFUSAL_LIMIT.perWindow);
    time.now += MINUTE;
    await auditor.call('system.info', {});
    const summary = written().at(-1)!;
    expect(summary).toMatchObject({ actor: '（未登录）', role: '', action: 'refused' });
    const detail = JSON.parse(summary.detail) as { count: number; channels: Record<string, number> };
    expect(detail.count).toBe(990);
    // a summary names at most twenty channels; the rest are counted together
    expect(Object.keys(detail.channels)).toHaveLength(21);
    expect(Object.values(detail.channels).reduce((a, b) => a + b, 0)).toBe(990);
  });

  it('writes what is still only counted when the app closes', async () => {
    const { leader } = await office();
    for (let i = 0; i < 12; i++) await t.app.call(leader, 'web', 'settings.update', { unitName: '某局' });
    const { dir } = t;
    t.app.close();
    const reopened = await testApp({ dir });
    try {
      const last = [...iterateAudit(reopened.app.opened.sqlite)].at(-1)!;
      expect(last).toMatchObject({ actor: 'lingdao', action: 'refused' });
      expect(JSON.parse(last.detail)).toMatchObject({ count: 2, channels: { 'settings.update': 2 } });
    } finally {
      reopened.app.close();
    }
  });
});
