import { afterEach, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, testApp, type TestApp } from '../../support/app';
import { caller, fixtureFile } from '../../support/sample-plan';

/** The guided start is read from the data: each step turns done when the office has done it, and not before. */
let t: TestApp;
afterEach(() => t?.close());

type Status = { items: { step: string; label: string; done: boolean }[]; allDone: boolean };
const doneSteps = (s: Status) => s.items.filter((i) => i.done).map((i) => i.step);

describe('system.firstRun', () => {
  it("walks the administrator's two steps, then the evaluator's six, to the first letter", async () => {
    t = await testApp();
    const admin = caller(t.app, 'admin', '管理员');
    const evaluator = caller(t.app, 'evaluator', '李考评');
    const adminStatus = () => admin<Status>('system.firstRun', {});
    const evalStatus = () => evaluator<Status>('system.firstRun', {});

    // an empty database: nothing is done; each role sees only its own half (三员分立)
    const a0 = await adminStatus();
    expect(a0.items.map((i) => i.label)).toEqual(['设置本单位名称与级别', '创建考评员账号']);
    expect(doneSteps(a0)).toEqual([]);
    const e0 = await evalStatus();
    expect(e0.items.map((i) => i.step)).toEqual(['letterhead', 'org', 'plan', 'indicators', 'publish', 'letter']);
    expect(doneSteps(e0)).toEqual([]);
    expect(e0.allDone).toBe(false);

    await admin('settings.update', { unitName: '示例县人民政府目标考评办公室', level: 'county' });
    expect(doneSteps(await adminStatus())).toEqual(['unit']);
    await admin('users.create', {
      username: 'likaoping',
      displayName: '李考评',
      role: 'evaluator',
      password: GOOD_PASSWORD,
    });
    expect((await adminStatus()).allDone).toBe(true);

    // the 甲方 alone is not a letterhead: the 版头 needs the issuing body
    await evaluator('settings.updateBusiness', { letterPartyA: '示例县人民政府' });
    expect(doneSteps(await evalStatus())).toEqual([]);
    await evaluator('settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] });
    expect(doneSteps(await evalStatus())).toEqual(['letterhead']);

    // units without people are half an organization
    await evaluator('units.import', fixtureFile('org', 'sample-units.xlsx'));
    expect(doneSteps(await evalStatus())).toEqual(['letterhead']);
    await evaluator('people.import', fixtureFile('org', 'sample-people.xlsx'));
    expect(doneSteps(await evalStatus())).toEqual(['letterhead', 'org']);

    const plan = await evaluator<{ id: number }>('plans.create', {
      year: 2026,
      title: '示例县2026年度目标管理考核方案',
    });
    expect(doneSteps(await evalStatus())).toEqual(['letterhead', 'org', 'plan']);

    // indicators without targets give nobody anything to sign
    await evaluator('indicators.import', { planId: plan.id, ...fixtureFile('plans', 'sample-indicators.xlsx') });
    expect(doneSteps(await evalStatus())).not.toContain('indicators');
    const categories = await evaluator<{ id: number; units: number }[]>('categories.list', {});
    for (const c of categories.filter((x) => x.units > 0))
      await evaluator('targets.assignCommon', { planId: plan.id, categoryId: c.id });
    await evaluator('targets.import', { planId: plan.id, ...fixtureFile('plans', 'sample-targets.xlsx') });
    expect(doneSteps(await evalStatus())).toEqual(['letterhead', 'org', 'plan', 'indicators']);

    await evaluator('plans.setState', { id: plan.id, to: 'published' });
    expect(doneSteps(await evalStatus())).toEqual(['letterhead', 'org', 'plan', 'indicators', 'publish']);

    const rows = await evaluator<{ unitId: number; blockers: string[] }[]>('letters.list', { planId: plan.id });
    const ready = rows.find((r) => r.blockers.length === 0)!;
    await evaluator('letters.generate', { planId: plan.id, unitId: ready.unitId });
    const last = await evalStatus();
    expect(last.allDone).toBe(true);
    expect(last.items.every((i) => i.done)).toBe(true);
  });

  it('is not shown to the other roles', async () => {
    t = await testApp();
    await expect(caller(t.app, 'leader', '王领导')('system.firstRun', {})).rejects.toThrow();
    await expect(caller(t.app, 'auditor', '赵审计')('system.firstRun', {})).rejects.toThrow();
  });
});
