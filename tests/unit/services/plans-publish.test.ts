import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

describe('publishing a plan whose units do not add up', () => {
  it('lists the units, refuses without a decision, and records the decision with the units', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app, { publish: false });
    const fgj = unitId('SX-FGJ');
    const price = (
      await call<{ id: number; content: string }[]>('targets.list', { planId: plan.id, unitId: fgj })
    ).find((x) => x.content === '开展重要民生商品价格监测')!;
    await call('targets.remove', { id: price.id });

    const check = await call<{ units: { unitCode: string; unitName: string; problem: string }[] }>(
      'plans.publishCheck',
      { id: plan.id },
    );
    expect(check.units).toEqual([
      expect.objectContaining({
        unitCode: 'SX-FGJ',
        unitName: '示例县发展和改革局',
        problem: '目标分值合计 85 分，应为 100 分',
      }),
    ]);
    await expect(call('plans.setState', { id: plan.id, to: 'published' })).rejects.toThrow(
      '有 1 个单位的目标分值合计与基本分不符（示例县发展和改革局目标分值合计 85 分，应为 100 分）；' +
        '这些单位的责任书不能生成。仍要发布的，请确认后再发布。',
    );
    expect((await call<{ plan: { state: string } }>('plans.get', { id: plan.id })).plan.state).toBe('draft');

    await call('plans.setState', { id: plan.id, to: 'published', acceptShortfalls: true });
    const entry = t.app.opened.sqlite
      .prepare("select detail from audit_log where action = 'plans.setState' and detail not like '%refused%'")
      .get() as { detail: string };
    expect(JSON.parse(entry.detail)).toMatchObject({
      from: 'draft',
      to: 'published',
      acceptedShortfalls: [{ unit: 'SX-FGJ', name: '示例县发展和改革局', problem: '目标分值合计 85 分，应为 100 分' }],
    });
  });

  it('a plan whose units all add up publishes without a decision, and records none', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app, { publish: false });
    expect(await call('plans.publishCheck', { id: plan.id })).toEqual({ units: [] });
    await call('plans.setState', { id: plan.id, to: 'published' });
    const entry = t.app.opened.sqlite.prepare("select detail from audit_log where action = 'plans.setState'").get() as {
      detail: string;
    };
    expect(JSON.parse(entry.detail)).not.toHaveProperty('acceptedShortfalls');
  });
});
