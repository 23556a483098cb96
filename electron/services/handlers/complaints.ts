import { AppError } from '../../contract';
import { complaintLifecycle } from '../../core';
import { requireStep } from '../lifecycle';
import { type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { todayOf } from '../org/write';
import { errorFileName, errorWorkbook } from '../excel/error-workbook';
import { readWorkbook } from '../excel/workbook';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { complaintsTemplate, complaintsWorkbook, planComplaintImport } from '../excel/complaint-import';
import {
  complaintToClue,
  complaintView,
  complaintViews,
  keepMasked,
  mustComplaint,
  writeComplaint,
} from '../supervision/complaints';
import { concludeComplaint, listComplaints, reopenComplaint } from '../../../db/repos/complaints';
import { workingDaysBetween } from '../../core';
import { calendarAround } from '../calendar-days';
import { registerExport } from '../excel/register-export';

export const complaintsHandlers: Handlers<
  | 'complaints.list'
  | 'complaints.save'
  | 'complaints.conclude'
  | 'complaints.reopen'
  | 'complaints.toClue'
  | 'complaints.importPreview'
  | 'complaints.import'
  | 'complaints.importErrors'
  | 'complaints.template'
  | 'complaints.export'
> = {
  'complaints.list': (ctx, input) => complaintViews(ctx, listComplaints(ctx.sqlite, input)),
  'complaints.save': (ctx, input) => {
    const { id, personId, ref, complainantName, complainantPhone, handler, ...rest } = input;
    let contact = { complainantName: complainantName ?? null, complainantPhone: complainantPhone ?? null };
    if (id) {
      const c = mustComplaint(ctx, id);
      requireStep(ctx, complaintLifecycle, c.state, 'edit');
      contact = keepMasked(ctx, c, contact.complainantName, contact.complainantPhone);
    }
    const saved = writeComplaint(ctx, {
      ...rest,
      ...contact,
      id,
      personId: personId ?? null,
      ref: ref || null,
      handler: handler || null,
    });
    ctx.audit(`complaint:${saved}`, { unitId: input.unitId, receivedOn: input.receivedOn, edited: !!id });
    return complaintView(ctx, saved);
  },
  'complaints.conclude': (ctx, input) => {
    const c = mustComplaint(ctx, input.id);
    requireStep(ctx, complaintLifecycle, c.state, 'conclude', { fields: input });
    if (input.concludedOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '办结日期不能晚于今天。');
    if (input.concludedOn < c.receivedOn)
      throw new AppError('INVALID_INPUT', `办结日期不能早于受理日期（${c.receivedOn}）。`);
    concludeComplaint(ctx.records, c.id, input);
    ctx.audit(`complaint:${c.id}`, { concluded: input.concludedOn, substantiated: input.substantiated });
    return complaintView(ctx, c.id);
  },
  'complaints.reopen': (ctx, input) => {
    const c = mustComplaint(ctx, input.id);
    requireStep(ctx, complaintLifecycle, c.state, 'reopen', { fields: input });
    reopenComplaint(ctx.records, c.id);
    ctx.audit(`complaint:${c.id}`, { reopened: input.reason });
    return complaintView(ctx, c.id);
  },
  'complaints.toClue': (ctx, input) => {
    const c = mustComplaint(ctx, input.id);
    requireStep(ctx, complaintLifecycle, c.state, 'escalate');
    const clue = complaintToClue(ctx, c);
    if (!clue.created) throw new AppError('CONFLICT', '这件投诉已转为问责线索。');
    ctx.audit(`complaint:${c.id}`, { clue: clue.id });
    return complaintView(ctx, c.id);
  },
  'complaints.importPreview': async (ctx, input) =>
    previewOf(await planComplaintImport(ctx, input.fileName, fileBytes(ctx, input, 'excel'))),
  'complaints.importErrors': async (ctx, input) => {
    const bytes = fileBytes(ctx, input, 'excel');
    const plan = await planComplaintImport(ctx, input.fileName, bytes);
    const out = await errorWorkbook(await readWorkbook(input.fileName, bytes), plan.sheet, plan.rows);
    return { fileName: errorFileName(input.fileName), base64: out.buffer.toString('base64') };
  },
  /** All or nothing: one row in error refuses the file; repeats of registered complaints are shown and skipped. */
  'complaints.import': prepared(
    async (ctx, input) => planComplaintImport(ctx, input.fileName, fileBytes(ctx, input, 'excel')),
    (ctx, _input, plan) => {
      refuseIfErrors(plan.rows);
      for (const it of plan.items) {
        const { row: _r, ...draft } = it;
        writeComplaint(ctx, draft);
      }
      const counts = countsOf(plan.rows);
      ctx.audit('complaints', { imported: counts.create, repeats: counts.same });
      return { rows: plan.rows, counts, notices: plan.notices, committed: true };
    },
  ),
  'complaints.template': async () => ({
    fileName: '投诉导入模板.xlsx',
    base64: (await complaintsTemplate()).toString('base64'),
  }),
  'complaints.export': registerExport(
    'complaints',
    '投诉登记',
    (ctx) => listComplaints(ctx.sqlite),
    complaintsWorkbook,
  ),
};

/** Open complaints by how their deadline stands (the overdue board's count). */
export const openComplaintDays = (ctx: Parameters<typeof calendarAround>[0], today: string, deadline: string) =>
  workingDaysBetween(today, deadline, calendarAround(ctx, today));
