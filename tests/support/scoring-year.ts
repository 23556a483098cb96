import type { Caller, ChannelOutput } from '../../electron/contract';
import { testApp, type TestApp } from './app';
import { caller } from './caller';
import { samplePlan } from './sample-plan';

type Indicator = ChannelOutput<'plans.get'>['indicators'][number];

/**
 * The sample year in 考核评分, with three changes to the sample indicators made before publishing, so every kind of
 * entry has an item: 政务公开 (A–D) is scored by 示例县财政局 (a unit, so its 录入员 enters for it), 督办落实 by the
 * office's judgement (综合评议, 5 points), and 安全生产 (一票否决) applies to 乡镇街道 only.
 */
export async function scoringYear() {
  // the letters are signed in February; the year's scores are entered in late December
  let clock = new Date('2026-02-20T12:00:00').getTime();
  const t: TestApp = await testApp({ now: () => clock });
  const s = await samplePlan(t.app, { publish: false });
  const office = caller(t.app, 'evaluator');
  const get = async () => (await office.call('plans.get', { id: s.plan.id })).indicators;
  const categories = await office.call('categories.list', {});
  const township = categories.find((c) => c.name === '乡镇街道')!.id;
  const edit = async (name: string, change: Partial<Indicator>) => {
    const i = { ...(await get()).find((x) => x.name === name)!, ...change };
    await office.call('indicators.save', {
      id: i.id,
      planId: s.plan.id,
      parentId: i.parentId,
      kind: i.kind,
      name: i.name,
      points: i.points,
      params: i.params,
      standard: i.standard,
      scoringBody: i.scoringBody,
      autoSource: i.autoSource,
      categoryIds: i.categoryIds,
      evidence: i.evidence,
    });
  };
  await edit('政务公开', { scoringBody: '示例县财政局' });
  await edit('督办落实', { params: { method: 'judgement' } });
  await edit('安全生产', { categoryIds: [township] });
  await office.call('plans.setState', { id: s.plan.id, to: 'published' });
  for (const r of await office.call('letters.list', { planId: s.plan.id })) {
    await office.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
    await office.call('letters.sign', {
      planId: s.plan.id,
      unitId: r.unitId,
      signedDate: '2026-02-20',
      partyASigner: '张县长',
      partyBSigner: '负责人',
    });
  }
  await office.call('plans.setState', { id: s.plan.id, to: 'signed' });
  clock = new Date('2026-12-28T12:00:00').getTime();
  await office.call('plans.setState', { id: s.plan.id, to: 'scoring' });
  const indicators = await get();
  const item = (name: string) => indicators.find((i) => i.name === name)!.id;
  const clerkOf = (code: string) =>
    caller(t.app, { userId: null, username: `录入员${code}`, role: 'clerk', unitId: s.unitId(code) } as Caller);
  const planId = s.plan.id;
  /** Every cell of a body's grid (the sample's are a few dozen). */
  const grid = async (body: string, who = office) => (await who.call('scores.grid', { planId, body, limit: 500 })).rows;
  return { t, planId, office, item, unitId: s.unitId, clerkOf, grid };
}

export const cellOf = (r: { indicatorId: number; unitId: number; targetId: number | null }) => ({
  indicatorId: r.indicatorId,
  unitId: r.unitId,
  targetId: r.targetId,
});
