import { AppError } from '../../contract';
import { buildChannelNotice } from '../../core';
import { complaintChannel } from '../../vocab';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { readBasicSettings } from './settings';
import { todayOf } from '../org/write';
import { unitById } from '../../../db/repos/org';
import {
  complaintChannelById,
  insertComplaintChannel,
  listComplaintChannels,
  removeComplaintChannel,
  updateComplaintChannel,
} from '../../../db/repos/complaint-channels';

/** 公开投诉渠道 (#18): kept by the office, published as a numbered 公告 listing the active units' channels. */

const bad = (field: string, message: string): never => {
  throw new AppError('INVALID_INPUT', message, { fields: [{ path: field, message }] });
};

function must(ctx: HandlerContext, id: number) {
  const c = complaintChannelById(ctx.sqlite, id);
  if (!c) throw new AppError('NOT_FOUND', '没有找到这个投诉渠道，请刷新。');
  return c;
}

const TITLE = '关于公布各部门投诉受理渠道的公告';

export const complaintChannelsHandlers: Handlers<
  'complaint-channels.list' | 'complaint-channels.save' | 'complaint-channels.remove' | 'complaint-channels.issue'
> = {
  'complaint-channels.list': (ctx) => listComplaintChannels(ctx.sqlite),
  'complaint-channels.save': (ctx, input) => {
    const existing = input.id ? must(ctx, input.id) : undefined;
    const unit = unitById(ctx.sqlite, input.unitId);
    if (!unit) bad('unitId', '没有找到这个单位，请刷新。');
    if (!unit!.active && existing?.unitId !== input.unitId)
      bad('unitId', `“${unit!.name}”已停用，不能再公布它的投诉渠道。`);
    const fields = { ...input, note: input.note || null };
    const same = listComplaintChannels(ctx.sqlite).find(
      (c) => c.id !== existing?.id && c.unitId === input.unitId && c.kind === input.kind && c.contact === input.contact,
    );
    if (same)
      throw new AppError(
        'CONFLICT',
        `${unit!.name}的${complaintChannel.label(input.kind)}渠道“${input.contact}”已登记，未重复登记。`,
      );
    let id = existing?.id;
    if (id) updateComplaintChannel(ctx.records, id, fields);
    else id = insertComplaintChannel(ctx.records, fields, ctx.caller.username);
    ctx.audit(`complaint_channel:${id}`, { unitId: input.unitId, kind: input.kind, contact: input.contact });
    return must(ctx, id);
  },
  'complaint-channels.remove': (ctx, input) => {
    const c = must(ctx, input.id);
    removeComplaintChannel(ctx.records, c.id);
    ctx.audit(`complaint_channel:${c.id}`, { removed: true, unit: c.unitName, contact: c.contact });
    return { removed: true };
  },
  /** The 公告: every active unit's channels in the units' order; numbered in the register (代字 in 系统设置). */
  'complaint-channels.issue': prepared(
    async (ctx) => {
      const rows = listComplaintChannels(ctx.sqlite).filter((c) => c.unitActive);
      if (rows.length === 0) throw new AppError('RULE_VIOLATION', '还没有登记任何在用单位的投诉渠道，无法印发公告。');
      const settings = readBasicSettings(ctx);
      const issuer = settings.issuingBodies[0] || settings.unitName;
      if (!issuer)
        throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请在“系统设置 → 公文与责任书”中填写后再发文。');
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'channelNotice', year),
        kind: 'channelNotice',
        prefix: settings.docPrefixes.channelNotice,
        year,
        title: TITLE,
        build: (number) =>
          buildChannelNotice({
            issuer,
            number,
            date,
            lines: rows.map((c) => ({
              unit: c.unitName,
              kind: complaintChannel.label(c.kind),
              contact: c.contact,
              hours: c.hours,
            })),
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, count: rows.length };
    },
    (ctx, _input, p) => {
      const documentId = registerDocument(ctx, p.doc, { subject: 'complaint_channels', madeBy: ctx.caller.username });
      ctx.audit(`document:${p.doc.number}`, { kind: 'channelNotice', channels: p.count, sha256: p.doc.sha256 });
      return { number: p.doc.number, documentId, count: p.count };
    },
  ),
};
