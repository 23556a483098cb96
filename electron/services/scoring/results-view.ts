import type Database from 'better-sqlite3';
import { type ScoreInput, type ScoreLine, type UnitScore, drillDown, formatPoints } from '../../core';
import { AppError, type ChannelOutput } from '../../contract';
import { scoringMethodFor } from '../../vocab';
import type { PlanRecord } from '../../../db/repos/plans';
import { type PlanResults, resultsOf } from './results';
import { scoringRulesOf } from './rules';
import { memoRead } from '../../../db/read-memo';

/**
 * The results as the screens and exports show them, all read through resultsOf: per unit its totals, rank and grade
 * (a city's 2,000 units, not its 200,000 lines); the lines of one unit only when it is drilled into.
 */
/** The results as computed; `results.get` adds the 问责线索 made from them. */
export type ResultsView = Omit<ChannelOutput<'results.get'>, 'clues'>;
export type UnitResult = ResultsView['categories'][number]['units'][number];
export type DrillDownView = ChannelOutput<'results.drillDown'>;

/** The input a line was scored from, in words (the drill-down's 数据 column). */
export function inputWords(input: ScoreInput | null): string {
  if (!input) return '未录入';
  if ('rate' in input) return `完成率 ${formatPoints(input.rate)}%`;
  if ('grade' in input) return `等次 ${input.grade}`;
  if ('occurrences' in input) return `${input.occurrences} 次`;
  if ('vetoed' in input) return input.vetoed ? '发生' : '未发生';
  return `评定 ${formatPoints(input.points)} 分`;
}

function unitRows(r: PlanResults): Map<number, UnitResult> {
  const s = r.scores;
  const byId = new Map<number, UnitScore>(s.units.map((u) => [u.unitId, u]));
  const grades = new Map(s.grades.map((g) => [g.unitId, g]));
  const out = new Map<number, UnitResult>();
  for (const k of s.ranks) {
    const u = byId.get(k.unitId)!;
    const g = grades.get(k.unitId);
    out.set(k.unitId, {
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      categoryId: u.categoryId,
      categoryName: u.categoryName,
      rank: k.rank,
      of: k.of,
      tied: k.tied,
      base: u.base,
      bonus: u.bonus,
      deduction: u.deduction,
      total: u.total,
      grade: g?.grade ?? null,
      gradeReason: g?.reason ?? '',
      vetoed: u.vetoed,
      complete: u.complete,
    });
  }
  return out;
}

/**
 * The quota problems with the units each is about. assignGrades says one problem per group of tied units left
 * without a grade, category by category and boundary by boundary in rank order — the order the groups are found in
 * here; should the two ever differ in number the problems are shown without names rather than with wrong ones.
 */
function namedProblems(problems: string[], rows: UnitResult[]): ResultsView['gradeProblems'] {
  const groups: UnitResult[][] = [];
  for (const u of rows) {
    if (u.grade !== null) continue;
    const last = groups.at(-1)?.[0];
    if (last && last.categoryId === u.categoryId && last.rank === u.rank) groups.at(-1)!.push(u);
    else groups.push([u]);
  }
  const fits = groups.length === problems.length;
  return problems.map((text, i) => ({ text, units: fits ? groups[i]!.map((u) => u.name) : [] }));
}

/**
 * resultsOf, kept until the database changes (db/read-memo.ts): the ranking, then a unit's drill-down, then the
 * rewards read the same computation once.
 */
export function latestResults(
  sqlite: Database.Database,
  plan: PlanRecord,
  today: string,
): ReturnType<typeof resultsOf> {
  // the day is part of the key: what is overdue changes overnight while the database does not
  return memoRead(sqlite, `results:${plan.id}:${today}`, () => resultsOf(sqlite, plan, today));
}

function resultsOrRefuse(sqlite: Database.Database, plan: PlanRecord, today: string): PlanResults | string[] {
  const r = latestResults(sqlite, plan, today);
  return r.ok ? r.value : r.problems;
}

/** The ranking of every category, with what produced it. */
export function resultsView(sqlite: Database.Database, plan: PlanRecord, today: string): ResultsView {
  const r = resultsOrRefuse(sqlite, plan, today);
  if (Array.isArray(r))
    return {
      problems: r,
      snapshotNo: null,
      ruleVersion: scoringRulesOf(sqlite, plan).version,
      indicatorVersion: '',
      ruleTables: [],
      order: '',
      gradeProblems: [],
      categories: [],
    };
  const rows = [...unitRows(r).values()];
  const categories: ResultsView['categories'] = [];
  for (const u of rows) {
    const c = categories.at(-1);
    if (c && c.categoryId === u.categoryId) c.units.push(u);
    else categories.push({ categoryId: u.categoryId, categoryName: u.categoryName, units: [u] });
  }
  // named categories by name, 未分类 (id 0) last
  categories.sort(
    (a, b) =>
      Number(a.categoryId === 0) - Number(b.categoryId === 0) || a.categoryName.localeCompare(b.categoryName, 'zh'),
  );
  return {
    problems: [],
    snapshotNo: r.snapshotNo,
    ruleVersion: r.scores.basis.ruleVersion,
    indicatorVersion: r.scores.basis.indicatorVersion,
    ruleTables: r.ruleTables,
    order: r.scores.order,
    gradeProblems: namedProblems(r.scores.gradeProblems, rows),
    categories,
  };
}

const lineOut = (l: ScoreLine & { explanation: string }): DrillDownView['lines'][number] => ({
  indicatorId: l.indicatorId,
  targetId: l.targetId,
  name: l.name,
  kind: l.kind,
  method: scoringMethodFor(l.kind, l.method),
  points: l.points,
  input: inputWords(l.input),
  earned: l.earned,
  explanation: l.explanation,
  source: l.source,
  refs: l.refs ?? [],
});

/** One unit's 得分反查: the sentence that makes its total and every line with its method, input and source. */
export function drillDownView(
  sqlite: Database.Database,
  plan: PlanRecord,
  unitId: number,
  today: string,
): DrillDownView {
  const r = resultsOrRefuse(sqlite, plan, today);
  if (Array.isArray(r)) throw new AppError('RULE_VIOLATION', `结果尚不能计算：${r[0] ?? ''}`);
  const u = r.scores.units.find((x) => x.unitId === unitId);
  const row = unitRows(r).get(unitId);
  if (!u || !row) throw new AppError('NOT_FOUND', '该单位不在这个方案的考核范围内。');
  // the caps the result was computed with: the rules its basis names (a frozen result's own, once frozen)
  const d = drillDown(u, scoringRulesOf(sqlite, plan));
  return { unit: row, summary: d.summary, ruleVersion: r.scores.basis.ruleVersion, lines: d.lines.map(lineOut) };
}
