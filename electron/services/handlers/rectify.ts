import { AppError } from '../../contract';
import { type DayOverrides, deadlineState, rectificationLifecycle, workingDaysBetween } from '../../core';
import { requireStep } from '../lifecycle';
import { requireOwnUnit } from '../own-unit';
import type { HandlerContext, Handlers } from '../handler';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import {
  escalateRectification,
  insertRectificationReport,
  listRectifications,
  markRectificationDone,
  type RectRecord,
  rectificationVersion,
  verifyRectification,
} from '../../../db/repos/notices';
import { ownedHere } from '../../../db/records';
import { fileClue, uuidOf } from '../../../db/repos/clues';

/** Open items (not yet done) with a deadline state; done-but-unverified items wait for the office, not the unit. */
export function rectificationRows(ctx: HandlerContext, f: { open?: boolean; unitId?: number } = {}) {
  const rows = listRectifications(ctx.sqlite, f);
  const today = todayOf(ctx.now);
  const cal = calendarAround(ctx, today);
  return rows.map((r) => rectRowOf(r, today, cal));
}

/** A rectification item as shown: escalated or not, and for an open one its deadline state and working days left. */
export function rectRowOf({ escalatedAt, ...r }: RectRecord, today: string, cal: DayOverrides) {
  return {
    ...r,
    escalated: escalatedAt !== null,
    deadlineState: r.state === 'open' ? deadlineState(today, r.deadline, cal) : null,
    daysLeft: r.state === 'open' ? workingDaysBetween(today, r.deadline, cal) : null,
  };
}

function mustRect(ctx: HandlerContext, id: number) {
  const r = rectificationRows(ctx).find((x) => x.id === id);
  if (!r) throw new AppError('NOT_FOUND', '没有找到这个整改事项，请刷新。');
  return r;
}

export const rectifyHandlers: Handlers<'rectify.list' | 'rectify.done' | 'rectify.verify' | 'rectify.escalate'> = {
  'rectify.list': (ctx, input) => rectificationRows(ctx, input),
  /** The office, or the unit's 录入员 for his own unit, reports an item done; the office then verifies it. */
  'rectify.done': (ctx, input) => {
    const r = mustRect(ctx, input.id);
    requireOwnUnit(ctx, r.unitId, `这是${r.unitName}的整改事项，您只能登记本单位的整改。`);
    requireStep(ctx, rectificationLifecycle, r.state, 'done');
    if (input.doneOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '完成日期不能晚于今天。');
    // the item is the office's: on the unit's own PC its report is the unit's record, and the office records the
    // item done when the report comes up (exchange.import)
    if (ownedHere(ctx.sqlite, 'rectifications', [r.id]).has(r.id))
      markRectificationDone(ctx.records, r.id, input.doneOn, input.note);
    else
      insertRectificationReport(
        ctx.records,
        { rectificationId: r.id, doneOn: input.doneOn, note: input.note, by: ctx.caller.username },
        rectificationVersion(ctx.sqlite, r.id),
      );
    ctx.audit(`rectification:${r.id}`, { done: input.doneOn, late: input.doneOn > r.deadline });
    return mustRect(ctx, r.id);
  },
  /** The office checks the work: verified closes it; not verified sends it back open, with the note. */
  'rectify.verify': (ctx, input) => {
    const r = mustRect(ctx, input.id);
    requireStep(ctx, rectificationLifecycle, r.state, input.ok ? 'verify' : 'reject', { fields: input });
    verifyRectification(
      ctx.records,
      r.id,
      input.ok
        ? { ok: true, on: todayOf(ctx.now), by: ctx.caller.username, note: input.note ?? null }
        : { ok: false, note: input.note!.trim() },
    );
    ctx.audit(`rectification:${r.id}`, { verified: input.ok, note: input.note ?? null });
    return mustRect(ctx, r.id);
  },
  /** Only an overdue item escalates; it becomes a clue the accountability module will open a case from. */
  'rectify.escalate': (ctx, input) => {
    const r = mustRect(ctx, input.id);
    requireStep(ctx, rectificationLifecycle, r.state, 'escalate', { fields: input });
    if (r.deadlineState !== 'overdue') throw new AppError('RULE_VIOLATION', '只有逾期未整改的事项可以转为问责线索。');
    if (r.escalated) throw new AppError('CONFLICT', '这个事项已转为问责线索。');
    escalateRectification(ctx.records, r.id, input.reason);
    // the accountability register receives it as a 问责线索 with the item's kind and UUID
    fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'rectification',
      sourceUuid: uuidOf(ctx.sqlite, 'rectifications', r.id)!,
      sourceLabel: `${r.number ? `${r.number} ` : ''}整改事项逾期未整改`,
      unitId: r.unitId,
      personId: null,
      summary: `${r.item}（整改时限 ${r.deadline}）。转问责理由：${input.reason}`,
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    ctx.audit(`rectification:${r.id}`, { escalated: input.reason });
    return mustRect(ctx, r.id);
  },
};
