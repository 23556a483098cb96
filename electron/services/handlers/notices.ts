import { AppError } from '../../contract';
import { requireStep } from '../lifecycle';
import { requireOwnUnit } from '../own-unit';
import {
  noticeLifecycle,
  type NoticeItem,
  addDays,
  addWorkingDays,
  buildNotice,
  deadlineState,
  noticeTitle,
  workingDaysBetween,
} from '../../core';
import { readAttachment, safeFileName, storeAttachment } from '../attachments';
import { calendarAround } from '../calendar-days';
import {
  discardUnlessCommitted,
  documentsDir,
  prepareDocument,
  type PreparedDocument,
  registerDocument,
} from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { todayOf } from '../org/write';
import {
  extendNoticeRow,
  insertNoticeRow,
  insertRectificationRows,
  insertReplyAttachmentRow,
  insertReplyRow,
  listNotices,
  noticeById,
  type NoticeFilter,
  type NoticeRecord,
  repliesOf,
  replyAttachmentById,
  replyNoticeId,
  type ReplyRecord,
  type Ruling,
  ruleOnReply,
  setNoticeState,
} from '../../../db/repos/notices';
import { ownedHere } from '../../../db/records';
import { findingById, linkFindingToNotice } from '../../../db/repos/checks';
import { personById, unitById } from '../../../db/repos/org';
import { targetById } from '../../../db/repos/plans';
import { readBasicSettings } from './settings';

const open = (state: NoticeRecord['state']) => state === 'issued' || state === 'returned';
const deadlineOf = (n: Pick<NoticeRecord, 'replyBy' | 'extendedTo'>) => n.extendedTo ?? n.replyBy;

export type Clock = (deadline: string) => { state: 'overdue' | 'soon' | 'ok'; left: number };

/**
 * Working days left for each deadline, counted once per distinct date (20,000 notices share a few hundred deadlines).
 */
export function clockOf(today: string, cal: Map<string, 'holiday' | 'workday'>): Clock {
  const seen = new Map<string, { state: 'overdue' | 'soon' | 'ok'; left: number }>();
  return (deadline) => {
    let v = seen.get(deadline);
    if (!v)
      seen.set(
        deadline,
        (v = { state: deadlineState(today, deadline, cal), left: workingDaysBetween(today, deadline, cal) }),
      );
    return v;
  };
}

export function rowOf(ctx: HandlerContext, n: NoticeRecord, clock: Clock, replyMap?: Map<number, ReplyRecord[]>) {
  const deadline = deadlineOf(n);
  let items: NoticeItem[];
  try {
    items = JSON.parse(n.items) as NoticeItem[];
  } catch {
    items = [];
  }
  const replies = (replyMap ?? repliesOf(ctx.sqlite, [n.id])).get(n.id) ?? [];
  const rulings = parseRulings(n.rulings);
  return {
    id: n.id,
    kind: n.kind,
    number: n.number,
    documentId: n.documentId,
    unitId: n.unitId,
    unitName: n.unitName,
    targetId: n.targetId,
    targetContent: n.targetContent,
    leaderName: n.leaderName,
    reason: n.reason,
    items,
    issuedOn: n.issuedOn,
    replyBy: n.replyBy,
    deadline,
    extendedTo: n.extendedTo,
    extensionReason: n.extensionReason,
    state: n.state,
    deadlineState: open(n.state) ? clock(deadline).state : null,
    daysLeft: open(n.state) ? clock(deadline).left : null,
    // a reply that came from the unit's PC is the unit's: the office's note on it is kept with the notice's rulings
    replies: replies.map(({ noticeId: _n, round, ...r }) => ({
      ...r,
      late: !!r.late,
      reviewNote: r.reviewNote ?? rulings.find((x) => x.round === round && !x.accept)?.note ?? null,
    })),
  };
}

function parseRulings(json: string): Ruling[] {
  try {
    return JSON.parse(json) as Ruling[];
  } catch {
    return [];
  }
}

function mustNotice(ctx: HandlerContext, id: number): NoticeRecord {
  const n = noticeById(ctx.sqlite, id);
  if (!n) throw new AppError('NOT_FOUND', '没有找到这份通知书，请刷新。');
  return n;
}

const view = (ctx: HandlerContext, id: number) => {
  const today = todayOf(ctx.now);
  return rowOf(ctx, mustNotice(ctx, id), clockOf(today, calendarAround(ctx, today)));
};

const setState = (ctx: HandlerContext, id: number, state: NoticeRecord['state']) =>
  setNoticeState(ctx.records, id, state);

function listRows(ctx: HandlerContext, f: NoticeFilter) {
  const rows = listNotices(ctx.sqlite, f);
  const today = todayOf(ctx.now);
  const cal = calendarAround(ctx, today);
  const replies = repliesOf(ctx.sqlite);
  const clock = clockOf(today, cal);
  return { today, rows: rows.map((n) => rowOf(ctx, n, clock, replies)) };
}

export const noticesHandlers: Handlers<
  | 'notices.list'
  | 'notices.create'
  | 'notices.reply'
  | 'notices.review'
  | 'notices.extend'
  | 'notices.close'
  | 'notices.attach'
  | 'notices.download'
> = {
  'notices.list': (ctx, input) => listRows(ctx, input).rows,
  /**
   * Counts the reply deadline in working days, renders the notice with its number and 回执, registers it, records the
   * notice.
   */
  'notices.create': prepared(
    async (ctx, input) => {
      const unit = unitById(ctx.sqlite, input.unitId);
      if (!unit || !unit.active)
        throw new AppError('INVALID_INPUT', '收文单位不存在或已停用。', {
          fields: [{ path: 'unitId', message: '单位不存在或已停用' }],
        });
      // a notice may be addressed to a person of the unit (questions to the subject of an accountability case)
      const person = input.personId ? personById(ctx.sqlite, input.personId) : undefined;
      if (input.personId && (!person || !person.active || person.unitId !== unit.id))
        throw new AppError('INVALID_INPUT', '收文人不存在、已停用或不属于收文单位。', {
          fields: [{ path: 'personId', message: '收文人应为收文单位的在职人员' }],
        });
      const to = person ? `${person.name}同志` : unit.name;
      const target = input.targetId ? targetById(ctx.sqlite, input.targetId) : undefined;
      if (input.targetId && (!target || target.unitId !== unit.id))
        throw new AppError('INVALID_INPUT', '所涉目标不属于收文单位。');
      if (input.findingId) {
        const f = findingById(ctx.sqlite, input.findingId);
        if (!f || f.unitId !== unit.id) throw new AppError('INVALID_INPUT', '所涉督查发现不属于收文单位。');
        if (f.noticeId) throw new AppError('CONFLICT', '这条督查发现已经发过通知书。');
      }
      const settings = readBasicSettings(ctx);
      const issuer = settings.issuingBodies[0] || settings.unitName;
      if (!issuer)
        throw new AppError(
          'RULE_VIOLATION',
          '还没有设置发文机关名称：请系统管理员在“系统设置 → 本单位”中填写后再发文。',
        );
      const issuedOn = todayOf(ctx.now);
      const replyBy = addWorkingDays(issuedOn, input.workingDays, calendarAround(ctx, issuedOn));
      const items = input.items.map((i) => ({
        text: i.text,
        lead: i.lead ?? null,
        partners: i.partners ?? null,
        deadline: i.deadline ?? null,
      }));
      const late = items.find((i) => i.deadline && i.deadline < issuedOn);
      if (late) throw new AppError('INVALID_INPUT', `事项“${late.text.slice(0, 20)}”的时限早于发文日期。`);
      const year = Number(issuedOn.slice(0, 4));
      const doc: PreparedDocument = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, input.kind, year),
        kind: input.kind,
        prefix: settings.docPrefixes[input.kind],
        year,
        title: noticeTitle(input.kind, to),
        build: (number) =>
          buildNotice({
            kind: input.kind,
            issuer,
            number,
            to,
            reason: input.reason,
            leader: target?.leaderName ?? null,
            source: input.source ?? null,
            items,
            replyBy,
            workingDays: input.workingDays,
            contact: { name: input.contactName, phone: input.contactPhone },
            date: issuedOn,
            copyTo: null,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, issuedOn, replyBy, items };
    },
    (ctx, input, p) => {
      const documentId = registerDocument(ctx, p.doc, {
        subject: `notice:${input.unitId}`,
        madeBy: ctx.caller.username,
      });
      const id = insertNoticeRow(ctx.records, {
        kind: input.kind,
        unitId: input.unitId,
        targetId: input.targetId ?? null,
        reason: input.reason,
        source: input.source ?? null,
        items: JSON.stringify(p.items),
        issuedOn: p.issuedOn,
        workingDays: input.workingDays,
        replyBy: p.replyBy,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        documentId,
        personId: input.personId ?? null,
      });
      if (input.findingId && !linkFindingToNotice(ctx.records, input.findingId, id)) {
        throw new AppError('CONFLICT', '这条督查发现刚刚已经发过通知书。');
      }
      // a 整改通知书's items are tracked one by one, each to its own deadline (the reply date when it has none)
      if (input.kind === 'rectification') {
        const items = p.items.map((i) => ({ text: i.text, deadline: i.deadline ?? p.replyBy }));
        insertRectificationRows(ctx.records, { unitId: input.unitId, noticeId: id, items });
      }
      ctx.audit(`document:${p.doc.number}`, {
        kind: input.kind,
        unitId: input.unitId,
        replyBy: p.replyBy,
        sha256: p.doc.sha256,
      });
      return view(ctx, id);
    },
  ),
  /**
   * A reply is always recorded; after the deadline in force it is marked late, not refused. The office records the
   * day a paper reply came; a unit's 录入员 answers for his own unit only, dated the day he sends it.
   */
  'notices.reply': (ctx, input) => {
    const n = mustNotice(ctx, input.noticeId);
    requireOwnUnit(ctx, n.unitId, `这份通知书是发给${n.unitName}的，您只能回复发给本单位的通知书。`);
    const to = requireStep(ctx, noticeLifecycle, n.state, 'reply', { fields: input });
    const today = todayOf(ctx.now);
    if (ctx.caller.role === 'clerk' && input.repliedOn !== undefined && input.repliedOn !== today)
      throw new AppError('INVALID_INPUT', `在系统中回复的日期就是今天（${today}），不能另填回复日期。`);
    if (ctx.caller.role !== 'clerk' && input.repliedOn === undefined)
      throw new AppError('INVALID_INPUT', '请填写回复日期。', {
        fields: [{ path: 'repliedOn', message: '请填写回复日期' }],
      });
    const repliedOn = input.repliedOn ?? today;
    if (repliedOn < n.issuedOn) throw new AppError('INVALID_INPUT', '回复日期不能早于发文日期。');
    if (repliedOn > today) throw new AppError('INVALID_INPUT', '回复日期不能晚于今天。');
    const late = repliedOn > deadlineOf(n);
    insertReplyRow(ctx.records, {
      noticeId: n.id,
      content: input.content,
      repliedOn,
      late,
      recordedBy: ctx.caller.username,
      round: n.replyRound,
    });
    // the office's notice is changed only by the office: a reply written on the unit's PC answers the round, and the
    // office records it replied when the reply comes up (exchange.import)
    if (ownedHere(ctx.sqlite, 'notices', [n.id]).has(n.id)) setState(ctx, n.id, to);
    ctx.audit(`notice:${n.number ?? n.id}`, { replied: repliedOn, late });
    return view(ctx, n.id);
  },
  'notices.review': (ctx, input) => {
    const n = mustNotice(ctx, input.noticeId);
    const to = requireStep(ctx, noticeLifecycle, n.state, input.accept ? 'accept' : 'return', { fields: input });
    ruleOnReply(ctx.sqlite, ctx.records, n, {
      accept: input.accept,
      note: input.note?.trim() || null,
      on: todayOf(ctx.now),
      state: to,
    });
    ctx.audit(`notice:${n.number ?? n.id}`, input.accept ? { accepted: true } : { returned: input.note });
    return view(ctx, n.id);
  },
  /** An extension is granted only when asked before the deadline in force; after it, the request is refused. */
  'notices.extend': (ctx, input) => {
    const n = mustNotice(ctx, input.noticeId);
    requireStep(ctx, noticeLifecycle, n.state, 'extend', { fields: input });
    const deadline = deadlineOf(n);
    if (input.requestedOn > deadline)
      throw new AppError(
        'RULE_VIOLATION',
        `延期申请须在期限（${deadline}）届满前提出；${input.requestedOn} 提出的申请不予受理，本通知按逾期处理。`,
      );
    if (input.requestedOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '申请日期不能晚于今天。');
    if (input.to <= deadline) throw new AppError('INVALID_INPUT', `延至日期应晚于现在的期限（${deadline}）。`);
    if (input.to > addDays(deadline, 366)) throw new AppError('INVALID_INPUT', '延期不能超过一年。');
    extendNoticeRow(ctx.records, n.id, input.to, input.reason);
    ctx.audit(`notice:${n.number ?? n.id}`, {
      extended: { from: deadline, to: input.to, requestedOn: input.requestedOn, reason: input.reason },
    });
    return view(ctx, n.id);
  },
  /** Evidence for a reply: stored by content before the transaction, recorded with the reply inside it. */
  'notices.attach': prepared(
    async (ctx, input) => {
      const noticeId = replyNoticeId(ctx.sqlite, input.replyId);
      if (noticeId === undefined) throw new AppError('NOT_FOUND', '没有找到这条回复，请刷新。');
      // refused before the file is kept: a 录入员 adds evidence only to his own unit's reply
      const n = mustNotice(ctx, noticeId);
      requireOwnUnit(ctx, n.unitId, `这份通知书是发给${n.unitName}的，您只能为本单位的回复上传材料。`);
      const name = safeFileName(input.fileName);
      return { noticeId, name, ...storeAttachment(ctx.env.dataDir, fileBytes(ctx, input, 'attachment'), name) };
    },
    (ctx, input, f) => {
      const n = mustNotice(ctx, f.noticeId);
      requireOwnUnit(ctx, n.unitId, `这份通知书是发给${n.unitName}的，您只能为本单位的回复上传材料。`);
      requireStep(ctx, noticeLifecycle, n.state, 'attach');
      insertReplyAttachmentRow(ctx.records, {
        replyId: input.replyId,
        name: f.name,
        sha256: f.sha256,
        size: f.size,
        addedBy: ctx.caller.username,
      });
      ctx.audit(`notice:${n.number ?? n.id}`, { attached: f.name, sha256: f.sha256, size: f.size });
      return view(ctx, n.id);
    },
  ),
  'notices.download': (ctx, input) => {
    const a = replyAttachmentById(ctx.sqlite, input.attachmentId);
    if (!a) throw new AppError('NOT_FOUND', '没有找到这份材料，请刷新。');
    return { fileName: a.name, base64: readAttachment(ctx.env.dataDir, a.sha256, a.name).toString('base64') };
  },
  'notices.close': (ctx, input) => {
    const n = mustNotice(ctx, input.noticeId);
    setState(ctx, n.id, requireStep(ctx, noticeLifecycle, n.state, 'close'));
    ctx.audit(`notice:${n.number ?? n.id}`, { closed: true });
    return view(ctx, n.id);
  },
};
