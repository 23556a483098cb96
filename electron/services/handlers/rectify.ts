import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { deadlineState, workingDaysBetween } from '../../core';
import type { HandlerContext, Handlers } from '../handler';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';

interface RectRecord {
  id: number;
  unitId: number;
  unitName: string;
  noticeId: number | null;
  number: string | null;
  item: string;
  deadline: string;
  state: 'open' | 'done' | 'verified';
  doneOn: string | null;
  doneNote: string | null;
  verifyNote: string | null;
  escalatedAt: number | null;
}

const cols = `r.id, r.unit_id as unitId, u.name as unitName, r.notice_id as noticeId, d.number, r.item, r.deadline, r.state, r.done_on as doneOn,
  r.done_note as doneNote, r.verify_note as verifyNote, r.escalated_at as escalatedAt`;
const from = `from rectifications r join units u on u.id = r.unit_id left join notices n on n.id = r.notice_id left join documents d on d.id = n.document_id`;

/** Records the items of a 整改通知书 as rectification items (inside the notice's write). */
export function recordRectifications(sqlite: Database.Database, o: { nodeId: string; now: number; unitId: number; noticeId: number; items: { text: string; deadline: string }[] }) {
  const ins = sqlite.prepare(`insert into rectifications (uuid, owner_node, version, unit_id, notice_id, item, deadline, state, created_at, updated_at) values (?, ?, 1, ?, ?, ?, ?, 'open', ?, ?)`);
  for (const it of o.items) ins.run(randomUUID(), o.nodeId, o.unitId, o.noticeId, it.text, it.deadline, o.now, o.now);
}

/** Open items (not yet done) with a deadline state; done-but-unverified items wait for the office, not the unit. */
export function rectificationRows(ctx: HandlerContext, f: { open?: boolean; unitId?: number } = {}) {
  const where: string[] = [];
  const args: number[] = [];
  if (f.open) where.push("r.state = 'open'");
  if (f.unitId) {
    where.push('r.unit_id = ?');
    args.push(f.unitId);
  }
  const rows = ctx.sqlite.prepare(`select ${cols} ${from} ${where.length ? `where ${where.join(' and ')}` : ''} order by r.deadline, r.id`).all(...args) as RectRecord[];
  const today = todayOf(ctx.now);
  const cal = calendarAround(ctx, today);
  return rows.map(({ escalatedAt, ...r }) => ({
    ...r,
    escalated: escalatedAt !== null,
    deadlineState: r.state === 'open' ? deadlineState(today, r.deadline, cal) : null,
    daysLeft: r.state === 'open' ? workingDaysBetween(today, r.deadline, cal) : null,
  }));
}

function mustRect(ctx: HandlerContext, id: number) {
  const r = rectificationRows(ctx).find((x) => x.id === id);
  if (!r) throw new AppError('NOT_FOUND', '没有找到这个整改事项，请刷新。');
  return r;
}

const bump = (ctx: HandlerContext, id: number, set: string, ...args: (string | number | null)[]) =>
  ctx.sqlite.prepare(`update rectifications set ${set}, version = version + 1, updated_at = ? where id = ?`).run(...args, ctx.now, id);

export const rectifyHandlers: Handlers<'rectify.list' | 'rectify.done' | 'rectify.verify' | 'rectify.escalate'> = {
  'rectify.list': (ctx, input) => rectificationRows(ctx, input),
  'rectify.done': (ctx, input) => {
    const r = mustRect(ctx, input.id);
    if (r.state !== 'open') throw new AppError('RULE_VIOLATION', '这个事项已登记完成。');
    if (input.doneOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '完成日期不能晚于今天。');
    bump(ctx, r.id, "state = 'done', done_on = ?, done_note = ?", input.doneOn, input.note);
    ctx.audit(`rectification:${r.id}`, { done: input.doneOn, late: input.doneOn > r.deadline });
    return mustRect(ctx, r.id);
  },
  /** The office checks the work: verified closes it; not verified sends it back open, with the note. */
  'rectify.verify': (ctx, input) => {
    const r = mustRect(ctx, input.id);
    if (r.state !== 'done') throw new AppError('RULE_VIOLATION', '整改完成登记后才能核验。');
    if (!input.ok && !input.note?.trim()) throw new AppError('INVALID_INPUT', '核验不通过时请写明原因。');
    if (input.ok) bump(ctx, r.id, "state = 'verified', verified_on = ?, verified_by = ?, verify_note = ?", todayOf(ctx.now), ctx.caller.username, input.note ?? null);
    else bump(ctx, r.id, "state = 'open', done_on = null, verify_note = ?", input.note!.trim());
    ctx.audit(`rectification:${r.id}`, { verified: input.ok, note: input.note ?? null });
    return mustRect(ctx, r.id);
  },
  /** Only an overdue item escalates; it becomes a clue the accountability module will open a case from. */
  'rectify.escalate': (ctx, input) => {
    const r = mustRect(ctx, input.id);
    if (r.deadlineState !== 'overdue') throw new AppError('RULE_VIOLATION', '只有逾期未整改的事项可以转为问责线索。');
    if (r.escalated) throw new AppError('CONFLICT', '这个事项已转为问责线索。');
    bump(ctx, r.id, 'escalated_at = ?, escalate_reason = ?', ctx.now, input.reason);
    ctx.audit(`rectification:${r.id}`, { escalated: input.reason });
    return mustRect(ctx, r.id);
  },
};
