import { addWorkingDays, type DayOverrides, isWorkingDay, workingDaysBetween } from './calendar';
import { chineseDate } from './documents/model';

/**
 * 公示 and 异议 as rules (no storage): the period in working days, the state the calendar puts a 公示 in, whether an
 * objection may still be received, and what a plan needs before its results are published or archived.
 */

export type PublicationStateName = 'open' | 'expired' | 'notified';

/** The most working days a 公示 may run, and the usual number (DOCUMENTS.md: usually 5). */
export const PUBLICITY_DAYS = { usual: 5, most: 30 };

/** The period that starts on `start` (or the next working day) and runs `days` working days, that day counted. */
export function publicityPeriod(start: string, days: number, overrides: DayOverrides): { start: string; end: string } {
  if (!Number.isInteger(days) || days < 1) throw new Error(`bad working-day count ${days}`);
  const first = isWorkingDay(start, overrides) ? start : addWorkingDays(start, 1, overrides);
  return { start: first, end: addWorkingDays(first, days - 1, overrides) };
}

/** 自2026年1月5日至1月9日（5个工作日）: the year again only when the period crosses into the next one. */
export function periodText(p: { startDate: string; endDate: string; workingDays: number }): string {
  const end = chineseDate(p.endDate);
  const sameYear = p.startDate.slice(0, 4) === p.endDate.slice(0, 4);
  return `自${chineseDate(p.startDate)}至${sameYear ? end.replace(/^\d+年/, '') : end}（${p.workingDays}个工作日）`;
}

/** The state shown: a 公示 still open after its last day is 公示期满 (no one has to close it). */
export function publicationStateOn(
  p: { state: 'open' | 'notified'; endDate: string },
  today: string,
): PublicationStateName {
  if (p.state === 'notified') return 'notified';
  return today > p.endDate ? 'expired' : 'open';
}

/** Working days left in the period, today counted when it is one; 0 once it is over. */
export function workingDaysLeft(today: string, endDate: string, overrides: DayOverrides): number {
  if (today > endDate) return 0;
  return workingDaysBetween(today, endDate, overrides) + (isWorkingDay(today, overrides) ? 1 : 0);
}

/** Why an objection received on `received` cannot be registered, or null. */
export function objectionReceiptProblem(
  p: { state: 'open' | 'notified'; startDate: string; endDate: string },
  received: string,
  today: string,
): string | null {
  if (p.state === 'notified') return '考核结果已通报，公示已结束，不能再登记异议。';
  if (received > today) return `收到日期（${chineseDate(received)}）晚于今天，请核对。`;
  if (received < p.startDate)
    return `收到日期（${chineseDate(received)}）早于公示开始（${chineseDate(p.startDate)}），请核对。`;
  if (received > p.endDate)
    return (
      `公示期已于${chineseDate(p.endDate)}届满，${chineseDate(received)}收到的异议超出公示期，不予受理。` +
      '可告知提出人通过信访等其他渠道反映。'
    );
  return null;
}

/** What the plan's 公示 stands at, for the plan's moves (plans.setState and the 公示 itself). */
export interface PublicationFacts {
  /** The number of the latest frozen snapshot, or null while the results are live. */
  snapshotNo: number | null;
  publication: {
    state: PublicationStateName;
    endDate: string;
    /** Objections not yet answered, as 异议第N号. */
    unanswered: string[];
    /** Upheld objections whose re-scoring has not been frozen, as 异议第N号（单位）. */
    rescoring: string[];
  } | null;
}

/** Why the plan may not move from scoring to results, or from results to closed, by its 公示; null if it may. */
export function publicationMoveProblem(from: string, to: string, f: PublicationFacts): string | null {
  if (from === 'scoring' && to === 'results') {
    if (f.snapshotNo === null) return '公布结果前须先冻结评分结果（在“结果公示”中办理）。';
    if (!f.publication) return '公布结果须印发考核结果公示，公示期随之开始（在“结果公示”中办理）。';
  }
  if (from === 'results' && to === 'closed') {
    const p = f.publication;
    if (!p) return '没有考核结果公示的记录，不能归档。';
    if (p.state === 'open') return `公示期至${chineseDate(p.endDate)}，期满后才能归档。`;
    if (p.unanswered.length) return `还有异议未答复（${p.unanswered.join('、')}），不能归档。`;
    if (p.rescoring.length) return `异议成立后的重新评分尚未完成（${p.rescoring.join('、')}），不能归档。`;
    if (p.state !== 'notified') return '请先印发考核结果通报，再归档。';
  }
  return null;
}
