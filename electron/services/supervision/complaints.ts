import { AppError, type Caller } from '../../contract';
import {
  addWorkingDays,
  complaintFingerprint,
  deadlineState,
  maskPersonal,
  unmaskedIdNumber,
  workingDaysBetween,
} from '../../core';
import { complaintCategory } from '../../vocab';
import type { HandlerContext } from '../handler';
import { calendarAround } from '../calendar-days';
import { todayOf } from '../org/write';
import { cluesOfSources, fileClue } from '../../../db/repos/clues';
import {
  type ComplaintFields,
  type ComplaintRecord,
  complaintById,
  complaintsByFingerprint,
  insertComplaint,
  updateComplaint,
} from '../../../db/repos/complaints';
import { personById, unitById } from '../../../db/repos/org';

/** The complainant is shown in full only to the evaluator handling the complaint. */
export const handles = (caller: Caller, c: Pick<ComplaintRecord, 'handler'>) =>
  caller.role === 'evaluator' && c.handler !== null && c.handler === caller.username;

/** A complaint as every list, export and document gives it: the complainant masked unless the caller handles it. */
export function complaintViews(ctx: Pick<HandlerContext, 'caller' | 'sqlite' | 'db' | 'now'>, rows: ComplaintRecord[]) {
  const today = todayOf(ctx.now);
  const cal = calendarAround(ctx, today);
  const clues = cluesOfSources(
    ctx.sqlite,
    'complaint',
    rows.map((r) => r.uuid),
  );
  return rows.map(({ fingerprint: _f, createdBy: _c, unitActive: _a, ...r }) => {
    const full = handles(ctx.caller, r);
    return {
      ...r,
      complainantName: full ? r.complainantName : maskPersonal(r.complainantName, 'name'),
      complainantPhone: full ? r.complainantPhone : maskPersonal(r.complainantPhone, 'phone'),
      fullContact: full,
      deadlineState: r.state === 'open' ? deadlineState(today, r.deadline, cal) : null,
      daysLeft: r.state === 'open' ? workingDaysBetween(today, r.deadline, cal) : null,
      workingDays: complaintTerm(ctx, r),
      clueId: clues.get(r.uuid)?.id ?? null,
    };
  });
}

export function complaintView(ctx: HandlerContext, id: number) {
  const c = complaintById(ctx.sqlite, id);
  if (!c) throw new AppError('NOT_FOUND', '没有找到这件投诉，请刷新。');
  return complaintViews(ctx, [c])[0]!;
}

export function mustComplaint(ctx: HandlerContext, id: number): ComplaintRecord {
  const c = complaintById(ctx.sqlite, id);
  if (!c) throw new AppError('NOT_FOUND', '没有找到这件投诉，请刷新。');
  return c;
}

export interface ComplaintDraft extends Omit<ComplaintFields, 'deadline'> {
  /** 办理期限 in working days; when a change leaves it out, the complaint keeps its own (complaintTerm). */
  workingDays?: number;
}

/** 办理期限 when none is given: 15 working days. */
export const DEFAULT_COMPLAINT_DAYS = 15;

const textFields = [
  ['content', '投诉内容'],
  ['complainantName', '投诉人'],
  ['complainantPhone', '联系电话'],
  ['ref', '来件编号'],
  ['handler', '承办人'],
] as const;

/**
 * What is wrong with a complaint before it is written, in words a form or an import row shows (the field's label and
 * the message): a date after today, a unit or person that is not there or no longer active, an unmasked ID number.
 */
export function complaintProblems(
  ctx: Pick<HandlerContext, 'sqlite' | 'now'>,
  d: ComplaintDraft,
  o: { existing?: ComplaintRecord } = {},
): { field: string; label: string; message: string }[] {
  const out: { field: string; label: string; message: string }[] = [];
  if (d.receivedOn > todayOf(ctx.now)) out.push({ field: 'receivedOn', label: '受理日期', message: '不能晚于今天' });
  const unit = unitById(ctx.sqlite, d.unitId);
  if (!unit) out.push({ field: 'unitId', label: '被投诉单位', message: '没有找到这个单位' });
  else if (!unit.active && o.existing?.unitId !== d.unitId)
    out.push({ field: 'unitId', label: '被投诉单位', message: `“${unit.name}”已停用，不能登记对它的新投诉` });
  if (d.personId) {
    const p = personById(ctx.sqlite, d.personId);
    if (!p) out.push({ field: 'personId', label: '被投诉人', message: '没有找到这个人员' });
    else if (p.unitId !== d.unitId)
      out.push({ field: 'personId', label: '被投诉人', message: `${p.name}不是${unit?.name ?? '该单位'}的人员` });
  }
  for (const [field, label] of textFields) {
    if (unmaskedIdNumber(d[field]))
      out.push({ field, label, message: '含有未遮盖的身份证号，请删除或遮盖（如 110101********1234）后再登记' });
  }
  return out;
}

/**
 * The deadline on the working-day calendar, counted from the day received: the one computation for a complaint
 * registered, changed (a new received date moves the deadline) or imported.
 */
export function complaintDeadline(ctx: Pick<HandlerContext, 'db'>, receivedOn: string, workingDays: number) {
  return addWorkingDays(receivedOn, workingDays, calendarAround(ctx, receivedOn));
}

/** A registered complaint's 办理期限 in working days: what complaintDeadline counted from its received date. */
export const complaintTerm = (ctx: Pick<HandlerContext, 'db'>, c: Pick<ComplaintRecord, 'receivedOn' | 'deadline'>) =>
  workingDaysBetween(c.receivedOn, c.deadline, calendarAround(ctx, c.receivedOn));

/** The complaint already registered that this one repeats, in the words a refusal or a preview row uses. */
export function duplicateOf(ctx: Pick<HandlerContext, 'sqlite'>, fingerprint: string, exceptId?: number) {
  const same = complaintsByFingerprint(ctx.sqlite, [fingerprint]).get(fingerprint);
  return same && same.id !== exceptId ? same : undefined;
}

export const duplicateWords = (c: ComplaintRecord) =>
  `与已登记的投诉重复（${c.receivedOn} 受理，被投诉单位 ${c.unitName}${c.ref ? `，来件编号 ${c.ref}` : ''}）`;

/** Registers or changes a complaint (the form and the import share it); refuses what complaintProblems finds. */
export function writeComplaint(ctx: HandlerContext, d: ComplaintDraft & { id?: number }): number {
  const existing = d.id ? mustComplaint(ctx, d.id) : undefined;
  const problem = complaintProblems(ctx, d, { existing })[0];
  if (problem)
    throw new AppError('INVALID_INPUT', `${problem.label}${problem.message}。`, {
      fields: [{ path: problem.field, message: problem.message }],
    });
  const { workingDays, ...rest } = d;
  const days = workingDays ?? (existing ? complaintTerm(ctx, existing) : DEFAULT_COMPLAINT_DAYS);
  const fields: ComplaintFields = { ...rest, deadline: complaintDeadline(ctx, d.receivedOn, days) };
  const fingerprint = complaintFingerprint(fields);
  const dup = duplicateOf(ctx, fingerprint, existing?.id);
  if (dup) throw new AppError('CONFLICT', `这件投诉${duplicateWords(dup)}，未重复登记。`);
  if (!existing) return insertComplaint(ctx.records, { ...fields, fingerprint, createdBy: ctx.caller.username });
  updateComplaint(ctx.records, existing.id, { ...fields, fingerprint });
  return existing.id;
}

/** The complainant as sent by a caller who sees it masked: the mask itself keeps what is stored. */
export function keepMasked(ctx: HandlerContext, c: ComplaintRecord, name: string | null, phone: string | null) {
  if (handles(ctx.caller, c) || c.handler === null) return { complainantName: name, complainantPhone: phone };
  const same = (v: string | null, stored: string | null, kind: 'name' | 'phone') =>
    v === stored || v === maskPersonal(stored, kind);
  if (!same(name, c.complainantName, 'name') || !same(phone, c.complainantPhone, 'phone'))
    throw new AppError('FORBIDDEN', `投诉人信息只有承办人（${c.handler}）可以修改。`);
  return { complainantName: c.complainantName, complainantPhone: c.complainantPhone };
}

/** 转为问责线索: the complaint becomes one clue (filed once; the clue keeps the complaint's UUID). */
export function complaintToClue(ctx: HandlerContext, c: ComplaintRecord) {
  return fileClue(ctx.sqlite, ctx.records, {
    sourceKind: 'complaint',
    sourceUuid: c.uuid,
    sourceLabel: `投诉（${c.receivedOn}，${complaintCategory.label(c.category)}${c.ref ? `，${c.ref}` : ''}）`,
    unitId: c.unitId,
    personId: c.personId,
    summary: c.content.length > 200 ? `${c.content.slice(0, 200)}…` : c.content,
    receivedOn: todayOf(ctx.now),
    createdBy: ctx.caller.username,
  });
}
