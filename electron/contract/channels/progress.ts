import { z } from 'zod';
import { channel } from '../channel';
import { fileFields, longText, oneFile, oneFileError, recordId, shortText } from '../limits';
import { lags, reportStates } from '../plan-labels';
import { milestone } from './targets';

const id = recordId;
const quarter = z
  .number({ error: '请选择季度' })
  .int()
  .min(1, { error: '季度应为 1 至 4' })
  .max(4, { error: '季度应为 1 至 4' });
const readers = ['evaluator', 'leader', 'clerk'] as const;
const writers = ['evaluator', 'clerk'] as const;

export const reportRow = z.object({
  targetId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  indicatorName: z.string(),
  content: z.string(),
  targetValue: z.string().nullable(),
  measureUnit: z.string().nullable(),
  leaderName: z.string().nullable(),
  milestone,
  /** The completion expected by the quarter's end, in percent. */
  expected: z.number(),
  lag: z.enum(lags),
  reportId: z.number().int().nullable(),
  state: z.enum(reportStates).nullable(),
  completionRate: z.number().nullable(),
  actualValue: z.string().nullable(),
  narrative: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  returnReason: z.string().nullable(),
  submittedAt: z.number().int().nullable(),
  attachments: z.array(z.object({ id: z.number().int(), name: z.string(), size: z.number().int() })),
});

export const progressChannels = {
  'reports.list': channel({
    title: '查看季度进展',
    /** `state`: the reports in that state; `unreported` the targets without a report this quarter. */
    input: z.strictObject({
      planId: id,
      quarter,
      unitId: id.optional(),
      state: z.enum([...reportStates, 'unreported'], { error: '状态不正确' }).optional(),
    }),
    output: z.array(reportRow),
    roles: readers,
    writes: false,
  }),
  'reports.save': channel({
    title: '填写季度进展',
    input: z.strictObject({
      targetId: id,
      quarter,
      completionRate: z
        .number({ error: '完成率应为数字' })
        .min(0, { error: '完成率不能为负' })
        .max(1000, { error: '完成率不能超过 1000%' })
        .nullable()
        .optional(),
      actualValue: z.string().trim().max(60, { error: '实际完成值不能超过 60 个字' }).nullable().optional(),
      narrative: longText('进展情况', 3000).default(''),
      problems: longText('存在问题', 2000).default(''),
      nextSteps: longText('下步打算', 2000).default(''),
    }),
    output: reportRow,
    roles: writers,
    writes: true,
    refreshes: ['reports.list', 'todo.list'],
  }),
  'reports.submit': channel({
    title: '报送季度进展',
    input: z.strictObject({ reportId: id }),
    output: reportRow,
    roles: writers,
    writes: true,
    refreshes: ['reports.list', 'todo.list'],
  }),
  'reports.review': channel({
    title: '审核季度进展',
    input: z.strictObject({
      reportId: id,
      accept: z.boolean(),
      reason: z.string().trim().max(500, { error: '退回原因不能超过 500 个字' }).optional(),
    }),
    output: reportRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['reports.list', 'todo.list'],
  }),
  'reports.attach': channel({
    title: '上传佐证材料',
    input: z
      .strictObject({
        reportId: id,
        ...fileFields('attachment'),
        fileName: shortText('文件名', 200),
      })
      .refine(oneFile, oneFileError),
    output: reportRow,
    roles: writers,
    writes: true,
    refreshes: ['reports.list', 'todo.list'],
  }),
  'reports.detach': channel({
    title: '删除佐证材料',
    input: z.strictObject({ attachmentId: id }),
    output: reportRow,
    roles: writers,
    writes: true,
    refreshes: ['reports.list', 'todo.list'],
  }),
  'reports.download': channel({
    title: '下载佐证材料',
    input: z.strictObject({ attachmentId: id }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: readers,
    writes: false,
  }),
} as const;
