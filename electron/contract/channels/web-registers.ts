import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, recordId, shortText } from '../limits';
import { auditKind, auditState, meetingAttendance, meetingState } from '../../vocab';
import { rectificationRow } from './notices';

/** 审计发现 and 联席会议 (#18): their items are rectification items (rectify.done / rectify.verify close them). */

const id = recordId;
const auditShown = ['audits.list', 'rectify.list', 'board.list'];
const meetingShown = ['meetings.list', 'rectify.list', 'board.list'];
const item = z.strictObject({
  unitId: z.number({ error: '请选择责任单位' }).int().positive(),
  item: shortText('事项内容', 500),
  deadline: isoDate('完成时限'),
});

export const auditRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  kind: z.enum(auditKind.values),
  unitId: z.number().int(),
  unitName: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  period: z.string(),
  reportNo: z.string().nullable(),
  reportedOn: z.string(),
  findings: z.string(),
  amountCents: z.number().int(),
  result: z.string().nullable(),
  state: z.enum(auditState.values),
  items: z.array(rectificationRow),
  clueId: z.number().int().nullable(),
});

export const meetingRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  attendees: z.array(z.object({ body: z.string(), names: z.string(), as: z.enum(meetingAttendance.values) })),
  topics: z.string(),
  exchanged: z.string(),
  resolutions: z.string(),
  state: z.enum(meetingState.values),
  /** The 会议纪要, once issued. */
  documentId: z.number().int().nullable(),
  number: z.string().nullable(),
  items: z.array(rectificationRow),
  /** A clue filed on the whole meeting by an earlier version; action items are turned into clues one by one. */
  clueId: z.number().int().nullable(),
});

export const webRegistersChannels = {
  'audits.list': channel({
    title: '查看审计发现',
    input: z.strictObject({}),
    output: z.array(auditRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'audits.export': channel({
    title: '导出审计发现',
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: ['evaluator', 'leader'],
    writes: false,
    audited: true,
  }),
  'audits.save': channel({
    title: '登记审计发现',
    input: z.strictObject({
      id: id.optional(),
      kind: z.enum(auditKind.values, { error: '请选择审计类型' }),
      unitId: z.number({ error: '请选择被审计单位' }).int().positive(),
      personId: id.nullable().optional(),
      period: shortText('审计期间', 60),
      reportNo: z.string().trim().max(60).nullable().optional(),
      reportedOn: isoDate('审计报告日期'),
      findings: shortText('审计发现的问题', 5000),
      /** 问题金额 in yuan (two decimals). */
      amount: z.number({ error: '问题金额应为数字' }).min(0, { error: '问题金额不能为负' }).max(1e12).default(0),
      result: z.string().trim().max(2000).nullable().optional(),
    }),
    output: auditRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: auditShown,
  }),
  'audits.addItem': channel({
    title: '添加审计整改事项',
    input: z.strictObject({ auditId: id, ...item.shape }),
    output: auditRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: auditShown,
  }),
  'audits.close': channel({
    title: '审计发现办结',
    input: z.strictObject({ id }),
    output: auditRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: auditShown,
  }),
  'audits.notice': channel({
    title: '印发绩效审计结果公告',
    input: z.strictObject({ year: z.number({ error: '请选择年度' }).int().min(2000).max(2100) }),
    output: z.object({ number: z.string(), documentId: z.number().int(), count: z.number().int() }),
    roles: ['evaluator'],
    writes: true,
    refreshes: ['documents.list'],
  }),
  'audits.toClue': channel({
    title: '审计发现转为问责线索',
    input: z.strictObject({ id }),
    output: auditRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: auditShown,
  }),
  'meetings.list': channel({
    title: '查看联席会议',
    input: z.strictObject({}),
    output: z.array(meetingRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'meetings.export': channel({
    title: '导出联席会议',
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: ['evaluator', 'leader'],
    writes: false,
    audited: true,
  }),
  'meetings.save': channel({
    title: '登记联席会议',
    input: z.strictObject({
      id: id.optional(),
      title: shortText('会议名称', 100),
      heldOn: isoDate('会议日期'),
      place: z.string().trim().max(100).nullable().optional(),
      attendees: z
        .array(
          z.strictObject({
            body: shortText('参会单位', 60),
            names: shortText('参会人员', 200),
            /** 出席 (the default), 请假 or 列席: the 纪要's lines. */
            as: z.enum(meetingAttendance.values, { error: '请选择出席、请假或列席' }).optional(),
          }),
        )
        .min(1, { error: '至少填写一个参会单位' })
        .max(30, { error: '参会单位最多 30 个' }),
      topics: shortText('会议议题', 5000),
      exchanged: z.string().trim().max(5000, { error: '通报交流情况不能超过 5000 个字' }),
      resolutions: shortText('议定事项', 5000),
    }),
    output: meetingRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: meetingShown,
  }),
  'meetings.addItem': channel({
    title: '添加联席会议议定事项',
    input: z.strictObject({ meetingId: id, ...item.shape }),
    output: meetingRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: meetingShown,
  }),
  'meetings.issue': channel({
    title: '印发会议纪要',
    input: z.strictObject({ id }),
    output: meetingRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: [...meetingShown, 'documents.list'],
  }),
  /** An action item (a rectification item of the meeting) becomes a clue on its unit; the item shows it escalated. */
  'meetings.toClue': channel({
    title: '联席会议事项转为问责线索',
    input: z.strictObject({ itemId: id, reason: shortText('转问责线索的理由', 500) }),
    output: meetingRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: [...meetingShown, 'clues.list'],
  }),
};
