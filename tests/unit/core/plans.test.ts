import { describe, expect, it } from 'vitest';
import {
  type IndicatorLite,
  describeMethod,
  methodProblem,
  parseMilestone,
  planMoveProblem,
  planRuleProblem,
  pointsByCategory,
  scoreOf,
  shiftTitle,
  shiftYears,
  unitPointsProblem,
} from '../../../electron/core';
import { planStates } from '../../../electron/contract/plan-labels';

const item = (id: number, kind: IndicatorLite['kind'], points: number, categoryIds: number[] = []): IndicatorLite => ({
  id,
  parentId: 1,
  isGroup: false,
  kind,
  name: `i${id}`,
  points,
  categoryIds,
});

describe('plan rules', () => {
  it('says in which states a change is allowed', () => {
    expect(planRuleProblem('draft', 'editIndicators')).toBeNull();
    expect(planRuleProblem('published', 'editIndicators')).toBe(
      '方案处于“已发布”状态，不能修改指标体系（仅在“草拟”状态下可以）。',
    );
    expect(planRuleProblem('signed', 'editTargets')).toBe(
      '方案处于“责任书已签订”状态，不能修改目标任务（仅在“草拟”或“已发布”状态下可以）。',
    );
    // every state the contract knows has rules
    for (const s of planStates) expect(() => planRuleProblem(s, 'letters')).not.toThrow();
  });

  it('moves one step at a time, with the checks each step needs', () => {
    const f = { pointsProblems: [], units: 3, signedLetters: 0 };
    expect(planMoveProblem('draft', 'published', f)).toBeNull();
    expect(planMoveProblem('draft', 'published', { ...f, pointsProblems: ['乡镇街道合计 95 分，应为 100 分'] })).toBe(
      '指标分值不平衡，不能发布：乡镇街道合计 95 分，应为 100 分。',
    );
    expect(planMoveProblem('draft', 'signed', f)).toBe('方案不能从“草拟”变为“责任书已签订”；此时可以：发布。');
    expect(planMoveProblem('published', 'signed', { ...f, signedLetters: 2 })).toBe('还有 1 个单位的责任书未签订。');
    expect(planMoveProblem('published', 'signed', { ...f, signedLetters: 3 })).toBeNull();
    expect(planMoveProblem('published', 'signed', { ...f, units: 0 })).toBe('还没有任何单位的目标任务。');
    expect(planMoveProblem('published', 'draft', { ...f, signedLetters: 1 })).toBe(
      '已有 1 个单位签订了责任书，不能退回草拟。',
    );
    expect(planMoveProblem('closed', 'draft', f)).toBe('方案不能从“已归档”变为“草拟”；此时已不能再办理。');
  });
});

describe('points', () => {
  it('adds base points per category in hundredths, leaving bonus, deduction and veto out', () => {
    const items = [
      item(2, 'common', 33.33),
      item(3, 'common', 33.33),
      item(4, 'specific', 33.34, [10]),
      item(5, 'specific', 33.34, [11]),
      item(6, 'bonus', 5),
      item(7, 'veto', 0),
    ];
    const rows = pointsByCategory(100, items, [
      { id: 10, name: '部门' },
      { id: 11, name: '乡镇' },
      { id: 12, name: '垂管' },
    ]);
    expect(rows).toEqual([
      { categoryId: 10, name: '部门', sum: 100, ok: true },
      { categoryId: 11, name: '乡镇', sum: 100, ok: true },
      { categoryId: 12, name: '垂管', sum: 66.66, ok: false },
    ]);
    expect(
      unitPointsProblem(100, [
        { points: 70, kind: 'specific' },
        { points: 25, kind: 'common' },
        { points: 5, kind: 'bonus' },
      ]),
    ).toBe('目标分值合计 95 分，应为 100 分');
    expect(
      unitPointsProblem(100, [
        { points: 70, kind: 'specific' },
        { points: 30, kind: 'common' },
      ]),
    ).toBeNull();
  });
});

describe('scoring methods', () => {
  it('refuses parameters that cannot work', () => {
    expect(methodProblem('common', { method: 'linear', full: 100, floor: 100 }, 10)).toBe('满分完成率应大于起算完成率');
    expect(
      methodProblem(
        'common',
        {
          method: 'threshold',
          steps: [
            { min: 80, share: 0.6 },
            { min: 90, share: 0.8 },
          ],
        },
        10,
      ),
    ).toBe('各档完成率应从高到低排列');
    expect(methodProblem('common', { method: 'grade', shares: { A: 1, B: 1.1, C: 0.7, D: 0.5 } }, 10)).toMatch(
      /A ≥ B ≥ C ≥ D/,
    );
    expect(methodProblem('deduction', { method: 'per_occurrence', each: 1, cap: 12 }, 10)).toBe(
      '封顶分值不能超过指标分值',
    );
    expect(methodProblem('veto', { method: 'veto' }, 5)).toBe('一票否决项不设分值');
    expect(methodProblem('bonus', { method: 'linear', full: 100, floor: 0 }, 5)).toBe(
      '这类指标不能用“按完成率计分”计分',
    );
    expect(methodProblem('specific', { method: 'linear', full: 100, floor: 0 }, 0)).toBe('请填写大于 0 的分值');
  });

  it('words the standard the letters print', () => {
    expect(describeMethod('common', { method: 'per_occurrence', each: 1, cap: 0 }, 5)).toBe(
      '每发现一次扣1分，最多扣5分',
    );
    expect(describeMethod('bonus', { method: 'per_occurrence', each: 2, cap: 5 }, 5)).toBe('每项加2分，最多加5分');
    // a target row worth 3 of an item capped at 10 loses at most its own 3; an extra item keeps its own cap
    expect(describeMethod('specific', { method: 'per_occurrence', each: 1, cap: 10 }, 3)).toBe(
      '每发现一次扣1分，最多扣3分',
    );
    expect(scoreOf('specific', { method: 'per_occurrence', each: 2, cap: 10 }, 3, { occurrences: 4 })).toEqual({
      points: 0,
      vetoed: false,
    });
    expect(describeMethod('deduction', { method: 'per_occurrence', each: 1, cap: 10 }, 0)).toBe(
      '每发现一次扣1分，最多扣10分',
    );
    expect(describeMethod('specific', { method: 'linear', full: 100, floor: 60 }, 70)).toBe(
      '完成率达到100%得满分70分，低于60%不得分，其间按比例计分',
    );
    expect(
      describeMethod(
        'common',
        {
          method: 'threshold',
          steps: [
            { min: 100, share: 1 },
            { min: 90, share: 0.8 },
          ],
        },
        5,
      ),
    ).toBe('完成率100%以上得5分；完成率90%以上得4分；低于最低一档不得分');
    expect(describeMethod('common', { method: 'grade', shares: { A: 1, B: 0.85, C: 0.7, D: 0.5 } }, 10)).toBe(
      '按A、B、C、D等次分别得10、8.5、7、5分',
    );
  });

  it('scores each method, capped and rounded to hundredths', () => {
    expect(scoreOf('specific', { method: 'linear', full: 100, floor: 60 }, 70, { rate: 80 })).toEqual({
      points: 35,
      vetoed: false,
    });
    expect(scoreOf('specific', { method: 'linear', full: 100, floor: 60 }, 70, { rate: 120 })).toEqual({
      points: 70,
      vetoed: false,
    });
    expect(scoreOf('specific', { method: 'linear', full: 100, floor: 0 }, 10, { rate: 33.333 })).toEqual({
      points: 3.33,
      vetoed: false,
    });
    expect(
      scoreOf(
        'common',
        {
          method: 'threshold',
          steps: [
            { min: 100, share: 1 },
            { min: 90, share: 0.8 },
          ],
        },
        5,
        { rate: 95 },
      ),
    ).toEqual({ points: 4, vetoed: false });
    expect(scoreOf('common', { method: 'threshold', steps: [{ min: 100, share: 1 }] }, 5, { rate: 50 })).toEqual({
      points: 0,
      vetoed: false,
    });
    expect(scoreOf('common', { method: 'per_occurrence', each: 2, cap: 0 }, 5, { occurrences: 4 })).toEqual({
      points: 0,
      vetoed: false,
    });
    expect(scoreOf('deduction', { method: 'per_occurrence', each: 2, cap: 5 }, 10, { occurrences: 4 })).toEqual({
      points: 5,
      vetoed: false,
    });
    expect(scoreOf('veto', { method: 'veto' }, 0, { vetoed: true })).toEqual({ points: 0, vetoed: true });
  });
});

describe('milestones and years', () => {
  it('reads a milestone cell as offices write it', () => {
    expect(parseMilestone('30%：完成立项')).toEqual({ text: '完成立项', percent: 30 });
    expect(parseMilestone('50％')).toEqual({ text: '', percent: 50 });
    expect(parseMilestone('75')).toEqual({ text: '', percent: 75 });
    expect(parseMilestone('完成立项')).toEqual({ text: '完成立项', percent: null });
    expect(parseMilestone('3个项目开工')).toEqual({ text: '3个项目开工', percent: null });
    expect(parseMilestone('120%')).toBeNull();
    expect(parseMilestone('')).toEqual({ text: '', percent: null });
  });

  it('moves dates and titles to another year', () => {
    expect(shiftYears('2025-01-01', 1)).toBe('2026-01-01');
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftTitle('示例县2025年度目标管理考核方案', 2025, 2026)).toBe('示例县2026年度目标管理考核方案');
  });
});
