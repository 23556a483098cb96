/** Rules of the annual plan, its indicator tree and the units' targets; no storage here. */

import { type indicatorKind, planState, type scoringMethod, type ValueOf } from '../vocab';
import { movesOf, stepTo } from './lifecycle';
import { planLifecycle } from './lifecycles';

export type PlanStateName = ValueOf<typeof planState>;
export type IndicatorKindName = ValueOf<typeof indicatorKind>;
export type MethodName = ValueOf<typeof scoringMethod>;

/** What may change in each state. */
export interface PlanRules {
  editPlan: boolean;
  editIndicators: boolean;
  editTargets: boolean;
  letters: boolean;
}

export const planRules: Record<PlanStateName, PlanRules> = {
  draft: { editPlan: true, editIndicators: true, editTargets: true, letters: false },
  published: { editPlan: false, editIndicators: false, editTargets: true, letters: true },
  signed: { editPlan: false, editIndicators: false, editTargets: false, letters: false },
  scoring: { editPlan: false, editIndicators: false, editTargets: false, letters: false },
  results: { editPlan: false, editIndicators: false, editTargets: false, letters: false },
  closed: { editPlan: false, editIndicators: false, editTargets: false, letters: false },
};

/** The states a plan may move to from each state, from its lifecycle table. */
export const planMoves: Record<PlanStateName, PlanStateName[]> = movesOf(planLifecycle);

/** The words a refusal uses for each kind of change. */
const ruleWords: Record<keyof PlanRules, string> = {
  editPlan: '修改方案',
  editIndicators: '修改指标体系',
  editTargets: '修改目标任务',
  letters: '生成或签订责任书',
};

export function planRuleProblem(state: PlanStateName, rule: keyof PlanRules): string | null {
  if (planRules[state][rule]) return null;
  const where = (Object.keys(planRules) as PlanStateName[])
    .filter((s) => planRules[s][rule])
    .map((s) => `“${stateNames[s]}”`);
  return `方案处于“${stateNames[state]}”状态，不能${ruleWords[rule]}（仅在${where.join('或')}状态下可以）。`;
}

const stateNames = planState.labels;

export interface MoveFacts {
  /** Categories whose indicator points do not add up to the total. */
  pointsProblems: string[];
  units: number;
  signedLetters: number;
  /** Units whose targets do not add up to the base score, as “name：problem”. */
  unitShortfalls?: string[];
  /** The office decided to publish all the same (recorded in the audit entry). */
  acceptShortfalls?: boolean;
}

/** How many names a refusal spells out before “等”. */
const NAMED = 5;

/** Why a plan may not move from one state to another, or null when it may. */
export function planMoveProblem(from: PlanStateName, to: PlanStateName, f: MoveFacts): string | null {
  const legal = stepTo(planLifecycle, from, to, { role: 'evaluator' });
  if (!legal.ok) return legal.message;
  if (from === 'draft' && to === 'published') {
    if (f.pointsProblems.length) return `指标分值不平衡，不能发布：${f.pointsProblems.join('；')}。`;
    const short = f.unitShortfalls ?? [];
    if (short.length && !f.acceptShortfalls)
      return (
        `有 ${short.length} 个单位的目标分值合计与基本分不符（${short.slice(0, NAMED).join('；')}` +
        `${short.length > NAMED ? ' 等' : ''}）；这些单位的责任书不能生成。仍要发布的，请确认后再发布。`
      );
  }
  if (from === 'published' && to === 'draft' && f.signedLetters > 0)
    return `已有 ${f.signedLetters} 个单位签订了责任书，不能退回草拟。`;
  if (from === 'published' && to === 'signed') {
    if (f.units === 0) return '还没有任何单位的目标任务。';
    if (f.signedLetters < f.units) return `还有 ${f.units - f.signedLetters} 个单位的责任书未签订。`;
  }
  return null;
}

/** Points are kept to two decimals; sums compare in hundredths so 33.33 + 33.33 + 33.34 is 100. */
export const cents = (x: number): number => Math.round(x * 100);
export const formatPoints = (x: number): string => String(cents(x) / 100);

/** The kinds whose points make up the base total; the others are added or deducted on top. */
export const baseKinds: readonly IndicatorKindName[] = ['common', 'specific'];

export interface IndicatorLite {
  id: number;
  parentId: number | null;
  isGroup: boolean;
  kind: IndicatorKindName;
  name: string;
  points: number;
  categoryIds: number[];
}

export interface CategoryPoints {
  categoryId: number;
  name: string;
  sum: number;
  ok: boolean;
}

/** For each category, the base points of the items that apply to it against the plan's total. */
export function pointsByCategory(
  total: number,
  items: IndicatorLite[],
  categories: { id: number; name: string }[],
): CategoryPoints[] {
  return categories.map((c) => {
    const sum = items
      .filter(
        (i) => !i.isGroup && baseKinds.includes(i.kind) && (i.categoryIds.length === 0 || i.categoryIds.includes(c.id)),
      )
      .reduce((a, i) => a + cents(i.points), 0);
    return { categoryId: c.id, name: c.name, sum: sum / 100, ok: sum === cents(total) };
  });
}

export function pointsProblemsOf(total: number, rows: CategoryPoints[]): string[] {
  return rows
    .filter((r) => !r.ok)
    .map((r) => `${r.name}合计 ${formatPoints(r.sum)} 分，应为 ${formatPoints(total)} 分`);
}

/** A group's points are the sum of its items. */
export function groupPoints(items: IndicatorLite[], groupId: number): number {
  return items.filter((i) => i.parentId === groupId).reduce((a, i) => a + cents(i.points), 0) / 100;
}

/** Why a unit's targets do not add up to the plan's total (base kinds only), or null. */
export function unitPointsProblem(
  total: number,
  targets: { points: number; kind: IndicatorKindName }[],
): string | null {
  return basePointsProblem(
    total,
    targets.filter((t) => baseKinds.includes(t.kind)).reduce((a, t) => a + cents(t.points), 0),
  );
}

/** Why base points adding up to `sum` cents do not make the plan's total, or null (unitPointsProblem, tallied). */
export function basePointsProblem(total: number, sum: number): string | null {
  if (sum === cents(total)) return null;
  return `目标分值合计 ${formatPoints(sum / 100)} 分，应为 ${formatPoints(total)} 分`;
}

// ─── scoring methods ────────────────────────────────────────────────────────────────────────

export type MethodParams =
  | { method: 'linear'; full: number; floor: number }
  | { method: 'threshold'; steps: { min: number; share: number }[] }
  | { method: 'grade'; shares: { A: number; B: number; C: number; D: number } }
  | { method: 'per_occurrence'; each: number; cap: number }
  | { method: 'veto' }
  | { method: 'judgement' };

export const defaultParams: Record<MethodName, MethodParams> = {
  linear: { method: 'linear', full: 100, floor: 0 },
  threshold: {
    method: 'threshold',
    steps: [
      { min: 100, share: 1 },
      { min: 90, share: 0.8 },
      { min: 80, share: 0.6 },
    ],
  },
  grade: { method: 'grade', shares: { A: 1, B: 0.85, C: 0.7, D: 0.5 } },
  per_occurrence: { method: 'per_occurrence', each: 1, cap: 0 },
  veto: { method: 'veto' },
  judgement: { method: 'judgement' },
};

/** Which scoring methods make sense for each kind of indicator. */
export const methodsForKind: Record<IndicatorKindName, MethodName[]> = {
  common: ['linear', 'threshold', 'grade', 'per_occurrence', 'judgement'],
  specific: ['linear', 'threshold', 'grade', 'per_occurrence', 'judgement'],
  bonus: ['per_occurrence', 'grade', 'judgement'],
  deduction: ['per_occurrence', 'judgement'],
  veto: ['veto'],
};

/** Why a method's parameters cannot work for an item of these points, or null. */
export function methodProblem(kind: IndicatorKindName, p: MethodParams, points: number): string | null {
  if (!methodsForKind[kind].includes(p.method)) return `这类指标不能用“${methodWords[p.method]}”计分`;
  if (kind === 'veto' && points !== 0) return '一票否决项不设分值';
  if (kind !== 'veto' && points <= 0) return '请填写大于 0 的分值';
  switch (p.method) {
    case 'linear':
      if (!(p.full > p.floor && p.floor >= 0 && p.full <= 1000)) return '满分完成率应大于起算完成率';
      return null;
    case 'threshold': {
      if (p.steps.length === 0) return '至少设置一档';
      for (let i = 0; i < p.steps.length; i++) {
        const s = p.steps[i]!;
        if (!(s.share >= 0 && s.share <= 1)) return `第 ${i + 1} 档得分比例应在 0 到 1 之间`;
        if (i > 0 && !(s.min < p.steps[i - 1]!.min)) return '各档完成率应从高到低排列';
      }
      return null;
    }
    case 'grade': {
      const { A, B, C, D } = p.shares;
      if (![A, B, C, D].every((x) => x >= 0 && x <= 1) || !(A >= B && B >= C && C >= D))
        return '等次得分比例应在 0 到 1 之间且 A ≥ B ≥ C ≥ D';
      return null;
    }
    case 'per_occurrence':
      if (!(p.each > 0)) return '每次扣（加）分应大于 0';
      if (p.cap < 0 || cents(p.cap) > cents(points)) return '封顶分值不能超过指标分值';
      return null;
    default:
      return null;
  }
}

const methodWords: Record<MethodName, string> = {
  linear: '按完成率计分',
  threshold: '分档计分',
  grade: '等次计分',
  per_occurrence: '按次计分',
  veto: '一票否决',
  judgement: '综合评议',
};

/** The 评分标准 in words, for an item whose office wrote none. */
/**
 * The most a per-occurrence rule takes or gives. A target row worth less than the item's cap (one target of several)
 * cannot lose more than it is worth; a bonus or deduction item keeps the cap it was given (its points may be 0).
 */
export function capOf(kind: IndicatorKindName, p: MethodParams & { cap: number }, points: number): number {
  if (p.cap <= 0) return points;
  return kind === 'common' || kind === 'specific' ? Math.min(p.cap, points) : p.cap;
}

export function describeMethod(kind: IndicatorKindName, p: MethodParams, points: number): string {
  const pts = formatPoints(points);
  switch (p.method) {
    case 'linear':
      return p.floor > 0
        ? `完成率达到${p.full}%得满分${pts}分，低于${p.floor}%不得分，其间按比例计分`
        : `按完成率计分，完成率达到${p.full}%得满分${pts}分，未达到的按比例计分`;
    case 'threshold':
      return (
        p.steps.map((s) => `完成率${s.min}%以上得${formatPoints(points * s.share)}分`).join('；') +
        '；低于最低一档不得分'
      );
    case 'grade':
      return (
        `按A、B、C、D等次分别` +
        `得${(['A', 'B', 'C', 'D'] as const).map((g) => formatPoints(points * p.shares[g])).join('、')}分`
      );
    case 'per_occurrence': {
      const cap = capOf(kind, p, points);
      return kind === 'bonus'
        ? `每项加${formatPoints(p.each)}分，最多加${formatPoints(cap)}分`
        : `每发现一次扣${formatPoints(p.each)}分，最多扣${formatPoints(cap)}分`;
    }
    case 'veto':
      return '发生即取消评先评优资格，年度考核定为末等';
    case 'judgement':
      return `由考核责任单位综合评议，最高${pts}分`;
  }
}

export type ScoreInput =
  | { rate: number }
  | { grade: 'A' | 'B' | 'C' | 'D' }
  | { occurrences: number }
  | { vetoed: boolean }
  | { points: number };

// at module level: a closure made per call costs a city's 200,000 scores dearly (tsx names every one)
const round = (x: number): number => cents(x) / 100;

/**
 * The points an item earns (for 扣分 items: the points deducted; for 一票否决: 0 and vetoed). Used by
 * the scoring module; here so the letters' wording and the arithmetic come from one place.
 */
export function scoreOf(
  kind: IndicatorKindName,
  p: MethodParams,
  points: number,
  input: ScoreInput,
): { points: number; vetoed: boolean } {
  switch (p.method) {
    case 'linear': {
      if (!('rate' in input)) throw new Error('linear needs a rate');
      const share = Math.min(1, Math.max(0, (input.rate - p.floor) / (p.full - p.floor)));
      return { points: round(points * share), vetoed: false };
    }
    case 'threshold': {
      if (!('rate' in input)) throw new Error('threshold needs a rate');
      const step = p.steps.find((s) => input.rate >= s.min);
      return { points: round(points * (step?.share ?? 0)), vetoed: false };
    }
    case 'grade':
      if (!('grade' in input)) throw new Error('grade needs a grade');
      return { points: round(points * p.shares[input.grade]), vetoed: false };
    case 'per_occurrence': {
      if (!('occurrences' in input)) throw new Error('per_occurrence needs occurrences');
      const cap = capOf(kind, p, points);
      const taken = Math.min(cap, p.each * Math.max(0, input.occurrences));
      return { points: kind === 'common' || kind === 'specific' ? round(points - taken) : round(taken), vetoed: false };
    }
    case 'veto':
      if (!('vetoed' in input)) throw new Error('veto needs vetoed');
      return { points: 0, vetoed: input.vetoed };
    case 'judgement':
      if (!('points' in input)) throw new Error('judgement needs points');
      return { points: round(Math.min(points, Math.max(0, input.points))), vetoed: false };
  }
}

// ─── targets ────────────────────────────────────────────────────────────────────────────────

export interface Milestone {
  text: string;
  /** The completion expected by the quarter's end, in percent; null when the office set none. */
  percent: number | null;
}

export function milestonesProblem(ms: Milestone[]): string | null {
  if (ms.length !== 4) return '季度节点应有四个（一至四季度）';
  let last = -1;
  for (let i = 0; i < 4; i++) {
    const p = ms[i]!.percent;
    if (p === null) continue;
    if (p < 0 || p > 100) return `第${i + 1}季度的节点完成率应在 0 到 100 之间`;
    if (p < last) return `第${i + 1}季度的节点完成率不能低于上一季度`;
    last = p;
  }
  return null;
}

/** A date moved by whole years (2025-02-28 → 2026-02-28; 2024-02-29 → 2025-02-28). */
export function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A plan title carried to another year: every 4-digit occurrence of the old year is replaced. */
export function shiftTitle(title: string, from: number, to: number): string {
  return title.split(String(from)).join(String(to));
}

/**
 * A quarterly milestone as offices write it in a cell: "30%", "30%：完成立项", "完成立项" or "30".
 * Returns null when a percentage is out of range.
 */
export function parseMilestone(text: string): Milestone | null {
  const t = text.trim();
  if (!t) return { text: '', percent: null };
  const m = /^(\d{1,3}(?:\.\d+)?)\s*[%％]?\s*[：:，,、\s]?\s*(.*)$/s.exec(t);
  if (m && (/[%％]/.test(t) || m[2] === '')) {
    const percent = Number(m[1]);
    if (!(percent >= 0 && percent <= 100)) return null;
    return { text: m[2]!.trim(), percent };
  }
  return { text: t, percent: null };
}

// ─── progress ───────────────────────────────────────────────────────────────────────────────

export type LagName = 'on_track' | 'lagging' | 'serious' | 'unreported';

/** The completion expected by the end of quarter `q`: the office's milestone, or an even pace (25% a quarter). */
export function expectedBy(milestones: Milestone[], q: number): number {
  return milestones[q - 1]?.percent ?? q * 25;
}

/** Against the quarter's milestone: on track at or above it, lagging below it, serious 20 points or more below. */
export function lagOf(expected: number, rate: number | null): LagName {
  if (rate === null) return 'unreported';
  if (rate >= expected) return 'on_track';
  return expected - rate >= 20 ? 'serious' : 'lagging';
}
