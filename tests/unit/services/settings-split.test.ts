import { afterEach, describe, expect, it } from 'vitest';
import { asRole, testApp, type TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t?.close());

describe('who may set what (三员分立)', () => {
  it('the evaluator sets what documents say, the administrator the installation, neither the other', async () => {
    t = await testApp();
    const admin = asRole('admin', '管理员');
    const evaluator = asRole('evaluator', '李考评');
    const business = { issuingBodies: ['示例县人民政府目标考评办公室'], letterPartyA: '示例县人民政府' };

    const refused = await t.app.callAs(admin, 'web', 'settings.update', business as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.app.callAs(admin, 'web', 'settings.updateBusiness', business)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.app.callAs(evaluator, 'web', 'settings.update', { unitName: '某办' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const saved = await t.app.callAs(evaluator, 'web', 'settings.updateBusiness', {
      ...business,
      letterPartyASigner: '张县长',
    });
    expect(saved).toMatchObject({ ok: true, value: { ...business, letterPartyASigner: '张县长' } });
    await t.app.callAs(admin, 'web', 'settings.update', { unitName: '示例县人民政府目标考评办公室' });
    const info = await t.app.callAs(evaluator, 'web', 'system.info', {});
    expect(info).toMatchObject({ ok: true, value: { unitName: '示例县人民政府目标考评办公室' } });
    const audit = t.app.opened.sqlite
      .prepare("select action, role, detail from audit_log where target = 'settings' and detail not like '%refused%'")
      .all() as { action: string; role: string; detail: string }[];
    expect(audit.map((a) => [a.action, a.role])).toEqual([
      ['settings.updateBusiness', 'evaluator'],
      ['settings.update', 'admin'],
    ]);
    expect(JSON.parse(audit[0]!.detail).changed).toHaveProperty('letterPartyASigner', { from: '', to: '张县长' });
  });
});
