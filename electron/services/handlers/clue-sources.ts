import { AppError } from '../../contract';
import { deadlineState, noticeLifecycle } from '../../core';
import { findingRating, noticeKind } from '../../vocab';
import { requireStep } from '../lifecycle';
import type { HandlerContext, Handlers } from '../handler';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import { clueOut } from '../accountability/view';
import { clueById, clueOfSource, fileClue, findingForClue, uuidOf } from '../../../db/repos/clues';
import { noticeById } from '../../../db/repos/notices';

/**
 * Registers that hand a record to accountability as a 问责线索 (the rectification items do it in rectify.ts): an
 * overdue notice, a lagging 督查发现. A record becomes at most one clue.
 */

function filed(ctx: HandlerContext, id: number) {
  return clueOut(ctx.sqlite, clueById(ctx.sqlite, id)!);
}

export const clueSourcesHandlers: Handlers<'notices.escalate' | 'findings.escalate'> = {
  'notices.escalate': (ctx, input) => {
    const n = noticeById(ctx.sqlite, input.id);
    if (!n) throw new AppError('NOT_FOUND', '没有找到这份通知书，请刷新。');
    requireStep(ctx, noticeLifecycle, n.state, 'escalate', { fields: input });
    const today = todayOf(ctx.now);
    const deadline = n.extendedTo ?? n.replyBy;
    if (deadlineState(today, deadline, calendarAround(ctx, today)) !== 'overdue')
      throw new AppError('RULE_VIOLATION', `只有逾期未回复的通知书可以转为问责线索（这份通知书的期限为${deadline}）。`);
    const uuid = uuidOf(ctx.sqlite, 'notices', n.id)!;
    if (clueOfSource(ctx.sqlite, 'notice', uuid)) throw new AppError('CONFLICT', '这份通知书已转为问责线索。');
    const { id } = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'notice',
      sourceUuid: uuid,
      sourceLabel: `${n.number ?? noticeKind.label(n.kind)} 逾期未回复`,
      unitId: n.unitId,
      personId: null,
      summary: `${n.reason}（回复期限 ${deadline}）。转问责理由：${input.reason}`,
      receivedOn: today,
      createdBy: ctx.caller.username,
    });
    ctx.audit(`notice:${n.id}`, { escalated: input.reason, clue: id });
    return filed(ctx, id);
  },
  'findings.escalate': (ctx, input) => {
    const f = findingForClue(ctx.sqlite, input.id);
    if (!f) throw new AppError('NOT_FOUND', '没有找到这条督查发现，请刷新。');
    if (f.rating === 'on_track') throw new AppError('RULE_VIOLATION', '正常推进的督查发现不能转为问责线索。');
    if (clueOfSource(ctx.sqlite, 'finding', f.uuid)) throw new AppError('CONFLICT', '这条督查发现已转为问责线索。');
    const { id } = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'finding',
      sourceUuid: f.uuid,
      sourceLabel: `${f.checkTitle}（${findingRating.label(f.rating as 'lagging')}）`,
      unitId: f.unitId,
      personId: null,
      summary: `${f.description}。转问责理由：${input.reason}`,
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    ctx.audit(`finding:${input.id}`, { escalated: input.reason, clue: id });
    return filed(ctx, id);
  },
};
