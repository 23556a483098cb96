import { AppError } from '../../contract';
import {
  allowedActions,
  expectedBy,
  noticeLifecycle,
  rectificationLifecycle,
  reportLifecycle,
  scoreSheetLifecycle,
  stateAfter,
} from '../../core';
import { sheetOf } from '../../../db/repos/scores';
import { clerkBody } from '../scoring/entry';
import { planScope } from '../scoring/entry-grid';
import { listNotices, repliesOf } from '../../../db/repos/notices';
import { unitById } from '../../../db/repos/org';
import { listPlans, type PlanRecord, targetsOf, type TargetRecord } from '../../../db/repos/plans';
import { type ReportRecord, reportsOfPlan } from '../../../db/repos/progress';
import { calendarAround } from '../calendar-days';
import { storedMilestones } from '../excel/target-import';
import type { HandlerContext, Handlers } from '../handler';
import { todayOf } from '../org/write';
import { boundUnit } from '../own-unit';
import { clockOf, rowOf as noticeRowOf } from './notices';
import { reportingOpen } from './progress';
import { rectificationRows } from './rectify';

/** Where a record waits for the office after the unit acted: derived from the tables, not restated. */
const returnedReport = stateAfter(reportLifecycle, 'return');
const noticeAwaitingReview = stateAfter(noticeLifecycle, 'reply');
const rectAwaitingCheck = stateAfter(rectificationLifecycle, 'done');

/**
 * The quarter whose report a plan wants now: today's in the plan's own year, the fourth of a past year still being
 * reported on (the year-end report is made in January), none before the year begins.
 */
function dueQuarter(plan: Pick<PlanRecord, 'year'>, today: string): number | null {
  const year = Number(today.slice(0, 4));
  if (plan.year > year) return null;
  return plan.year < year ? 4 : Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
}

function reportItem(plan: PlanRecord, t: TargetRecord, quarter: number, r: ReportRecord | undefined) {
  return {
    planId: plan.id,
    planTitle: plan.title,
    year: plan.year,
    quarter,
    targetId: t.id,
    reportId: r?.id ?? null,
    indicatorName: t.indicatorName,
    content: t.content,
    expected: expectedBy(storedMilestones(t.milestones), quarter),
    state: r?.state ?? null,
    returnReason: r?.returnReason ?? null,
  };
}

/** This quarter's reports not yet sent, and those returned (any quarter), of every plan being reported on. */
function reportsOwed(ctx: HandlerContext, unitId: number, today: string) {
  const due: ReturnType<typeof reportItem>[] = [];
  const returned: ReturnType<typeof reportItem>[] = [];
  for (const plan of listPlans(ctx.sqlite).filter(reportingOpen)) {
    const targets = targetsOf(ctx.sqlite, { planId: plan.id, unitId }).filter(
      (t) => t.kind === 'common' || t.kind === 'specific',
    );
    if (!targets.length) continue;
    const now = dueQuarter(plan, today);
    for (let q = 1; q <= 4; q++) {
      const reports = new Map(reportsOfPlan(ctx.sqlite, plan.id, q).map((r) => [r.targetId, r]));
      for (const t of targets) {
        const r = reports.get(t.id);
        if (r?.state === returnedReport) returned.push(reportItem(plan, t, q, r));
        else if (q === now && allowedActions(reportLifecycle, r?.state ?? 'draft', 'clerk').includes('submit'))
          due.push(reportItem(plan, t, q, r));
      }
    }
  }
  return { due, returned };
}

/** The sheets his unit fills as a 考核责任单位 where it may still enter (not submitted), of plans being scored. */
function sheetsOwed(ctx: HandlerContext) {
  const out = [];
  for (const plan of listPlans(ctx.sqlite).filter((p) => p.state === 'scoring')) {
    const scope = planScope(ctx.sqlite, plan);
    const { body } = clerkBody(ctx, scope);
    if (body === null) continue;
    const sheet = sheetOf(ctx.sqlite, plan.id, body);
    const state = sheet?.state ?? 'draft';
    if (!allowedActions(scoreSheetLifecycle, state, 'clerk').includes('submit')) continue;
    out.push({
      planId: plan.id,
      planTitle: plan.title,
      year: plan.year,
      body,
      state,
      returnReason: sheet?.returnReason ?? null,
    });
  }
  return out;
}

export const todoHandlers: Handlers<'todo.list'> = {
  /** Always for the caller's own unit: the channel takes no unit, so no other can be asked for. */
  'todo.list': (ctx) => {
    const unitId = boundUnit(ctx);
    const unit = unitById(ctx.sqlite, unitId);
    if (!unit) throw new AppError('NOT_FOUND', '您账号绑定的单位已不存在，请系统管理员重新设置所属单位。');
    const today = todayOf(ctx.now);
    const clock = clockOf(today, calendarAround(ctx, today));
    const notices = listNotices(ctx.sqlite, { unitId });
    const replies = repliesOf(
      ctx.sqlite,
      notices.map((n) => n.id),
    );
    return {
      unitId,
      unitName: unit.name,
      today,
      quarter: Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1,
      ...reportsOwed(ctx, unitId, today),
      notices: notices
        .map((n) => ({
          ...noticeRowOf(ctx, n, clock, replies),
          canReply: allowedActions(noticeLifecycle, n.state, 'clerk').includes('reply'),
          canAttach: allowedActions(noticeLifecycle, n.state, 'clerk').includes('attach'),
        }))
        .filter((n) => n.canReply || n.state === noticeAwaitingReview),
      rectifications: rectificationRows(ctx, { unitId })
        .map((r) => ({ ...r, canMarkDone: allowedActions(rectificationLifecycle, r.state, 'clerk').includes('done') }))
        .filter((r) => r.canMarkDone || r.state === rectAwaitingCheck),
      scoreSheets: sheetsOwed(ctx),
    };
  },
};
