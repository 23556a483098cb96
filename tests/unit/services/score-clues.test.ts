import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../electron/contract';
import { type ScoreSource, scoreSources } from '../../../electron/services/scoring/sources';
import { testApp, type TestApp } from '../../support/app';
import { enteredSource } from '../../support/entered-scores';
import { caller, samplePlan } from '../../support/sample-plan';

let t: TestApp;
let source: ScoreSource | null = null;
afterEach(() => {
  if (source) scoreSources.splice(scoreSources.indexOf(source), 1);
  source = null;
  t?.close();
});

type Results = ChannelOutput<'results.get'>;
type Clue = ChannelOutput<'clues.list'>[number];

describe('a low score or a veto becomes a 问责线索 from the results', () => {
  it('turns a vetoed or low result into a clue with one action, once, linked back; refuses a good one', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app, { publish: true });
    // 发改局's veto item fired; 教育局 did poorly; the others did well
    source = enteredSource((code) =>
      code === 'SX-FGJ' ? { share: 0.95, veto: true } : code === 'SX-JYJ' ? { share: 0.3 } : { share: 0.95 },
    );
    scoreSources.push(source);
    const r = await call<Results>('results.get', { planId: plan.id });
    const units = r.categories.flatMap((c) => c.units);
    const vetoed = units.find((u) => u.unitId === unitId('SX-FGJ'))!;
    const low = units.find((u) => u.unitId === unitId('SX-JYJ'))!;
    const good = units.find((u) => !u.vetoed && u.total > low.total + 10)!;
    expect(vetoed.vetoed).toBe(true);
    expect(r.clues).toEqual([]);
    const threshold = Math.ceil(low.total) + 1;

    // hostile: a good result, with or without a threshold; a unit not in the plan's results
    await expect(
      call('results.toClue', { planId: plan.id, unitId: good.unitId, threshold, reason: '试试' }),
    ).rejects.toThrow(
      `${good.name}总分 ${good.total} 分，不低于低分线 ${threshold} 分，也未被一票否决，不能转为问责线索。`,
    );
    await expect(call('results.toClue', { planId: plan.id, unitId: low.unitId, reason: '低分' })).rejects.toThrow(
      `${low.name}未被一票否决；要按低分转为问责线索，请填写低分线。`,
    );
    await expect(call('results.toClue', { planId: plan.id, unitId: 999_999, reason: '低分' })).rejects.toThrow(
      '这个单位不在本方案的考核结果中',
    );
    // a leader reads the results but does not file clues
    await expect(
      caller(t.app, 'leader', '王领导')('results.toClue', { planId: plan.id, unitId: vetoed.unitId, reason: '否决' }),
    ).rejects.toThrow();
    expect(await call<Clue[]>('clues.list', {})).toEqual([]);

    // one action each: the vetoed unit (no threshold needed) and the low one
    const a = await call<Clue>('results.toClue', {
      planId: plan.id,
      unitId: vetoed.unitId,
      reason: '一票否决事项发生',
    });
    expect(a).toMatchObject({ sourceKind: 'score', unitId: vetoed.unitId, state: 'pending' });
    expect(a.sourceLabel).toContain('2026年度考核');
    expect(a.sourceLabel).toContain('一票否决');
    const b = await call<Clue>('results.toClue', {
      planId: plan.id,
      unitId: low.unitId,
      threshold,
      reason: '总分明显偏低',
    });
    expect(b.sourceLabel).toContain(`低于低分线 ${threshold} 分`);
    expect(b.summary).toContain(
      `${low.name}在示例县2026年度目标管理考核方案中总分 ${low.total} 分，排名第 ${low.rank}/${low.of}`,
    );

    // once only, and the results link each unit to its clue
    await expect(
      call('results.toClue', { planId: plan.id, unitId: low.unitId, threshold, reason: '再转一次' }),
    ).rejects.toThrow(`${low.name}在2026年度考核中的结果已转为问责线索`);
    const after = await call<Results>('results.get', { planId: plan.id });
    expect(after.clues).toEqual([
      { unitId: vetoed.unitId, clueId: a.id },
      { unitId: low.unitId, clueId: b.id },
    ]);
    // the clue is assessed like any other: 立案
    const filed = await call<{ caseId: number; state: string }>('clues.assess', {
      action: 'file',
      id: b.id,
      title: `${low.name}年度考核低分问题`,
      faultCategory: 'policy',
      openedOn: b.receivedOn,
    });
    expect(filed.state).toBe('filed');
  }, 60_000);
});
