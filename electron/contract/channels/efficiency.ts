import { z } from 'zod';
import { approvalStanding, costBasis, costMeasure } from '../../vocab';
import { channel } from '../channel';
import { fileFields, noInput, oneFile, oneFileError } from '../limits';
import { importResult } from './org';

/** 审批效率与行政成本 (issue 16 item 3): the office writes, the leader reads. */
const readers = ['evaluator', 'leader'] as const;
const writers = ['evaluator'] as const;

const year = z
  .number({ error: '请选择年度' })
  .int()
  .min(2000, { error: '年度不正确' })
  .max(2100, { error: '年度不正确' });
/** A quarter 1–4; none: the whole year. */
const quarter = z.number().int().min(1, { error: '季度应为 1 至 4' }).max(4, { error: '季度应为 1 至 4' }).nullable();
const period = z.strictObject({ year, quarter: quarter.default(null) });
const importFile = z.strictObject(fileFields('excel')).refine(oneFile, oneFileError);
const fileOut = z.object({ fileName: z.string(), base64: z.string() });

const unitRow = z.object({
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  cases: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  pending: z.number().int(),
  rate: z.number().nullable(),
  averageDays: z.number().nullable(),
});
const overRow = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  caseNo: z.string(),
  item: z.string(),
  acceptedOn: z.string(),
  completedOn: z.string().nullable(),
  limit: z.number().int(),
  limitKind: z.enum(['promised', 'legal']),
  dueOn: z.string(),
  days: z.number().int(),
  overBy: z.number().int(),
  standing: z.enum(approvalStanding.values),
});
export const efficiencyView = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  /** Open cases are judged as of this day. */
  asOf: z.string(),
  rule: z.string(),
  units: z.array(unitRow),
  over: z.array(overRow),
});

export const costMethod = z.strictObject({
  parts: z
    .array(
      z.strictObject({
        measure: z.enum(costMeasure.values),
        basis: z.enum(costBasis.values),
        weight: z.number().min(0).max(1),
      }),
    )
    .min(1, { error: '至少设置一项考核内容' })
    .max(6),
  steps: z
    .array(z.strictObject({ max: z.number().min(0).max(1000), share: z.number().min(0).max(1) }))
    .min(1, { error: '至少设置一档' })
    .max(10),
});
const costRow = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  publicFunds: z.number(),
  threePublic: z.number(),
  staff: z.number().int(),
  perStaff: z.number(),
  budgetPublic: z.number().nullable(),
  budgetThree: z.number().nullable(),
  priorPublic: z.number().nullable(),
  priorThree: z.number().nullable(),
  /** The share of a cost indicator's points (0–1), or null with the reason. */
  share: z.number().nullable(),
  explain: z.string(),
});
const costView = z.object({
  year: z.number().int(),
  method: costMethod,
  methodText: z.string(),
  rows: z.array(costRow),
});
const published = z.object({ documentId: z.number().int(), number: z.string(), title: z.string() });

const efficiencyShown = ['efficiency.list'];
const costShown = ['cost.list'];

export const efficiencyChannels = {
  'efficiency.list': channel({
    title: '查看审批效率',
    input: period,
    output: efficiencyView,
    roles: readers,
    writes: false,
  }),
  'efficiency.template': channel({
    title: '下载审批办件导入模板',
    input: noInput,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'efficiency.importPreview': channel({
    title: '预览审批办件导入',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: false,
  }),
  'efficiency.importErrors': channel({
    title: '下载标注错误的审批办件文件',
    input: importFile,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'efficiency.import': channel({
    title: '导入审批办件',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: efficiencyShown,
  }),
  /** 公布各部门审批绩效评分: a registered 通报 with the period's list and the year's cost figures beside it. */
  'efficiency.publish': channel({
    title: '生成审批绩效评分通报',
    input: period,
    output: published,
    roles: writers,
    writes: true,
    refreshes: ['documents.list'],
  }),
  'efficiency.export': channel({
    title: '导出审批绩效评分',
    input: period,
    output: fileOut,
    roles: readers,
    writes: false,
    audited: true,
  }),
  'cost.list': channel({
    title: '查看行政成本',
    input: z.strictObject({ year }),
    output: costView,
    roles: readers,
    writes: false,
  }),
  'cost.template': channel({
    title: '下载行政成本导入模板',
    input: z.strictObject({ year }),
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'cost.importPreview': channel({
    title: '预览行政成本导入',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: false,
  }),
  'cost.importErrors': channel({
    title: '下载标注错误的行政成本文件',
    input: importFile,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'cost.import': channel({
    title: '导入行政成本',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: costShown,
  }),
  'cost.setMethod': channel({
    title: '设置行政成本计分办法',
    input: z.strictObject({ method: costMethod }),
    output: z.object({ method: costMethod, methodText: z.string() }),
    roles: writers,
    writes: true,
    refreshes: costShown,
  }),
} as const;
