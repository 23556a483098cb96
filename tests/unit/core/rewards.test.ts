import { describe, expect, it } from 'vitest';
import {
  type RewardRules,
  type RewardUnit,
  computeRewards,
  describeRewards,
  rewardsProblem,
} from '../../../electron/core';

const unit = (id: number, total: number, grade: string | null): RewardUnit => ({
  unitId: id,
  code: `U${id}`,
  name: `单位${id}`,
  categoryName: '县直部门',
  total,
  grade,
});

const byGrade: RewardRules = {
  version: '奖惩办法第1版',
  method: {
    by: 'grade',
    base: 10000,
    coefficients: [
      { grade: '优秀', coefficient: 1.2 },
      { grade: '良好', coefficient: 1 },
      { grade: '达标', coefficient: 0.8 },
      { grade: '未达标', coefficient: 0 },
    ],
  },
};
const grades = ['优秀', '良好', '达标', '未达标'];

describe('year-end rewards', () => {
  it('pays base × the grade coefficient and says how', () => {
    const r = computeRewards([unit(1, 95, '优秀'), unit(2, 85, '良好'), unit(3, 50, '未达标')], byGrade, []);
    expect(r.rows.map((x) => x.amount)).toEqual([12000, 10000, 0]);
    expect(r.rows[0]!.explanation).toBe('优秀，系数 1.2：10000.00 × 1.2 = 12000.00 元');
    expect(r.total).toBe(22000);
    expect(r.paid).toBe(2);
  });

  it('pays nothing to an excluded unit and lists every reason', () => {
    const r = computeRewards([unit(1, 95, '优秀'), unit(2, 85, '良好')], byGrade, [
      { unitId: 1, source: '一票否决', reason: '发生一票否决事项（安全生产）' },
      { unitId: 1, source: '问责', reason: '年内受到问责' },
    ]);
    expect(r.rows[0]!.amount).toBe(0);
    expect(r.rows[0]!.explanation).toBe('不予奖励（一票否决：发生一票否决事项（安全生产）；问责：年内受到问责）');
    expect(r.total).toBe(10000);
    expect(r.excluded).toBe(1);
  });

  it('does not pay a unit whose grade a quota could not decide', () => {
    const r = computeRewards([unit(1, 90, null), unit(2, 80, '良好')], byGrade, []);
    expect(r.rows[0]!.amount).toBeNull();
    expect(r.rows[0]!.explanation).toBe('等次待人工决定，暂不核算');
    expect(r.undecided).toBe(1);
    expect(r.total).toBe(10000);
  });

  it('pays base × total ÷ full score, rounded to the fen', () => {
    const rules: RewardRules = { version: 'v', method: { by: 'score', base: 10000, fullScore: 100 } };
    const r = computeRewards([unit(1, 87.35, '良好'), unit(2, 33.33, '未达标')], rules, []);
    expect(r.rows.map((x) => x.amount)).toEqual([8735, 3333]);
    expect(r.rows[1]!.explanation).toBe('总分 33.33 分：10000.00 × 33.33 ÷ 100 = 3333.00 元');
    const odd = computeRewards(
      [unit(1, 66.67, 'x')],
      { version: 'v', method: { by: 'score', base: 100, fullScore: 90 } },
      [],
    );
    expect(odd.rows[0]!.amount).toBe(74.08);
  });

  it('pays a fixed amount per band of the total', () => {
    const rules: RewardRules = {
      version: 'v',
      method: {
        by: 'table',
        steps: [
          { min: 90, amount: 20000 },
          { min: 80, amount: 10000 },
        ],
      },
    };
    const r = computeRewards([unit(1, 90, 'a'), unit(2, 89.99, 'b'), unit(3, 79, 'c')], rules, []);
    expect(r.rows.map((x) => x.amount)).toEqual([20000, 10000, 0]);
    expect(r.rows[2]!.explanation).toBe('总分 79 分，低于最低分数段 80 分：0.00 元');
    expect(describeRewards(rules)).toBe('按分数段核算：90 分以上 20000.00 元，80 分以上 10000.00 元，以下不予奖励');
  });

  it('refuses a rule that would leave a grade without a coefficient, or bad amounts and bands', () => {
    expect(rewardsProblem(byGrade, grades)).toBeNull();
    expect(rewardsProblem(byGrade, [...grades, '较好'])).toBe('计分规则中的等次“较好”未设置系数');
    const neg = { ...byGrade, method: { ...byGrade.method, base: -1 } } as RewardRules;
    expect(rewardsProblem(neg, grades)).toBe('奖励基数应为 0 到 1 亿元之间的金额');
    expect(
      rewardsProblem(
        {
          version: 'v',
          method: {
            by: 'table',
            steps: [
              { min: 80, amount: 1 },
              { min: 90, amount: 2 },
            ],
          },
        },
        grades,
      ),
    ).toBe('各分数段应从高到低排列');
    expect(rewardsProblem({ version: 'v', method: { by: 'score', base: 1, fullScore: 0 } }, grades)).toBe(
      '满分应为大于 0、不超过 1000 的分值',
    );
  });
});
