import { deadlineState, workingDaysBetween } from '../../core';
import type { HandlerContext } from '../handler';
import { calendarAround } from '../calendar-days';
import { openCaseClocks } from '../../../db/repos/case-decisions';

/**
 * The accountability clocks on the overdue board: the unit's report of execution after service, and the answer to
 * an appeal or 复核, each with its deadline state on the working-day calendar (case content: the board is read by
 * evaluators and leaders only).
 */
export function accountabilityClocks(
  ctx: Pick<HandlerContext, 'sqlite' | 'db'>,
  today: string,
  f: { unitId?: number; due?: ('overdue' | 'soon' | 'ok')[]; kind?: string; search?: string },
) {
  if (f.kind) return [];
  const cal = calendarAround(ctx, today);
  return openCaseClocks(ctx.sqlite)
    .filter((c) => !f.unitId || c.unitId === f.unitId)
    .filter((c) => !f.search || [c.number, c.caseTitle, c.unitName].some((x) => x.includes(f.search!)))
    .map((c) => ({
      ...c,
      what: c.kind === 'execution' ? '问责决定执行情况报告' : '申诉（复核）答复',
      deadlineState: deadlineState(today, c.deadline, cal),
      daysLeft: workingDaysBetween(today, c.deadline, cal),
    }))
    .filter((c) => !f.due || f.due.includes(c.deadlineState));
}
