import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, roleLabels, roles, type Role } from '../../../electron/contract';
import { addUser, auditFromNow, signIn, snapshotRows, testApp, type TestApp } from '../../support/app';
import { validSamples } from '../../support/samples';

let t: TestApp;
const sessions = {} as Record<Role, string>;
const ids = {} as Record<Role, number>;

beforeAll(async () => {
  t = await testApp();
  for (const role of roles) {
    ids[role] = (await addUser(t.app, `user-${role}`, role)).id;
    sessions[role] = await signIn(t.app, `user-${role}`);
  }
});
afterAll(() => t.close());

const refusals = channelNames
  .filter((c) => channels[c].access !== 'public')
  .flatMap((channel) => roles.filter((r) => !channels[channel].roles.includes(r)).map((role) => ({ channel, role })));

describe('every role is refused every channel outside its permissions', () => {
  it('the table is not empty and covers every role', () => {
    for (const r of roles)
      expect(
        refusals.some((x) => x.role === r),
        r,
      ).toBe(true);
  });

  it.each(refusals)('$role → $channel: FORBIDDEN, nothing written but the refusal', async ({ channel, role }) => {
    const before = snapshotRows(t.app, { auditTrail: false });
    const written = auditFromNow(t.app);
    const r = await t.app.call(sessions[role], 'web', channel, validSamples[channel]);
    const message = `“${roleLabels[role]}”角色无权执行“${channels[channel].title}”。`;
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message } });
    expect(snapshotRows(t.app, { auditTrail: false })).toBe(before);
    // past the first ten a minute an account's refusals are only counted (refusals.test.ts)
    expect(written().length).toBeLessThanOrEqual(1);
    for (const e of written()) {
      expect(e).toMatchObject({ actor: `user-${role}`, role, action: `refused:${channel}` });
      expect(JSON.parse(e.detail)).toEqual({ via: 'web', outcome: 'refused', code: 'FORBIDDEN', reason: message });
    }
  });
});

describe('三员分立', () => {
  it('the administrator sees no audit trail and the auditor changes nothing', () => {
    expect(channels['audit.list'].roles).toEqual(['auditor']);
    const auditorWrites = channelNames.filter(
      (c) => channels[c].writes && channels[c].access !== 'public' && channels[c].roles.includes('auditor'),
    );
    // besides its own sign-in chores the auditor changes nothing; its export is an audited read
    expect(auditorWrites.filter((c) => !c.startsWith('auth.'))).toEqual([]);
    expect(channels['audit.export']).toMatchObject({ writes: false, audited: true });
  });

  it('an administrator cannot give himself the auditor role (nor any other)', async () => {
    const r = await t.app.call(sessions.admin, 'web', 'users.update', { id: ids.admin, role: 'auditor' });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '不能修改自己的角色（三员分立）。' } });
  });

  it('the last administrator cannot be disabled or demoted', async () => {
    const other = await addUser(t.app, 'admin-2', 'admin');
    const s2 = await signIn(t.app, 'admin-2');
    expect(await t.app.call(s2, 'web', 'users.update', { id: ids.admin, disabled: true })).toMatchObject({ ok: true });
    expect(await t.app.call(s2, 'web', 'users.update', { id: other.id, disabled: true })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const s3 = await signIn(t.app, 'admin-2');
    // re-enable the first so the rest of the suite keeps its administrator
    expect(await t.app.call(s3, 'web', 'users.update', { id: ids.admin, disabled: false })).toMatchObject({ ok: true });
    sessions.admin = await signIn(t.app, 'user-admin');
    expect(await t.app.call(sessions.admin, 'web', 'users.update', { id: other.id, role: 'evaluator' })).toMatchObject({
      ok: true,
    });
    expect(await t.app.call(sessions.admin, 'web', 'users.update', { id: ids.admin, role: 'evaluator' })).toMatchObject(
      { error: { code: 'FORBIDDEN' } },
    );
  });

  it('changing an account signs it out everywhere', async () => {
    const u = await addUser(t.app, 'moved', 'evaluator');
    const s = await signIn(t.app, 'moved');
    await t.app.call(sessions.admin, 'web', 'users.update', { id: u.id, role: 'leader' });
    expect(await t.app.call(s, 'web', 'system.info', {})).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a duplicate user name and an initial password below the policy', async () => {
    expect(
      await t.app.call(sessions.admin, 'web', 'users.create', {
        username: 'user-leader',
        displayName: '重名',
        role: 'leader',
        password: 'Kaoping#2026',
      }),
    ).toMatchObject({ error: { code: 'CONFLICT', message: '用户名“user-leader”已存在。' } });
    expect(
      await t.app.call(sessions.admin, 'web', 'users.create', {
        username: 'new1',
        displayName: '新人',
        role: 'leader',
        password: '12345678',
      }),
    ).toMatchObject({
      error: { code: 'INVALID_INPUT', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' },
    });
  });
});
