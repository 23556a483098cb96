import { z } from 'zod';
import { channel } from '../channel';
import { fileFields, isoDate, noInput, oneFile, oneFileError, recordId, shortText } from '../limits';
import { complaintCategory, complaintChannel, complaintState } from '../../vocab';
import { importResult } from './org';

const id = recordId;
const readers = ['evaluator', 'leader'] as const;
const writers = ['evaluator'] as const;
const fileOut = z.object({ fileName: z.string(), base64: z.string() });
const importFile = z.strictObject(fileFields('excel')).refine(oneFile, oneFileError);
const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .nullable()
    .optional();

/** A complaint changing leaves or joins the overdue board, the clue list and the unit's automatic points. */
const shown = ['complaints.list', 'board.list', 'scores.grid', 'results.get'];

export const complaintRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  channel: z.enum(complaintChannel.values),
  ref: z.string().nullable(),
  receivedOn: z.string(),
  /** Masked (张*, 138****5678) unless the caller handles this complaint. */
  complainantName: z.string().nullable(),
  complainantPhone: z.string().nullable(),
  /** Whether the complainant is shown in full (the caller is its handler). */
  fullContact: z.boolean(),
  unitId: z.number().int(),
  unitName: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  category: z.enum(complaintCategory.values),
  content: z.string(),
  handler: z.string().nullable(),
  deadline: z.string(),
  state: z.enum(complaintState.values),
  result: z.string().nullable(),
  substantiated: z.boolean().nullable(),
  concludedOn: z.string().nullable(),
  deadlineState: z.enum(['overdue', 'soon', 'ok']).nullable(),
  daysLeft: z.number().int().nullable(),
  /** 办理期限 in working days from the day received (what the deadline was counted with). */
  workingDays: z.number().int(),
  /** The accountability clue it became, if any (已转问责线索). */
  clueId: z.number().int().nullable(),
});

export const complaintInput = z.strictObject({
  id: id.optional(),
  channel: z.enum(complaintChannel.values, { error: '请选择投诉渠道' }),
  ref: optional('来件编号', 60),
  receivedOn: isoDate('受理日期'),
  complainantName: optional('投诉人', 30),
  complainantPhone: optional('联系电话', 30),
  unitId: z.number({ error: '请选择被投诉单位' }).int().positive(),
  personId: id.nullable().optional(),
  category: z.enum(complaintCategory.values, { error: '请选择投诉类别' }),
  content: shortText('投诉内容', 2000),
  handler: optional('承办人', 40),
  /**
   * 办理期限, in working days from the day received; the deadline is counted again whenever the complaint is saved.
   * Left out: 15 for a new complaint, a changed one keeps its own.
   */
  workingDays: z
    .number({ error: '请填写办理期限' })
    .int()
    .min(1, { error: '办理期限至少 1 个工作日' })
    .max(60, { error: '办理期限最多 60 个工作日' })
    .optional(),
});

export const complaintsChannels = {
  'complaints.list': channel({
    title: '查看投诉',
    input: z.strictObject({
      state: z.enum(complaintState.values).optional(),
      unitId: id.optional(),
      search: z.string().trim().max(50).optional(),
    }),
    output: z.array(complaintRow),
    roles: readers,
    writes: false,
  }),
  'complaints.save': channel({
    title: '登记投诉',
    input: complaintInput,
    output: complaintRow,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'complaints.conclude': channel({
    title: '办结投诉',
    input: z.strictObject({
      id,
      result: shortText('办理结果', 2000),
      substantiated: z.boolean({ error: '请选择是否查实' }),
      concludedOn: isoDate('办结日期'),
    }),
    output: complaintRow,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'complaints.reopen': channel({
    title: '重新办理投诉',
    input: z.strictObject({ id, reason: shortText('重新办理的原因', 500) }),
    output: complaintRow,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'complaints.toClue': channel({
    title: '投诉转为问责线索',
    input: z.strictObject({ id }),
    output: complaintRow,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'complaints.importPreview': channel({
    title: '预览投诉导入',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: false,
  }),
  'complaints.import': channel({
    title: '导入投诉',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'complaints.importErrors': channel({
    title: '下载标注错误的投诉文件',
    input: importFile,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'complaints.template': channel({
    title: '下载投诉导入模板',
    input: noInput,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'complaints.export': channel({
    title: '导出投诉',
    input: noInput,
    output: fileOut,
    roles: readers,
    writes: false,
    audited: true,
  }),
};
