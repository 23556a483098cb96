import { describe, expect, it } from 'vitest';
import type { PersonMeasure } from '../../../electron/core/person-facts';
import {
  assessingUnit,
  excellentQuota,
  excellentShare,
  gradeLimit,
  type GradeLimitRule,
  limitRefusal,
  quotaRefusal,
} from '../../../electron/core/staff-assessment';
import { ruleTableSpecs } from '../../../electron/vocab';

const rules = ruleTableSpecs.staff_grade_limits.defaults as unknown as GradeLimitRule[];
const T = '规则表“处分与年度考核等次”第 1 版';

const m = (measure: string, decidedOn: string, extra: Partial<PersonMeasure> = {}): PersonMeasure => ({
  personId: 1,
  measure,
  decidedOn,
  effectUntil: null,
  body: '县纪委监委',
  underInvestigation: false,
  source: { kind: 'accountability_decision', uuid: `u-${measure}`, label: `问责决定 ${measure}` },
  ...extra,
});

const limitOf = (ms: PersonMeasure[], year = 2026) => gradeLimit(ms, year, rules, T).limit;

describe('grade limits from measures (the heaviest decides)', () => {
  it('applies every kind of the table in the year decided', () => {
    const cases: [string, string][] = [
      ['党内警告', 'notExcellent'],
      ['警告', 'notExcellent'],
      ['调整职务', 'notExcellent'],
      ['诫勉', 'notExcellent'],
      ['严重警告', 'commentOnly'],
      ['撤销党内职务', 'incompetent'],
      ['留党察看', 'incompetent'],
      ['开除党籍', 'incompetent'],
      ['记过', 'noGrade'],
      ['记大过', 'noGrade'],
      ['降级', 'noGrade'],
      ['撤职', 'noGrade'],
      ['责令辞职', 'noGrade'],
      ['免职', 'noGrade'],
      ['降职', 'noGrade'],
    ];
    for (const [measure, effect] of cases) expect(limitOf([m(measure, '2026-05-01')])?.effect, measure).toBe(effect);
  });

  it('reaches later years as the table says', () => {
    expect(limitOf([m('记大过', '2025-05-01')])?.effect).toBe('noGrade');
    expect(limitOf([m('记大过', '2024-05-01')])).toBeNull();
    expect(limitOf([m('记过', '2025-05-01')])).toBeNull();
    expect(limitOf([m('开除党籍', '2024-05-01')])?.effect).toBe('noGrade');
    expect(limitOf([m('留党察看', '2025-03-01', { effectUntil: '2027-02-28' })], 2027)?.effect).toBe('noGrade');
    expect(limitOf([m('留党察看', '2025-03-01', { effectUntil: '2026-02-28' })], 2027)).toBeNull();
    expect(limitOf([m('诫勉', '2027-01-05')])).toBeNull();
  });

  it('takes the heaviest, and names its source record and the rule', () => {
    const l = limitOf([m('诫勉', '2026-02-01'), m('记大过', '2026-06-01'), m('党内警告', '2026-08-01')])!;
    expect(l.effect).toBe('noGrade');
    expect(l.measure.measure).toBe('记大过');
    expect(limitRefusal(l, 'competent')).toBe(
      `不能定为“称职”，当年不定等次：记大过（县纪委监委，2026-06-01），见“问责决定 记大过”；依据${T}“记大过”：当年不定等次。`,
    );
    expect(limitRefusal(l, 'none')).toBeNull();
  });

  it('holds an open investigation until the case closes, whatever the measure is called', () => {
    const l = limitOf([m('立案调查', '2025-11-01', { underInvestigation: true }), m('诫勉', '2026-01-02')])!;
    expect(l.effect).toBe('pending');
    expect(limitRefusal(l, 'excellent')).toContain('待案件办结后确定');
    expect(limitRefusal(l, 'none')).toBeNull();
  });

  it('refuses 优秀 for a 诫勉 of the year, naming the decision; other grades pass', () => {
    const l = limitOf([m('诫勉', '2026-03-02')])!;
    expect(limitRefusal(l, 'excellent')).toContain('诫勉（县纪委监委，2026-03-02），见“问责决定 诫勉”');
    expect(limitRefusal(l, 'competent')).toBeNull();
  });

  it('leaves out, and reports, measures the table does not list', () => {
    const r = gradeLimit([m('通报', '2026-03-02')], 2026, rules, T);
    expect(r.limit).toBeNull();
    expect(r.unlisted.map((x) => x.measure)).toEqual(['通报']);
  });
});

describe('the 优秀 quota', () => {
  it('is the share of those assessed, rounded down, and refuses one too many with the numbers', () => {
    expect(excellentQuota(10, 20)).toBe(2);
    expect(excellentQuota(14, 20)).toBe(2);
    expect(excellentQuota(15, 20)).toBe(3);
    expect(quotaRefusal({ assessed: 10, share: 20, basis: '系统设置', others: 1, what: '拟定' })).toBeNull();
    expect(quotaRefusal({ assessed: 10, share: 20, basis: '系统设置', others: 2, what: '拟定' })).toBe(
      '优秀名额已满：本单位参加考核 10 人，优秀比例 20%（系统设置），优秀名额 2 名，已拟定优秀 2 名，不能再拟定第 3 名。',
    );
  });

  it('follows the unit grade when tied to it', () => {
    const q = [
      { code: 'a', unitGrade: '优秀', share: 15 },
      { code: 'b', unitGrade: '良好', share: 12 },
    ];
    expect(excellentShare({ share: 20, byUnitGrade: true }, '良好', q, 'T').share).toBe(12);
    expect(excellentShare({ share: 20, byUnitGrade: false }, '良好', q, 'T').share).toBe(20);
    expect(excellentShare({ share: 20, byUnitGrade: true }, null, q, 'T').share).toBe(20);
  });
});

describe('a person who moved units during the year', () => {
  const posts = [
    { unitId: 1, fromDate: '2020-01-01', toDate: '2026-04-30' },
    { unitId: 2, fromDate: '2026-05-01', toDate: null },
  ];
  it('is assessed where they served longest, or at the year end as the setting says', () => {
    expect(assessingUnit(posts, 2026, 'longest', 2).unitId).toBe(2);
    expect(assessingUnit(posts, 2026, 'yearEnd', 2).unitId).toBe(2);
    const early = [
      { unitId: 1, fromDate: '2020-01-01', toDate: '2026-09-30' },
      { unitId: 2, fromDate: '2026-10-01', toDate: null },
    ];
    expect(assessingUnit(early, 2026, 'longest', 2)).toMatchObject({
      unitId: 1,
      spans: [
        { unitId: 1, days: 273 },
        { unitId: 2, days: 92 },
      ],
    });
    expect(assessingUnit(early, 2026, 'yearEnd', 2).unitId).toBe(2);
  });
});
