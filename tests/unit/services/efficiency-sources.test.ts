import { afterEach, describe, expect, it } from 'vitest';
import { planById } from '../../../db/repos/plans';
import { yearInputs } from '../../../electron/services/scoring/year';
import { testApp, type TestApp } from '../../support/app';
import { caller as typed } from '../../support/caller';
import { fixtureFile, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

describe('automatic points from approval records and cost figures', () => {
  it('feeds the indicators that name them, one entry per unit with the records it came from', async () => {
    t = await testApp({ now: () => new Date('2026-04-10T10:00:00').getTime() });
    const { plan, unitId } = await samplePlan(t.app, { publish: false });
    const ev = typed(t.app, 'evaluator');
    const admin = typed(t.app, 'admin');
    for (let d = 15; d <= 23; d++)
      await admin.call('calendar.set', { date: `2026-02-${d}`, kind: 'holiday', note: '春节' });
    for (const date of ['2026-02-14', '2026-02-28'])
      await admin.call('calendar.set', { date, kind: 'workday', note: '调休' });
    for (const [code, parent] of [
      ['SX-CGZ-CZS', 'SX-CGZ'],
      ['SX-DHX-CZS', 'SX-DHX'],
    ] as const)
      await ev.call('units.create', { code, name: '财政所', kind: 'other', parentId: unitId(parent) });
    const tree = await ev.call('plans.get', { id: plan.id });
    const source = async (name: string, autoSource: 'approval_efficiency' | 'admin_cost') => {
      const i = tree.indicators.find((x) => x.name === name)!;
      const { targets: _t, standardText: _s, sortOrder: _o, ...fields } = i;
      await ev.call('indicators.save', { ...fields, planId: plan.id, autoSource });
      return i;
    };
    const efficiency = await source('办事效率', 'approval_efficiency'); // 分档, 5 points
    const cost = await source('督办落实', 'admin_cost'); // 按完成率, 5 points
    await ev.call('efficiency.import', fixtureFile('efficiency', 'sample-approvals.xlsx'));
    await ev.call('cost.import', fixtureFile('efficiency', 'sample-costs.xlsx'));

    const { entries, ruleTables } = yearInputs(
      t.app.opened.sqlite,
      planById(t.app.opened.sqlite, plan.id)!,
      '2026-04-10',
    );
    const of = (indicatorId: number, code: string) =>
      entries.find((e) => e.indicatorId === indicatorId && e.unitId === unitId(code));
    expect(of(efficiency.id, 'SX-FGJ')).toMatchObject({
      input: { rate: 66.67 },
      source: expect.stringContaining('按时办结 2 件、超期办结 1 件'),
      refs: [{ type: 'approval_records', label: '企业投资项目备案（FG-002），超出2个工作日' }],
    });
    expect(of(efficiency.id, 'SX-CZJ')).toMatchObject({ input: { rate: 50 } });
    expect(of(efficiency.id, 'SX-JYJ')).toMatchObject({ input: { rate: 0 } });
    // units without any approval case get no entry: not scored rather than scored 0
    expect(of(efficiency.id, 'SX-ZZB')).toBeUndefined();
    expect(of(cost.id, 'SX-FGJ')).toMatchObject({
      input: { rate: 80 },
      refs: [{ type: 'admin_costs', label: '示例县发展和改革局2026年度行政成本' }],
    });
    expect(of(cost.id, 'SX-JYJ')).toMatchObject({ input: { rate: 70 } });
    expect(ruleTables.map((r) => r.name).sort()).toEqual(['工作日历（审批效率）', '行政成本计分办法']);

    // the published list carries the indicator's points for the quarter's rates
    const doc = await ev.call('efficiency.export', { year: 2026, quarter: 1 });
    expect(doc.fileName).toBe('2026年第一季度各部门审批绩效评分.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(doc.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审批绩效')!;
    expect(ws.getRow(2).values).toContain('得分（满分5分）');
    const fgj = ws.getRows(3, 5)!.find((r) => r.getCell(3).value === 'SX-FGJ')!;
    expect(fgj.getCell(11).value).toBe(0); // 66.67% is below the lowest step (80%)
  });
});
