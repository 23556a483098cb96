import { describe, expect, it } from 'vitest';
import {
  type ApprovalCase,
  caseProblem,
  efficiencyInput,
  explainEfficiency,
  judgeCase,
  periodOf,
  asOfFor,
  scoreOf,
  unitEfficiency,
  unitResolver,
} from '../../../electron/core';

// 春节 as the State Council arranged 2026: 15–23 February off, Saturdays 14 and 28 February worked (调休).
const spring = new Map<string, 'holiday' | 'workday'>([
  ...Array.from({ length: 9 }, (_, i) => [`2026-02-${String(15 + i).padStart(2, '0')}`, 'holiday'] as const),
  ['2026-02-14', 'workday'],
  ['2026-02-28', 'workday'],
]);

let nextId = 1;
const kase = (o: Partial<ApprovalCase>): ApprovalCase => ({
  id: nextId++,
  unitId: 1,
  caseNo: `SP${nextId}`,
  item: '建筑工程施工许可证核发',
  acceptedOn: '2026-02-13',
  completedOn: null,
  legalDays: 15,
  promisedDays: null,
  ...o,
});

describe('an approval case against its limit, in working days on the calendar', () => {
  it('counts across 春节 and works the 调休 Saturday: accepted Friday, 3 days promised, due the 25th', () => {
    const c = kase({ promisedDays: 3, completedOn: '2026-02-25' });
    // Sat 14 (worked) is day 1, the holiday is skipped, Tue 24 is day 2, Wed 25 day 3
    expect(judgeCase(c, '2026-03-31', spring)).toMatchObject({
      dueOn: '2026-02-25',
      days: 3,
      standing: 'onTime',
      limitKind: 'promised',
    });
    // without the calendar the same case would have been late by five days
    expect(judgeCase(c, '2026-03-31', new Map()).standing).toBe('late');
    expect(judgeCase({ ...c, completedOn: '2026-02-26' }, '2026-03-31', spring)).toMatchObject({
      standing: 'late',
      overBy: 1,
    });
  });

  it('uses the legal limit when no promise was made; a case completed the day it came in took 0 days', () => {
    expect(judgeCase(kase({ legalDays: 0, completedOn: '2026-02-13' }), '2026-03-31', spring)).toMatchObject({
      days: 0,
      standing: 'onTime',
      limitKind: 'legal',
    });
  });

  it('judges an open case as of the date given: overdue past its deadline, else still in hand', () => {
    const open = kase({ promisedDays: 3 });
    expect(judgeCase(open, '2026-02-25', spring).standing).toBe('pending');
    expect(judgeCase(open, '2026-02-27', spring)).toMatchObject({ standing: 'overdue', days: 5, overBy: 2 });
  });

  it('refuses figures an office export can get wrong', () => {
    const ok = { acceptedOn: '2026-03-07', completedOn: null, legalDays: 20, promisedDays: 5 };
    expect(caseProblem(ok)).toBeNull();
    expect(caseProblem({ ...ok, completedOn: '2026-03-06' })).toBe('办结日期早于受理日期');
    expect(caseProblem({ ...ok, legalDays: -1 })).toMatch('法定时限');
    expect(caseProblem({ ...ok, promisedDays: -2 })).toMatch('承诺时限');
    expect(caseProblem({ ...ok, promisedDays: 25 })).toBe('承诺时限不能超过法定时限');
  });
});

describe('a unit’s efficiency', () => {
  const cases = [
    kase({ unitId: 7, promisedDays: 3, completedOn: '2026-02-25' }), // on time, 3 days
    kase({ unitId: 7, promisedDays: 3, completedOn: '2026-02-27' }), // late by 2, 5 days
    kase({ unitId: 7, promisedDays: 3 }), // open and past due on 3-31
    kase({ unitId: 7, acceptedOn: '2026-03-30', promisedDays: 5 }), // open, not yet due
    kase({ unitId: 8, acceptedOn: '2026-03-02', completedOn: '2026-03-04', promisedDays: 2 }),
  ];
  const byUnit = unitEfficiency(cases, '2026-03-31', spring);

  it('gives the on-time rate over judged cases, the average over completed ones, and the cases over the limit', () => {
    const u = byUnit.get(7)!;
    expect(u).toMatchObject({ cases: 4, onTime: 1, late: 1, overdue: 1, pending: 1, rate: 33.33, averageDays: 4 });
    expect(u.over.map((o) => o.standing)).toEqual(['overdue', 'late']);
    expect(byUnit.get(8)).toMatchObject({ rate: 100, averageDays: 2, over: [] });
    expect(explainEfficiency(u)).toBe(
      '办件 4 件，按时办结 1 件、超期办结 1 件、逾期未办结 1 件、在办 1 件，按时办结率 33.33%，平均办理 4 个工作日',
    );
  });

  it('turns into an indicator’s input by its method, and says why for a method a rate cannot feed', () => {
    const u = byUnit.get(7)!;
    const linear = { method: 'linear', full: 100, floor: 0 } as const;
    const r = efficiencyInput('common', linear, 6, u);
    expect(r).toEqual({ input: { rate: 33.33 } });
    expect(scoreOf('common', linear, 6, (r as { input: { rate: number } }).input).points).toBe(2);
    expect(efficiencyInput('common', { method: 'judgement' }, 6, u)).toEqual({ input: { points: 2 } });
    expect(efficiencyInput('deduction', { method: 'per_occurrence', each: 0.5, cap: 3 }, 3, u)).toEqual({
      input: { occurrences: 2 },
    });
    const grade = { method: 'grade', shares: { A: 1, B: 0.8, C: 0.6, D: 0.4 } } as const;
    expect(efficiencyInput('common', grade, 6, u)).toEqual({ problem: expect.stringContaining('等次') });
  });

  it('puts a case into the quarter of its 受理日期 and judges open cases as of the quarter’s end', () => {
    expect(periodOf(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' });
    expect(periodOf(2024, 1).to).toBe('2024-03-31');
    expect(periodOf(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf(2026, null)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: '2026年' });
    expect(asOfFor('2026-03-31', '2026-05-02')).toBe('2026-03-31');
    expect(asOfFor('2026-06-30', '2026-05-02')).toBe('2026-05-02');
  });
});

describe('units named as offices name them', () => {
  // a dozen towns, each with its 财政所
  const towns = [
    '城关镇',
    '东关镇',
    '西河乡',
    '南山乡',
    '北坡镇',
    '河口镇',
    '石桥乡',
    '柳林镇',
    '王庄乡',
    '李集镇',
    '新安镇',
    '古城乡',
  ];
  const units = [
    { id: 1, code: 'SX', name: '示例县人民政府', shortName: '示例县', parentId: null, active: true },
    ...towns.flatMap((t, i) => [
      { id: 10 + i * 2, code: `SX-T${i}`, name: `${t}人民政府`, shortName: t, parentId: 1, active: true },
      { id: 11 + i * 2, code: `SX-T${i}-CZS`, name: '财政所', shortName: null, parentId: 10 + i * 2, active: true },
    ]),
    { id: 90, code: 'SX-SPJ', name: '示例县行政审批服务局', shortName: '县审批局', parentId: 1, active: true },
    { id: 91, code: 'SX-OLD', name: '示例县物价局', shortName: null, parentId: 1, active: false },
  ];
  const resolve = unitResolver(units);

  it('finds a unit by code, full name, short name, parent path or the app’s own way of showing it', () => {
    expect(resolve('SX-T3-CZS')).toEqual({ unit: units.find((u) => u.id === 17) });
    expect(resolve('示例县行政审批服务局')).toMatchObject({ unit: { id: 90 } });
    expect(resolve('县审批局')).toMatchObject({ unit: { id: 90 } });
    expect(resolve('城关镇人民政府/财政所')).toMatchObject({ unit: { id: 11 } });
    expect(resolve('示例县／东关镇／财政所')).toMatchObject({ unit: { id: 13 } });
    expect(resolve('财政所（西河乡人民政府）')).toMatchObject({ unit: { id: 15 } });
    expect(resolve(' 财政所(古城乡) ')).toMatchObject({ unit: { id: 33 } });
  });

  it('refuses a name twelve towns share, naming the choices, and says so of unknown and stopped units', () => {
    const r = resolve('财政所');
    expect(r).toEqual({ problem: expect.stringContaining('有 12 个单位名为“财政所”') });
    expect((r as { problem: string }).problem).toContain('SX-T0-CZS 财政所（城关镇人民政府）');
    expect((r as { problem: string }).problem).toContain('请改填单位代码或“上级单位/单位”');
    expect(resolve('城关镇人民政府/税务所')).toEqual({ problem: expect.stringContaining('找不到单位') });
    expect(resolve('示例县物价局')).toEqual({ problem: '单位“示例县物价局”（SX-OLD）已停用' });
  });
});
