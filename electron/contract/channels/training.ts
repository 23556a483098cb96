import { z } from 'zod';
import { trainingCategory } from '../../vocab';
import { channel } from '../channel';
import { fileFields, isoDate, oneFile, oneFileError, recordId, shortText } from '../limits';
import { importResult } from './org';
import { fileOut } from './plans';

/** Training records (seed 四.3): courses, who attended, hours per person and unit against the yearly requirement. */

const readers = ['evaluator', 'leader'] as const;
const writers = ['evaluator'] as const;
const year = z.number({ error: '请选择年度' }).int().min(2000).max(2100);
const hours = z
  .number({ error: '学时应为数字' })
  .gt(0, { error: '学时应大于 0' })
  .max(1000, { error: '学时不能超过 1000' });

export const trainingRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  title: z.string(),
  category: z.enum(trainingCategory.values),
  organizer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  attendees: z.number().int(),
});

const attendanceFile = z.strictObject({ trainingId: recordId, ...fileFields('excel') }).refine(oneFile, oneFileError);
const shown = ['training.list', 'training.attendance', 'training.summary', 'people.archive'];

export const trainingChannels = {
  'training.list': channel({
    input: z.strictObject({ year }),
    output: z.array(trainingRow),
    roles: readers,
    writes: false,
    title: '查看培训',
  }),
  'training.save': channel({
    input: z
      .strictObject({
        id: recordId.optional(),
        title: shortText('培训名称', 80),
        category: z.enum(trainingCategory.values, {
          error: '类别只能是廉洁自律、职业道德、知识技能、法律法规或财经制度',
        }),
        organizer: z.string().trim().max(60, { error: '主办单位不能超过 60 个字' }).optional(),
        startDate: isoDate('开始日期'),
        endDate: isoDate('结束日期'),
        hours,
      })
      .refine((t) => t.endDate >= t.startDate, { error: '结束日期不能早于开始日期', path: ['endDate'] }),
    output: z.object({ id: z.number().int() }),
    roles: writers,
    writes: true,
    refreshes: shown,
    title: '登记培训',
  }),
  'training.remove': channel({
    input: z.strictObject({ id: recordId }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: shown,
    title: '删除培训',
  }),
  'training.attendance': channel({
    input: z.strictObject({ trainingId: recordId }),
    output: z.array(
      z.object({
        id: z.number().int(),
        personId: z.number().int(),
        name: z.string(),
        code: z.string().nullable(),
        unitName: z.string(),
        hours: z.number(),
      }),
    ),
    roles: readers,
    writes: false,
    title: '查看培训参加人员',
  }),
  'training.attend': channel({
    input: z.strictObject({ trainingId: recordId, personId: recordId, hours: hours.optional() }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: shown,
    title: '登记参加培训',
  }),
  'training.unattend': channel({
    input: z.strictObject({ trainingId: recordId, personId: recordId }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: shown,
    title: '取消参加培训登记',
  }),
  'training.importPreview': channel({
    input: attendanceFile,
    output: importResult,
    roles: writers,
    writes: false,
    title: '预览培训参加人员导入',
  }),
  'training.import': channel({
    input: attendanceFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: shown,
    title: '导入培训参加人员',
  }),
  'training.template': channel({
    input: z.strictObject({}),
    output: fileOut,
    roles: writers,
    writes: false,
    title: '下载培训参加人员导入模板',
  }),
  'training.summary': channel({
    input: z.strictObject({ year }),
    output: z.object({
      required: z.number(),
      units: z.array(
        z.object({
          unitId: z.number().int(),
          unitName: z.string(),
          people: z.number().int(),
          hours: z.number(),
          average: z.number(),
          below: z.number().int(),
        }),
      ),
      people: z.array(
        z.object({ personId: z.number().int(), name: z.string(), unitName: z.string(), hours: z.number() }),
      ),
    }),
    roles: readers,
    writes: false,
    title: '查看培训学时统计',
  }),
};
