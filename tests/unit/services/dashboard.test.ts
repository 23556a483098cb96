import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/contract';
import type { ScoreEntry } from '../../../electron/core';
import { type ScoreSource, scoreSources, type SourceIndicator } from '../../../electron/services/scoring/sources';
import { testApp, type TestApp } from '../../support/app';
import { caller, samplePlan } from '../../support/sample-plan';

let t: TestApp;
const added: ScoreSource[] = [];
afterEach(() => {
  for (const s of added.splice(0)) scoreSources.splice(scoreSources.indexOf(s), 1);
  t?.close();
});

type Dashboard = {
  plans: { id: number; state: string }[];
  plan: { id: number; state: string } | null;
  trend: {
    quarters: number[];
    targets: number;
    reported: number[];
    averageCompletion: (number | null)[];
    averageExpected: (number | null)[];
    onSchedule: (number | null)[];
  };
  emptyReason: string | null;
  results: {
    units: number;
    incomplete: number;
    categories: { id: number; name: string; units: number }[];
    categoryId: number;
    ranking: { names: string[]; totals: number[]; ranks: number[]; grades: (string | null)[]; of: number };
    heat: { indicators: string[]; units: string[]; values: (number | null)[] };
    grades: { names: string[]; counts: number[] };
  } | null;
};

/** The sample plan with every letter signed (the year is running), read by a 领导. */
async function runningYear() {
  t = await testApp();
  const s = await samplePlan(t.app);
  const rows = await s.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id });
  for (const r of rows) {
    await s.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
    await s.call('letters.sign', {
      planId: s.plan.id,
      unitId: r.unitId,
      signedDate: new Date().toISOString().slice(0, 10),
      partyASigner: '张县长',
      partyBSigner: '负责人',
    });
  }
  await s.call('plans.setState', { id: s.plan.id, to: 'signed' });
  return { ...s, leader: caller(t.app, 'leader', '王领导') };
}

/** Full marks by an item's method (its params decide the input that earns them). */
function fullMarks(it: SourceIndicator, share: number): ScoreEntry['input'] {
  const p = it.params;
  if (p.method === 'judgement') return { points: Math.round(it.points * share * 100) / 100 };
  if (p.method === 'grade') return { grade: 'A' };
  if (p.method === 'per_occurrence') return { occurrences: 0 };
  if (p.method === 'veto') return { vetoed: false };
  return { rate: p.method === 'linear' ? p.full : Math.max(...p.steps.map((x) => x.min)) };
}

/** A test-only source of the bodies' entries: the i-th unit earns (100 − 7i)% of each judged item, full marks else. */
function enteredShares(): ScoreSource {
  const source: ScoreSource = {
    key: 'entered',
    label: '测试录入',
    collect: (ctx) =>
      ctx.units.flatMap((u, i) =>
        ctx.indicators
          .filter((it) => it.kind === 'common' || it.kind === 'specific')
          .map((it) => ({ unitId: u.id, indicatorId: it.id, input: fullMarks(it, (100 - 7 * i) / 100) })),
      ),
  };
  added.push(source);
  scoreSources.push(source);
  return source;
}

describe('the leader’s dashboard', () => {
  it('before scoring shows the quarterly trend and says why there is no ranking yet', async () => {
    const { plan, leader, unitId } = await runningYear();
    const clerk = async <T>(channel: string, input: unknown): Promise<T> => {
      const c: Caller = { userId: null, username: '录入员', role: 'clerk', unitId: unitId('SX-FGJ') };
      const r = await t.app.callAs(c, 'web', channel, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const mine = await clerk<{ targetId: number; expected: number }[]>('reports.list', { planId: plan.id, quarter: 1 });
    // one report on schedule, one behind it, one left as a draft (not yet the office's)
    const send = async (i: number, rate: number, submit: boolean) => {
      const r = await clerk<{ reportId: number }>('reports.save', {
        targetId: mine[i]!.targetId,
        quarter: 1,
        completionRate: rate,
        narrative: '按节点推进',
      });
      if (submit) await clerk('reports.submit', { reportId: r.reportId });
    };
    await send(0, Math.max(mine[0]!.expected, 30), true);
    await send(1, 0, true);
    await send(2, 100, false);
    if (mine[1]!.expected === 0) throw new Error('the sample needs a first-quarter milestone above 0');

    const d = await leader<Dashboard>('dashboard.get', { planId: plan.id });
    expect(d.plan).toMatchObject({ id: plan.id, state: 'signed' });
    expect(d.results).toBeNull();
    expect(d.emptyReason).toContain('尚未进入考核评分阶段');
    // a 2026 plan read in a later year has all four quarters
    expect(d.trend.quarters.length).toBeGreaterThanOrEqual(1);
    expect(d.trend.reported[0]).toBe(2);
    expect(d.trend.averageCompletion[0]).toBe((Math.max(mine[0]!.expected, 30) + 0) / 2);
    expect(d.trend.onSchedule[0]).toBe(Math.round((1 / d.trend.targets) * 1000) / 10);
    expect(d.trend.averageExpected[0]).toBeGreaterThan(0);
  });

  it('once scoring, ranks a category, maps its items’ shares and counts the grades', async () => {
    const { plan, call, leader } = await runningYear();
    await call('plans.setState', { id: plan.id, to: 'scoring' });
    const none = await leader<Dashboard>('dashboard.get', {});
    // nothing entered yet: every unit counts 0 and is not complete; the heat map has no shares
    expect(none.plan!.id).toBe(plan.id);
    expect(none.results!.incomplete).toBe(none.results!.units);
    expect(none.results!.heat.values.every((v) => v === null)).toBe(true);

    // the bodies' entries arrive by writes (any write to the database tells the dashboard its kept results are stale,
    // db/read-memo.ts); here a test source stands in for them, and an ordinary write says the data changed
    enteredShares();
    const kept = await leader<Dashboard>('dashboard.get', {});
    expect(kept.results!.incomplete).toBe(kept.results!.units);
    await call('settings.updateBusiness', { letterPartyA: '示例县人民政府' });
    const d = await leader<Dashboard>('dashboard.get', { top: 5 });
    const r = d.results!;
    expect(d.emptyReason).toBeNull();
    expect(r.incomplete).toBe(0);
    const biggest = [...r.categories].sort((a, b) => b.units - a.units)[0]!;
    const c = await leader<Dashboard>('dashboard.get', { categoryId: biggest.id, top: 5 });
    const rank = c.results!.ranking;
    expect(c.results!.categoryId).toBe(biggest.id);
    expect(rank.of).toBe(biggest.units);
    expect(rank.names.length).toBe(Math.min(5, biggest.units));
    expect(rank.totals).toEqual([...rank.totals].sort((a, b) => b - a));
    expect(rank.ranks[0]).toBe(1);
    // the heat map's rows are the ranking's bars, one share per base item, in [0, 1]
    const heat = c.results!.heat;
    expect(heat.units).toEqual(rank.names);
    expect(heat.values.length).toBe(heat.units.length * heat.indicators.length);
    expect(heat.values.every((v) => v !== null && v >= 0 && v <= 1)).toBe(true);
    // the first place has every item's full points
    expect(heat.values.slice(0, heat.indicators.length).every((v) => v === 1)).toBe(true);
    // grades: the default thresholds' names in order, every unit counted once
    expect(r.grades.names).toEqual(['优秀', '良好', '达标', '未达标']);
    expect(r.grades.counts.reduce((a, b) => a + b, 0)).toBe(r.units);
  });

  it('refuses a plan or a category that is not there, and a clerk', async () => {
    const { plan, leader, call } = await runningYear();
    await call('plans.setState', { id: plan.id, to: 'scoring' });
    await expect(leader('dashboard.get', { planId: 9999 })).rejects.toThrow('没有找到这个考核方案');
    await expect(leader('dashboard.get', { planId: plan.id, categoryId: 9999 })).rejects.toThrow(
      '该方案没有这个考核类别的单位',
    );
    await expect(leader('dashboard.get', { top: 1000 })).rejects.toThrow('显示单位数应为 5 至 200');
    const c: Caller = { userId: null, username: '录入员', role: 'clerk', unitId: 1 };
    const r = await t.app.callAs(c, 'web', 'dashboard.get', {});
    expect(r.ok).toBe(false);
  });
});
