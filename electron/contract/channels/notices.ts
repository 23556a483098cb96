import { z } from 'zod';
import { channel } from '../channel';
import { fileFields, isoDate, longText, oneFile, oneFileError, recordId, shortText } from '../limits';
import { noticeKinds } from './notices-kinds';
import { noticeState, rectificationState } from '../../vocab';

const id = recordId;
export const noticeStates = noticeState.values;
export const deadlineStates = ['overdue', 'soon', 'ok'] as const;
/** The orders the overdue board offers: by the deadline in force, by unit, by kind. */
export const boardSorts = ['deadline', 'unit', 'kind'] as const;

/** A notice changing state leaves or joins the overdue board. */
const openNoticesShown = ['notices.list', 'board.list'];

const item = z.object({
  text: shortText('事项', 500),
  lead: z.string().trim().max(60).nullable().optional(),
  partners: z.string().trim().max(200).nullable().optional(),
  deadline: isoDate('事项时限').nullable().optional(),
});

export const noticeRow = z.object({
  id: z.number().int(),
  kind: z.enum(noticeKinds),
  number: z.string().nullable(),
  documentId: z.number().int().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  targetId: z.number().int().nullable(),
  targetContent: z.string().nullable(),
  leaderName: z.string().nullable(),
  reason: z.string(),
  items: z.array(item),
  issuedOn: z.string(),
  replyBy: z.string(),
  /** The deadline in force: the granted extension, else the reply date. */
  deadline: z.string(),
  extendedTo: z.string().nullable(),
  extensionReason: z.string().nullable(),
  state: z.enum(noticeStates),
  /** For open notices: overdue, due within 3 working days, or not yet. */
  deadlineState: z.enum(deadlineStates).nullable(),
  /** Working days left (negative: how late). */
  daysLeft: z.number().int().nullable(),
  replies: z.array(
    z.object({
      id: z.number().int(),
      content: z.string(),
      repliedOn: z.string(),
      late: z.boolean(),
      reviewNote: z.string().nullable(),
      attachments: z.array(z.object({ id: z.number().int(), name: z.string(), size: z.number().int() })),
    }),
  ),
});

const readers = ['evaluator', 'leader'] as const;

export const rectificationRow = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  noticeId: z.number().int().nullable(),
  number: z.string().nullable(),
  item: z.string(),
  deadline: z.string(),
  state: z.enum(rectificationState.values),
  doneOn: z.string().nullable(),
  doneNote: z.string().nullable(),
  verifyNote: z.string().nullable(),
  escalated: z.boolean(),
  deadlineState: z.enum(deadlineStates).nullable(),
  daysLeft: z.number().int().nullable(),
});

export const noticesChannels = {
  'notices.list': channel({
    title: '查看问询督办整改通知',
    input: z.strictObject({
      open: z.boolean().optional(),
      unitId: id.optional(),
      kind: z.enum(noticeKinds).optional(),
    }),
    output: z.array(noticeRow),
    roles: readers,
    writes: false,
  }),
  'notices.create': channel({
    title: '发出通知书',
    input: z.strictObject({
      kind: z.enum(noticeKinds, { error: '请选择通知书种类' }),
      unitId: id,
      /** Addressed to a person of the unit (questions to the subject of an accountability case). */
      personId: id.optional(),
      targetId: id.optional(),
      /** The supervision finding it answers, if any. */
      findingId: id.optional(),
      reason: shortText('事由', 1000),
      source: z.string().trim().max(100).optional(),
      items: z.array(item).min(1, { error: '至少写一个事项' }).max(30, { error: '事项最多 30 个' }),
      workingDays: z
        .number({ error: '请填写回复期限' })
        .int()
        .min(1, { error: '回复期限至少 1 个工作日' })
        .max(60, { error: '回复期限最多 60 个工作日' }),
      contactName: shortText('联系人', 20),
      contactPhone: shortText('联系电话', 30),
    }),
    output: noticeRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['notices.list', 'board.list', 'rectify.list', 'checks.list', 'documents.list'],
  }),
  'notices.reply': channel({
    title: '登记通知书回复',
    input: z.strictObject({
      noticeId: id,
      content: longText('回复内容', 5000).refine((s) => s.trim().length > 0, { error: '请填写回复内容' }),
      /** The day the reply came (the office's record of a paper reply); a 录入员's reply is dated the day he sends it. */
      repliedOn: isoDate('回复日期').optional(),
    }),
    output: noticeRow,
    // who may reply follows noticeLifecycle's 'reply' (a unit's 录入员, for his unit only)
    roles: ['evaluator', 'clerk'],
    writes: true,
    refreshes: [...openNoticesShown, 'todo.list'],
  }),
  'notices.review': channel({
    title: '审核通知书回复',
    input: z.strictObject({ noticeId: id, accept: z.boolean(), note: z.string().trim().max(500).optional() }),
    output: noticeRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: openNoticesShown,
  }),
  'notices.extend': channel({
    title: '登记延期申请',
    input: z.strictObject({
      noticeId: id,
      requestedOn: isoDate('申请日期'),
      to: isoDate('延至日期'),
      reason: shortText('延期理由', 500),
    }),
    output: noticeRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: openNoticesShown,
  }),
  'notices.attach': channel({
    title: '上传回复材料',
    input: z
      .strictObject({
        replyId: id,
        ...fileFields('attachment'),
        fileName: shortText('文件名', 200),
      })
      .refine(oneFile, oneFileError),
    output: noticeRow,
    // who may attach follows noticeLifecycle's 'attach' (a unit's 录入员: his unit's reply awaiting review)
    roles: ['evaluator', 'clerk'],
    writes: true,
    refreshes: ['notices.list', 'todo.list'],
  }),
  'notices.download': channel({
    title: '下载回复材料',
    input: z.strictObject({ attachmentId: id }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: readers,
    writes: false,
  }),
  'notices.close': channel({
    title: '办结通知书',
    input: z.strictObject({ noticeId: id }),
    output: noticeRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: openNoticesShown,
  }),
  'rectify.list': channel({
    title: '查看整改事项',
    input: z.strictObject({ open: z.boolean().optional(), unitId: id.optional() }),
    output: z.array(rectificationRow),
    roles: readers,
    writes: false,
  }),
  'rectify.done': channel({
    title: '登记整改完成',
    input: z.strictObject({ id, doneOn: isoDate('完成日期'), note: shortText('整改情况', 2000) }),
    output: rectificationRow,
    // rectificationLifecycle's 'done': the office, or the unit's 录入员 for his unit
    roles: ['evaluator', 'clerk'],
    writes: true,
    refreshes: ['rectify.list', 'board.list', 'todo.list'],
  }),
  'rectify.verify': channel({
    title: '核验整改',
    input: z.strictObject({ id, ok: z.boolean(), note: z.string().trim().max(500).optional() }),
    output: rectificationRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['rectify.list', 'board.list'],
  }),
  'rectify.escalate': channel({
    title: '逾期整改转问责线索',
    input: z.strictObject({ id, reason: shortText('理由', 500) }),
    output: rectificationRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['rectify.list', 'board.list', 'clues.list'],
  }),
  /** The printed week's list: every overdue and due-soon item matching the board's filters, as a .docx. */
  'board.print': channel({
    title: '打印逾期及临期事项清单',
    input: z.strictObject({
      unitId: id.optional(),
      kind: z.enum(noticeKinds).optional(),
      leader: z.string().trim().max(30).optional(),
      /** Overdue and/or due within 3 working days (both when omitted). */
      due: z
        .array(z.enum(['overdue', 'soon']))
        .max(2)
        .optional(),
      search: z.string().trim().max(40).optional(),
      sort: z.enum(boardSorts).default('deadline'),
      order: z.enum(['asc', 'desc']).default('asc'),
    }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: ['evaluator', 'leader'],
    writes: false,
    audited: true,
  }),
  'board.list': channel({
    title: '查看逾期事项看板',
    input: z.strictObject({
      unitId: id.optional(),
      kind: z.enum(noticeKinds).optional(),
      leader: z.string().trim().max(30).optional(),
      /** Only items in these deadline states (overdue, due within 3 working days, not yet due). */
      due: z.array(z.enum(deadlineStates)).max(3).optional(),
      /** Part of the document number, the reason or item, or the unit's name. */
      search: z.string().trim().max(40).optional(),
      sort: z.enum(boardSorts).default('deadline'),
      order: z.enum(['asc', 'desc']).default('asc'),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
      /** The page of rectification items (same page size). */
      rectOffset: z.number().int().min(0).max(10_000_000).default(0),
      /** The page of the counts per unit. */
      unitOffset: z.number().int().min(0).max(10_000_000).default(0),
      unitLimit: z.number().int().min(1).max(500).default(20),
      /** Every matching row instead of one page (the printed list). */
      all: z.boolean().default(false),
    }),
    output: z.object({
      today: z.string(),
      items: z.array(noticeRow),
      /** Notices matching the filters, over all pages. */
      total: z.number().int(),
      rectifications: z.array(rectificationRow),
      /** Complaints being handled and transfers awaiting feedback (the supervision web), every matching one. */
      supervision: z.array(
        z.object({
          kind: z.enum(['complaint', 'transfer']),
          id: z.number().int(),
          unitId: z.number().int(),
          unitName: z.string(),
          matter: z.string(),
          deadline: z.string(),
          deadlineState: z.enum(deadlineStates).nullable(),
          daysLeft: z.number().int().nullable(),
        }),
      ),
      rectTotal: z.number().int(),
      /**
       * The accountability clocks running (execution reports, appeal answers, the written explanations of
       * major-incident reviews), by deadline.
       */
      accountability: z.array(
        z.object({
          kind: z.enum(['execution', 'answer', 'incident']),
          what: z.string(),
          /** The case, or for an incident review none (the review's id is `reviewId`). */
          caseId: z.number().int().nullable(),
          reviewId: z.number().int().nullable(),
          caseTitle: z.string(),
          number: z.string(),
          unitName: z.string(),
          subjectName: z.string(),
          deadline: z.string(),
          deadlineState: z.enum(deadlineStates),
          daysLeft: z.number().int(),
        }),
      ),
      /** Open notices and items matching the filters other than `due`, by deadline state. */
      counts: z.object({ overdue: z.number().int(), soon: z.number().int(), open: z.number().int() }),
      /** Units with open items, over all pages of `perUnit`. */
      unitTotal: z.number().int(),
      perUnit: z.array(
        z.object({
          unitId: z.number().int(),
          unitName: z.string(),
          overdue: z.number().int(),
          soon: z.number().int(),
          open: z.number().int(),
        }),
      ),
    }),
    roles: readers,
    writes: false,
  }),
} as const;
