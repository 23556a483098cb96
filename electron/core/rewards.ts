/**
 * Year-end rewards (奖惩): each unit's amount from its grade or its total by one of a small declared set of methods
 * (never free-form code, so the finance office can read the rule), with the exclusions applied.
 *
 * Rules chosen where the regulations are silent:
 * - amounts are in 元, computed in fen and rounded half up to the fen (fixed);
 * - an excluded unit gets nothing, whatever its grade or score; every reason that applies is listed (fixed);
 * - a unit whose grade a quota could not decide gets no amount yet: the office settles the grade first (fixed);
 * - a grade with no coefficient in the table is refused before anything is computed (rewardsProblem).
 */

import { cents, formatPoints } from './plans';
import type { RecordRef } from './scoring';
import type { ValueOf, rewardMethod } from '../vocab';

export type RewardMethod =
  /** base × the coefficient of the unit's grade. */
  | { by: 'grade'; base: number; coefficients: { grade: string; coefficient: number }[] }
  /** base × total ÷ fullScore (e.g. 基数 × 总分 ÷ 100). */
  | { by: 'score'; base: number; fullScore: number }
  /** A fixed amount for each band of the total, highest band first; below the last band: nothing. */
  | { by: 'table'; steps: { min: number; amount: number }[] };

export type RewardMethodName = ValueOf<typeof rewardMethod>;
// the methods are the vocabulary's (vocab/rewards.ts): this fails to compile when the two lists differ
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameMethods: Same<RewardMethod['by'], RewardMethodName> = true;

export interface RewardRules {
  /** Recorded with every result (e.g. 奖惩办法第2版). */
  version: string;
  method: RewardMethod;
}

/** What the reward of one unit is computed from (read from the plan's results). */
export interface RewardUnit {
  unitId: number;
  code: string;
  name: string;
  categoryName: string;
  total: number;
  /** null: a quota could not decide it. */
  grade: string | null;
}

/** A reason a unit gets no reward (一票否决, and later accountability decisions), with the records it rests on. */
export interface RewardExclusion {
  unitId: number;
  /** The exclusion source's name (一票否决 …). */
  source: string;
  reason: string;
  refs?: RecordRef[];
}

export interface RewardRow {
  unitId: number;
  code: string;
  name: string;
  categoryName: string;
  total: number;
  grade: string | null;
  /** In 元; null where no amount can be computed yet (grade undecided). */
  amount: number | null;
  /** How the amount was reached, or why there is none. */
  explanation: string;
  /** The exclusions that apply (empty: none). */
  exclusions: RewardExclusion[];
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);
const money = (x: number): string => yuan(cents(x));
const MAX_AMOUNT = 100_000_000;

/** Why a reward rule cannot be used with these grades, or null. */
export function rewardsProblem(r: RewardRules, grades: string[]): string | null {
  if (!r.version.trim()) return '请填写奖惩办法版本';
  const amount = (x: number, words: string): string | null =>
    Number.isFinite(x) && x >= 0 && x <= MAX_AMOUNT ? null : `${words}应为 0 到 1 亿元之间的金额`;
  const m = r.method;
  if (m.by === 'grade') {
    const bad = amount(m.base, '奖励基数');
    if (bad) return bad;
    const seen = new Set<string>();
    for (const c of m.coefficients) {
      if (!c.grade.trim()) return '等次名称不能为空';
      if (seen.has(c.grade)) return `等次“${c.grade}”的系数设置了两次`;
      seen.add(c.grade);
      if (!(Number.isFinite(c.coefficient) && c.coefficient >= 0 && c.coefficient <= 100))
        return `等次“${c.grade}”的系数应为 0 到 100 之间的数`;
    }
    const missing = grades.filter((g) => !seen.has(g));
    if (missing.length) return `计分规则中的等次${missing.map((g) => `“${g}”`).join('、')}未设置系数`;
    return null;
  }
  if (m.by === 'score') {
    const bad = amount(m.base, '奖励基数');
    if (bad) return bad;
    if (!(Number.isFinite(m.fullScore) && m.fullScore > 0 && m.fullScore <= 1000))
      return '满分应为大于 0、不超过 1000 的分值';
    return null;
  }
  if (m.steps.length === 0) return '至少设置一个分数段';
  for (let i = 0; i < m.steps.length; i++) {
    const s = m.steps[i]!;
    if (!(Number.isFinite(s.min) && s.min >= 0)) return '分数段的起点应为不小于 0 的分值';
    const bad = amount(s.amount, `“${formatPoints(s.min)} 分以上”的金额`);
    if (bad) return bad;
    if (i > 0 && !(s.min < m.steps[i - 1]!.min)) return '各分数段应从高到低排列';
  }
  return null;
}

/** One unit's amount (in fen) and its words, before exclusions. */
function amountOf(u: RewardUnit, m: RewardMethod): { fen: number | null; words: string } {
  if (m.by === 'grade') {
    if (u.grade === null) return { fen: null, words: '等次待人工决定，暂不核算' };
    const c = m.coefficients.find((x) => x.grade === u.grade);
    if (!c) return { fen: null, words: `等次“${u.grade}”未设置系数` };
    const fen = Math.round(cents(m.base) * c.coefficient);
    return { fen, words: `${u.grade}，系数 ${c.coefficient}：${money(m.base)} × ${c.coefficient} = ${yuan(fen)} 元` };
  }
  if (m.by === 'score') {
    const fen = Math.round((cents(m.base) * cents(u.total)) / cents(m.fullScore));
    const t = formatPoints(u.total);
    return { fen, words: `总分 ${t} 分：${money(m.base)} × ${t} ÷ ${formatPoints(m.fullScore)} = ${yuan(fen)} 元` };
  }
  const step = m.steps.find((s) => cents(u.total) >= cents(s.min));
  if (!step)
    return {
      fen: 0,
      words: `总分 ${formatPoints(u.total)} 分，低于最低分数段 ${formatPoints(m.steps.at(-1)!.min)} 分：0.00 元`,
    };
  const fen = cents(step.amount);
  return { fen, words: `总分 ${formatPoints(u.total)} 分，达到 ${formatPoints(step.min)} 分一段：${yuan(fen)} 元` };
}

/**
 * Every unit's reward, in the order given (the ranking's), with the total paid. Expects rules rewardsProblem
 * accepted.
 */
export function computeRewards(
  units: RewardUnit[],
  rules: RewardRules,
  exclusions: RewardExclusion[],
): { rows: RewardRow[]; total: number; paid: number; excluded: number; undecided: number } {
  const byUnit = new Map<number, RewardExclusion[]>();
  for (const e of exclusions) {
    const list = byUnit.get(e.unitId);
    if (list) list.push(e);
    else byUnit.set(e.unitId, [e]);
  }
  let total = 0;
  let paid = 0;
  let excluded = 0;
  let undecided = 0;
  const rows = units.map((u): RewardRow => {
    const ex = byUnit.get(u.unitId) ?? [];
    const base = { unitId: u.unitId, code: u.code, name: u.name, categoryName: u.categoryName, total: u.total };
    if (ex.length) {
      excluded++;
      const why = ex.map((e) => `${e.source}：${e.reason}`).join('；');
      return { ...base, grade: u.grade, amount: 0, explanation: `不予奖励（${why}）`, exclusions: ex };
    }
    const a = amountOf(u, rules.method);
    if (a.fen === null) undecided++;
    else {
      total += a.fen;
      if (a.fen > 0) paid++;
    }
    return {
      ...base,
      grade: u.grade,
      amount: a.fen === null ? null : a.fen / 100,
      explanation: a.words,
      exclusions: [],
    };
  });
  return { rows, total: total / 100, paid, excluded, undecided };
}

/** The rule in one sentence, for the screen and the finance sheet's heading. */
export function describeRewards(r: RewardRules): string {
  const m = r.method;
  if (m.by === 'grade')
    return `按等次系数核算：奖励基数 ${money(m.base)} 元 × 等次系数（${m.coefficients
      .map((c) => `${c.grade} ${c.coefficient}`)
      .join('，')}）`;
  if (m.by === 'score') return `按得分比例核算：奖励基数 ${money(m.base)} 元 × 总分 ÷ ${formatPoints(m.fullScore)}`;
  return `按分数段核算：${m.steps.map((s) => `${formatPoints(s.min)} 分以上 ${money(s.amount)} 元`).join('，')}，以下不予奖励`;
}
