import { z } from 'zod';
import { calendarDayKind } from '../../vocab';
import { channel } from '../channel';
import { fileFields, oneFile, oneFileError } from '../limits';
import { roles } from '../roles';

export const isoDate = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 2026-10-01' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: '不是有效的日期' },
  );

export const dayKind = z.enum(calendarDayKind.values, { error: '类型只能是“休”（节假日）或“班”（调休上班）' });
export const calendarDay = z.object({ date: z.string(), kind: dayKind, note: z.string() });

/** Working-day deadlines are counted with the calendar. */
const deadlinesShown = ['calendar.list', 'notices.list', 'rectify.list', 'board.list'];

export const calendarImportRow = z.object({
  row: z.number().int(),
  date: z.string(),
  kind: z.string(),
  note: z.string(),
  status: z.enum(['new', 'changed', 'same', 'error']),
  message: z.string().optional(),
});

const calendarFile = z.strictObject(fileFields('calendar')).refine(oneFile, oneFileError);
const calendarImport = z.object({
  rows: z.array(calendarImportRow),
  errors: z.number().int(),
  written: z.number().int(),
});

export const calendarChannels = {
  'calendar.list': channel({
    title: '查看工作日历',
    input: z.strictObject({ year: z.number().int().min(2000).max(2100) }),
    output: z.array(calendarDay),
    roles,
    writes: false,
  }),
  'calendar.set': channel({
    title: '设置节假日或调休',
    input: z.strictObject({
      date: isoDate,
      kind: dayKind,
      note: z.string().trim().max(40, { error: '说明不能超过 40 个字' }).default(''),
    }),
    output: calendarDay,
    roles: ['admin'],
    writes: true,
    refreshes: deadlinesShown,
  }),
  'calendar.remove': channel({
    title: '删除节假日或调休',
    input: z.strictObject({ date: isoDate }),
    output: z.object({}),
    roles: ['admin'],
    writes: true,
    refreshes: deadlinesShown,
  }),
  'calendar.preview': channel({
    title: '预览工作日历导入',
    input: calendarFile,
    output: calendarImport,
    roles: ['admin'],
    writes: false,
  }),
  'calendar.import': channel({
    title: '导入工作日历',
    input: calendarFile,
    output: calendarImport,
    roles: ['admin'],
    writes: true,
    refreshes: deadlinesShown,
  }),
} as const;
