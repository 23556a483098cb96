import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, longText, recordId, shortText } from '../limits';
import {
  appealKind,
  appealOutcome,
  caseState,
  clueSource,
  clueState,
  decisionState,
  faultCategory,
  faultDegree,
  responsibilityType,
  statementState,
  subjectKind,
} from '../../vocab';

/**
 * 责任追究 (#17): clues and their assessment, cases, subjects, statements, decisions with their 问责决定书 and
 * 送达回证, appeals and 复查, statistics. Case content is the evaluators' and leaders' only: every channel here is
 * closed to clerks, administrators and auditors (the auditor sees the trail entries the writes leave).
 */

const id = recordId;
const readers = ['evaluator', 'leader'] as const;
export const writers = ['evaluator'] as const;
export const shown = ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'];

export const clueRow = z.object({
  id: z.number().int(),
  sourceKind: z.enum(clueSource.values),
  sourceUuid: z.string().nullable(),
  sourceLabel: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  summary: z.string(),
  receivedOn: z.string(),
  state: z.enum(clueState.values),
  assessment: z.string().nullable(),
  caseUuid: z.string().nullable(),
  caseId: z.number().int().nullable(),
  caseTitle: z.string().nullable(),
});

const effectRow = z.object({
  form: z.string(),
  effectUntil: z.string().nullable(),
  promotionBarUntil: z.string().nullable(),
  noExcellent: z.boolean(),
  basis: z.string(),
});

export const decisionRow = z.object({
  id: z.number().int(),
  subjectId: z.number().int(),
  state: z.enum(decisionState.values),
  forms: z.array(z.string()),
  facts: z.string(),
  basis: z.string(),
  body: z.string(),
  decidedOn: z.string(),
  /** 问责方式及影响期第 n 版 / 问责救济与执行期限第 n 版: the versions the decision used. */
  rules: z.array(z.string()),
  documentId: z.number().int(),
  number: z.string(),
  title: z.string(),
  serviceDocumentId: z.number().int().nullable(),
  serviceNumber: z.string().nullable(),
  servedOn: z.string().nullable(),
  appealBy: z.string().nullable(),
  executionBy: z.string().nullable(),
  executionReportedOn: z.string().nullable(),
  supersedesId: z.number().int().nullable(),
  revokeReason: z.string().nullable(),
  effects: z.array(effectRow),
});

export const subjectRow = z.object({
  id: z.number().int(),
  kind: z.enum(subjectKind.values),
  unitId: z.number().int(),
  personId: z.number().int().nullable(),
  unitName: z.string(),
  name: z.string(),
  post: z.string().nullable(),
  rank: z.string().nullable(),
  isHead: z.boolean(),
  responsibility: z.enum(responsibilityType.values).nullable(),
  statementState: z.enum(statementState.values),
  statement: z.string().nullable(),
  statementOn: z.string().nullable(),
  /** Where the person is now, when it differs from the unit at the time of the facts. */
  movedTo: z.string().nullable(),
});

export const appealRow = z.object({
  id: z.number().int(),
  decisionId: z.number().int(),
  kind: z.enum(appealKind.values),
  receivedOn: z.string(),
  late: z.boolean(),
  grounds: z.string(),
  answerBy: z.string(),
  outcome: z.enum(appealOutcome.values).nullable(),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  newDecisionId: z.number().int().nullable(),
});

export const caseView = z.object({
  id: z.number().int(),
  uuid: z.string(),
  title: z.string(),
  state: z.enum(caseState.values),
  faultCategory: z.enum(faultCategory.values),
  degree: z.enum(faultDegree.values).nullable(),
  openedOn: z.string(),
  facts: z.string(),
  investigators: z.array(z.string()),
  endReason: z.string().nullable(),
  subjects: z.array(subjectRow),
  decisions: z.array(decisionRow),
  appeals: z.array(appealRow),
  clues: z.array(clueRow),
  /** The actions the lifecycle opens now, for the evaluator. */
  actions: z.array(z.string()),
});

export const caseListRow = z.object({
  id: z.number().int(),
  title: z.string(),
  state: z.enum(caseState.values),
  faultCategory: z.enum(faultCategory.values),
  openedOn: z.string(),
  subjects: z.string(),
  decisions: z.number().int(),
});

const countRow = z.object({ key: z.string(), label: z.string(), n: z.number().int() });
export const caseStats = z.object({
  year: z.number().int(),
  cases: z.number().int(),
  decisions: z.number().int(),
  byState: z.array(countRow),
  byCategory: z.array(countRow),
  byForm: z.array(countRow),
  byUnit: z.array(countRow),
});

const investigators = z
  .array(shortText('调查人员', 20))
  .max(10, { error: '调查人员不能超过 10 人' })
  .refine((xs) => new Set(xs).size === xs.length, { error: '调查人员有重复' });

const year = z.number({ error: '请选择年度' }).int().min(2000).max(2100);

export const casesChannels = {
  'clues.list': channel({
    title: '查看问责线索',
    input: z.strictObject({ state: z.enum(clueState.values).optional() }),
    output: z.array(clueRow),
    roles: readers,
    writes: false,
  }),
  'clues.file': channel({
    title: '登记问责线索',
    input: z.strictObject({
      summary: shortText('线索内容', 2000),
      sourceLabel: shortText('线索来源', 100).optional(),
      unitId: id.nullable().optional(),
      personId: id.nullable().optional(),
      receivedOn: isoDate('收到日期'),
    }),
    output: clueRow,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'clues.assess': channel({
    title: '研判问责线索',
    input: z.strictObject({
      action: z.enum(['file', 'merge', 'close'], { error: '请选择立案、并案或了结' }),
      id,
      /** 立案: the new case. */
      title: shortText('案件名称', 100).optional(),
      faultCategory: z.enum(faultCategory.values, { error: '请选择问责情形' }).optional(),
      degree: z.enum(faultDegree.values).nullable().optional(),
      openedOn: isoDate('立案日期').optional(),
      /** 并案: the case. */
      caseId: id.optional(),
      /** 了结: why. */
      reason: shortText('了结理由', 500).optional(),
    }),
    output: clueRow,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  /** An overdue notice, like an overdue rectification item, becomes a 问责线索 with its kind and UUID. */
  'notices.escalate': channel({
    title: '逾期通知书转问责线索',
    input: z.strictObject({ id, reason: shortText('理由', 500) }),
    output: clueRow,
    roles: writers,
    writes: true,
    refreshes: [...shown, 'notices.list'],
  }),
  /** A lagging or seriously lagging 督查发现 becomes a 问责线索. */
  'findings.escalate': channel({
    title: '督查发现转问责线索',
    input: z.strictObject({ id, reason: shortText('理由', 500) }),
    output: clueRow,
    roles: writers,
    writes: true,
    refreshes: [...shown, 'checks.list'],
  }),
  /**
   * A unit's result in a plan — vetoed (一票否决), or its total below the threshold the evaluator gives — becomes a
   * 问责线索 (source 'score', the plan's and the unit's UUIDs), once.
   */
  'results.toClue': channel({
    title: '考核低分或否决转问责线索',
    input: z.strictObject({
      planId: id,
      unitId: id,
      /** 低分线: the total below which a result calls for accountability. */
      threshold: z
        .number({ error: '低分线应为数字' })
        .min(0, { error: '低分线不能为负' })
        .max(1000, { error: '低分线不能超过 1000' })
        .optional(),
      reason: shortText('理由', 500),
    }),
    output: clueRow,
    roles: writers,
    writes: true,
    refreshes: [...shown, 'results.get'],
  }),
  'cases.list': channel({
    title: '查看问责案件',
    input: z.strictObject({
      state: z.enum(caseState.values).optional(),
      faultCategory: z.enum(faultCategory.values).optional(),
      unitId: id.optional(),
      year: year.optional(),
    }),
    output: z.array(caseListRow),
    roles: readers,
    writes: false,
  }),
  'cases.get': channel({
    title: '查看问责案件内容',
    input: z.strictObject({ id }),
    output: caseView,
    roles: readers,
    writes: false,
  }),
  'cases.save': channel({
    title: '修改问责案件',
    input: z.strictObject({
      id,
      title: shortText('案件名称', 100),
      faultCategory: z.enum(faultCategory.values, { error: '请选择问责情形' }),
      degree: z.enum(faultDegree.values).nullable(),
      facts: longText('调查认定的事实', 5000),
      investigators,
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'cases.step': channel({
    title: '办理问责案件',
    input: z.strictObject({
      id,
      action: z.enum(['investigate', 'deliberate', 'execute', 'archive', 'revoke', 'terminate'], {
        error: '不能这样办理',
      }),
      reason: z.string().trim().max(500, { error: '理由不能超过 500 个字' }).optional(),
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'cases.addSubject': channel({
    title: '添加被问责对象',
    input: z.strictObject({
      caseId: id,
      kind: z.enum(subjectKind.values, { error: '请选择单位或个人' }),
      unitId: id.optional(),
      personId: id.optional(),
      /** The day of the facts: the post held then is kept. */
      factsOn: isoDate('事实发生日期'),
      post: z.string().trim().max(60).optional(),
      rank: z.string().trim().max(30).optional(),
      isHead: z.boolean().default(false),
      responsibility: z.enum(responsibilityType.values).nullable().optional(),
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'cases.removeSubject': channel({
    title: '移除被问责对象',
    input: z.strictObject({ id }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'cases.statement': channel({
    title: '登记陈述申辩',
    input: z.strictObject({
      subjectId: id,
      given: z.boolean(),
      /** The statement as given; for none given, what the record says. */
      text: longText('陈述申辩内容', 5000).optional(),
      /** The day it was given, or for none the day the subject was told of the right to state. */
      on: isoDate('日期'),
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'cases.stats': channel({
    title: '问责统计',
    input: z.strictObject({ year }),
    output: caseStats,
    roles: readers,
    writes: false,
  }),
  'cases.export': channel({
    title: '导出问责统计',
    input: z.strictObject({ year }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: readers,
    writes: false,
    audited: true,
  }),
  'cases.bulletin': channel({
    title: '生成年度问责情况通报',
    input: z.strictObject({ year }),
    output: z.object({ documentId: z.number().int(), number: z.string() }),
    roles: writers,
    writes: true,
    refreshes: ['documents.list'],
  }),
} as const;
