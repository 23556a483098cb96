import { z } from 'zod';
import { channel } from '../channel';
import { indicatorKinds } from '../plan-labels';
import { shortText } from '../limits';
import { count, fileOut, id, importFile, importResult, points, readers, writers } from './plans';

/** The targets of a plan's units (目标任务): their rows, paging, edits, common assignment and the Excel round trip. */

const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .nullable()
    .optional();

/** Where targets show or are counted. */
const targetsShown = ['targets.list', 'targets.page', 'plans.get', 'plans.list', 'letters.list', 'reports.list'];
export const milestone = z.object({
  text: z.string().trim().max(200, { error: '季度节点不能超过 200 个字' }),
  percent: z
    .number()
    .min(0, { error: '节点完成率应在 0 到 100 之间' })
    .max(100, { error: '节点完成率应在 0 到 100 之间' })
    .nullable(),
});

export const targetRow = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  indicatorId: z.number().int(),
  indicatorName: z.string(),
  kind: z.enum(indicatorKinds),
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  content: z.string(),
  targetValue: z.string().nullable(),
  measureUnit: z.string().nullable(),
  points: z.number(),
  milestones: z.array(milestone),
  leaderId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  leadUnitId: z.number().int().nullable(),
  partnerUnitIds: z.array(z.number().int()),
  isKey: z.boolean(),
  isMajor: z.boolean(),
  sortOrder: z.number().int(),
  /** The unit's letter is signed: the target can no longer change. */
  frozen: z.boolean(),
});

const targetFields = {
  indicatorId: id,
  unitId: id,
  content: shortText('目标任务', 2000),
  targetValue: optional('目标值', 60),
  measureUnit: optional('计量单位', 20),
  points: points('分值'),
  milestones: z.array(milestone).length(4, { error: '季度节点应有四个' }).optional(),
  leaderId: id.nullable().optional(),
  leadUnitId: id.nullable().optional(),
  partnerUnitIds: z.array(id).max(50, { error: '配合单位最多 50 个' }).optional(),
  isKey: z.boolean().optional(),
  isMajor: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
};

export const targetsChannels = {
  'targets.list': channel({
    title: '查看目标任务',
    input: z.strictObject({ planId: id, unitId: id.optional(), indicatorId: id.optional() }),
    output: z.array(targetRow),
    roles: readers,
    writes: false,
  }),
  'targets.page': channel({
    title: '查看目标任务',
    input: z.strictObject({
      planId: id,
      unitId: id.optional(),
      search: z.string().trim().max(40).optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({
      total: z.number().int(),
      rows: z.array(targetRow),
      /** The unit's basic points (common and specific targets), when one unit is asked. */
      basePoints: z.number().nullable(),
    }),
    roles: readers,
    writes: false,
  }),
  'targets.save': channel({
    title: '保存目标任务',
    input: z.strictObject({ id: id.optional(), planId: id, ...targetFields }),
    output: targetRow,
    roles: writers,
    writes: true,
    refreshes: targetsShown,
  }),
  'targets.remove': channel({
    title: '删除目标任务',
    input: z.strictObject({ id }),
    output: z.object({}),
    roles: writers,
    writes: true,
    refreshes: targetsShown,
  }),
  'targets.assignCommon': channel({
    title: '按类别分配共性指标',
    /** Without a category: every category that has units, at once. */
    input: z.strictObject({ planId: id, categoryId: id.optional(), indicatorIds: z.array(id).max(500).optional() }),
    output: z.object({ created: count, existing: count, units: count, categories: count }),
    roles: writers,
    writes: true,
    refreshes: targetsShown,
  }),
  'targets.importPreview': channel({
    title: '预览目标任务导入',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: false,
  }),
  /** The file back with every row's problems in a 错误说明 column, to be fixed and imported again. */
  'targets.importErrors': channel({
    title: '下载标注错误的目标任务文件',
    input: importFile,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'targets.import': channel({
    title: '导入目标任务',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: targetsShown,
  }),
  'targets.template': channel({
    title: '下载目标任务导入模板',
    input: z.strictObject({ planId: id }),
    output: fileOut,
    roles: writers,
    writes: false,
  }),
} as const;
