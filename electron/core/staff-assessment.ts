import { staffGrade, type ValueOf } from '../vocab';
import type { PersonMeasure } from './person-facts';

/**
 * 公务员年度考核: the constraints a person's measures put on the year's grade (the grade-limits rule table; the
 * heaviest measure decides), the 优秀 quota of a unit, and which unit assesses a person who moved during the year.
 * Pure: the rows of the rule tables and the facts are given.
 */

export type StaffGradeValue = ValueOf<typeof staffGrade>;

/** A row of the 处分与年度考核等次 table (electron/vocab/staff-rules.ts). */
export interface GradeLimitRule {
  code: string;
  measure: string;
  category: string;
  thisYear: string;
  laterYears: string;
  basis: string;
}

export type LimitEffect = 'incompetent' | 'noGrade' | 'commentOnly' | 'pending' | 'notExcellent';

/** The heavier first: the heaviest measure of the year decides. */
const weight: Record<LimitEffect, number> = { incompetent: 5, noGrade: 4, commentOnly: 3, pending: 2, notExcellent: 1 };

const effectOfWords: Record<string, LimitEffect> = {
  不得评为优秀: 'notExcellent',
  '只写评语、不定等次': 'commentOnly',
  定为不称职: 'incompetent',
  不定等次: 'noGrade',
  待案件办结后确定: 'pending',
};

const allowedBy: Record<LimitEffect, StaffGradeValue[]> = {
  notExcellent: ['competent', 'basic', 'incompetent', 'none'],
  commentOnly: ['none'],
  incompetent: ['incompetent'],
  noGrade: ['none'],
  pending: ['none'],
};

export interface GradeLimit {
  effect: LimitEffect;
  allowed: StaffGradeValue[];
  measure: PersonMeasure;
  rule: GradeLimitRule;
  /** The measure and the rule, in words: 诫勉（县纪委监委，2026-03-02，见 问责决定 X）——规则表…“诫勉”：当年不得评为优秀. */
  reason: string;
}

const yearOf = (d: string) => Number(d.slice(0, 4));

/** What one measure does to the year's grade by one rule, or null when it does not reach that year. */
function effectIn(m: PersonMeasure, rule: GradeLimitRule, year: number): { effect: LimitEffect; words: string } | null {
  // an open case blocks the grade whatever year it was opened in: graded once it closes
  if (m.underInvestigation) return { effect: 'pending', words: rule.thisYear };
  const d = yearOf(m.decidedOn);
  if (year === d) {
    const e = effectOfWords[rule.thisYear];
    return e ? { effect: e, words: `当年${rule.thisYear}` } : null;
  }
  if (year < d) return null;
  const later =
    (rule.laterYears === '次年不定等次' && year === d + 1) ||
    (rule.laterYears === '以后两年不定等次' && year <= d + 2) ||
    (rule.laterYears === '影响期内不定等次' && m.effectUntil !== null && `${year}-01-01` <= m.effectUntil);
  return later ? { effect: 'noGrade', words: rule.laterYears } : null;
}

/**
 * The limit a person's measures put on the grade of `year`: the heaviest (a later decision on a tie), with the
 * measures the table does not list (not counted; the screen says so). `table` names the table and its version.
 */
export function gradeLimit(
  measures: readonly PersonMeasure[],
  year: number,
  rules: readonly GradeLimitRule[],
  table: string,
): { limit: GradeLimit | null; unlisted: PersonMeasure[] } {
  const byName = new Map(rules.map((r) => [r.measure, r]));
  const investigation = rules.find((r) => r.code === 'under_investigation');
  let limit: GradeLimit | null = null;
  const unlisted: PersonMeasure[] = [];
  for (const m of measures) {
    const rule = m.underInvestigation ? investigation : byName.get(m.measure);
    if (!rule) {
      unlisted.push(m);
      continue;
    }
    const e = effectIn(m, rule, year);
    if (!e) continue;
    if (
      limit &&
      (weight[limit.effect] > weight[e.effect] ||
        (weight[limit.effect] === weight[e.effect] && limit.measure.decidedOn >= m.decidedOn))
    )
      continue;
    const what = m.underInvestigation
      ? `立案审查调查（${m.body}，${m.decidedOn}立案）`
      : `${m.measure}（${m.body}，${m.decidedOn}）`;
    limit = {
      effect: e.effect,
      allowed: allowedBy[e.effect],
      measure: m,
      rule,
      reason: `${what}，见“${m.source.label}”；依据${table}“${rule.measure}”：${e.words}`,
    };
  }
  return { limit, unlisted };
}

/** Why a grade may not be given under a limit, or null when it may. */
export function limitRefusal(limit: GradeLimit | null, grade: StaffGradeValue): string | null {
  if (!limit || limit.allowed.includes(grade)) return null;
  const g = staffGrade.label(grade);
  switch (limit.effect) {
    case 'notExcellent':
      return `不能评为优秀：${limit.reason}。`;
    case 'incompetent':
      return `不能定为“${g}”，只能定为不称职：${limit.reason}。`;
    case 'pending':
      return `暂不能确定等次（待案件办结后确定）：${limit.reason}。`;
    case 'commentOnly':
      return `不能定为“${g}”，只写评语、不定等次：${limit.reason}。`;
    case 'noGrade':
      return `不能定为“${g}”，当年不定等次：${limit.reason}。`;
  }
}

/** A row of the 优秀比例与单位等次 table. */
export interface QuotaRule {
  code: string;
  unitGrade: string;
  share: number;
}

/** The 优秀 share of a unit: by its own grade when tied and the table lists the grade, else the setting's. */
export function excellentShare(
  setting: { share: number; byUnitGrade: boolean },
  unitGrade: string | null,
  rules: readonly QuotaRule[],
  table: string,
): { share: number; basis: string } {
  if (setting.byUnitGrade && unitGrade) {
    const r = rules.find((x) => x.unitGrade === unitGrade);
    if (r) return { share: r.share, basis: `单位考核等次为${unitGrade}，依据${table}` };
  }
  return { share: setting.share, basis: '系统设置的优秀比例' };
}

/** The number of 优秀 a unit may give: the share of those assessed, rounded down. */
export const excellentQuota = (assessed: number, share: number): number => Math.floor((assessed * share) / 100 + 1e-9);

/** Why one more 优秀 is refused, with the numbers; null when it fits. */
export function quotaRefusal(q: {
  assessed: number;
  share: number;
  basis: string;
  /** 优秀 already given to others of the unit (this person not counted). */
  others: number;
  what: '拟定' | '确定';
}): string | null {
  const quota = excellentQuota(q.assessed, q.share);
  if (q.others + 1 <= quota) return null;
  return (
    `优秀名额已满：本单位参加考核 ${q.assessed} 人，优秀比例 ${q.share}%（${q.basis}），优秀名额 ${quota} 名，` +
    `已${q.what}优秀 ${q.others} 名，不能再${q.what}第 ${q.others + 1} 名。`
  );
}

/** A post held: where and from … to (YYYY-MM-DD, to null while held). */
export interface PostSpan {
  unitId: number;
  fromDate: string;
  toDate: string | null;
}

const DAY = 86_400_000;
const dayNo = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY);

/** Days served in each unit within the year, most first. */
export function daysByUnit(posts: readonly PostSpan[], year: number): { unitId: number; days: number }[] {
  const start = dayNo(`${year}-01-01`);
  const end = dayNo(`${year}-12-31`);
  const days = new Map<number, number>();
  for (const p of posts) {
    const from = Math.max(start, dayNo(p.fromDate));
    const to = Math.min(end, p.toDate ? dayNo(p.toDate) : end);
    if (to >= from) days.set(p.unitId, (days.get(p.unitId) ?? 0) + to - from + 1);
  }
  return [...days].map(([unitId, d]) => ({ unitId, days: d })).sort((a, b) => b.days - a.days);
}

/**
 * The unit that assesses a person for the year: where they served longest, or where they were at the year's end
 * (a setting); their present unit when no post covers the year.
 */
export function assessingUnit(
  posts: readonly PostSpan[],
  year: number,
  rule: 'longest' | 'yearEnd',
  presentUnitId: number,
): { unitId: number; spans: { unitId: number; days: number }[] } {
  const spans = daysByUnit(posts, year);
  if (spans.length === 0) return { unitId: presentUnitId, spans };
  if (rule === 'longest') return { unitId: spans[0]!.unitId, spans };
  const end = `${year}-12-31`;
  const last = [...posts]
    .filter((p) => p.fromDate <= end)
    .sort((a, b) => (a.fromDate < b.fromDate ? 1 : a.fromDate > b.fromDate ? -1 : 0))[0];
  return { unitId: last?.unitId ?? presentUnitId, spans };
}

/** A person first in post during the year: perhaps a new recruit in probation (the office decides). */
export function joinedIn(posts: readonly PostSpan[], year: number): string | null {
  const first = posts.reduce<string | null>((m, p) => (m === null || p.fromDate < m ? p.fromDate : m), null);
  return first && yearOf(first) === year ? first : null;
}
