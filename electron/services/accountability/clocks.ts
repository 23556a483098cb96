import { deadlineState, workingDaysBetween } from '../../core';
import type { HandlerContext } from '../handler';
import { calendarAround } from '../calendar-days';
import { openCaseClocks } from '../../../db/repos/case-decisions';
import { openIncidentReviews } from '../../../db/repos/incident-reviews';

/**
 * The accountability clocks on the overdue board: the unit's report of execution after service, the answer to an
 * appeal or 复核, and the written explanation a major-incident review awaits, each with its deadline state on the
 * working-day calendar (case content: the board is read by evaluators and leaders only).
 */
export function accountabilityClocks(
  ctx: Pick<HandlerContext, 'sqlite' | 'db'>,
  today: string,
  f: { unitId?: number; due?: ('overdue' | 'soon' | 'ok')[]; kind?: string; search?: string },
) {
  if (f.kind) return [];
  const cal = calendarAround(ctx, today);
  const reviews = openIncidentReviews(ctx.sqlite).map((r) => ({
    kind: 'incident' as const,
    caseId: null,
    reviewId: r.id,
    caseTitle: r.incident,
    number: r.number ?? '',
    unitId: r.unitId,
    unitName: r.unitName,
    subjectName: r.headName,
    deadline: r.deadline,
  }));
  return [...openCaseClocks(ctx.sqlite).map((c) => ({ ...c, reviewId: null })), ...reviews]
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .filter((c) => !f.unitId || c.unitId === f.unitId)
    .filter((c) => !f.search || [c.number, c.caseTitle, c.unitName].some((x) => x.includes(f.search!)))
    .map((c) => ({
      ...c,
      what: { execution: '问责决定执行情况报告', answer: '申诉（复核）答复', incident: '重大事故（事件）书面检讨' }[
        c.kind
      ],
      deadlineState: deadlineState(today, c.deadline, cal),
      daysLeft: workingDaysBetween(today, c.deadline, cal),
    }))
    .filter((c) => !f.due || f.due.includes(c.deadlineState));
}
