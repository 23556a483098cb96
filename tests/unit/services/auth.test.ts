import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_LOCKED, WRONG_CREDENTIALS } from '../../../electron/services/handlers/auth';
import { OWASP_SCRYPT, hashPassword, parseHash, verifyPassword } from '../../../electron/services/passwords';
import { findUserByName } from '../../../db/repos/users';
import { recentAudit } from '../../../db/repos/audit';
import { GOOD_PASSWORD, addUser, signIn, testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/caller';

let t: TestApp;
afterEach(() => t?.close());

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2026, 10, 26, 1, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const login = (username: string, password: string) => caller(t.app, null).attempt('auth.login', { username, password });

describe('first start', () => {
  it('asks for the administrator; there is no default account, and setup happens once', async () => {
    t = await testApp();
    expect(await caller(t.app, null).attempt('auth.status', {})).toEqual({
      ok: true,
      value: { needsSetup: true, session: null, demo: false },
    });
    expect(await login('admin', 'admin')).toMatchObject({ ok: false, error: { message: WRONG_CREDENTIALS } });

    const weak = await caller(t.app, null).attempt('auth.setup', {
      username: 'admin',
      displayName: '王管理',
      password: 'password',
    });
    expect(weak).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' },
    });

    const r = await caller(t.app, null).attempt('auth.setup', {
      username: 'admin',
      displayName: '王管理',
      password: GOOD_PASSWORD,
    });
    expect(r).toMatchObject({
      ok: true,
      value: { user: { username: 'admin', role: 'admin', mustChangePassword: false } },
    });
    const again = await caller(t.app, null).attempt('auth.setup', {
      username: 'evil',
      displayName: '某人',
      password: GOOD_PASSWORD,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // newest first: the administrator's creation, and before it the refused try of admin/admin
    expect(recentAudit(t.app.opened.sqlite, 5).map((a) => a.action)).toEqual(['auth.setup', 'auth.login']);
  });
});

describe('signing in', () => {
  it('gives the same message for a wrong user and a wrong password, and records both', async () => {
    t = await testApp();
    await addUser(t.app, 'zhang', 'evaluator');
    const a = await login('zhang', 'Wrong#Pass1');
    const b = await login('nobody', 'Wrong#Pass1');
    expect(a).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS } });
    expect(b).toEqual(a);
    const trail = recentAudit(t.app.opened.sqlite, 2);
    expect(trail.map((x) => [x.actor, x.action, JSON.parse(x.detail).outcome])).toEqual([
      ['（不存在的用户名）', 'auth.login', 'refused'],
      ['zhang', 'auth.login', 'refused'],
    ]);
  });

  it('makes each attempt after the third wait longer, without counting attempts made while waiting', async () => {
    const c = clock();
    t = await testApp({ now: c.now });
    await addUser(t.app, 'li', 'evaluator');
    for (let i = 0; i < 3; i++)
      expect(await login('li', 'Wrong#Pass1')).toMatchObject({ error: { message: WRONG_CREDENTIALS } });
    // three failures: the fourth attempt must wait 1 s
    expect(await login('li', GOOD_PASSWORD)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '密码错误次数较多，请 1 秒后再试。' },
    });
    c.advance(1000);
    expect(await login('li', 'Wrong#Pass1')).toMatchObject({ error: { message: WRONG_CREDENTIALS } });
    expect(await login('li', GOOD_PASSWORD)).toMatchObject({
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/请 2 秒后再试/) },
    });
    c.advance(2000);
    expect(await login('li', GOOD_PASSWORD)).toMatchObject({ ok: true });
    expect(findUserByName(t.app.opened.db, 'li')).toMatchObject({ failedCount: 0, locked: false });
  });

  it(
    'locks the account after ten wrong passwords; 100 attempts later even the right one is refused until an ' +
      'administrator unlocks it',
    async () => {
      const c = clock();
      t = await testApp({ now: c.now });
      const user = await addUser(t.app, 'wang', 'evaluator');
      await addUser(t.app, 'admin', 'admin');
      const messages = new Set<string>();
      for (let i = 0; i < 100; i++) {
        c.advance(61_000);
        const r = await login('wang', `Wrong#Pass${i}`);
        expect(r.ok).toBe(false);
        if (!r.ok) messages.add(r.error.message);
      }
      expect([...messages]).toEqual([WRONG_CREDENTIALS, ACCOUNT_LOCKED]);
      expect(findUserByName(t.app.opened.db, 'wang')).toMatchObject({ locked: true, failedCount: 10 });
      c.advance(3_600_000);
      expect(await login('wang', GOOD_PASSWORD)).toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: ACCOUNT_LOCKED },
      });
      // a locked account tells nothing about the password: right and wrong get the same answer
      expect(await login('wang', 'Another#Guess1')).toEqual(await login('wang', GOOD_PASSWORD));

      const admin = await signIn(t.app, 'admin');
      expect(await caller(t.app, admin).attempt('users.unlock', { id: user.id })).toMatchObject({
        ok: true,
        value: { locked: false, failedCount: 0 },
      });
      expect(recentAudit(t.app.opened.sqlite, 1)[0]).toMatchObject({
        actor: 'admin',
        action: 'users.unlock',
        target: `user:${user.id}`,
      });
      expect(await login('wang', GOOD_PASSWORD)).toMatchObject({ ok: true });
    },
  );

  it('refuses a disabled account only after the right password', async () => {
    t = await testApp();
    const u = await addUser(t.app, 'zhao', 'leader');
    await addUser(t.app, 'admin', 'admin');
    const admin = await signIn(t.app, 'admin');
    await caller(t.app, admin).attempt('users.update', { id: u.id, disabled: true });
    expect(await login('zhao', 'Wrong#Pass1')).toMatchObject({ error: { message: WRONG_CREDENTIALS } });
    expect(await login('zhao', GOOD_PASSWORD)).toMatchObject({ error: { message: '账号已停用，请联系系统管理员。' } });
  });
});

describe('sessions and the idle lock', () => {
  it('locks the screen after the idle period; only the password opens it again', async () => {
    const c = clock();
    t = await testApp({ now: c.now });
    await addUser(t.app, 'qian', 'evaluator');
    const s = await signIn(t.app, 'qian');
    expect(await caller(t.app, s).attempt('settings.get', {})).toMatchObject({ ok: true });
    c.advance(10 * 60_000 + 1);
    expect(await caller(t.app, s).attempt('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'SCREEN_LOCKED', message: '屏幕已锁定，请输入密码解锁。' },
    });
    expect(await caller(t.app, s).attempt('auth.status', {})).toMatchObject({
      ok: true,
      value: { session: { locked: true, user: { username: 'qian' } } },
    });
    expect(await caller(t.app, s).attempt('auth.unlock', { password: 'Wrong#Pass1' })).toMatchObject({
      ok: false,
      error: { message: WRONG_CREDENTIALS },
    });
    expect(findUserByName(t.app.opened.db, 'qian')!.failedCount).toBe(1);
    expect(await caller(t.app, s).attempt('auth.unlock', { password: GOOD_PASSWORD })).toEqual({ ok: true, value: {} });
    expect(await caller(t.app, s).attempt('settings.get', {})).toMatchObject({ ok: true });
  });

  it('locks on request, and logging out ends the session', async () => {
    t = await testApp();
    await addUser(t.app, 'sun', 'leader');
    const s = await signIn(t.app, 'sun');
    await caller(t.app, s).attempt('auth.lock', {});
    expect(await caller(t.app, s).attempt('system.info', {})).toMatchObject({ error: { code: 'SCREEN_LOCKED' } });
    await caller(t.app, s).attempt('auth.logout', {});
    expect(await caller(t.app, s).attempt('system.info', {})).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps an account made by an administrator to its own password change until it is done', async () => {
    t = await testApp();
    await addUser(t.app, 'zhou', 'evaluator', GOOD_PASSWORD, { mustChangePassword: true });
    const s = await signIn(t.app, 'zhou');
    expect(await caller(t.app, s).attempt('settings.get', {})).toMatchObject({
      error: { code: 'FORBIDDEN', message: '请先修改初始密码，再进行其他操作。' },
    });
    expect(
      await caller(t.app, s).attempt('auth.changePassword', { oldPassword: 'Nope#1234', newPassword: 'Zhou#2026new' }),
    ).toMatchObject({
      error: { message: '原密码不正确。' },
    });
    expect(
      await caller(t.app, s).attempt('auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: 'zhou12345' }),
    ).toMatchObject({
      error: { message: expect.stringMatching(/至少三类|不能包含用户名/) },
    });
    expect(
      await caller(t.app, s).attempt('auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: 'Qiu#2026new' }),
    ).toEqual({ ok: true, value: {} });
    expect(await caller(t.app, s).attempt('settings.get', {})).toMatchObject({ ok: true });
    expect(await login('zhou', GOOD_PASSWORD)).toMatchObject({ ok: false });
    expect(await login('zhou', 'Qiu#2026new')).toMatchObject({ ok: true });
  });
});

describe('password hashing', () => {
  it("uses scrypt at OWASP's parameters (N=2^17, r=8, p=1) with a random salt", async () => {
    const h = await hashPassword(GOOD_PASSWORD, OWASP_SCRYPT);
    expect(h).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await hashPassword(GOOD_PASSWORD, OWASP_SCRYPT)).not.toBe(h);
    expect(await verifyPassword(GOOD_PASSWORD, h, OWASP_SCRYPT)).toEqual({ ok: true, upgrade: false });
    expect(await verifyPassword('kaoping#2026', h, OWASP_SCRYPT)).toEqual({ ok: false, upgrade: false });
  });

  it('re-hashes at the current parameters on the next successful sign-in', async () => {
    t = await testApp();
    await addUser(t.app, 'wu', 'leader'); // hashed at the test's cheap N=2^10
    t.app.close();
    // a new release with a higher cost opens the same data folder
    const next = await testApp({ dir: t.dir, scrypt: { log2N: 11, r: 8, p: 1 } });
    try {
      expect(parseHash(findUserByName(next.app.opened.db, 'wu')!.passwordHash)!.log2N).toBe(10);
      expect(
        await caller(next.app, null).attempt('auth.login', { username: 'wu', password: GOOD_PASSWORD }),
      ).toMatchObject({ ok: true });
      expect(parseHash(findUserByName(next.app.opened.db, 'wu')!.passwordHash)!.log2N).toBe(11);
      expect(JSON.parse(recentAudit(next.app.opened.sqlite, 1)[0]!.detail)).toMatchObject({ hashUpgraded: true });
      expect(
        await caller(next.app, null).attempt('auth.login', { username: 'wu', password: GOOD_PASSWORD }),
      ).toMatchObject({ ok: true });
    } finally {
      next.app.close();
    }
  });
});

describe('the trail of signing in', () => {
  it(
    'names the account and its role for a sign-in, and never writes an unknown name (it may be a password) into ' +
      'the trail',
    async () => {
      t = await testApp();
      await addUser(t.app, 'shen', 'auditor');
      await login('shen', GOOD_PASSWORD);
      await login('Secret#Pass99', GOOD_PASSWORD);
      expect(recentAudit(t.app.opened.sqlite, 2).map((a) => [a.actor, a.role, a.action])).toEqual([
        ['（不存在的用户名）', '', 'auth.login'],
        ['shen', 'auditor', 'auth.login'],
      ]);
      expect(recentAudit(t.app.opened.sqlite, 1)[0]!.detail).not.toContain('Secret#Pass99');
    },
  );
});
