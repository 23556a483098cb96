/** Refuses what the scoring computation must not see, in Chinese, before anything is computed. */

import { type MethodName, formatPoints, methodProblem } from './plans';
import type { GradeRule, QuotaStep, RankKey, ScoreEntry, ScoringIndicator, ScoringRules, ScoringUnit } from './scoring';

/** The most problems listed; the rest are counted, so 200,000 bad rows do not make 200,000 lines. */
export const maxScoringProblems = 50;

const needs: Record<MethodName, { key: string; words: string }> = {
  linear: { key: 'rate', words: '完成率' },
  threshold: { key: 'rate', words: '完成率' },
  grade: { key: 'grade', words: '等次（A、B、C、D）' },
  per_occurrence: { key: 'occurrences', words: '次数' },
  veto: { key: 'vetoed', words: '是否发生一票否决事项' },
  judgement: { key: 'points', words: '评定分值' },
};

const rankKeys: readonly RankKey[] = ['veto', 'total', 'base', 'deduction', 'code'];

/**
 * Why a method cannot read this input for an item (or a target) of these points, or null: the same words for an
 * entry.
 */
export function inputProblem(
  it: Pick<ScoringIndicator, 'params'>,
  points: number,
  input: Record<string, unknown>,
): string | null {
  const need = needs[it.params.method];
  const v = input[need.key];
  if (v === undefined) return `按“${methodLabel(it.params.method)}”计分，需要填写${need.words}`;
  switch (need.key) {
    case 'rate':
      if (typeof v !== 'number' || !Number.isFinite(v)) return '完成率应为数字';
      if (v < 0) return `完成率 ${formatPoints(v)}% 不能小于 0`;
      if (v > 1000) return `完成率 ${formatPoints(v)}% 超过 1000%，请核对`;
      return null;
    case 'grade':
      return v === 'A' || v === 'B' || v === 'C' || v === 'D' ? null : '等次只能是 A、B、C、D';
    case 'occurrences':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return '次数应为 0 或正整数';
      if (v > 100_000) return `次数 ${v} 过大，请核对`;
      return null;
    case 'vetoed':
      return typeof v === 'boolean' ? null : '一票否决只能填“是”或“否”';
    default: {
      if (typeof v !== 'number' || !Number.isFinite(v)) return '评定分值应为数字';
      if (v < 0) return `评定分值 ${formatPoints(v)} 分不能小于 0`;
      if (Math.round(v * 100) > Math.round(points * 100))
        return `评定分值 ${formatPoints(v)} 分超过该指标分值 ${formatPoints(points)} 分`;
      if (Math.abs(Math.round(v * 100) - v * 100) > 1e-6) return '评定分值最多保留两位小数';
      return null;
    }
  }
}

function methodLabel(m: MethodName): string {
  return {
    linear: '按完成率计分',
    threshold: '分档计分',
    grade: '等次计分',
    per_occurrence: '按次计分',
    veto: '一票否决',
    judgement: '综合评议',
  }[m];
}

/** A row's place in words; made only for a problem, so 200,000 good rows make none. */
const whereOf = (u: ScoringUnit, it: ScoringIndicator): string => `${u.name}“${it.name}”`;

/** Collects at most maxScoringProblems lines and counts the rest. */
class Problems {
  readonly list: string[] = [];
  more = 0;
  add(p: string): void {
    if (this.list.length < maxScoringProblems) this.list.push(p);
    else this.more++;
  }
  done(): string[] {
    return this.more ? [...this.list, `另有 ${this.more} 处问题未列出`] : this.list;
  }
}

/**
 * Why these indicators, units and entries cannot be scored: unknown or duplicate rows, an item a unit is not
 * assessed on, inputs the method cannot use (a score above the item's points or below 0, a negative rate …).
 * Empty when they can.
 */
export function scoringProblems(indicators: ScoringIndicator[], units: ScoringUnit[], entries: ScoreEntry[]): string[] {
  const out = new Problems();
  const items = new Map<number, ScoringIndicator>();
  for (const it of indicators) {
    if (items.has(it.id)) out.add(`指标“${it.name}”重复`);
    items.set(it.id, it);
    const p = methodProblem(it.kind, it.params, it.points);
    if (p) out.add(`指标“${it.name}”：${p}`);
  }
  const unitsById = new Map<number, ScoringUnit>();
  const codes = new Set<string>();
  for (const u of units) {
    if (unitsById.has(u.id)) out.add(`单位“${u.name}”重复`);
    if (codes.has(u.code)) out.add(`单位编码“${u.code}”重复`);
    unitsById.set(u.id, u);
    codes.add(u.code);
  }
  // seen unit × item (× target): per unit, the items, and the targets where an item has several
  const seen = new Map<number, Set<number>>();
  const seenTargets = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const u = unitsById.get(e.unitId);
    const it = items.get(e.indicatorId);
    if (!u || !it) {
      out.add(`第 ${i + 1} 条评分：找不到${u ? '指标' : '单位'}`);
      continue;
    }
    if (it.categoryIds.length > 0 && !it.categoryIds.includes(u.categoryId)) {
      out.add(`${whereOf(u, it)}：该指标不适用于${u.categoryName}`);
      continue;
    }
    let mine = seen.get(e.unitId);
    if (!mine) seen.set(e.unitId, (mine = new Set()));
    const twice =
      e.targetId === undefined
        ? mine.has(e.indicatorId) || (mine.add(e.indicatorId), false)
        : seenTargets.has(`${e.unitId}:${e.indicatorId}:${e.targetId}`) ||
          (seenTargets.add(`${e.unitId}:${e.indicatorId}:${e.targetId}`), false);
    if (twice) out.add(`${whereOf(u, it)}：重复评分`);
    if (e.points !== undefined && !(Number.isFinite(e.points) && e.points > 0 && e.points <= 1000)) {
      out.add(`${whereOf(u, it)}：目标分值应大于 0 且不超过 1000 分`);
      continue;
    }
    const p =
      e.input && typeof e.input === 'object'
        ? inputProblem(it, e.points ?? it.points, e.input as Record<string, unknown>)
        : '缺少评分内容';
    if (p) out.add(`${whereOf(u, it)}：${p}`);
  }
  return out.done();
}

function stepsProblem(steps: QuotaStep[], where: string): string | null {
  for (const s of steps) {
    if (!s.grade.trim()) return `${where}：等次名称不能为空`;
    if ('count' in s && !(Number.isInteger(s.count) && s.count >= 0))
      return `${where}：“${s.grade}”名额应为 0 或正整数`;
    if ('share' in s && !(s.share >= 0 && s.share <= 1)) return `${where}：“${s.grade}”比例应在 0 到 100% 之间`;
  }
  const shares = steps.reduce((a, s) => a + ('share' in s ? Math.round(s.share * 10_000) : 0), 0);
  if (shares > 10_000) return `${where}：各等次比例合计超过 100%`;
  return null;
}

function gradingProblem(g: GradeRule): string | null {
  if (!g.rest.trim() || !g.vetoGrade.trim()) return '请填写其余单位和一票否决单位的等次';
  if (g.by === 'threshold') {
    if (g.steps.length === 0) return '至少设置一个分数线';
    for (let i = 0; i < g.steps.length; i++) {
      const s = g.steps[i]!;
      if (!s.grade.trim()) return '等次名称不能为空';
      if (!Number.isFinite(s.min) || s.min < 0) return `“${s.grade}”的分数线应为不小于 0 的数`;
      if (i > 0 && !(s.min < g.steps[i - 1]!.min)) return '各等次分数线应从高到低排列';
    }
    return null;
  }
  const categories = new Set<number>();
  for (const c of g.perCategory) {
    if (categories.has(c.categoryId)) return '同一类别的名额设置了两次';
    categories.add(c.categoryId);
    const p = stepsProblem(c.steps, '类别名额');
    if (p) return p;
  }
  return stepsProblem(g.otherwise, '名额');
}

/** Why a rule set cannot be used, or null. */
export function scoringRulesProblem(r: ScoringRules): string | null {
  if (!r.version.trim()) return '请填写规则版本';
  for (const [cap, words] of [
    [r.bonusCap, '加分'],
    [r.deductionCap, '扣分'],
  ] as const)
    if (cap !== null && !(Number.isFinite(cap) && cap >= 0 && cap <= 1000))
      return `${words}封顶应为 0 到 1000 之间的分值，或不封顶`;
  if (r.order.length === 0) return '请设置排名比较顺序';
  if (new Set(r.order).size !== r.order.length) return '排名比较顺序有重复项';
  if (!r.order.every((k) => rankKeys.includes(k))) return '排名比较顺序有无法识别的项';
  return gradingProblem(r.grading);
}
