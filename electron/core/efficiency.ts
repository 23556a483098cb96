/**
 * 审批效率 (seed 二.3), from approval cases as offices export them. The rules, stated once:
 * - a case is judged against its promised limit (承诺时限) when one is given, else its legal limit (法定时限);
 * - working days are counted on the app's calendar from the day after 受理 up to and including 办结 (受理当日不计),
 *   so a case completed the day it was accepted took 0 days, and the deadline is addWorkingDays(受理, 时限);
 * - a case belongs to the period of its 受理日期; an open case is judged as of `asOf` (the period's end, or today
 *   when that comes first): past its deadline it is 逾期未办结 (counted as not on time), otherwise 在办 (left out);
 * - on-time rate = 按时办结 ÷ (按时办结 + 超期办结 + 逾期未办结); average working days over the completed cases.
 */

import { type ValueOf, approvalStanding } from '../vocab';
import { type DayOverrides, addWorkingDays, workingDaysBetween } from './calendar';
import { type IndicatorKindName, type MethodParams, type ScoreInput, cents } from './plans';

export type Standing = ValueOf<typeof approvalStanding>;

export interface ApprovalCase {
  id: number;
  unitId: number;
  caseNo: string;
  item: string;
  acceptedOn: string;
  completedOn: string | null;
  legalDays: number;
  promisedDays: number | null;
}

export interface CaseJudgement {
  id: number;
  unitId: number;
  limit: number;
  limitKind: 'promised' | 'legal';
  dueOn: string;
  /** Working days used: to 办结, or for an open case to `asOf`. */
  days: number;
  standing: Standing;
  /** Working days beyond the limit (late and overdue cases), else 0. */
  overBy: number;
}

/** Why a case's figures cannot be judged, or null (also what an import row reports). */
export function caseProblem(c: Pick<ApprovalCase, 'acceptedOn' | 'completedOn' | 'legalDays' | 'promisedDays'>) {
  if (!Number.isInteger(c.legalDays) || c.legalDays < 0) return '法定时限应为不小于 0 的整数（工作日）';
  if (c.promisedDays !== null && (!Number.isInteger(c.promisedDays) || c.promisedDays < 0))
    return '承诺时限应为不小于 0 的整数（工作日）';
  if (c.promisedDays !== null && c.promisedDays > c.legalDays) return '承诺时限不能超过法定时限';
  if (c.completedOn !== null && c.completedOn < c.acceptedOn) return '办结日期早于受理日期';
  return null;
}

export function judgeCase(c: ApprovalCase, asOf: string, calendar: DayOverrides): CaseJudgement {
  const promised = c.promisedDays !== null;
  const limit = promised ? c.promisedDays! : c.legalDays;
  const dueOn = addWorkingDays(c.acceptedOn, limit, calendar);
  const base = { id: c.id, unitId: c.unitId, limit, limitKind: promised ? 'promised' : 'legal', dueOn } as const;
  if (c.completedOn !== null) {
    const days = workingDaysBetween(c.acceptedOn, c.completedOn, calendar);
    return { ...base, days, standing: days <= limit ? 'onTime' : 'late', overBy: Math.max(0, days - limit) };
  }
  const days = Math.max(0, workingDaysBetween(c.acceptedOn, asOf, calendar));
  return asOf > dueOn
    ? { ...base, days, standing: 'overdue', overBy: Math.max(0, days - limit) }
    : { ...base, days, standing: 'pending', overBy: 0 };
}

export interface UnitEfficiency {
  unitId: number;
  cases: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  /** Percent, two decimals; null when no case has been judged yet. */
  rate: number | null;
  /** Working days over the completed cases, two decimals; null when none is completed. */
  averageDays: number | null;
  /** The late and overdue cases, most over first. */
  over: CaseJudgement[];
}

const round2 = (x: number) => cents(x) / 100;

export function unitEfficiency(
  cases: readonly ApprovalCase[],
  asOf: string,
  calendar: DayOverrides,
): Map<number, UnitEfficiency> {
  const out = new Map<number, UnitEfficiency & { daySum: number }>();
  for (const c of cases) {
    const j = judgeCase(c, asOf, calendar);
    let u = out.get(c.unitId);
    if (!u) {
      const fresh = { unitId: c.unitId, cases: 0, onTime: 0, late: 0, overdue: 0, pending: 0, daySum: 0 };
      u = { ...fresh, rate: null, averageDays: null, over: [] };
      out.set(c.unitId, u);
    }
    u.cases++;
    u[j.standing]++;
    if (j.standing === 'onTime' || j.standing === 'late') u.daySum += j.days;
    if (j.standing === 'late' || j.standing === 'overdue') u.over.push(j);
  }
  const result = new Map<number, UnitEfficiency>();
  for (const [id, { daySum, ...u }] of out) {
    const judged = u.onTime + u.late + u.overdue;
    const done = u.onTime + u.late;
    u.over.sort((a, b) => b.overBy - a.overBy || a.id - b.id);
    result.set(id, {
      ...u,
      rate: judged ? round2((u.onTime / judged) * 100) : null,
      averageDays: done ? round2(daySum / done) : null,
    });
  }
  return result;
}

export const standingLabels = approvalStanding.labels;

/** The dates of a quarter (1–4) or, with none, of the year. */
export function periodOf(year: number, quarter: number | null): { from: string; to: string; label: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(first + 2)}-${pad(last)}`,
    label: `${year}年第${'一二三四'[quarter - 1]}季度`,
  };
}

/** An open case is judged as of the period's end, or today while the period runs. */
export const asOfFor = (periodEnd: string, today: string) => (today < periodEnd ? today : periodEnd);

export const EFFICIENCY_RULE =
  '按承诺时限（未填承诺时限的按法定时限）以工作日计算办理用时（受理当日不计，节假日、调休按工作日历）；' +
  '按时办结率 = 按时办结件数 ÷（按时办结 + 超期办结 + 逾期未办结）件数，在办未到期的不计入；' +
  '平均办理工作日按已办结件数计算；按受理日期归入季度。';

/**
 * What a unit's efficiency gives an indicator, by its method: the on-time rate for 按完成率 / 分档; for 综合评议 the
 * indicator's points times the rate; for 按次 the late and overdue cases. 等次 and 一票否决 cannot be read from a
 * rate: refused with the reason.
 */
export function efficiencyInput(
  kind: IndicatorKindName,
  params: MethodParams,
  points: number,
  e: UnitEfficiency,
): { input: ScoreInput } | { problem: string } {
  const overCount = e.late + e.overdue;
  switch (params.method) {
    case 'linear':
    case 'threshold':
      return e.rate === null ? { problem: '尚无已办结或逾期的办件' } : { input: { rate: e.rate } };
    case 'judgement':
      return e.rate === null
        ? { problem: '尚无已办结或逾期的办件' }
        : { input: { points: round2((points * e.rate) / 100) } };
    case 'per_occurrence':
      return { input: { occurrences: overCount } };
    default:
      return {
        problem: `审批效率不能按“${kind === 'veto' ? '一票否决' : '等次'}”计分，请把该指标的计分方法改为按完成率、分档、按次或综合评议`,
      };
  }
}

/** One line for the drill-down: what the points came from. */
export function explainEfficiency(e: UnitEfficiency): string {
  const judged = e.onTime + e.late + e.overdue;
  return (
    `办件 ${e.cases} 件，按时办结 ${e.onTime} 件、超期办结 ${e.late} 件、逾期未办结 ${e.overdue} 件` +
    (e.pending ? `、在办 ${e.pending} 件` : '') +
    (judged ? `，按时办结率 ${e.rate}%` : '') +
    (e.averageDays !== null ? `，平均办理 ${e.averageDays} 个工作日` : '')
  );
}
