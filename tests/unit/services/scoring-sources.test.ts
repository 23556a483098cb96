import { afterEach, describe, expect, it } from 'vitest';
import { planById } from '../../../db/repos/plans';
import { computeYear } from '../../../electron/services/scoring/year';
import { type ScoreSource, scoreSources } from '../../../electron/services/scoring/sources';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
const added: ScoreSource[] = [];
afterEach(() => {
  for (const s of added.splice(0)) scoreSources.splice(scoreSources.indexOf(s), 1);
  t?.close();
});

type Indicator = {
  id: number;
  parentId: number | null;
  name: string;
  isGroup: boolean;
  kind: string;
  points: number;
  autoSource: string | null;
};

async function planWithIndicators() {
  t = await testApp();
  const { plan, call } = await samplePlan(t.app, { publish: false });
  const got = await call<{ indicators: Indicator[] }>('plans.get', { id: plan.id });
  return { plan, call, items: got.indicators.filter((i) => !i.isGroup) };
}

describe('where an indicator takes its points from', () => {
  it('keeps a source that fits the kind and method, and refuses one that does not, with its name', async () => {
    const { plan, call, items } = await planWithIndicators();
    const base = items.find((i) => i.kind === 'common' || i.kind === 'specific')!;
    const deduction = items.find((i) => i.kind === 'deduction')!;
    await call('indicators.save', {
      id: base.id,
      planId: plan.id,
      parentId: base.parentId,
      kind: base.kind,
      name: base.name,
      points: base.points,
      params: { method: 'linear', full: 100, floor: 0 },
      autoSource: 'progress',
    });
    const after = await call<{ indicators: Indicator[] }>('plans.get', { id: plan.id });
    expect(after.indicators.find((i) => i.id === base.id)!.autoSource).toBe('progress');

    await expect(
      call('indicators.save', {
        id: deduction.id,
        planId: plan.id,
        parentId: deduction.parentId,
        kind: 'deduction',
        name: deduction.name,
        points: deduction.points,
        params: { method: 'per_occurrence', each: 1, cap: 0 },
        autoSource: 'progress',
      }),
    ).rejects.toThrow('“季度进展完成率（审核通过的进展报告）”不能用于这类指标');
    const unchanged = await call<{ indicators: Indicator[] }>('plans.get', { id: plan.id });
    expect(unchanged.indicators.find((i) => i.id === deduction.id)!.autoSource).toBeNull();
  });

  it('scores a year from the registered sources only for the indicators that name them', async () => {
    const { plan, call, items } = await planWithIndicators();
    const base = items.find((i) => i.kind === 'common' || i.kind === 'specific')!;
    await call('indicators.save', {
      id: base.id,
      planId: plan.id,
      parentId: base.parentId,
      kind: base.kind,
      name: base.name,
      points: base.points,
      params: { method: 'linear', full: 100, floor: 0 },
      autoSource: 'progress',
    });
    const record = planById(t.app.opened.sqlite, plan.id)!;
    const before = computeYear(t.app.opened.sqlite, record);
    if (!before.ok) throw new Error(before.problems.join('；'));
    expect(before.value.units.length).toBeGreaterThan(0);
    expect(before.value.units.every((u) => u.total === 0 && !u.complete)).toBe(true);

    // a source that would score every indicator: only the one that names it takes its entries
    const progress: ScoreSource = {
      key: 'progress',
      label: 'test',
      collect: (ctx) =>
        ctx.units.flatMap((u) =>
          ctx.indicators.map((i) => ({
            unitId: u.id,
            indicatorId: i.id,
            input: { rate: 100 },
            source: '进展报告',
            refs: [{ type: 'progress_reports', id: 1, label: '一季度进展' }],
          })),
        ),
    };
    added.push(progress);
    scoreSources.push(progress);
    const after = computeYear(t.app.opened.sqlite, record);
    if (!after.ok) throw new Error(after.problems.join('；'));
    const unit = after.value.units.find((u) => u.lines.some((l) => l.indicatorId === base.id))!;
    const line = unit.lines.find((l) => l.indicatorId === base.id)!;
    expect(line.earned).toBe(base.points);
    expect(line.refs).toEqual([{ type: 'progress_reports', id: 1, label: '一季度进展' }]);
    expect(unit.lines.filter((l) => l.input !== null)).toHaveLength(1);
    expect(after.value.basis.indicatorVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(after.value.basis.indicatorVersion).not.toBe('');
  });
});
