import { z } from 'zod';
import { channel } from '../channel';
import { recordId, shortText } from '../limits';
import { complaintChannel } from '../../vocab';

/** 公开投诉渠道 (#18): each department's complaint channels, kept by the office and published as a 公告. */

const id = recordId;
const shown = ['complaint-channels.list'];

export const complaintChannelRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** A stopped unit's channels stay listed (marked) but are left out of the published 公告. */
  unitActive: z.boolean(),
  kind: z.enum(complaintChannel.values),
  contact: z.string(),
  hours: z.string(),
  note: z.string().nullable(),
});

export const complaintChannelsChannels = {
  'complaint-channels.list': channel({
    title: '查看公开投诉渠道',
    input: z.strictObject({}),
    output: z.array(complaintChannelRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'complaint-channels.save': channel({
    title: '登记公开投诉渠道',
    input: z.strictObject({
      id: id.optional(),
      unitId: z.number({ error: '请选择单位' }).int().positive(),
      kind: z.enum(complaintChannel.values, { error: '请选择渠道类型' }),
      contact: shortText('电话、地址或网址', 200),
      hours: shortText('受理时间', 100),
      note: z.string().trim().max(200, { error: '备注不能超过 200 个字' }).nullable().optional(),
    }),
    output: complaintChannelRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
  'complaint-channels.remove': channel({
    title: '删除公开投诉渠道',
    input: z.strictObject({ id }),
    output: z.object({ removed: z.boolean() }),
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
  'complaint-channels.issue': channel({
    title: '印发公开投诉渠道公告',
    input: z.strictObject({}),
    output: z.object({ number: z.string(), documentId: z.number().int(), count: z.number().int() }),
    roles: ['evaluator'],
    writes: true,
    refreshes: ['documents.list'],
  }),
};
