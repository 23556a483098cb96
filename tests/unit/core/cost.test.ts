import { describe, expect, it } from 'vitest';
import {
  type CostFigures,
  costInput,
  costMethodProblem,
  costScore,
  defaultCostMethod,
  describeCostMethod,
  scoreOf,
} from '../../../electron/core';

const figures = (o: Partial<CostFigures> = {}): CostFigures => ({
  unitId: 1,
  year: 2026,
  publicFunds: 210,
  threePublic: 12.6,
  staff: 42,
  budgetPublic: 200,
  budgetThree: 14,
  priorPublic: 205,
  priorThree: 12,
  priorStaff: 40,
  ...o,
});

describe('administrative cost into points', () => {
  it('holds each figure against its basis, steps it, and weighs the parts (the default method)', () => {
    const r = costScore(figures(), defaultCostMethod);
    // 公用经费 210 of a 200 budget = 105% → 0.8; 三公 12.6 against 12 the year before = 105% → 0.8
    expect(r).toMatchObject({ share: 0.8 });
    expect('explain' in r && r.explain).toBe(
      '公用经费210万元，预算200万元，执行105%，得分比例80%；三公经费12.6万元，上年12万元，为上年的105%，得分比例80%；' +
        '加权得分比例80%',
    );
    const under = costScore(figures({ publicFunds: 190, threePublic: 11 }), defaultCostMethod);
    expect(under).toMatchObject({ share: 1 });
    const far = costScore(figures({ publicFunds: 230 }), defaultCostMethod);
    expect(far).toMatchObject({ share: 0.4 }); // 115% → 0 for half, 0.8 for the other half
  });

  it('measures cost per staff member, the year before per its own staff', () => {
    const m = {
      parts: [{ measure: 'perStaff' as const, basis: 'prior' as const, weight: 1 }],
      steps: defaultCostMethod.steps,
    };
    // 210/42 = 5 this year, 205/40 = 5.125 the year before: 97.56% → full
    expect(costScore(figures(), m)).toMatchObject({ share: 1, parts: [{ percent: 97.56 }] });
  });

  it('says which figure is missing instead of taking it as 0', () => {
    expect(costScore(figures({ budgetPublic: null }), defaultCostMethod)).toEqual({ problem: '缺少公用经费预算数' });
    expect(costScore(figures({ priorThree: null }), defaultCostMethod)).toEqual({ problem: '缺少三公经费上年数' });
  });

  it('refuses a method that cannot work, in words', () => {
    expect(costMethodProblem(defaultCostMethod)).toBeNull();
    const bad = (o: object) => costMethodProblem({ ...defaultCostMethod, ...o });
    expect(bad({ parts: [{ measure: 'public', basis: 'budget', weight: 0.6 }] })).toBe('各项权重之和应为 1');
    expect(
      bad({
        steps: [
          { max: 110, share: 0.6 },
          { max: 100, share: 1 },
        ],
      }),
    ).toBe('各档上限应从低到高排列');
    expect(
      bad({
        steps: [
          { max: 100, share: 0.5 },
          { max: 110, share: 0.8 },
        ],
      }),
    ).toBe('上限越高的档，得分比例不能越高');
    expect(bad({ parts: [] })).toBe('至少设置一项考核内容');
    expect(describeCostMethod(defaultCostMethod)).toBe(
      '考核公用经费对照预算（权重50%）、三公经费对照上年（权重50%）；不超过100%得100%，不超过105%得80%，不超过110%得60%，超过110%不得分',
    );
  });

  it('feeds an indicator by its method', () => {
    const linear = { method: 'linear', full: 100, floor: 0 } as const;
    const r = costInput('common', linear, 4, 0.8);
    expect(r).toEqual({ input: { rate: 80 } });
    expect(scoreOf('common', linear, 4, { rate: 80 }).points).toBe(3.2);
    expect(costInput('common', { method: 'judgement' }, 4, 0.8)).toEqual({ input: { points: 3.2 } });
    expect(costInput('deduction', { method: 'per_occurrence', each: 1, cap: 2 }, 2, 0.8)).toEqual({
      problem: expect.stringContaining('按次'),
    });
  });
});
