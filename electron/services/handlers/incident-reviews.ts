import { AppError } from '../../contract';
import {
  addWorkingDays,
  allowedActions,
  buildIncidentReviewNotice,
  deadlineState,
  incidentReviewLifecycle,
  incidentReviewTitle,
  isWorkingDay,
  workingDaysBetween,
} from '../../core';
import { requireStep } from '../lifecycle';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import { readBasicSettings } from './settings';
import { issuerOf } from '../accountability/issue';
import { cluesOfSources, fileClue } from '../../../db/repos/clues';
import { personById, unitById } from '../../../db/repos/org';
import {
  type IncidentReviewRecord,
  incidentReviewById,
  insertIncidentReview,
  listIncidentReviews,
  recordIncidentReply,
  settleIncidentReview,
  unitHeadOf,
} from '../../../db/repos/incident-reviews';

/**
 * 重大事故/事件的责任检讨 (#17 item 7): a 检讨通知 to a unit's head with a working-day deadline, the written
 * explanation recorded (a late one marked late), accepted or returned to be rewritten, and "转为问责线索" once.
 */

function views(ctx: HandlerContext, rows: IncidentReviewRecord[]) {
  const today = todayOf(ctx.now);
  const cal = calendarAround(ctx, today);
  const clues = cluesOfSources(
    ctx.sqlite,
    'incident_review',
    rows.map((r) => r.uuid),
  );
  return rows.map((r) => {
    const waiting = r.state === 'pending' || r.state === 'returned';
    return {
      ...r,
      deadlineState: waiting ? deadlineState(today, r.deadline, cal) : null,
      daysLeft: waiting ? workingDaysBetween(today, r.deadline, cal) : null,
      late: r.replyOn !== null && r.replyOn > r.deadline,
      clueId: clues.get(r.uuid)?.id ?? null,
      actions: allowedActions(incidentReviewLifecycle, r.state, 'evaluator').filter(
        (a) => a !== 'escalate' || !clues.has(r.uuid),
      ),
    };
  });
}

function must(ctx: HandlerContext, id: number) {
  const r = incidentReviewById(ctx.sqlite, id);
  if (!r) throw new AppError('NOT_FOUND', '没有找到这份责任检讨，请刷新。');
  return r;
}
const view = (ctx: HandlerContext, id: number) => views(ctx, [must(ctx, id)])[0]!;

const bad = (field: string, message: string): never => {
  throw new AppError('INVALID_INPUT', message, { fields: [{ path: field, message }] });
};

type DemandInput = {
  unitId: number;
  personId?: number | null;
  incidentOn: string;
  demandedOn: string;
  workingDays?: number;
  deadline?: string;
};

/** Who the demand goes to and by when, or the field and rule that refuse it. */
function demandOf(ctx: HandlerContext, input: DemandInput) {
  const today = todayOf(ctx.now);
  const unit = unitById(ctx.sqlite, input.unitId);
  if (!unit) return bad('unitId', '没有找到这个单位，请刷新。');
  if (!unit.active) bad('unitId', `${unit.name}已停用，不能向它发出检讨通知；请先在“组织人员”中恢复该单位。`);
  if (input.incidentOn > today) bad('incidentOn', '事故（事件）发生日期不能晚于今天。');
  if (input.demandedOn > today) bad('demandedOn', '通知日期不能晚于今天。');
  if (input.demandedOn < input.incidentOn)
    bad('demandedOn', `通知日期（${input.demandedOn}）不能早于事故（事件）发生日期（${input.incidentOn}）。`);
  let head: { id: number | null; name: string; post: string | null } | undefined;
  if (input.personId) {
    const p = personById(ctx.sqlite, input.personId);
    if (!p || p.unitId !== unit.id) return bad('personId', `所选人员不是${unit.name}的人员。`);
    if (!p.active) bad('personId', `${p.name}已不在职，请选择${unit.name}现任负责人。`);
    head = { id: p.id, name: p.name, post: p.post };
  } else head = unitHeadOf(ctx.sqlite, unit.id);
  if (!head) return bad('personId', `${unit.name}在“组织人员”中没有登记单位负责人，请选择检讨人，或先登记单位负责人。`);
  if (input.deadline === undefined && input.workingDays === undefined)
    bad('workingDays', '请填写检讨期限（工作日数或日期）。');
  const cal = calendarAround(ctx, input.demandedOn);
  const deadline = input.deadline ?? addWorkingDays(input.demandedOn, input.workingDays!, cal);
  if (deadline <= input.demandedOn) bad('deadline', `检讨期限（${deadline}）应晚于通知日期（${input.demandedOn}）。`);
  if (!isWorkingDay(deadline, calendarAround(ctx, deadline)))
    bad('deadline', `检讨期限（${deadline}）不是工作日（见“系统设置 → 工作日历”），请另选一天。`);
  const workingDays =
    input.workingDays ?? workingDaysBetween(input.demandedOn, deadline, calendarAround(ctx, deadline));
  return { unit, head, deadline, workingDays };
}

export const incidentReviewsHandlers: Handlers<
  'incidents.list' | 'incidents.demand' | 'incidents.reply' | 'incidents.settle' | 'incidents.toClue'
> = {
  'incidents.list': (ctx) => views(ctx, listIncidentReviews(ctx.sqlite)),
  /** The 检讨通知 is laid out before the transaction, numbered and registered in it with the review. */
  'incidents.demand': prepared(
    async (ctx, input) => {
      const d = demandOf(ctx, input);
      const issuer = issuerOf(ctx);
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'incidentReview', year),
        kind: 'incidentReview',
        prefix: readBasicSettings(ctx).docPrefixes.incidentReview,
        year,
        title: incidentReviewTitle(d.unit.name, input.incident),
        build: (number) =>
          buildIncidentReviewNotice({
            issuer,
            number,
            unit: d.unit.name,
            head: d.head.name,
            headPost: d.head.post,
            incident: input.incident,
            incidentOn: input.incidentOn,
            facts: input.facts,
            toBody: input.toBody,
            deadline: d.deadline,
            workingDays: d.workingDays,
            date: input.demandedOn,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, ...d };
    },
    (ctx, input, p) => {
      const unit = unitById(ctx.sqlite, input.unitId);
      if (!unit?.active) throw new AppError('CONFLICT', '该单位刚被停用，请刷新后重试。');
      const documentId = registerDocument(ctx, p.doc, {
        subject: `unit:${unit.code}`,
        madeBy: ctx.caller.username,
      });
      const id = insertIncidentReview(ctx.records, {
        unitId: unit.id,
        personId: p.head.id,
        headName: p.head.name,
        headPost: p.head.post,
        incident: input.incident,
        incidentOn: input.incidentOn,
        facts: input.facts.trim(),
        toBody: input.toBody,
        demandedOn: input.demandedOn,
        workingDays: p.workingDays,
        deadline: p.deadline,
        documentId,
        createdBy: ctx.caller.username,
      });
      ctx.audit(`incident_review:${id}`, { number: p.doc.number, unit: unit.code, deadline: p.deadline });
      return view(ctx, id);
    },
  ),
  /** A reply after the deadline is recorded with its date and shown as late, never refused. */
  'incidents.reply': (ctx, input) => {
    const r = must(ctx, input.id);
    requireStep(ctx, incidentReviewLifecycle, r.state, 'reply', { fields: input });
    if (input.replyOn < r.demandedOn) bad('replyOn', `提交日期不能早于通知日期（${r.demandedOn}）。`);
    if (input.replyOn > todayOf(ctx.now)) bad('replyOn', '提交日期不能晚于今天。');
    recordIncidentReply(ctx.records, r.id, { reply: input.reply.trim(), replyOn: input.replyOn });
    ctx.audit(`incident_review:${r.id}`, { replyOn: input.replyOn, late: input.replyOn > r.deadline });
    return view(ctx, r.id);
  },
  'incidents.settle': (ctx, input) => {
    const r = must(ctx, input.id);
    const to = requireStep(ctx, incidentReviewLifecycle, r.state, input.action, { fields: input });
    settleIncidentReview(ctx.records, r.id, {
      state: to as 'accepted' | 'returned' | 'withdrawn',
      opinion: input.opinion?.trim() || null,
    });
    ctx.audit(`incident_review:${r.id}`, { [input.action]: input.opinion ?? '' });
    return view(ctx, r.id);
  },
  'incidents.toClue': (ctx, input) => {
    const r = must(ctx, input.id);
    requireStep(ctx, incidentReviewLifecycle, r.state, 'escalate');
    const clue = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'incident_review',
      sourceUuid: r.uuid,
      sourceLabel: `${r.number ?? '责任检讨'}（${r.incident}）`,
      unitId: r.unitId,
      personId: r.personId,
      summary: `${r.unitName}${r.incident}（${r.incidentOn}），${r.headName}的责任检讨。转问责理由：${input.reason}`,
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    if (!clue.created) throw new AppError('CONFLICT', '这份责任检讨已转为问责线索。');
    ctx.audit(`incident_review:${r.id}`, { clue: clue.id, reason: input.reason });
    return view(ctx, r.id);
  },
};
