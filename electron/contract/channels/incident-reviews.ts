import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, longText, recordId, shortText } from '../limits';
import { incidentReviewState } from '../../vocab';

/**
 * 重大事故/事件的责任检讨 (#17 item 7): the demand (a numbered 检讨通知) to a unit's head, its working-day deadline on
 * the overdue board, the written explanation recorded, accepted or returned, and "转为问责线索". Case content: the
 * evaluators' and leaders' only.
 */

const id = recordId;
const shown = ['incidents.list', 'board.list'];

export const incidentReviewRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  personId: z.number().int().nullable(),
  headName: z.string(),
  headPost: z.string().nullable(),
  incident: z.string(),
  incidentOn: z.string(),
  facts: z.string(),
  toBody: z.string(),
  demandedOn: z.string(),
  workingDays: z.number().int(),
  deadline: z.string(),
  documentId: z.number().int().nullable(),
  number: z.string().nullable(),
  state: z.enum(incidentReviewState.values),
  reply: z.string().nullable(),
  replyOn: z.string().nullable(),
  opinion: z.string().nullable(),
  /** While the explanation is awaited: overdue, due within 3 working days, or not yet. */
  deadlineState: z.enum(['overdue', 'soon', 'ok']).nullable(),
  daysLeft: z.number().int().nullable(),
  /** Whether the explanation came after the deadline. */
  late: z.boolean(),
  clueId: z.number().int().nullable(),
  /** The lifecycle's actions open now. */
  actions: z.array(z.string()),
});

export const incidentReviewsChannels = {
  'incidents.list': channel({
    title: '查看责任检讨',
    input: z.strictObject({}),
    output: z.array(incidentReviewRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'incidents.demand': channel({
    title: '发出检讨通知',
    input: z.strictObject({
      unitId: z.number({ error: '请选择单位' }).int().positive(),
      /** The unit's head; left out, the person the unit lists as its 负责人. */
      personId: id.nullable().optional(),
      incident: shortText('事故（事件）名称', 100),
      incidentOn: isoDate('事故（事件）发生日期'),
      facts: longText('基本情况', 5000).refine((s) => s.trim().length > 0, { error: '请填写基本情况' }),
      toBody: shortText('检讨报送的上级机关', 60),
      demandedOn: isoDate('通知日期'),
      /** The deadline: so many working days after the notice (calendar of 系统设置 → 工作日历) … */
      workingDays: z
        .number({ error: '请填写检讨期限' })
        .int()
        .min(1, { error: '检讨期限至少 1 个工作日' })
        .max(60, { error: '检讨期限最多 60 个工作日' })
        .optional(),
      /** … or a date given outright. */
      deadline: isoDate('检讨期限').optional(),
    }),
    output: incidentReviewRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: [...shown, 'documents.list'],
  }),
  'incidents.reply': channel({
    title: '登记书面检讨',
    input: z.strictObject({
      id,
      replyOn: isoDate('提交日期'),
      reply: longText('书面检讨内容', 10000).refine((s) => s.trim().length > 0, { error: '请填写书面检讨内容' }),
    }),
    output: incidentReviewRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
  'incidents.settle': channel({
    title: '审核书面检讨',
    input: z.strictObject({
      id,
      action: z.enum(['accept', 'return', 'withdraw'], { error: '请选择认可、退回或撤回' }),
      opinion: z.string().trim().max(1000, { error: '意见不能超过 1000 个字' }).optional(),
    }),
    output: incidentReviewRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
  'incidents.toClue': channel({
    title: '责任检讨转为问责线索',
    input: z.strictObject({ id, reason: shortText('理由', 500) }),
    output: incidentReviewRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: [...shown, 'clues.list'],
  }),
} as const;
