/**
 * A year's scores from plain data (no storage): per unit the base subtotal, bonus and deduction (each capped),
 * the veto and the total, with a drill-down per indicator (得分反查). Ranking and grades: scoring-rank.ts;
 * the checks that refuse hostile input: scoring-check.ts.
 *
 * Rules chosen where the regulations (domain/rules.md) are silent — each is a field of ScoringRules so an office
 * can change it, except where said:
 * - total = base + min(bonus, bonusCap) − min(deduction, deductionCap), never below 0 (fixed);
 * - a 一票否决 does not erase the points: the total is still shown so the unit can see it, but the unit ranks after
 *   every unit of its category that was not vetoed and gets `grading.vetoGrade` (the rule set's lowest by default);
 * - an item with no entry yet counts 0: a base item marks the unit incomplete (尚未评分), a bonus, deduction or veto
 *   item with no entry means nothing happened (fixed).
 */

import {
  type IndicatorKindName,
  type MethodName,
  type MethodParams,
  type ScoreInput,
  baseKinds,
  cents,
  formatPoints,
  scoreOf,
} from './plans';
import { explainScore } from './scoring-explain';

/** A leaf item of the plan (groups only sum their items, so they are left out). */
export interface ScoringIndicator {
  id: number;
  name: string;
  kind: IndicatorKindName;
  points: number;
  params: MethodParams;
  /** The categories it applies to; empty: every category. */
  categoryIds: number[];
}

export interface ScoringUnit {
  id: number;
  /** Unique and stable; the last tie-break where an office asks for a strict order. */
  code: string;
  name: string;
  categoryId: number;
  categoryName: string;
}

/** What a method needs for one unit × item: a rate, a grade, a count, a veto flag or a body's points. */
export interface ScoreEntry {
  unitId: number;
  indicatorId: number;
  /** One of several targets the unit has under the item; each is scored on its own points. */
  targetId?: number;
  /** The target's points where they differ from the item's. */
  points?: number;
  input: ScoreInput;
  /** Where the input came from (a report, a notice, a body's entry), shown in the drill-down. */
  source?: string;
  /** The records the input was counted from (automatic points), so the drill-down can open each. */
  refs?: RecordRef[];
}

/** A record anywhere in the database: its table (or register) and id, and how it is named to a person. */
export interface RecordRef {
  type: string;
  id: number;
  label: string;
}

export type RankKey = 'veto' | 'total' | 'base' | 'deduction' | 'code';
export type QuotaStep = { grade: string; count: number } | { grade: string; share: number };

export type GradeRule =
  | { by: 'threshold'; steps: { grade: string; min: number }[]; rest: string; vetoGrade: string }
  | {
      by: 'quota';
      /** Per category; a category not listed uses `otherwise`. Shares are of all the category's units, rounded down. */
      perCategory: { categoryId: number; steps: QuotaStep[] }[];
      otherwise: QuotaStep[];
      rest: string;
      vetoGrade: string;
    };

export interface ScoringRules {
  /** Recorded with every result, so a frozen result says which table made it. */
  version: string;
  /** The most all bonus items together add; null: no cap. */
  bonusCap: number | null;
  /** The most all deduction items together take; null: no cap. */
  deductionCap: number | null;
  /** Ranking order within a category: the first key that differs decides; units equal on all share a rank. */
  order: RankKey[];
  grading: GradeRule;
}

export const defaultScoringRules: ScoringRules = {
  version: '默认规则',
  // A common local figure: bonus items add at most 5 points; deductions are not capped (every fault counts)
  bonusCap: 5,
  deductionCap: null,
  order: ['veto', 'total', 'base', 'deduction'],
  grading: {
    by: 'threshold',
    steps: [
      { grade: '优秀', min: 90 },
      { grade: '良好', min: 80 },
      { grade: '达标', min: 60 },
    ],
    rest: '未达标',
    vetoGrade: '未达标',
  },
};

export interface ScoreLine {
  indicatorId: number;
  targetId: number | null;
  name: string;
  kind: IndicatorKindName;
  method: MethodName;
  /** The most the line can earn (for bonus and deduction items: give or take). */
  points: number;
  input: ScoreInput | null;
  /** Earned (base), added (bonus) or taken (deduction); 0 for a veto item. */
  earned: number;
  /** The item's method parameters (shared, not copied), from which explainLine says how `earned` was reached. */
  params: MethodParams;
  source: string | null;
  refs: RecordRef[] | null;
}

/** A drill-down line with its words. */
export type ExplainedLine = ScoreLine & { explanation: string };

export interface UnitScore {
  unitId: number;
  code: string;
  name: string;
  categoryId: number;
  categoryName: string;
  base: number;
  bonusBeforeCap: number;
  bonus: number;
  deductionBeforeCap: number;
  deduction: number;
  vetoed: boolean;
  total: number;
  /** False while a base item has no entry. */
  complete: boolean;
  lines: ScoreLine[];
}

export interface ScoringBasis {
  ruleVersion: string;
  indicatorVersion: string;
}

const round = (c: number): number => c / 100;
const isBase = (k: IndicatorKindName): boolean => baseKinds.includes(k);

/** The items of `indicators` that apply to a category, in the plan's order. */
export function itemsFor(indicators: ScoringIndicator[], categoryId: number): ScoringIndicator[] {
  return indicators.filter((i) => i.categoryIds.length === 0 || i.categoryIds.includes(categoryId));
}

function lineOf(it: ScoringIndicator, e: ScoreEntry | null): ScoreLine {
  // one literal per line, no spreads and no words: 200,000 of these are made in a city's computation, and the
  // Chinese line is made when a unit is drilled into (explainLine), from the same numbers
  const points = e?.points ?? it.points;
  return {
    indicatorId: it.id,
    targetId: e?.targetId ?? null,
    name: it.name,
    kind: it.kind,
    method: it.params.method,
    points,
    input: e ? e.input : null,
    earned: e ? scoreOf(it.kind, it.params, points, e.input).points : 0,
    params: it.params,
    source: e?.source ?? null,
    refs: e?.refs ?? null,
  };
}

/** How a line's points were reached, in one Chinese sentence (得分反查). */
export function explainLine(l: ScoreLine): string {
  if (l.input) return explainScore(l.kind, l.params, l.points, l.input, l.earned);
  return isBase(l.kind) ? '尚未评分，暂计 0 分' : '未录入，按未发生计 0 分';
}

/**
 * One unit's score from its entries (entries of other units are ignored). Expects input that scoringProblems
 * accepted; the drill-down of one unit calls this directly.
 */
export function scoreUnit(
  unit: ScoringUnit,
  items: ScoringIndicator[],
  entries: ScoreEntry[],
  rules: Pick<ScoringRules, 'bonusCap' | 'deductionCap'>,
): UnitScore {
  const byItem = new Map<number, ScoreEntry[]>();
  for (const e of entries) {
    if (e.unitId !== unit.id) continue;
    const list = byItem.get(e.indicatorId);
    if (list) list.push(e);
    else byItem.set(e.indicatorId, [e]);
  }
  const lines: ScoreLine[] = [];
  let base = 0;
  let bonus = 0;
  let deduction = 0;
  let vetoed = false;
  let complete = true;
  for (const it of items) {
    const found = byItem.get(it.id);
    const list = !found
      ? [null]
      : found.length === 1
        ? found
        : [...found].sort((a, b) => (a.targetId ?? 0) - (b.targetId ?? 0));
    for (const e of list) {
      const line = lineOf(it, e);
      lines.push(line);
      if (isBase(it.kind)) {
        base += cents(line.earned);
        if (!e) complete = false;
      } else if (it.kind === 'bonus') bonus += cents(line.earned);
      else if (it.kind === 'deduction') deduction += cents(line.earned);
      else if (e && 'vetoed' in e.input && e.input.vetoed) vetoed = true;
    }
  }
  const cap = (x: number, c: number | null) => (c === null ? x : Math.min(x, cents(c)));
  const bonusCapped = cap(bonus, rules.bonusCap);
  const deductionCapped = cap(deduction, rules.deductionCap);
  return {
    unitId: unit.id,
    code: unit.code,
    name: unit.name,
    categoryId: unit.categoryId,
    categoryName: unit.categoryName,
    base: round(base),
    bonusBeforeCap: round(bonus),
    bonus: round(bonusCapped),
    deductionBeforeCap: round(deduction),
    deduction: round(deductionCapped),
    vetoed,
    total: round(Math.max(0, base + bonusCapped - deductionCapped)),
    complete,
    lines,
  };
}

/** The sentence above a unit's drill-down: how the total is made. */
export function summarizeUnit(u: UnitScore, rules: Pick<ScoringRules, 'bonusCap' | 'deductionCap'>): string {
  const f = formatPoints;
  const bonus =
    u.bonus < u.bonusBeforeCap
      ? `加分 ${f(u.bonus)} 分（应加 ${f(u.bonusBeforeCap)} 分，加分封顶 ${f(rules.bonusCap ?? 0)} 分）`
      : `加分 ${f(u.bonus)} 分`;
  const deduction =
    u.deduction < u.deductionBeforeCap
      ? `扣分 ${f(u.deduction)} 分（应扣 ${f(u.deductionBeforeCap)} 分，扣分封顶 ${f(rules.deductionCap ?? 0)} 分）`
      : `扣分 ${f(u.deduction)} 分`;
  const raw = cents(u.base) + cents(u.bonus) - cents(u.deduction);
  const floor = raw < 0 ? '（不低于 0 分）' : '';
  const tail = [
    u.vetoed ? '发生一票否决事项，排在本类别末位' : '',
    u.complete ? '' : '尚有指标未评分，总分暂不确定',
  ].filter(Boolean);
  const notes = tail.length ? '；' + tail.join('；') : '';
  return `基础得分 ${f(u.base)} 分 + ${bonus} − ${deduction} = ${f(u.total)} 分${floor}${notes}`;
}

/** A unit's drill-down: the sentence that makes its total, then each item's method, inputs, points and words. */
export function drillDown(
  u: UnitScore,
  rules: Pick<ScoringRules, 'bonusCap' | 'deductionCap'>,
): { summary: string; lines: ExplainedLine[] } {
  return { summary: summarizeUnit(u, rules), lines: u.lines.map((l) => ({ ...l, explanation: explainLine(l) })) };
}

/** Every unit's score. The caller checks the input with scoringProblems first; this assumes it passed. */
export function computeScores(
  indicators: ScoringIndicator[],
  units: ScoringUnit[],
  entries: ScoreEntry[],
  rules: ScoringRules,
  indicatorVersion: string,
): { basis: ScoringBasis; units: UnitScore[] } {
  const byUnit = new Map<number, ScoreEntry[]>();
  for (const e of entries) {
    const list = byUnit.get(e.unitId);
    if (list) list.push(e);
    else byUnit.set(e.unitId, [e]);
  }
  const itemsByCategory = new Map<number, ScoringIndicator[]>();
  const out = units.map((u) => {
    let items = itemsByCategory.get(u.categoryId);
    if (!items) itemsByCategory.set(u.categoryId, (items = itemsFor(indicators, u.categoryId)));
    return scoreUnit(u, items, byUnit.get(u.id) ?? [], rules);
  });
  return { basis: { ruleVersion: rules.version, indicatorVersion }, units: out };
}
