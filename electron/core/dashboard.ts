/**
 * What the leader's charts show, from a year's scores and the quarterly reports, as compact arrays: a city has
 * 2,000 units × 100 items, so a chart gets its columns (names, values) and never an object per cell.
 */

import { type Milestone, baseKinds, expectedBy, lagOf } from './plans';
import type { GradeRule, ScoringIndicator, UnitScore } from './scoring';
import { itemsFor } from './scoring';
import type { YearScores } from './scoring-year';

/** A grade a quota could not decide (ties at its boundary) is counted under this name. */
export const UNDECIDED_GRADE = '待定';

export interface RankingBars {
  /** The category's units from the first place on, at most `top` of them. */
  names: string[];
  totals: number[];
  ranks: number[];
  grades: (string | null)[];
  vetoed: boolean[];
  /** How many units the category has (the bars may show only the first of them). */
  of: number;
}

/** The first `top` places of one category, in ranking order. */
export function rankingBars(scores: YearScores, categoryId: number, top: number): RankingBars {
  const byId = new Map(scores.units.map((u) => [u.unitId, u]));
  const grade = new Map(scores.grades.map((g) => [g.unitId, g.grade]));
  const ranked = scores.ranks.filter((r) => r.categoryId === categoryId);
  const out: RankingBars = { names: [], totals: [], ranks: [], grades: [], vetoed: [], of: ranked.length };
  for (const r of ranked.sort((a, b) => a.position - b.position).slice(0, top)) {
    const u = byId.get(r.unitId)!;
    out.names.push(u.name);
    out.totals.push(u.total);
    out.ranks.push(r.rank);
    out.grades.push(grade.get(u.unitId) ?? null);
    out.vetoed.push(u.vetoed);
  }
  return out;
}

export interface HeatMatrix {
  /** The category's base items (共性、个性指标), in the plan's order: the columns. */
  indicators: string[];
  /** The rows, in the order given (the ranking's). */
  units: string[];
  /**
   * Row-major (unit after unit): the points earned as a share of the item's points, 0–1 to three places; null where
   * the item has no entry yet (尚未评分).
   */
  values: (number | null)[];
}

/**
 * Each unit's points on each base item as a share of what the item could earn. An item scored per target sums its
 * targets' lines. Bonus, deduction and veto items are left out: their share means something else.
 */
export function heatMatrix(indicators: ScoringIndicator[], units: UnitScore[], categoryId: number): HeatMatrix {
  const items = itemsFor(indicators, categoryId).filter((i) => baseKinds.includes(i.kind));
  const column = new Map(items.map((it, i) => [it.id, i]));
  const values: (number | null)[] = [];
  for (const u of units) {
    const earned = new Array<number>(items.length).fill(0);
    const points = new Array<number>(items.length).fill(0);
    const entered = new Array<boolean>(items.length).fill(false);
    for (const l of u.lines) {
      const c = column.get(l.indicatorId);
      if (c === undefined) continue;
      earned[c]! += l.earned;
      points[c]! += l.points;
      if (l.input) entered[c] = true;
    }
    for (let c = 0; c < items.length; c++)
      values.push(!entered[c] ? null : points[c]! > 0 ? Math.round((earned[c]! / points[c]!) * 1000) / 1000 : 0);
  }
  return { indicators: items.map((i) => i.name), units: units.map((u) => u.name), values };
}

/** The grades a rule set can give, best first, ending with the rest and the veto grade. */
export function gradeNames(g: GradeRule): string[] {
  const steps =
    g.by === 'threshold'
      ? g.steps.map((s) => s.grade)
      : [...g.otherwise, ...g.perCategory.flatMap((c) => c.steps)].map((s) => s.grade);
  return [...new Set([...steps, g.rest, g.vetoGrade])];
}

/** How many units got each grade (the rule set's grades first, in its order; undecided last). */
export function gradeCounts(scores: YearScores, g: GradeRule): { names: string[]; counts: number[] } {
  const count = new Map<string, number>(gradeNames(g).map((n) => [n, 0]));
  for (const x of scores.grades) {
    const name = x.grade ?? UNDECIDED_GRADE;
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return { names: [...count.keys()], counts: [...count.values()] };
}

/** One target's milestones and, per quarter, the completion rate the office has (a draft is not yet a report). */
export interface TrendTarget {
  milestones: Milestone[];
  /** Index 0–3: quarter 1–4; null where no report was sent. */
  rates: (number | null)[];
}

export interface CompletionTrend {
  quarters: number[];
  /** Targets counted (the plan's 共性、个性 targets). */
  targets: number;
  /** Per quarter: targets with a report sent. */
  reported: number[];
  /** Per quarter: the mean completion rate of the reports sent, in percent; null when none was. */
  averageCompletion: (number | null)[];
  /** Per quarter: the mean completion the milestones expect, in percent. */
  averageExpected: (number | null)[];
  /** Per quarter: the share of all targets at or above their milestone (on schedule), in percent. */
  onSchedule: (number | null)[];
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * The quarterly completion trend of quarters 1…`upTo`: per quarter, the average completion reported and the share
 * of targets on schedule. A target on schedule is one whose report reaches the quarter's milestone (lagOf's
 * on_track); a target not reported counts against the share, as the progress board counts it.
 */
export function completionTrend(targets: TrendTarget[], upTo: number): CompletionTrend {
  const out: CompletionTrend = {
    quarters: [],
    targets: targets.length,
    reported: [],
    averageCompletion: [],
    averageExpected: [],
    onSchedule: [],
  };
  for (let q = 1; q <= upTo; q++) {
    let reported = 0;
    let sum = 0;
    let expected = 0;
    let onTrack = 0;
    for (const t of targets) {
      const rate = t.rates[q - 1] ?? null;
      const e = expectedBy(t.milestones, q);
      expected += e;
      if (rate !== null) {
        reported++;
        sum += rate;
      }
      if (lagOf(e, rate) === 'on_track') onTrack++;
    }
    const n = targets.length;
    out.quarters.push(q);
    out.reported.push(reported);
    out.averageCompletion.push(reported ? oneDecimal(sum / reported) : null);
    out.averageExpected.push(n ? oneDecimal(expected / n) : null);
    out.onSchedule.push(n ? oneDecimal((onTrack / n) * 100) : null);
  }
  return out;
}

/** The quarters a plan of `year` has reached on `today` (YYYY-MM-DD): none before its year, all four after it. */
export function quartersReached(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  if (year > y) return 0;
  return year < y ? 4 : Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
}
