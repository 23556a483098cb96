import { AppError } from '../../contract';
import { expectedBy, lagOf, reportLifecycle } from '../../core';
import { type PlanRecord, targetById, targetsOf, type TargetRecord } from '../../../db/repos/plans';
import {
  insertReportAttachmentRow,
  insertReportRow,
  removeReportAttachmentRow,
  reportAttachmentById,
  reportAttachments,
  reportById,
  reportOf,
  type ReportRecord,
  reportsOfPlan,
  reviewReportRow,
  insertReportReview,
  reportVersion,
  submitReportRow,
  touchReport,
  updateReportRow,
} from '../../../db/repos/progress';
import { ownedHere } from '../../../db/records';
import { requireStep } from '../lifecycle';
import { boundUnit, requireOwnUnit } from '../own-unit';
import { readAttachment, safeFileName, storeAttachment } from '../attachments';
import { storedMilestones } from '../excel/target-import';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { mustPlan } from './plans';

function rowOf(ctx: HandlerContext, t: TargetRecord, quarter: number, r: ReportRecord | undefined) {
  const milestones = storedMilestones(t.milestones);
  const expected = expectedBy(milestones, quarter);
  const attachments = r ? reportAttachments(ctx.sqlite, r.id) : [];
  return {
    targetId: t.id,
    unitId: t.unitId,
    unitName: t.unitName,
    indicatorName: t.indicatorName,
    content: t.content,
    targetValue: t.targetValue,
    measureUnit: t.measureUnit,
    leaderName: t.leaderName,
    milestone: milestones[quarter - 1]!,
    expected,
    // what the office has: a draft is not yet a report
    lag: lagOf(expected, r && r.state !== 'draft' ? r.completionRate : null),
    reportId: r?.id ?? null,
    state: r?.state ?? null,
    completionRate: r?.completionRate ?? null,
    actualValue: r?.actualValue ?? null,
    narrative: r?.narrative ?? '',
    problems: r?.problems ?? '',
    nextSteps: r?.nextSteps ?? '',
    returnReason: r?.returnReason ?? null,
    submittedAt: r?.submittedAt ?? null,
    attachments,
  };
}

/** Reports are made while the plan runs: after the letters are signed, until it is archived. */
export const reportingOpen = (plan: Pick<PlanRecord, 'state'>) =>
  plan.state !== 'draft' && plan.state !== 'published' && plan.state !== 'closed';

function requireReporting(plan: PlanRecord) {
  if (plan.state === 'draft' || plan.state === 'published')
    throw new AppError('RULE_VIOLATION', '责任书签订（方案确认全部签订）后才能填报季度进展。');
  if (plan.state === 'closed') throw new AppError('RULE_VIOLATION', '方案已归档，不能再填报或修改季度进展。');
}

/** A 录入员 writes only for the unit its account is bound to; a 考评员 for any unit. */
const requireOwnTarget = (ctx: HandlerContext, t: TargetRecord) =>
  requireOwnUnit(ctx, t.unitId, `这是${t.unitName}的目标，您只能填报本单位的进展。`);

function mustTarget(ctx: HandlerContext, id: number): TargetRecord {
  const t = targetById(ctx.sqlite, id);
  if (!t) throw new AppError('NOT_FOUND', '没有找到这项目标，请刷新。');
  return t;
}

function mustReport(ctx: HandlerContext, id: number): { r: ReportRecord; t: TargetRecord; plan: PlanRecord } {
  const r = reportById(ctx.sqlite, id);
  if (!r) throw new AppError('NOT_FOUND', '没有找到这份进展报告，请刷新。');
  const t = mustTarget(ctx, r.targetId);
  return { r, t, plan: mustPlan(ctx, t.planId) };
}

const requireEditable = (ctx: HandlerContext, r: ReportRecord, action: 'edit' | 'attach' | 'submit' = 'edit') =>
  requireStep(ctx, reportLifecycle, r.state, action);

const touch = (ctx: HandlerContext, r: ReportRecord) => touchReport(ctx.records, r.id, r.state);

export const progressHandlers: Handlers<
  | 'reports.list'
  | 'reports.save'
  | 'reports.submit'
  | 'reports.review'
  | 'reports.attach'
  | 'reports.detach'
  | 'reports.download'
> = {
  'reports.list': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const unitId = ctx.caller.role === 'clerk' ? boundUnit(ctx) : input.unitId;
    const reports = new Map(reportsOfPlan(ctx.sqlite, plan.id, input.quarter).map((r) => [r.targetId, r]));
    const wanted = (state: string | undefined) => !input.state || (state ?? 'unreported') === input.state;
    return targetsOf(ctx.sqlite, { planId: plan.id, ...(unitId ? { unitId } : {}) })
      .filter((t) => (t.kind === 'common' || t.kind === 'specific') && wanted(reports.get(t.id)?.state))
      .map((t) => rowOf(ctx, t, input.quarter, reports.get(t.id)));
  },
  'reports.save': (ctx, input) => {
    const t = mustTarget(ctx, input.targetId);
    requireReporting(mustPlan(ctx, t.planId));
    requireOwnTarget(ctx, t);
    const r = reportOf(ctx.sqlite, t.id, input.quarter);
    const fields = {
      completionRate: input.completionRate ?? null,
      actualValue: input.actualValue || null,
      narrative: input.narrative,
      problems: input.problems,
      nextSteps: input.nextSteps,
    };
    if (r) {
      requireEditable(ctx, r);
      updateReportRow(ctx.records, r.id, fields, r.state);
    } else insertReportRow(ctx.records, t.id, input.quarter, fields);
    ctx.audit(`report:${t.unitCode}:${t.id}:Q${input.quarter}`, { completionRate: input.completionRate ?? null });
    return rowOf(ctx, t, input.quarter, reportOf(ctx.sqlite, t.id, input.quarter));
  },
  'reports.submit': (ctx, input) => {
    const { r, t, plan } = mustReport(ctx, input.reportId);
    requireReporting(plan);
    requireOwnTarget(ctx, t);
    requireEditable(ctx, r, 'submit');
    if (r.completionRate === null && !r.actualValue)
      throw new AppError('INVALID_INPUT', '请先填写完成率或实际完成值，再报送。');
    if (!r.narrative.trim()) throw new AppError('INVALID_INPUT', '请先填写进展情况，再报送。');
    submitReportRow(ctx.records, r.id, ctx.caller.username);
    ctx.audit(`report:${t.unitCode}:${t.id}:Q${r.quarter}`, { submitted: true });
    return rowOf(ctx, t, r.quarter, reportById(ctx.sqlite, r.id));
  },
  'reports.review': (ctx, input) => {
    const { r, t, plan } = mustReport(ctx, input.reportId);
    requireReporting(plan);
    requireStep(ctx, reportLifecycle, r.state, input.accept ? 'accept' : 'return', { fields: input });
    const ruling = { accept: input.accept, reason: input.reason?.trim() ?? null, by: ctx.caller.username };
    // a report that came up from the unit's PC stays the unit's: the ruling is the office's own record, sent down
    if (ownedHere(ctx.sqlite, 'progress_reports', [r.id]).has(r.id)) reviewReportRow(ctx.records, r.id, ruling);
    else insertReportReview(ctx.records, { reportId: r.id, reportVersion: reportVersion(ctx.sqlite, r.id), ...ruling });
    ctx.audit(
      `report:${t.unitCode}:${t.id}:Q${r.quarter}`,
      input.accept ? { accepted: true } : { returned: input.reason },
    );
    return rowOf(ctx, t, r.quarter, reportById(ctx.sqlite, r.id));
  },
  /**
   * The file is stored (content-addressed, fsynced) before the transaction; a stored file no record names is harmless.
   */
  'reports.attach': prepared(
    async (ctx, input) => {
      const { r, t, plan } = mustReport(ctx, input.reportId);
      requireReporting(plan);
      requireOwnTarget(ctx, t);
      requireEditable(ctx, r, 'attach');
      const name = safeFileName(input.fileName);
      return { name, ...storeAttachment(ctx.env.dataDir, fileBytes(ctx, input, 'attachment'), name) };
    },
    (ctx, input, f) => {
      const { r, t } = mustReport(ctx, input.reportId);
      requireEditable(ctx, r, 'attach');
      insertReportAttachmentRow(ctx.records, {
        reportId: r.id,
        name: f.name,
        sha256: f.sha256,
        size: f.size,
        addedBy: ctx.caller.username,
      });
      touch(ctx, r);
      ctx.audit(`report:${t.unitCode}:${t.id}:Q${r.quarter}`, { attached: f.name, sha256: f.sha256, size: f.size });
      return rowOf(ctx, t, r.quarter, reportById(ctx.sqlite, r.id));
    },
  ),
  'reports.detach': (ctx, input) => {
    const a = reportAttachmentById(ctx.sqlite, input.attachmentId);
    if (!a) throw new AppError('NOT_FOUND', '没有找到这份佐证材料，请刷新。');
    const { r, t, plan } = mustReport(ctx, a.reportId);
    requireReporting(plan);
    requireOwnTarget(ctx, t);
    requireEditable(ctx, r, 'attach');
    removeReportAttachmentRow(ctx.records, a.id);
    touch(ctx, r);
    ctx.audit(`report:${t.unitCode}:${t.id}:Q${r.quarter}`, { detached: a.name });
    return rowOf(ctx, t, r.quarter, reportById(ctx.sqlite, r.id));
  },
  'reports.download': (ctx, input) => {
    const a = reportAttachmentById(ctx.sqlite, input.attachmentId);
    if (!a) throw new AppError('NOT_FOUND', '没有找到这份佐证材料，请刷新。');
    const { t } = mustReport(ctx, a.reportId);
    requireOwnUnit(ctx, t.unitId, '只能查看本单位的佐证材料。');
    return { fileName: a.name, base64: readAttachment(ctx.env.dataDir, a.sha256, a.name).toString('base64') };
  },
};
