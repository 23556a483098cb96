import { meetingsWorkbook, registerExport } from '../excel/register-export';
import { AppError } from '../../contract';
import { buildMeetingMinutes, meetingLifecycle, rectificationLifecycle } from '../../core';
import { requireStep } from '../lifecycle';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { readBasicSettings } from './settings';
import { todayOf } from '../org/write';
import { itemViews, summary } from './web-registers';
import { addItem, writeMeeting } from '../supervision/register-writes';
import { cluesOfSources, fileClue } from '../../../db/repos/clues';
import { escalateRectification } from '../../../db/repos/notices';
import {
  issueMeetingMinutes,
  listMeetings,
  meetingById,
  meetingItemById,
  meetingItems,
  type MeetingRecord,
} from '../../../db/repos/meetings';

/** 联席会议 (#18): the record, its action items (rectification items), its 会议纪要, the clue. */

function meetingViews(ctx: HandlerContext, rows: MeetingRecord[]) {
  const items = itemViews(
    ctx,
    meetingItems(
      ctx.sqlite,
      rows.map((r) => r.id),
    ),
  );
  const clues = cluesOfSources(
    ctx.sqlite,
    'joint_meeting',
    rows.map((r) => r.uuid),
  );
  return rows.map((r) => ({
    ...r,
    attendees: r.attendees.map((a) => ({ ...a, as: a.as ?? ('present' as const) })),
    items: items(r.id),
    clueId: clues.get(r.uuid)?.id ?? null,
  }));
}

function mustMeeting(ctx: HandlerContext, id: number) {
  const m = meetingById(ctx.sqlite, id);
  if (!m) throw new AppError('NOT_FOUND', '没有找到这次联席会议，请刷新。');
  return m;
}
const meetingView = (ctx: HandlerContext, id: number) => meetingViews(ctx, [mustMeeting(ctx, id)])[0]!;

/** What the 纪要 prints of a meeting: a change between laying it out and registering it refuses the registration. */
const printed = (m: ReturnType<typeof meetingView>) =>
  JSON.stringify([
    m.title,
    m.heldOn,
    m.place,
    m.attendees,
    m.topics,
    m.exchanged,
    m.resolutions,
    m.items.map((i) => [i.unitName, i.item, i.deadline]),
  ]);

export const meetingsHandlers: Handlers<
  'meetings.list' | 'meetings.export' | 'meetings.save' | 'meetings.addItem' | 'meetings.issue' | 'meetings.toClue'
> = {
  'meetings.list': (ctx) => meetingViews(ctx, listMeetings(ctx.sqlite)),
  'meetings.export': registerExport(
    'meetings',
    '联席会议',
    (ctx) => meetingViews(ctx, listMeetings(ctx.sqlite)),
    meetingsWorkbook,
  ),
  'meetings.save': (ctx, input) => {
    const existing = input.id ? mustMeeting(ctx, input.id) : undefined;
    if (existing) requireStep(ctx, meetingLifecycle, existing.state, 'edit');
    const { id: _id, ...rest } = input;
    const fields = { ...rest, place: rest.place ?? null };
    const id = writeMeeting(ctx, fields, (target, detail) => ctx.audit(target, detail), existing);
    return meetingView(ctx, id);
  },
  'meetings.addItem': (ctx, input) => {
    const m = mustMeeting(ctx, input.meetingId);
    requireStep(ctx, meetingLifecycle, m.state, 'addItem');
    const { meetingId: _m, ...it } = input;
    addItem(ctx, { meetingId: m.id }, it, m.heldOn, (target, detail) => ctx.audit(target, detail));
    return meetingView(ctx, m.id);
  },
  /**
   * 印发会议纪要: the minutes, numbered in the register (代字 of 会议纪要 in 系统设置), once per meeting; the meeting is
   * then fixed (no more changes or items). The action items printed are those recorded at that moment.
   */
  'meetings.issue': prepared(
    async (ctx, input) => {
      const m = meetingView(ctx, input.id);
      requireStep(ctx, meetingLifecycle, m.state, 'issue');
      const settings = readBasicSettings(ctx);
      const issuer = settings.issuingBodies[0] || settings.unitName;
      if (!issuer)
        throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请在“系统设置 → 公文与责任书”中填写后再发文。');
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'minutes', year),
        kind: 'minutes',
        prefix: settings.docPrefixes.minutes,
        year,
        title: `${m.title}纪要`,
        build: (number) =>
          buildMeetingMinutes({
            issuer,
            number,
            title: m.title,
            heldOn: m.heldOn,
            place: m.place,
            attendees: m.attendees,
            topics: m.topics,
            exchanged: m.exchanged,
            resolutions: m.resolutions,
            items: m.items.map((i) => ({ unit: i.unitName, item: i.item, deadline: i.deadline })),
            date,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, printed: printed(m) };
    },
    (ctx, input, p) => {
      const m = meetingView(ctx, input.id);
      requireStep(ctx, meetingLifecycle, m.state, 'issue');
      if (printed(m) !== p.printed)
        throw new AppError('CONFLICT', '生成纪要期间这次会议的记录或议定事项有改动，请重新印发。');
      const documentId = registerDocument(ctx, p.doc, { subject: `meeting:${m.id}`, madeBy: ctx.caller.username });
      issueMeetingMinutes(ctx.records, m.id, documentId);
      ctx.audit(`document:${p.doc.number}`, { kind: 'minutes', meeting: m.id, sha256: p.doc.sha256 });
      return meetingView(ctx, m.id);
    },
  ),
  /**
   * 议定事项转为问责线索: an open action item becomes a clue on the unit responsible for it (source 联席会议, the
   * item's UUID); the item is marked escalated, so it is not filed a second time as an overdue rectification item.
   */
  'meetings.toClue': (ctx, input) => {
    const found = meetingItemById(ctx.sqlite, input.itemId);
    if (!found) throw new AppError('NOT_FOUND', '没有找到这个议定事项，请刷新。');
    const m = mustMeeting(ctx, found.meetingId);
    const item = meetingView(ctx, m.id).items.find((i) => i.id === input.itemId)!;
    requireStep(ctx, meetingLifecycle, m.state, 'escalate');
    requireStep(ctx, rectificationLifecycle, item.state, 'escalate', { fields: input });
    if (item.escalated) throw new AppError('CONFLICT', '这个议定事项已转为问责线索。');
    escalateRectification(ctx.records, item.id, input.reason);
    const clue = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'joint_meeting',
      sourceUuid: found.uuid,
      sourceLabel: `${m.title}（${m.heldOn}）议定事项`,
      unitId: item.unitId,
      personId: null,
      summary: summary(`${item.item}（完成时限 ${item.deadline}）。转问责理由：${input.reason}`),
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    ctx.audit(`joint_meeting:${m.id}`, { item: item.id, clue: clue.id, reason: input.reason });
    return meetingView(ctx, m.id);
  },
};
