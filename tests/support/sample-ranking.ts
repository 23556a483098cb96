import type { RankingCategory } from '../../electron/core';

const CATEGORIES = ['党群部门', '政府工作部门', '乡镇街道', '垂直管理单位'];
const GRADES: [number, string][] = [
  [90, '优秀'],
  [80, '良好'],
  [60, '达标'],
];

/** A made-up ranking: `sizes[i]` units in the i-th category, scores falling from 98.5, grades by the default lines. */
export function sampleRanking(sizes: number[], name = '单位'): RankingCategory[] {
  return sizes.map((n, c) => ({
    name: CATEGORIES[c % CATEGORIES.length]!,
    rows: Array.from({ length: n }, (_, i) => {
      const total = Math.round((98.5 - i * 1.25) * 100) / 100;
      return {
        rank: i + 1,
        unit: i === 1 ? `示例县${name}（含下属事业单位及派出机构）第${i + 1}` : `示例县${name}第${i + 1}`,
        total,
        grade: GRADES.find(([min]) => total >= min)?.[1] ?? '未达标',
      };
    }),
  }));
}
