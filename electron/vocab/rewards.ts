import { vocabulary } from './define';

/** How a year-end reward is computed (core/rewards.ts): a small declared set, never a formula typed in. */
export const rewardMethod = vocabulary(
  {
    grade: '奖励基数 × 等次系数',
    score: '奖励基数 × 总分 ÷ 满分',
    table: '按分数段定额',
  },
  ['grade', 'score', 'table'],
);
