import { z } from 'zod';
import { autoSource } from '../../vocab';
import { channel } from '../channel';
import { levels } from '../levels';
import { fileFields, isoDate, longText, noInput, oneFile, oneFileError, recordId, shortText } from '../limits';
import { indicatorKinds, planStates } from '../plan-labels';

export const readers = ['evaluator', 'leader'] as const;
export const writers = ['evaluator'] as const;
export const id = recordId;
export const count = z.number().int();
export const points = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, { error: `${label}不能为负` })
    .max(1000, { error: `${label}不能超过 1000` })
    .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, { error: `${label}最多保留两位小数` });
/** Where indicators show: the plan's tree, each target's indicator, a letter's points. */
const indicatorsShown = ['plans.get', 'targets.list', 'targets.page', 'letters.list'];
/** A letter's signing freezes its unit's targets and counts on the plan. */

export const planRow = z.object({
  id: z.number().int(),
  year: z.number().int(),
  level: z.enum(levels),
  title: z.string(),
  totalPoints: z.number(),
  state: z.enum(planStates),
  basis: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  copiedFrom: z.number().int().nullable(),
  units: z.number().int(),
  targets: z.number().int(),
  signed: z.number().int(),
});

export const methodParams = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('linear'), full: z.number().min(1).max(1000), floor: z.number().min(0).max(1000) }),
    z.object({
      method: z.literal('threshold'),
      steps: z.array(z.object({ min: z.number().min(0).max(1000), share: z.number().min(0).max(1) })).max(10),
    }),
    z.object({
      method: z.literal('grade'),
      shares: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
    }),
    z.object({
      method: z.literal('per_occurrence'),
      each: z.number().min(0).max(1000),
      cap: z.number().min(0).max(1000),
    }),
    z.object({ method: z.literal('veto') }),
    z.object({ method: z.literal('judgement') }),
  ],
  { error: '请选择计分方法' },
);

export const indicatorRow = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  isGroup: z.boolean(),
  kind: z.enum(indicatorKinds),
  name: z.string(),
  points: z.number(),
  params: methodParams,
  standard: z.string(),
  /** The standard as printed: the office's words, or the method's. */
  standardText: z.string(),
  scoringBody: z.string(),
  /** Where the points come from when not entered by the body; null: entered by the body. */
  autoSource: z.enum(autoSource.values).nullable(),
  categoryIds: z.array(z.number().int()),
  evidence: z.string(),
  sortOrder: z.number().int(),
  targets: z.number().int(),
});

const rulesOut = z.object({
  editPlan: z.boolean(),
  editIndicators: z.boolean(),
  editTargets: z.boolean(),
  letters: z.boolean(),
});

export const importFile = z.strictObject({ planId: id, ...fileFields('excel') }).refine(oneFile, oneFileError);
export const importResult = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      key: z.string(),
      name: z.string(),
      status: z.enum(['create', 'update', 'same', 'error']),
      messages: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    same: z.number().int(),
    error: z.number().int(),
  }),
  notices: z.array(z.string()),
  committed: z.boolean(),
});
export const fileOut = z.object({ fileName: z.string(), base64: z.string() });

export const plansChannels = {
  /** 录入员 see the list too: they report progress on a plan's targets. */
  'plans.list': channel({
    title: '查看考核方案',
    input: noInput,
    output: z.array(planRow),
    roles: [...readers, 'clerk'],
    writes: false,
  }),
  'plans.get': channel({
    title: '查看考核方案详情',
    input: z.strictObject({ id }),
    output: z.object({
      plan: planRow,
      rules: rulesOut,
      moves: z.array(z.enum(planStates)),
      indicators: z.array(indicatorRow),
      pointsByCategory: z.array(
        z.object({ categoryId: z.number().int(), name: z.string(), sum: z.number(), ok: z.boolean() }),
      ),
    }),
    roles: readers,
    writes: false,
  }),
  'plans.create': channel({
    title: '新建考核方案',
    input: z.strictObject({
      year: z
        .number({ error: '请填写年度' })
        .int({ error: '年度应为整数' })
        .min(2000, { error: '年度应在 2000 至 2100 之间' })
        .max(2100, { error: '年度应在 2000 至 2100 之间' }),
      title: shortText('方案名称', 80),
      /** 100 when neither given nor copied. */
      totalPoints: points('基本分')
        .refine((x) => x > 0, { error: '基本分应大于 0' })
        .optional(),
      basis: longText('考核依据', 500).optional(),
      periodStart: isoDate('责任期限起始日').optional(),
      periodEnd: isoDate('责任期限截止日').optional(),
      /** Start as a copy of this plan: its indicators and the targets of units still active. */
      copyFrom: id.optional(),
    }),
    output: planRow,
    roles: writers,
    writes: true,
    refreshes: ['plans.list'],
  }),
  'plans.update': channel({
    title: '修改考核方案',
    input: z.strictObject({
      id,
      title: shortText('方案名称', 80).optional(),
      totalPoints: points('基本分')
        .refine((x) => x > 0, { error: '基本分应大于 0' })
        .optional(),
      basis: longText('考核依据', 500).optional(),
      periodStart: isoDate('责任期限起始日').optional(),
      periodEnd: isoDate('责任期限截止日').optional(),
    }),
    output: planRow,
    roles: writers,
    writes: true,
    refreshes: ['plans.list', 'plans.get', 'letters.list'],
  }),
  /** Before publishing: the units whose targets do not add up to the base score (their letters cannot be made). */
  'plans.publishCheck': channel({
    title: '发布前检查各单位目标分值',
    input: z.strictObject({ id }),
    output: z.object({
      units: z.array(
        z.object({ unitId: z.number().int(), unitCode: z.string(), unitName: z.string(), problem: z.string() }),
      ),
    }),
    roles: readers,
    writes: false,
  }),
  /** Publishing with units that do not add up needs `acceptShortfalls` (the decision, audited with the units). */
  'plans.setState': channel({
    title: '变更考核方案状态',
    input: z.strictObject({
      id,
      to: z.enum(planStates, { error: '目标状态不正确' }),
      acceptShortfalls: z.boolean().optional(),
    }),
    output: planRow,
    roles: writers,
    writes: true,
    refreshes: [
      'plans.list',
      'plans.get',
      'targets.list',
      'targets.page',
      'letters.list',
      'reports.list',
      'checks.list',
    ],
  }),

  'indicators.save': channel({
    title: '保存考核指标',
    input: z.strictObject({
      id: id.optional(),
      planId: id,
      parentId: id.nullable().optional(),
      isGroup: z.boolean().default(false),
      kind: z.enum(indicatorKinds, { error: '请选择指标类别' }),
      name: shortText('指标名称', 60),
      points: points('分值').default(0),
      params: methodParams.optional(),
      standard: longText('评分标准', 1000).default(''),
      scoringBody: z.string().trim().max(60, { error: '考核责任单位不能超过 60 个字' }).default(''),
      autoSource: z.enum(autoSource.values, { error: '请选择计分来源' }).nullable().default(null),
      categoryIds: z.array(id).max(50).default([]),
      evidence: longText('佐证材料要求', 500).default(''),
      sortOrder: z.number().int().min(0).max(1_000_000).optional(),
    }),
    output: indicatorRow,
    roles: writers,
    writes: true,
    refreshes: indicatorsShown,
  }),
  'indicators.importPreview': channel({
    title: '预览指标导入',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: false,
  }),
  'indicators.import': channel({
    title: '导入考核指标',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: indicatorsShown,
  }),
  'indicators.template': channel({
    title: '下载指标导入模板',
    input: noInput,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'indicators.remove': channel({
    title: '删除考核指标',
    input: z.strictObject({ id }),
    output: z.object({}),
    roles: writers,
    writes: true,
    refreshes: indicatorsShown,
  }),
} as const;
