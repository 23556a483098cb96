import { describe, expect, it } from 'vitest';
import {
  type ScoreEntry,
  type ScoringIndicator,
  type ScoringRules,
  type ScoringUnit,
  type UnitScore,
  assignGrades,
  computeScores,
  defaultScoringRules,
  describeOrder,
  drillDown,
  explainLine,
  rankWithinCategory,
  scoreUnit,
  scoreYear,
  scoringProblems,
  scoringRulesProblem,
} from '../../../electron/core';

const ind = (id: number, kind: ScoringIndicator['kind'], points: number, params: ScoringIndicator['params']) => ({
  id,
  name: `指标${id}`,
  kind,
  points,
  params,
  categoryIds: [] as number[],
});

const unit = (id: number, categoryId = 1): ScoringUnit => ({
  id,
  code: `U${String(id).padStart(3, '0')}`,
  name: `单位${id}`,
  categoryId,
  categoryName: categoryId === 1 ? '政府工作部门' : '乡镇街道',
});

const one = (it: ScoringIndicator, input: ScoreEntry['input']) => {
  const u = scoreUnit(unit(1), [it], [{ unitId: 1, indicatorId: it.id, input }], defaultScoringRules);
  return { ...u, lines: drillDown(u, defaultScoringRules).lines };
};

describe('scoring: each method, with its explanation', () => {
  it('linear, on completion', () => {
    const l = one(ind(1, 'specific', 30, { method: 'linear', full: 100, floor: 0 }), { rate: 85 }).lines[0]!;
    expect(l.earned).toBe(25.5);
    expect(l.explanation).toBe('完成率 85%，按完成比例计分：30 × 85% = 25.5 分');
    const floor = one(ind(1, 'specific', 30, { method: 'linear', full: 100, floor: 60 }), { rate: 85 }).lines[0]!;
    expect(floor.earned).toBe(18.75);
    expect(floor.explanation).toBe(
      '完成率 85%，60% 起算、100% 得满分，按比例计分：30 × (85 − 60) ÷ (100 − 60) = 18.75 分',
    );
    const over = one(ind(1, 'specific', 30, { method: 'linear', full: 100, floor: 0 }), { rate: 120 }).lines[0]!;
    expect([over.earned, over.explanation]).toEqual([30, '完成率 120%，达到 100% 得满分：30 分']);
    const thirds = one(ind(1, 'specific', 10, { method: 'linear', full: 90, floor: 0 }), { rate: 30 }).lines[0]!;
    expect(thirds.earned).toBe(3.33);
    expect(thirds.explanation).toBe('完成率 30%，达到 90% 得满分，按比例计分：10 × 30 ÷ 90 = 3.33 分');
  });

  it('threshold, grade and judgement', () => {
    const steps = {
      method: 'threshold' as const,
      steps: [
        { min: 100, share: 1 },
        { min: 90, share: 0.8 },
      ],
    };
    const t = one(ind(1, 'common', 20, steps), { rate: 92 }).lines[0]!;
    expect([t.earned, t.explanation]).toEqual([16, '完成率 92%，达到 90% 一档，得分比例 80%：20 × 80% = 16 分']);
    expect(one(ind(1, 'common', 20, steps), { rate: 70 }).lines[0]!.explanation).toBe(
      '完成率 70%，低于最低一档 90%，不得分：0 分',
    );
    const g = one(ind(1, 'common', 10, { method: 'grade', shares: { A: 1, B: 0.85, C: 0.7, D: 0.5 } }), {
      grade: 'B',
    }).lines[0]!;
    expect([g.earned, g.explanation]).toEqual([8.5, '评定为 B 等，得分比例 85%：10 × 85% = 8.5 分']);
    const j = one(ind(1, 'common', 10, { method: 'judgement' }), { points: 7.5 }).lines[0]!;
    expect([j.earned, j.explanation]).toEqual([7.5, '考核责任单位综合评议 7.5 分（满分 10 分）']);
  });

  it('per occurrence: a base item loses, a bonus adds, a deduction takes, each within its cap', () => {
    const base = one(ind(1, 'common', 5, { method: 'per_occurrence', each: 2, cap: 0 }), { occurrences: 4 });
    expect(base.lines[0]!.earned).toBe(0);
    expect(base.lines[0]!.explanation).toBe('发现 4 次，每次扣 2 分，共 8 分，超过封顶 5 分，按 5 分计：5 − 5 = 0 分');
    const bonus = one(ind(1, 'bonus', 3, { method: 'per_occurrence', each: 1, cap: 3 }), { occurrences: 2 });
    expect([bonus.bonus, bonus.lines[0]!.explanation]).toEqual([2, '加分 2 项，每项加 1 分，共 2 分：加 2 分']);
    const ded = one(ind(1, 'deduction', 10, { method: 'per_occurrence', each: 0.5, cap: 10 }), { occurrences: 3 });
    expect([ded.deduction, ded.lines[0]!.explanation]).toEqual([1.5, '发现 3 次，每次扣 0.5 分，共 1.5 分：扣 1.5 分']);
  });

  it('caps the bonus and deduction totals and explains the total', () => {
    const items = [
      ind(1, 'common', 100, { method: 'judgement' }),
      ind(2, 'bonus', 5, { method: 'per_occurrence', each: 2, cap: 5 }),
      ind(3, 'bonus', 5, { method: 'judgement' }),
      ind(4, 'deduction', 20, { method: 'per_occurrence', each: 4, cap: 20 }),
    ];
    const entries: ScoreEntry[] = [
      { unitId: 1, indicatorId: 1, input: { points: 90 } },
      { unitId: 1, indicatorId: 2, input: { occurrences: 2 } },
      { unitId: 1, indicatorId: 3, input: { points: 3 } },
      { unitId: 1, indicatorId: 4, input: { occurrences: 3 } },
    ];
    const rules = { ...defaultScoringRules, bonusCap: 5, deductionCap: 10 };
    const u = scoreUnit(unit(1), items, entries, rules);
    expect([u.base, u.bonusBeforeCap, u.bonus, u.deductionBeforeCap, u.deduction, u.total]).toEqual([
      90, 7, 5, 12, 10, 85,
    ]);
    expect(drillDown(u, rules).summary).toBe(
      '基础得分 90 分 + 加分 5 分（应加 7 分，加分封顶 5 分） − 扣分 10 分（应扣 12 分，扣分封顶 10 分） = 85 分',
    );
    // a missing base item counts 0 and marks the unit incomplete; a missing deduction item means none happened
    const partial = scoreUnit(unit(1), items, entries.slice(1, 2), rules);
    expect(partial.complete).toBe(false);
    expect(partial.lines.map(explainLine)).toContain('尚未评分，暂计 0 分');
    expect(partial.lines.map(explainLine)).toContain('未录入，按未发生计 0 分');
  });

  it("scores each of a unit's targets under an item on its own points; a target twice is refused", () => {
    const it30 = ind(1, 'specific', 30, { method: 'linear', full: 100, floor: 0 });
    const entries: ScoreEntry[] = [
      { unitId: 1, indicatorId: 1, targetId: 12, points: 20, input: { rate: 50 }, source: '第四季度进展报告' },
      { unitId: 1, indicatorId: 1, targetId: 11, points: 10, input: { rate: 100 } },
    ];
    const u = scoreUnit(unit(1), [it30], entries, defaultScoringRules);
    expect(u.lines.map((l) => [l.targetId, l.points, l.earned, l.source])).toEqual([
      [11, 10, 10, null],
      [12, 20, 10, '第四季度进展报告'],
    ]);
    expect(u.base).toBe(20);
    expect(scoringProblems([it30], [unit(1)], [...entries, entries[0]!])).toEqual(['单位1“指标1”：重复评分']);
  });

  it('a veto keeps the points but puts the unit last with the veto grade', () => {
    const items = [ind(1, 'common', 100, { method: 'judgement' }), ind(2, 'veto', 0, { method: 'veto' })];
    const entries: ScoreEntry[] = [
      { unitId: 1, indicatorId: 1, input: { points: 99 } },
      { unitId: 1, indicatorId: 2, input: { vetoed: true }, source: '2026年第3号问责决定' },
      { unitId: 2, indicatorId: 1, input: { points: 70 } },
      { unitId: 2, indicatorId: 2, input: { vetoed: false } },
    ];
    const r = scoreYear(items, [unit(1), unit(2)], entries, defaultScoringRules, 'v1');
    if (!r.ok) throw new Error(r.problems.join());
    const u1 = r.value.units[0]!;
    expect([u1.vetoed, u1.total]).toEqual([true, 99]);
    expect(u1.lines[1]!.source).toBe('2026年第3号问责决定');
    expect(r.value.ranks.map((x) => [x.unitId, x.rank])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(r.value.grades.find((g) => g.unitId === 1)).toEqual({
      unitId: 1,
      grade: '未达标',
      reason: '发生一票否决事项',
    });
    expect(r.value.basis).toEqual({ ruleVersion: '默认规则', indicatorVersion: 'v1' });
  });
});

const scored = (rows: [number, number, number, number, boolean?][], categoryId = 1): UnitScore[] =>
  rows.map(([id, total, base, deduction, vetoed]) => ({
    ...unit(id, categoryId),
    unitId: id,
    base,
    bonusBeforeCap: 0,
    bonus: total - base + deduction,
    deductionBeforeCap: deduction,
    deduction,
    vetoed: vetoed ?? false,
    total,
    complete: true,
    lines: [],
  }));

describe('scoring: rank, tie-break and grades', () => {
  const order = defaultScoringRules.order;

  it('ranks within each category by the stated order; ties that remain share a rank', () => {
    const units = [
      ...scored([
        [1, 95.5, 90, 0],
        [2, 95.5, 92, 0], // same total, higher base: ahead
        [3, 90, 88, 1],
        [4, 90, 88, 0], // same total and base, fewer deductions: ahead
        [5, 80, 80, 0],
        [6, 80, 80, 0], // equal on every key: shares a rank with 5
      ]),
      ...scored([[7, 50, 50, 0]], 2),
    ];
    const ranked = rankWithinCategory([...units].reverse(), order);
    expect(ranked.map((r) => [r.unitId, r.rank, r.tied])).toEqual([
      [2, 1, false],
      [1, 2, false],
      [4, 3, false],
      [3, 4, false],
      [5, 5, true],
      [6, 5, true],
      [7, 1, false],
    ]);
    expect(rankWithinCategory(units, [...order, 'code']).find((r) => r.unitId === 6)!.rank).toBe(6);
    expect(describeOrder(order)).toBe(
      '同一考核类别内依次比较：未被一票否决的在前，总分高的在前，基础得分高的在前，扣分少的在前；以上都相同的并列',
    );
  });

  it('grades by thresholds', () => {
    const units = scored([
      [1, 90, 90, 0],
      [2, 89.99, 89.99, 0],
      [3, 59, 59, 0],
    ]);
    const { grades, problems } = assignGrades(units, rankWithinCategory(units, order), defaultScoringRules);
    expect(problems).toEqual([]);
    expect(grades.map((g) => [g.grade, g.reason])).toEqual([
      ['优秀', '总分 90 分，达到 90 分'],
      ['良好', '总分 89.99 分，达到 80 分'],
      ['未达标', '总分 59 分，低于 60 分'],
    ]);
  });

  it('grades by quota per category and reports a tie at the boundary instead of choosing', () => {
    const rules: ScoringRules = {
      ...defaultScoringRules,
      grading: {
        by: 'quota',
        perCategory: [{ categoryId: 1, steps: [{ grade: '优秀', count: 2 }] }],
        otherwise: [{ grade: '优秀', share: 0.5 }],
        rest: '良好',
        vetoGrade: '不合格',
      },
    };
    const units = [
      ...scored([
        [1, 99, 99, 0],
        [2, 95.5, 95.5, 0],
        [3, 95.5, 95.5, 0],
        [4, 90, 90, 0],
        [9, 100, 100, 0, true],
      ]),
      ...scored(
        [
          [5, 80, 80, 0],
          [6, 70, 70, 0],
          [7, 60, 60, 0],
        ],
        2,
      ),
    ];
    const { grades, problems } = assignGrades(units, rankWithinCategory(units, rules.order), rules);
    expect(problems).toEqual(['政府工作部门：第2名与第3名同分（95.5分），优秀名额2个无法确定，请人工决定']);
    const by = Object.fromEntries(grades.map((g) => [g.unitId, g.grade]));
    expect(by).toEqual({ 1: '优秀', 2: null, 3: null, 4: '良好', 9: '不合格', 5: '优秀', 6: '良好', 7: '良好' });
  });
});

describe('scoring: hostile input is refused with a Chinese message', () => {
  const items = [
    ind(1, 'common', 30, { method: 'judgement' }),
    ind(2, 'specific', 30, { method: 'linear', full: 100, floor: 0 }),
    { ...ind(3, 'common', 10, { method: 'per_occurrence', each: 1, cap: 0 }), categoryIds: [2] },
  ];
  const units = [unit(1), unit(2, 2)];

  it('lists every problem and computes nothing', () => {
    const bad: ScoreEntry[] = [
      { unitId: 1, indicatorId: 1, input: { points: 35 } },
      { unitId: 2, indicatorId: 1, input: { points: -1 } },
      { unitId: 1, indicatorId: 2, input: { rate: -5 } },
      { unitId: 2, indicatorId: 2, input: { grade: 'A' } },
      { unitId: 1, indicatorId: 3, input: { occurrences: 1 } },
      { unitId: 2, indicatorId: 3, input: { occurrences: 1.5 } },
      { unitId: 99, indicatorId: 1, input: { points: 1 } },
      { unitId: 1, indicatorId: 1, input: { points: Number.NaN } },
    ];
    expect(scoringProblems(items, units, bad)).toEqual([
      '单位1“指标1”：评定分值 35 分超过该指标分值 30 分',
      '单位2“指标1”：评定分值 -1 分不能小于 0',
      '单位1“指标2”：完成率 -5% 不能小于 0',
      '单位2“指标2”：按“按完成率计分”计分，需要填写完成率',
      '单位1“指标3”：该指标不适用于政府工作部门',
      '单位2“指标3”：次数应为 0 或正整数',
      '第 7 条评分：找不到单位',
      '单位1“指标1”：重复评分',
      '单位1“指标1”：评定分值应为数字',
    ]);
    const r = scoreYear(items, units, bad, defaultScoringRules, 'v1');
    expect(r.ok).toBe(false);
  });

  it('refuses a rule set it cannot use', () => {
    expect(scoringRulesProblem(defaultScoringRules)).toBeNull();
    expect(scoringRulesProblem({ ...defaultScoringRules, bonusCap: -1 })).toBe(
      '加分封顶应为 0 到 1000 之间的分值，或不封顶',
    );
    expect(scoringRulesProblem({ ...defaultScoringRules, order: ['total', 'total'] })).toBe('排名比较顺序有重复项');
    const g = defaultScoringRules.grading;
    if (g.by !== 'threshold') throw new Error('default grading');
    expect(scoringRulesProblem({ ...defaultScoringRules, grading: { ...g, steps: [...g.steps].reverse() } })).toBe(
      '各等次分数线应从高到低排列',
    );
    expect(
      scoringRulesProblem({
        ...defaultScoringRules,
        grading: {
          by: 'quota',
          perCategory: [],
          otherwise: [
            { grade: '优秀', share: 0.8 },
            { grade: '良好', share: 0.3 },
          ],
          rest: '达标',
          vetoGrade: '未达标',
        },
      }),
    ).toBe('名额：各等次比例合计超过 100%');
  });
});

describe('scoring: determinism', () => {
  it('gives the same result twice, whatever the order of the input', () => {
    const items = [
      ind(1, 'common', 40, { method: 'linear', full: 100, floor: 0 }),
      ind(2, 'specific', 60, { method: 'grade', shares: { A: 1, B: 0.85, C: 0.7, D: 0.5 } }),
      ind(3, 'deduction', 10, { method: 'per_occurrence', each: 0.5, cap: 10 }),
    ];
    const units = Array.from({ length: 40 }, (_, i) => unit(i + 1, (i % 3) + 1));
    const entries: ScoreEntry[] = units.flatMap((u) => [
      { unitId: u.id, indicatorId: 1, input: { rate: 50 + ((u.id * 7) % 50) } },
      { unitId: u.id, indicatorId: 2, input: { grade: (['A', 'B', 'C', 'D'] as const)[u.id % 4]! } },
      { unitId: u.id, indicatorId: 3, input: { occurrences: u.id % 3 } },
    ]);
    const a = scoreYear(items, units, entries, defaultScoringRules, 'v1');
    const b = scoreYear(items, units, entries, defaultScoringRules, 'v1');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = scoreYear(items, [...units].reverse(), [...entries].reverse(), defaultScoringRules, 'v1');
    if (!a.ok || !c.ok) throw new Error('refused');
    expect(c.value.ranks).toEqual(a.value.ranks);
    expect(computeScores(items, units, entries, defaultScoringRules, 'v1').units).toEqual(a.value.units);
  });
});
