/**
 * 行政成本 (seed 二.1: 将每个部门的行政效率和行政成本量化): a department's cost figures → a share of a cost
 * indicator's points, by a method the office sets (settings key `costMethod`):
 * - each part holds one figure (公用经费, 三公经费, or 人均行政成本 = 公用经费 ÷ 人数) against this year's budget or
 *   the year before, as a percentage (执行率 / 上年的百分之几), rounded to two decimals;
 * - the steps turn a percentage into a share: the first step whose ceiling it does not exceed, 0 beyond the last;
 * - the unit's share is the weighted sum of its parts' shares (the weights add up to 1).
 * A figure the method needs and the office did not give (no budget, no year before) is said, never taken as 0.
 */

import { type ValueOf, costBasis, costMeasure } from '../vocab';
import { type IndicatorKindName, type MethodParams, type ScoreInput, cents } from './plans';

export type CostMeasure = ValueOf<typeof costMeasure>;
export type CostBasis = ValueOf<typeof costBasis>;

export interface CostFigures {
  unitId: number;
  year: number;
  /** 万元. */
  publicFunds: number;
  threePublic: number;
  staff: number;
  budgetPublic: number | null;
  budgetThree: number | null;
  priorPublic: number | null;
  priorThree: number | null;
  priorStaff: number | null;
}

export interface CostMethod {
  parts: { measure: CostMeasure; basis: CostBasis; weight: number }[];
  /** Ascending ceilings in percent of the basis; beyond the last the share is 0. */
  steps: { max: number; share: number }[];
}

export const defaultCostMethod: CostMethod = {
  parts: [
    { measure: 'public', basis: 'budget', weight: 0.5 },
    { measure: 'three', basis: 'prior', weight: 0.5 },
  ],
  steps: [
    { max: 100, share: 1 },
    { max: 105, share: 0.8 },
    { max: 110, share: 0.6 },
  ],
};

export function costMethodProblem(m: CostMethod): string | null {
  if (m.parts.length === 0) return '至少设置一项考核内容';
  const seen = new Set<string>();
  for (const p of m.parts) {
    const key = `${p.measure}/${p.basis}`;
    if (seen.has(key)) return `“${costMeasure.label(p.measure)}${costBasis.label(p.basis)}”重复`;
    seen.add(key);
    if (!(p.weight > 0 && p.weight <= 1)) return '各项权重应大于 0、不超过 1';
  }
  if (Math.round(m.parts.reduce((a, p) => a + p.weight, 0) * 1000) !== 1000) return '各项权重之和应为 1';
  if (m.steps.length === 0) return '至少设置一档';
  for (let i = 0; i < m.steps.length; i++) {
    const s = m.steps[i]!;
    if (!(s.share >= 0 && s.share <= 1)) return `第 ${i + 1} 档得分比例应在 0 到 1 之间`;
    if (!(s.max > 0)) return `第 ${i + 1} 档的上限应大于 0`;
    if (i > 0 && !(s.max > m.steps[i - 1]!.max)) return '各档上限应从低到高排列';
    if (i > 0 && s.share > m.steps[i - 1]!.share) return '上限越高的档，得分比例不能越高';
  }
  return null;
}

const round2 = (x: number) => cents(x) / 100;
const wan = (x: number) => `${round2(x)}万元`;

export interface CostPart {
  measure: CostMeasure;
  basis: CostBasis;
  weight: number;
  value: number;
  against: number;
  /** The figure as a percentage of its basis. */
  percent: number;
  share: number;
}

export type CostScore = { share: number; parts: CostPart[]; explain: string } | { problem: string };

/** The figure a part measures, this year and on its basis; null where the office gave none. */
function figures(f: CostFigures, measure: CostMeasure, basis: CostBasis): [number, number | null] {
  if (measure === 'public') return [f.publicFunds, basis === 'budget' ? f.budgetPublic : f.priorPublic];
  if (measure === 'three') return [f.threePublic, basis === 'budget' ? f.budgetThree : f.priorThree];
  const now = f.publicFunds / f.staff;
  if (basis === 'budget') return [now, f.budgetPublic === null ? null : f.budgetPublic / f.staff];
  return [now, f.priorPublic === null ? null : f.priorPublic / (f.priorStaff ?? f.staff)];
}

export function stepShare(percent: number, steps: CostMethod['steps']): number {
  return steps.find((s) => percent <= s.max)?.share ?? 0;
}

export function costScore(f: CostFigures, m: CostMethod): CostScore {
  const parts: CostPart[] = [];
  for (const p of m.parts) {
    const [value, against] = figures(f, p.measure, p.basis);
    const what = `${costMeasure.label(p.measure)}${p.basis === 'budget' ? '预算数' : '上年数'}`;
    if (against === null) return { problem: `缺少${what}` };
    // nothing budgeted and nothing spent is on budget; something spent against nothing is over any step
    const percent = against > 0 ? round2((value / against) * 100) : value > 0 ? Infinity : 100;
    parts.push({ ...p, value, against, percent, share: stepShare(percent, m.steps) });
  }
  const share = Math.round(parts.reduce((a, p) => a + p.weight * p.share, 0) * 10000) / 10000;
  const explain = parts
    .map((p) => {
      const pct = Number.isFinite(p.percent) ? `${p.percent}%` : '超出（基数为 0）';
      const basis = p.basis === 'budget' ? `预算${wan(p.against)}，执行` : `上年${wan(p.against)}，为上年的`;
      return `${costMeasure.label(p.measure)}${wan(p.value)}，${basis}${pct}，得分比例${round2(p.share * 100)}%`;
    })
    .join('；');
  return { share, parts, explain: parts.length > 1 ? `${explain}；加权得分比例${round2(share * 100)}%` : explain };
}

/** What a unit's cost share gives an indicator, by its method (as efficiencyInput does for approval rates). */
export function costInput(
  kind: IndicatorKindName,
  params: MethodParams,
  points: number,
  share: number,
): { input: ScoreInput } | { problem: string } {
  switch (params.method) {
    case 'linear':
    case 'threshold':
      return { input: { rate: round2(share * 100) } };
    case 'judgement':
      return { input: { points: round2(points * share) } };
    default:
      return {
        problem:
          `行政成本不能按“${kind === 'veto' ? '一票否决' : params.method === 'grade' ? '等次' : '按次'}”计分，` +
          '请把该指标的计分方法改为按完成率、分档或综合评议',
      };
  }
}

/** The method in words, for the settings screen and the published list. */
export function describeCostMethod(m: CostMethod): string {
  const parts = m.parts
    .map((p) => `${costMeasure.label(p.measure)}${costBasis.label(p.basis)}（权重${round2(p.weight * 100)}%）`)
    .join('、');
  const steps = m.steps.map((s) => `不超过${s.max}%得${round2(s.share * 100)}%`).join('，');
  return `考核${parts}；${steps}，超过${m.steps[m.steps.length - 1]?.max ?? 0}%不得分`;
}
