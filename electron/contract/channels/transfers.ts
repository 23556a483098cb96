import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, recordId, shortText } from '../limits';
import { transferBody, transferState } from '../../vocab';

const id = recordId;
const shown = ['transfers.list', 'board.list'];

export const transferRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  fromBody: z.enum(transferBody.values),
  toBody: z.string(),
  transferredOn: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  subject: z.string(),
  facts: z.string(),
  materials: z.string(),
  feedbackDue: z.string(),
  feedbackOn: z.string().nullable(),
  feedback: z.string().nullable(),
  copyPersonnel: z.boolean(),
  documentId: z.number().int().nullable(),
  number: z.string().nullable(),
  state: z.enum(transferState.values),
  /** While the feedback is awaited: overdue, due within 3 working days, or not yet. */
  deadlineState: z.enum(['overdue', 'soon', 'ok']).nullable(),
  daysLeft: z.number().int().nullable(),
  clueId: z.number().int().nullable(),
});

export const transfersChannels = {
  'transfers.list': channel({
    title: '查看移送处理',
    input: z.strictObject({}),
    output: z.array(transferRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'transfers.export': channel({
    title: '导出移送处理',
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: ['evaluator', 'leader'],
    writes: false,
    audited: true,
  }),
  'transfers.save': channel({
    title: '登记移送处理',
    input: z.strictObject({
      id: id.optional(),
      fromBody: z.enum(transferBody.values, { error: '请选择移送机关' }),
      toBody: shortText('受移送机关', 60),
      transferredOn: isoDate('移送日期'),
      unitId: z.number({ error: '请选择所涉单位' }).int().positive(),
      personId: id.nullable().optional(),
      subject: shortText('移送事由', 200),
      facts: shortText('主要事实', 5000),
      materials: shortText('移送材料', 1000),
      /** Left out: the transfer date plus the setting's months (系统设置 → 移送反馈期限). */
      feedbackDue: isoDate('反馈期限').optional(),
      copyPersonnel: z.boolean().default(true),
    }),
    output: transferRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
  'transfers.feedback': channel({
    title: '登记移送反馈',
    input: z.strictObject({ id, feedbackOn: isoDate('反馈日期'), feedback: shortText('反馈情况', 5000) }),
    output: transferRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
  'transfers.issue': channel({
    title: '印发移送处理书',
    input: z.strictObject({ id }),
    output: transferRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: [...shown, 'documents.list'],
  }),
  'transfers.toClue': channel({
    title: '移送转为问责线索',
    input: z.strictObject({ id }),
    output: transferRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
};
