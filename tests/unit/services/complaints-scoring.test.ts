import { afterEach, describe, expect, it } from 'vitest';
import { planById } from '../../../db/repos/plans';
import { computeYear } from '../../../electron/services/scoring/year';
import { supervisionArchiveLines } from '../../../electron/services/supervision/archive-lines';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

let clock = 0;
const at = (iso: string) => (clock = new Date(`${iso}T12:00:00`).getTime());
const today = () => new Date(clock).toLocaleDateString('sv-SE');

type Indicator = { id: number; parentId: number | null; name: string; kind: string; points: number };
type Table = { id: number; name: string; currentVersion: number };

describe('substantiated complaints in the score and the archive', () => {
  it('deducts per 投诉扣分规则 by category, names each complaint, and enters the person archive', async () => {
    at('2026-03-02');
    t = await testApp({ now: () => clock });
    const s = await samplePlan(t.app, { publish: false });
    const { indicators } = await s.call<{ indicators: Indicator[] }>('plans.get', { id: s.plan.id });
    const group = indicators.find((i) => i.name === '扣分项目')!;
    const item = await s.call<Indicator>('indicators.save', {
      planId: s.plan.id,
      parentId: group.id,
      kind: 'deduction',
      name: '群众投诉查实扣分',
      points: 5,
      params: { method: 'judgement' },
      autoSource: 'complaints',
    });
    await s.call('plans.setState', { id: s.plan.id, to: 'published' });
    for (const r of await s.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id })) {
      await s.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
      await s.call('letters.sign', {
        planId: s.plan.id,
        unitId: r.unitId,
        signedDate: today(),
        partyASigner: '张县长',
        partyBSigner: '负责人',
      });
    }
    await s.call('plans.setState', { id: s.plan.id, to: 'signed' });
    const people = await s.call<{ rows: { id: number; name: string }[] }>('people.list', { offset: 0, limit: 200 });
    const wang = people.rows.find((p) => p.name === '王建国')!.id;
    const register = async (ref: string, category: string, substantiated: boolean, personId?: number) => {
      const c = await s.call<{ id: number }>('complaints.save', {
        channel: 'hotline',
        ref,
        receivedOn: '2026-03-02',
        unitId: s.unitId('SX-FGJ'),
        personId,
        category,
        content: `投诉${ref}`,
        workingDays: 10,
      });
      await s.call('complaints.conclude', { id: c.id, result: '已核查', substantiated, concludedOn: '2026-03-02' });
    };
    await register('A1', 'extortion', true, wang);
    await register('A2', 'delay', true);
    await register('A3', 'delay', false);
    const compute = () => {
      const r = computeYear(t.app.opened.sqlite, planById(t.app.opened.sqlite, s.plan.id)!, undefined, today());
      if (!r.ok) throw new Error(r.problems.join('；'));
      return r.value.units.find((u) => u.unitId === s.unitId('SX-FGJ'))!.lines.find((l) => l.indicatorId === item.id)!;
    };
    const line = compute();
    expect(line.input).toEqual({ points: 1.5 });
    expect(line.source).toBe('投诉扣分规则第 1 版：查实投诉 2 件，计 1.5 分');
    expect(line.refs!.map((r) => r.label)).toEqual([
      'A1 投诉A1（吃拿卡要，2026-03-02 查实）',
      'A2 投诉A2（推诿拖拉，2026-03-02 查实）',
    ]);
    const other = computeYear(t.app.opened.sqlite, planById(t.app.opened.sqlite, s.plan.id)!, undefined, today());
    if (!other.ok) throw new Error('x');
    expect(
      other.value.units.find((u) => u.unitId === s.unitId('SX-CZJ'))!.lines.find((l) => l.indicatorId === item.id)!
        .input,
    ).toEqual({ points: 0 });
    // the rule is a table the office edits: 推诿拖拉 now 2 分 per complaint
    const table = (await s.call<Table[]>('rule-tables.list', {})).find((x) => x.name === '投诉扣分规则')!;
    const v = (await s.call<{ version: { rows: Record<string, unknown>[] } }>('rule-tables.get', { id: table.id }))
      .version;
    await s.call('rule-tables.save', {
      id: table.id,
      basedOn: table.currentVersion,
      rows: v.rows.map((r) => (r.code === 'delay' ? { ...r, points: 2 } : r)),
      reason: '加大推诿拖拉扣分',
    });
    expect(compute().input).toEqual({ points: 3 });
    const lines = supervisionArchiveLines(t.app.opened.sqlite, wang);
    expect(lines).toMatchObject([
      { personId: wang, section: 'complaint', date: '2026-03-02', title: '投诉查实（吃拿卡要）', restricted: true },
    ]);
  });
});
