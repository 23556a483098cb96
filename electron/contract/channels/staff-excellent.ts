import { z } from 'zod';
import { objectionOutcome, objectionState, publicationState } from '../../vocab';
import { channel } from '../channel';
import { isoDate, longText, recordId, shortText } from '../limits';

/**
 * 优秀等次公示 (issue #19): the proposed 优秀 of a unit's year, or of every unit of the year, put before the public for
 * at least 5 working days through the 公示-and-objection model of the results (publications, objections); an
 * upheld objection on a person reopens that person's grade; confirming after the period makes the proposed 优秀
 * final. services/handlers/staff-excellent.ts.
 */

const year = z
  .number({ error: '请选择年度' })
  .int()
  .min(2000, { error: '年度不正确' })
  .max(2100, { error: '年度不正确' });
/** null: every unit of the year. */
const scope = { year, unitId: recordId.nullable() };
const refreshes = ['staff.posting', 'staff.round', 'people.archive', 'documents.list'];

const listedRow = z.object({
  personId: z.number().int().nullable(),
  name: z.string(),
  unit: z.string(),
  post: z.string().nullable(),
});

const objectionRow = z.object({
  id: z.number().int(),
  no: z.number().int(),
  raiserName: z.string(),
  raiserUnit: z.string(),
  raiserContact: z.string(),
  receivedDate: z.string(),
  content: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  state: z.enum(objectionState.values),
  investigation: z.string().nullable(),
  outcome: z.enum(objectionOutcome.values).nullable(),
  answer: z.string().nullable(),
  answeredDate: z.string().nullable(),
});

export const staffPostingView = z.object({
  year: z.number().int(),
  unitId: z.number().int().nullable(),
  /** 发展和改革局, or 全部单位. */
  scopeName: z.string(),
  today: z.string(),
  posting: z
    .object({
      id: z.number().int(),
      /** The 公示 covers every unit of the year (not only the one asked about). */
      yearWide: z.boolean(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      workingDays: z.number().int(),
      periodText: z.string(),
      state: z.enum(publicationState.values),
      daysLeft: z.number().int(),
      phone: z.string(),
      address: z.string(),
      documentId: z.number().int().nullable(),
      number: z.string().nullable(),
      listed: z.array(listedRow),
    })
    .nullable(),
  objections: z.array(objectionRow),
  /** Before a 公示: the proposed 优秀 it would list, and what stops it (quota, a measure, a confirmed unit). */
  proposals: z.array(listedRow),
  problems: z.array(z.string()),
  defaults: z.object({ startDate: z.string(), workingDays: z.number().int(), phone: z.string(), address: z.string() }),
});

const ok = z.object({ ok: z.literal(true) });

export const staffExcellentChannels = {
  'staff.posting': channel({
    input: z.strictObject(scope),
    output: staffPostingView,
    roles: ['evaluator', 'leader'],
    writes: false,
    title: '查看优秀等次公示',
  }),
  'staff.publicize': channel({
    input: z.strictObject({
      ...scope,
      startDate: isoDate('公示开始日期'),
      workingDays: z
        .number({ error: '请填写公示天数' })
        .int({ error: '公示天数应为整数' })
        .min(5, { error: '优秀等次公示期不少于 5 个工作日' })
        .max(30, { error: '公示期最多 30 个工作日' }),
      phone: z.string().trim().max(40, { error: '联系电话不能超过 40 个字' }).optional(),
      address: z.string().trim().max(100, { error: '受理地址不能超过 100 个字' }).optional(),
    }),
    output: z.object({ id: z.number().int(), number: z.string() }),
    roles: ['evaluator'],
    writes: true,
    refreshes,
    title: '印发优秀等次公示',
  }),
  'staff.objectionRegister': channel({
    input: z.strictObject({
      postingId: recordId,
      raiserName: shortText('提出人', 40),
      raiserUnit: z.string().trim().max(60, { error: '提出人单位不能超过 60 个字' }).default(''),
      raiserContact: shortText('联系方式', 60),
      receivedDate: isoDate('收到日期'),
      content: shortText('异议内容', 2000),
      personId: recordId.nullable().optional(),
    }),
    output: ok,
    roles: ['evaluator'],
    writes: true,
    refreshes,
    title: '登记优秀等次公示异议',
  }),
  'staff.objectionInvestigate': channel({
    input: z.strictObject({ id: recordId, investigation: longText('调查核实情况', 2000) }),
    output: ok,
    roles: ['evaluator'],
    writes: true,
    refreshes,
    title: '优秀等次公示异议调查核实',
  }),
  'staff.objectionAnswer': channel({
    input: z.strictObject({
      id: recordId,
      outcome: z.enum(objectionOutcome.values, { error: '请选择异议是否成立' }),
      answer: longText('答复意见', 2000),
    }),
    output: ok,
    roles: ['evaluator'],
    writes: true,
    refreshes,
    title: '答复优秀等次公示异议',
  }),
  'staff.confirmExcellent': channel({
    input: z.strictObject({ postingId: recordId }),
    output: ok,
    roles: ['evaluator'],
    writes: true,
    refreshes,
    title: '公示期满确定优秀等次',
  }),
};
