import { type LetterInput } from '../../electron/core';
import { sampleLetter } from './sample-letter';

/** A 770-character target, the longest the sample offices wrote. */
export const LONG_TARGET = [
  '围绕全县经济社会发展大局，统筹推进固定资产投资、重大项目建设和营商环境优化工作，',
  '全年谋划储备项目不少于120个、总投资不低于350亿元，争取中央预算内投资和地方政府专项债券资金2.5亿元以上，',
  ...Array.from(
    { length: 18 },
    (_, i) => `第${i + 1}批次项目按季度节点完成入库、审批、开工和竣工验收，确保资金到位率达到95%以上，`,
  ),
  '按月调度、按季通报，年底前全部项目完成绩效评价。',
]
  .join('')
  .slice(0, 770);

/**
 * Twenty letters the way a plan issues them: short and long ones, one with 30 target rows (2.33 points each), one with
 * 28 (2.5 points), one with a 770-character target, a leader named 刘𠇔.
 */
export function sampleVolume(): LetterInput[] {
  const sizes = [8, 3, 12, 30, 5, 1, 20, 28, 4, 9, 2, 15, 6, 35, 7, 10, 3, 25, 8, 11];
  return sizes.map((n, i) => {
    const l = sampleLetter(n, {
      unit: `示例县第${i + 1}责任单位`,
      longTarget: i === 2 ? LONG_TARGET : undefined,
    });
    if (i === 4) l.items.find((it) => it.kind === 'specific')!.targets[0]!.leader = '刘𠇔';
    return { ...l, number: `考评责〔2026〕${i + 1}号` };
  });
}
