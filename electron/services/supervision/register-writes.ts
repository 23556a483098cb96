import { AppError } from '../../contract';
import { addDays, addMonths, isWorkingDay, unmaskedIdNumber } from '../../core';
import type { HandlerContext } from '../handler';
import { calendarAround } from '../calendar-days';
import { readBasicSettings } from '../handlers/settings';
import { todayOf } from '../org/write';
import { personById, unitById } from '../../../db/repos/org';
import {
  type AuditFields,
  type AuditRecord,
  insertAuditFinding,
  insertSupervisionItem,
  updateAuditFinding,
} from '../../../db/repos/audit-findings';
import {
  insertTransfer,
  recordTransferFeedback,
  type TransferFields,
  type TransferRecord,
  updateTransfer,
} from '../../../db/repos/transfers';
import { insertMeeting, type MeetingFields, type MeetingRecord, updateMeeting } from '../../../db/repos/meetings';

/**
 * The one write path of 审计、移送、联席会议 (#18): the forms (audits.save, transfers.save, meetings.save, the
 * addItem and feedback channels) and the Excel imports check and write a record with these, so an imported row is
 * exactly what the form would have made: the same refusals (in the same words), the same deadlines, the same initial
 * state, one audit entry per record.
 */

/** What is wrong with a field, in the words the form and an import row show. */
export interface Problem {
  field: string;
  message: string;
}

/** Where a write's audit entry goes: ctx.audit for a form, ctx.auditEach for each record of an import. */
export type Log = (target: string, detail: Record<string, unknown>) => void;

export function refuse(problems: Problem[]): void {
  const p = problems[0];
  if (p) throw new AppError('INVALID_INPUT', p.message, { fields: [{ path: p.field, message: p.message }] });
}

type Ctx = Pick<HandlerContext, 'sqlite' | 'now'>;

function personProblem(ctx: Ctx, unitId: number, personId: number | null, label: string): Problem[] {
  if (!personId) return [];
  const p = personById(ctx.sqlite, personId);
  const unit = unitById(ctx.sqlite, unitId);
  return !p || p.unitId !== unitId
    ? [{ field: 'personId', message: `${label}不是${unit?.name ?? '该单位'}的人员。` }]
    : [];
}

// ---- 审计 ----

export function auditProblems(ctx: Ctx, d: AuditFields): Problem[] {
  const out: Problem[] = [];
  if (d.reportedOn > todayOf(ctx.now)) out.push({ field: 'reportedOn', message: '审计报告日期不能晚于今天。' });
  if (!unitById(ctx.sqlite, d.unitId)) out.push({ field: 'unitId', message: '没有找到被审计单位，请刷新。' });
  else out.push(...personProblem(ctx, d.unitId, d.personId, '被审计领导'));
  if (d.kind === 'economic' && !d.personId)
    out.push({ field: 'personId', message: '经济责任审计请选择被审计的领导干部。' });
  if (unmaskedIdNumber(d.findings))
    out.push({ field: 'findings', message: '审计发现含有未遮盖的身份证号，请删除或遮盖后再保存。' });
  return out;
}

export function writeAudit(ctx: HandlerContext, d: AuditFields, log: Log, existing?: AuditRecord): number {
  refuse(auditProblems(ctx, d));
  let id = existing?.id;
  if (id) updateAuditFinding(ctx.records, id, d);
  else id = insertAuditFinding(ctx.records, d, ctx.caller.username);
  log(`audit_finding:${id}`, { kind: d.kind, unitId: d.unitId });
  return id;
}

// ---- 整改 / 议定事项 ----

export interface ItemDraft {
  unitId: number;
  item: string;
  deadline: string;
}

/**
 * An item's unit (an audit's or a meeting's) must be there and active (a stopped unit can do no work), its deadline
 * not before its origin.
 */
export function itemProblems(ctx: Pick<HandlerContext, 'sqlite'>, it: ItemDraft, from: string): Problem[] {
  const out: Problem[] = [];
  const u = unitById(ctx.sqlite, it.unitId);
  if (!u) out.push({ field: 'unitId', message: '没有找到责任单位，请刷新。' });
  else if (!u.active)
    out.push({
      field: 'unitId',
      message: `“${u.name}”已停用，不能再给它安排事项；请选择承接其职责的单位。`,
    });
  if (it.deadline < from) out.push({ field: 'deadline', message: `完成时限不能早于${from}。` });
  if (unmaskedIdNumber(it.item))
    out.push({ field: 'item', message: '事项内容含有未遮盖的身份证号，请删除或遮盖后再保存。' });
  return out;
}

/** An open rectification item of an audit or a meeting, its deadline not before the audit's report / the meeting. */
export function addItem(
  ctx: HandlerContext,
  owner: { auditFindingId: number } | { meetingId: number },
  it: ItemDraft,
  from: string,
  log: Log,
): number {
  refuse(itemProblems(ctx, it, from));
  const item = insertSupervisionItem(ctx.records, { ...it, ...owner });
  const target =
    'auditFindingId' in owner ? `audit_finding:${owner.auditFindingId}` : `joint_meeting:${owner.meetingId}`;
  log(target, { item, deadline: it.deadline });
  return item;
}

// ---- 移送 ----

/** The setting's months after the transfer, moved on to a working day (a due date never falls on a holiday). */
export function feedbackDueOf(ctx: Pick<HandlerContext, 'db'>, transferredOn: string): string {
  let d = addMonths(transferredOn, readBasicSettings(ctx).transferFeedbackMonths);
  const cal = calendarAround(ctx, d);
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

export type TransferDraft = Omit<TransferFields, 'feedbackDue'> & { feedbackDue?: string | null };

export function transferProblems(ctx: Ctx, d: TransferFields): Problem[] {
  const out: Problem[] = [];
  if (d.transferredOn > todayOf(ctx.now)) out.push({ field: 'transferredOn', message: '移送日期不能晚于今天。' });
  if (d.feedbackDue <= d.transferredOn)
    out.push({ field: 'feedbackDue', message: `反馈期限（${d.feedbackDue}）应晚于移送日期（${d.transferredOn}）。` });
  if (!unitById(ctx.sqlite, d.unitId)) out.push({ field: 'unitId', message: '没有找到所涉单位，请刷新。' });
  else out.push(...personProblem(ctx, d.unitId, d.personId, '所涉人员'));
  for (const [k, label] of [
    ['facts', '主要事实'],
    ['subject', '移送事由'],
    ['materials', '移送材料'],
  ] as const)
    if (unmaskedIdNumber(d[k])) out.push({ field: k, message: `${label}含有未遮盖的身份证号，请删除或遮盖后再保存。` });
  return out;
}

/** The fields a transfer is written with: a feedback due date left out is the setting's (feedbackDueOf). */
export const transferFields = (ctx: HandlerContext, d: TransferDraft): TransferFields => ({
  ...d,
  feedbackDue: d.feedbackDue || feedbackDueOf(ctx, d.transferredOn),
});

export function writeTransfer(ctx: HandlerContext, f: TransferFields, log: Log, existing?: TransferRecord): number {
  refuse(transferProblems(ctx, f));
  let id = existing?.id;
  if (id) updateTransfer(ctx.records, id, f);
  else id = insertTransfer(ctx.records, f, ctx.caller.username);
  log(`transfer:${id}`, { from: f.fromBody, on: f.transferredOn, feedbackDue: f.feedbackDue });
  return id;
}

export function feedbackProblems(ctx: Ctx, transferredOn: string, feedbackOn: string): Problem[] {
  const out: Problem[] = [];
  if (feedbackOn < transferredOn)
    out.push({ field: 'feedbackOn', message: `反馈日期不能早于移送日期（${transferredOn}）。` });
  if (feedbackOn > todayOf(ctx.now)) out.push({ field: 'feedbackOn', message: '反馈日期不能晚于今天。' });
  return out;
}

/** 登记反馈 (the lifecycle step is the caller's: requireStep(transferLifecycle, …, 'feedback')). */
export function writeFeedback(
  ctx: HandlerContext,
  t: Pick<TransferRecord, 'id' | 'transferredOn' | 'feedbackDue'>,
  f: { feedbackOn: string; feedback: string },
  log: Log,
): void {
  refuse(feedbackProblems(ctx, t.transferredOn, f.feedbackOn));
  recordTransferFeedback(ctx.records, t.id, f);
  log(`transfer:${t.id}`, { feedbackOn: f.feedbackOn, late: f.feedbackOn > t.feedbackDue });
}

// ---- 联席会议 ----

export const meetingProblems = (ctx: Ctx, d: MeetingFields): Problem[] =>
  d.heldOn > todayOf(ctx.now) ? [{ field: 'heldOn', message: '会议日期不能晚于今天（会后登记）。' }] : [];

export function writeMeeting(ctx: HandlerContext, d: MeetingFields, log: Log, existing?: MeetingRecord): number {
  refuse(meetingProblems(ctx, d));
  const fields = { ...d, place: d.place || null, attendees: d.attendees.map((a) => ({ ...a, as: a.as ?? 'present' })) };
  let id = existing?.id;
  if (id) updateMeeting(ctx.records, id, fields);
  else id = insertMeeting(ctx.records, fields, ctx.caller.username);
  log(`joint_meeting:${id}`, { title: d.title, heldOn: d.heldOn });
  return id;
}
