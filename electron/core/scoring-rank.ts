/** Rank within each assessment category and grades (by score thresholds or quotas); ties are never settled silently. */

import { cents, formatPoints } from './plans';
import type { GradeRule, QuotaStep, RankKey, ScoringRules, UnitScore } from './scoring';

type Compare = (a: UnitScore, b: UnitScore) => number;

/** The ranking keys, written once: what each compares and how it is said. */
export const rankKeys: Record<RankKey, { words: string; compare: Compare }> = {
  veto: { words: '未被一票否决的在前', compare: (a, b) => Number(a.vetoed) - Number(b.vetoed) },
  total: { words: '总分高的在前', compare: (a, b) => cents(b.total) - cents(a.total) },
  base: { words: '基础得分高的在前', compare: (a, b) => cents(b.base) - cents(a.base) },
  deduction: { words: '扣分少的在前', compare: (a, b) => cents(a.deduction) - cents(b.deduction) },
  code: { words: '单位编码小的在前', compare: (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) },
};

/** The ranking rule in words, for the settings screen and the notice. */
export function describeOrder(order: RankKey[]): string {
  const tail = order.includes('code') ? '' : '；以上都相同的并列';
  return `同一考核类别内依次比较：${order.map((k) => rankKeys[k].words).join('，')}${tail}`;
}

export interface RankedUnit {
  unitId: number;
  categoryId: number;
  /** 1-based; units equal on every key of the order share it (1, 2, 2, 4). */
  rank: number;
  /** 1-based place in the listed order (shared ranks listed by unit code). */
  position: number;
  /** Total units in the category. */
  of: number;
  tied: boolean;
}

/** Ranks every unit within its category by `order`; the result is listed by category id, then position. */
export function rankWithinCategory(units: UnitScore[], order: RankKey[]): RankedUnit[] {
  const cmp = (a: UnitScore, b: UnitScore): number => {
    for (const k of order) {
      const d = rankKeys[k].compare(a, b);
      if (d !== 0) return d;
    }
    return 0;
  };
  const byCategory = new Map<number, UnitScore[]>();
  for (const u of units) {
    const list = byCategory.get(u.categoryId);
    if (list) list.push(u);
    else byCategory.set(u.categoryId, [u]);
  }
  const out: RankedUnit[] = [];
  for (const categoryId of [...byCategory.keys()].sort((a, b) => a - b)) {
    // the code only fixes the listing of a shared rank, so the output never depends on the input's order
    const list = byCategory.get(categoryId)!.sort((a, b) => cmp(a, b) || rankKeys.code.compare(a, b));
    let rank = 1;
    list.forEach((u, i) => {
      if (i > 0 && cmp(list[i - 1]!, u) !== 0) rank = i + 1;
      const tied = (i > 0 && cmp(list[i - 1]!, u) === 0) || (i + 1 < list.length && cmp(u, list[i + 1]!) === 0);
      out.push({ unitId: u.unitId, categoryId, rank, position: i + 1, of: list.length, tied });
    });
  }
  return out;
}

export interface GradedUnit {
  unitId: number;
  /** null: a quota could not decide it (see problems). */
  grade: string | null;
  reason: string;
}

const quotaCount = (s: QuotaStep, n: number): number =>
  'count' in s ? s.count : Math.floor(Math.round(s.share * 10_000 * n) / 10_000);

function byThreshold(u: UnitScore, g: Extract<GradeRule, { by: 'threshold' }>): GradedUnit {
  if (u.vetoed) return { unitId: u.unitId, grade: g.vetoGrade, reason: '发生一票否决事项' };
  const step = g.steps.find((s) => cents(u.total) >= cents(s.min));
  if (step)
    return {
      unitId: u.unitId,
      grade: step.grade,
      reason: `总分 ${formatPoints(u.total)} 分，达到 ${formatPoints(step.min)} 分`,
    };
  const last = g.steps.at(-1)!;
  return {
    unitId: u.unitId,
    grade: g.rest,
    reason: `总分 ${formatPoints(u.total)} 分，低于 ${formatPoints(last.min)} 分`,
  };
}

/**
 * Grades for ranked units. By quota: the first places of a category (vetoed units excluded; they take the veto
 * grade) fill each grade's places in turn; a group of units sharing a rank across a quota's boundary gets no grade
 * and a problem that names the places, the score and the quota — an office decides, the program does not.
 */
export function assignGrades(
  units: UnitScore[],
  ranked: RankedUnit[],
  rules: Pick<ScoringRules, 'grading'>,
): { grades: GradedUnit[]; problems: string[] } {
  const g = rules.grading;
  const byId = new Map(units.map((u) => [u.unitId, u]));
  if (g.by === 'threshold') return { grades: ranked.map((r) => byThreshold(byId.get(r.unitId)!, g)), problems: [] };
  const grades: GradedUnit[] = [];
  const problems: string[] = [];
  const byCategory = new Map<number, RankedUnit[]>();
  for (const r of ranked) {
    const list = byCategory.get(r.categoryId);
    if (list) list.push(r);
    else byCategory.set(r.categoryId, [r]);
  }
  for (const [categoryId, list] of byCategory) {
    const steps = g.perCategory.find((c) => c.categoryId === categoryId)?.steps ?? g.otherwise;
    const n = list.length;
    const open = list.filter((r) => !byId.get(r.unitId)!.vetoed);
    const placeOf = new Map(open.map((r, i) => [r.unitId, i]));
    // the grade of each place, and where each grade's places end
    const placeGrade: string[] = [];
    const ends: { grade: string; count: number; end: number }[] = [];
    for (const s of steps) {
      const count = quotaCount(s, n);
      for (let i = 0; i < count && placeGrade.length < open.length; i++) placeGrade.push(s.grade);
      ends.push({ grade: s.grade, count, end: placeGrade.length });
    }
    const undecided = new Set<number>();
    for (const e of ends) {
      if (e.end === 0 || e.end >= open.length) continue;
      const last = open[e.end - 1]!;
      const next = open[e.end]!;
      if (last.rank !== next.rank || undecided.has(last.unitId)) continue;
      const group = open.filter((r) => r.rank === last.rank);
      for (const r of group) undecided.add(r.unitId);
      const first = placeOf.get(group[0]!.unitId)! + 1;
      const places =
        group.length === 2 ? `第${first}名与第${first + 1}名` : `第${first}名至第${first + group.length - 1}名`;
      const u = byId.get(last.unitId)!;
      problems.push(
        `${u.categoryName}：${places}同分（${formatPoints(u.total)}分），${e.grade}名额${e.count}个无法确定，请人工决定`,
      );
    }
    for (const r of list) {
      const u = byId.get(r.unitId)!;
      const place = placeOf.get(r.unitId) ?? -1;
      if (u.vetoed) grades.push({ unitId: r.unitId, grade: g.vetoGrade, reason: '发生一票否决事项' });
      else if (undecided.has(r.unitId))
        grades.push({ unitId: r.unitId, grade: null, reason: '同分跨越名额界限，待人工决定' });
      else if (place < placeGrade.length)
        grades.push({ unitId: r.unitId, grade: placeGrade[place]!, reason: `类别内第${r.rank}名，在名额内` });
      else grades.push({ unitId: r.unitId, grade: g.rest, reason: `类别内第${r.rank}名，名额以外` });
    }
  }
  return { grades, problems };
}
