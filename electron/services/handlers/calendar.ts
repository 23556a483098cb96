import { AppError } from '../../contract';
import { listCalendar, removeCalendarDay, upsertCalendarDay } from '../../../db/repos/calendar';
import { parseCalendarFile } from '../excel/calendar-import';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';

async function preview(ctx: HandlerContext, input: { fileName: string; uploadId?: string; base64?: string }) {
  const existing = new Map(listCalendar(ctx.db, '0000-01-01', '9999-12-31').map((d) => [d.date, d]));
  const rows = await parseCalendarFile(input.fileName, fileBytes(ctx, input, 'calendar'), existing);
  return { rows, errors: rows.filter((r) => r.status === 'error').length, written: 0 };
}

export const calendarHandlers: Handlers<
  'calendar.list' | 'calendar.set' | 'calendar.remove' | 'calendar.preview' | 'calendar.import'
> = {
  'calendar.list': (ctx, input) => listCalendar(ctx.db, `${input.year}-01-01`, `${input.year}-12-31`),

  'calendar.set': (ctx, input) => {
    upsertCalendarDay(ctx.records, input, ctx.caller.username);
    ctx.audit(`calendar:${input.date}`, { kind: input.kind, note: input.note });
    return input;
  },

  'calendar.remove': (ctx, input) => {
    if (removeCalendarDay(ctx.records, input.date) === 0)
      throw new AppError('NOT_FOUND', `${input.date} 没有设置过节假日或调休。`);
    ctx.audit(`calendar:${input.date}`);
    return {};
  },

  'calendar.preview': (ctx, input) => preview(ctx, input),

  /** All or nothing: any row in error refuses the whole file. */
  'calendar.import': prepared(
    (ctx, input) => preview(ctx, input),
    (ctx, input, result) => {
      if (result.errors > 0) {
        const first = result.rows.find((r) => r.status === 'error')!;
        throw new AppError(
          'INVALID_INPUT',
          `文件有 ${result.errors} 行错误，未导入任何内容。第 ${first.row} 行：${first.message}`,
        );
      }
      let written = 0;
      for (const r of result.rows) {
        if (r.status === 'same') continue;
        upsertCalendarDay(
          ctx.records,
          { date: r.date, kind: r.kind as 'holiday' | 'workday', note: r.note },
          ctx.caller.username,
        );
        written++;
      }
      ctx.audit('calendar', { fileName: input.fileName, written, rows: result.rows.length });
      return { ...result, written };
    },
  ),
};
