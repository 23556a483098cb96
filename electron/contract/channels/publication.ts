import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, longText, recordId, shortText } from '../limits';
import { objectionOutcome, objectionState, planState, publicationState } from '../../vocab';

/** Frozen results, the 公示 and its objections (services/handlers/publication.ts, objections.ts). */

const id = recordId;
const reads = ['evaluator', 'leader'] as const;
// a freeze or a re-score changes what the results, rewards and dashboard read, and whether the entry screens are open
const refreshes = [
  'publications.get',
  'publications.snapshot',
  'publications.unit',
  'plans.get',
  'plans.list',
  'results.get',
  'rewards.get',
  'dashboard.get',
  'scores.bodies',
  'scores.grid',
];

/** A score's input as a method reads it: one of rate, grade, occurrences, vetoed, points. */
export const scoreInput = z.union(
  [
    z.strictObject({ rate: z.number().min(0, { error: '完成率不能小于 0' }).max(1000) }),
    z.strictObject({ grade: z.enum(['A', 'B', 'C', 'D'], { error: '等次只能是 A、B、C、D' }) }),
    z.strictObject({ occurrences: z.number().int({ error: '次数应为整数' }).min(0, { error: '次数不能小于 0' }) }),
    z.strictObject({ vetoed: z.boolean() }),
    z.strictObject({ points: z.number().min(0, { error: '得分不能小于 0' }).max(1000) }),
  ],
  { error: '请填写得分依据（完成率、等次、次数、是否否决或评定分之一）' },
);

const snapshotHead = z.object({
  no: z.number().int(),
  unitCount: z.number().int(),
  reason: z.string(),
  incompleteReason: z.string().nullable(),
  madeBy: z.string(),
  madeAt: z.number(),
});

const objectionRow = z.object({
  id: z.number().int(),
  no: z.number().int(),
  raiserName: z.string(),
  raiserUnit: z.string(),
  raiserContact: z.string(),
  receivedDate: z.string(),
  content: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  state: z.enum(objectionState.values),
  investigation: z.string().nullable(),
  outcome: z.enum(objectionOutcome.values).nullable(),
  answer: z.string().nullable(),
  answeredDate: z.string().nullable(),
  answeredBy: z.string().nullable(),
  corrections: z.number().int(),
  /** Upheld on a unit and not yet frozen again: the unit is open for re-scoring. */
  rescoring: z.boolean(),
  rescoreSnapshotNo: z.number().int().nullable(),
  registeredBy: z.string(),
});

export const publicationView = z.object({
  planId: z.number().int(),
  planState: z.enum(planState.values),
  year: z.number().int(),
  today: z.string(),
  snapshots: z.array(snapshotHead),
  /** Before the first freeze, in 考核评分: what stops it, and the units still incomplete (names). */
  freeze: z.object({ problems: z.array(z.string()), incomplete: z.array(z.string()) }).nullable(),
  publication: z
    .object({
      id: z.number().int(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      workingDays: z.number().int(),
      periodText: z.string(),
      state: z.enum(publicationState.values),
      daysLeft: z.number().int(),
      phone: z.string(),
      address: z.string(),
      publicityDocumentId: z.number().int().nullable(),
      publicityNumber: z.string().nullable(),
      bulletinDocumentId: z.number().int().nullable(),
      bulletinNumber: z.string().nullable(),
    })
    .nullable(),
  objections: z.array(objectionRow),
  /** What the 公示 form starts with: today (or the next working day), 5 working days, the settings' contact. */
  defaults: z.object({ startDate: z.string(), workingDays: z.number().int(), phone: z.string(), address: z.string() }),
});

const rankedRow = z.object({
  unitId: z.number().int(),
  rank: z.number().int(),
  unit: z.string(),
  base: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  total: z.number(),
  vetoed: z.boolean(),
  complete: z.boolean(),
  grade: z.string(),
});

const planInput = z.strictObject({ planId: id });

export const publicationChannels = {
  'publications.get': channel({
    title: '查看评分结果冻结与公示',
    input: planInput,
    output: publicationView,
    roles: reads,
    writes: false,
  }),
  'publications.snapshot': channel({
    title: '查看冻结的考核结果',
    input: z.strictObject({ planId: id, no: z.number().int().min(1) }),
    output: z.object({
      ...snapshotHead.shape,
      order: z.string(),
      ruleVersion: z.string(),
      indicatorVersion: z.string(),
      ruleTables: z.array(z.object({ name: z.string(), version: z.string() })),
      categories: z.array(z.object({ name: z.string(), rows: z.array(rankedRow) })),
    }),
    roles: reads,
    writes: false,
  }),
  'publications.unit': channel({
    title: '查看冻结结果中一个单位的得分',
    input: z.strictObject({ planId: id, no: z.number().int().min(1), unitId: id }),
    output: z.object({
      unit: z.string(),
      summary: z.string(),
      lines: z.array(
        z.object({
          indicatorId: z.number().int(),
          targetId: z.number().int().nullable(),
          name: z.string(),
          kind: z.string(),
          method: z.string(),
          points: z.number(),
          input: z.record(z.string(), z.unknown()).nullable(),
          earned: z.number(),
          source: z.string().nullable(),
          explanation: z.string(),
        }),
      ),
    }),
    roles: reads,
    writes: false,
  }),
  'publications.freeze': channel({
    title: '冻结评分结果',
    input: z.strictObject({
      planId: id,
      /** Required when a unit still has a base item without a score. */
      incompleteReason: z.string().trim().max(500, { error: '原因不能超过 500 个字' }).optional(),
    }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes,
  }),
  'publications.open': channel({
    title: '印发考核结果公示',
    input: z.strictObject({
      planId: id,
      startDate: isoDate('公示开始日期'),
      workingDays: z
        .number({ error: '请填写公示天数' })
        .int({ error: '公示天数应为整数' })
        .min(1, { error: '公示期至少 1 个工作日' })
        .max(30, { error: '公示期最多 30 个工作日' }),
      phone: z.string().trim().max(40, { error: '联系电话不能超过 40 个字' }).optional(),
      address: z.string().trim().max(100, { error: '受理地址不能超过 100 个字' }).optional(),
    }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes: [...refreshes, 'documents.list'],
  }),
  'publications.notify': channel({
    title: '印发考核结果通报',
    input: z.strictObject({
      planId: id,
      /** The year-end rewards as the office words them, printed as 奖惩兑现. */
      rewards: z.string().trim().max(1000, { error: '奖惩内容不能超过 1000 个字' }).optional(),
    }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes: [...refreshes, 'documents.list'],
  }),
  'objections.register': channel({
    title: '登记异议',
    input: z.strictObject({
      planId: id,
      raiserName: shortText('提出人', 40),
      raiserUnit: z.string().trim().max(60, { error: '提出人单位不能超过 60 个字' }).default(''),
      raiserContact: shortText('联系方式', 60),
      receivedDate: isoDate('收到日期'),
      content: shortText('异议内容', 2000),
      unitId: id.nullable().optional(),
    }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes,
  }),
  'objections.investigate': channel({
    title: '异议调查核实',
    input: z.strictObject({ id, investigation: longText('调查核实情况', 2000) }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes,
  }),
  'objections.answer': channel({
    title: '答复异议',
    input: z.strictObject({
      id,
      outcome: z.enum(objectionOutcome.values, { error: '请选择异议是否成立' }),
      answer: longText('答复意见', 2000),
    }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes,
  }),
  'objections.rescore': channel({
    title: '异议成立后更正得分',
    input: z.strictObject({
      id,
      entries: z
        .array(z.strictObject({ indicatorId: id, targetId: id.nullable().optional(), input: scoreInput }))
        .min(1, { error: '请至少更正一项得分' })
        .max(500),
    }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes,
  }),
  'objections.refreeze': channel({
    title: '重新评分后冻结结果',
    input: z.strictObject({ id }),
    output: publicationView,
    roles: ['evaluator'],
    writes: true,
    refreshes,
  }),
} as const;
