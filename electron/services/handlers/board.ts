import type { z } from 'zod';
import type { Channels } from '../../contract';
import { buildBoardList, deadlineBounds, deadlineWords, markDemo } from '../../core';
import { noticeKind } from '../../vocab';
import { calendarAround } from '../calendar-days';
import { renderOfficialDocument } from '../documents/gbt9704';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { unitFacts } from '../../../db/repos/org';
import { readBasicSettings } from './settings';
import { todayOf } from '../org/write';
import { clockOf, rowOf } from './notices';
import { accountabilityClocks } from '../accountability/clocks';
import { rectRowOf } from './rectify';
import { boardNotices, boardPerUnit, boardRectifications } from '../../../db/repos/board';
import { repliesOf } from '../../../db/repos/notices';
import { boardSupervision, supervisionPerUnit } from '../../../db/repos/supervision-board';
import { deadlineState, workingDaysBetween } from '../../core';

export const boardHandlers: Handlers<'board.list' | 'board.print'> = {
  /**
   * The overdue board: one page of open notices and one of open rectification items, most urgent first unless
   * another order is asked, with the counts by deadline state over everything matching, all counted in SQL.
   */
  'board.list': (ctx, input) => boardOf(ctx, input),
  /**
   * The week's list as a document: every overdue and due-soon item matching the board's filters, laid out by the
   * document engine before the call's transaction; the transaction only records who printed what.
   */
  'board.print': prepared(
    async (ctx, input) => {
      const due = input.due?.length ? input.due : (['overdue', 'soon'] as const);
      const b = boardOf(ctx, { ...input, due: [...due], ...everything });
      const settings = readBasicSettings(ctx);
      const office = settings.issuingBodies[0] || settings.unitName || '目标考评办公室';
      const scope = [
        input.unitId ? unitFacts(ctx.sqlite, [input.unitId])[0]?.name : null,
        input.kind ? noticeKind.labels[input.kind] : null,
        input.leader ? `责任领导“${input.leader}”` : null,
        input.search ? `含“${input.search}”` : null,
      ].filter(Boolean);
      const doc = buildBoardList({
        office,
        today: b.today,
        scope: scope.length ? `${scope.join('、')}的` : '',
        notices: b.items.map((n) => ({
          unit: n.unitName,
          kind: noticeKind.labels[n.kind],
          number: n.number,
          matter: `${noticeKind.labels[n.kind]}：${n.reason}`,
          deadline: n.deadline,
          standing: deadlineWords(n.deadlineState, n.daysLeft),
          leader: n.leaderName,
        })),
        rectifications: b.rectifications.map((r) => ({
          unit: r.unitName,
          kind: '整改事项',
          number: r.number,
          matter: r.item,
          deadline: r.deadline,
          standing: deadlineWords(r.deadlineState, r.daysLeft),
          leader: null,
        })),
        supervision: b.supervision.map((x) => ({
          unit: x.unitName,
          kind: x.kind === 'complaint' ? '投诉' : '移送反馈',
          number: null,
          matter: x.matter,
          deadline: x.deadline,
          standing: deadlineWords(x.deadlineState, x.daysLeft),
          leader: null,
        })),
      });
      const bytes = await renderOfficialDocument(markDemo(doc, ctx.env.demo));
      const counts = {
        notices: b.items.length,
        rectifications: b.rectifications.length,
        supervision: b.supervision.length,
      };
      return { today: b.today, counts, bytes };
    },
    (ctx, input, p) => {
      ctx.audit('board', { printed: p.today, ...p.counts, filters: input });
      return { fileName: `逾期及临期事项清单（${p.today}）.docx`, base64: p.bytes.toString('base64') };
    },
  ),
};

/** Every matching row, one page of the counts per unit (the printed list does not show them). */
const everything = { offset: 0, limit: 50, rectOffset: 0, unitOffset: 0, unitLimit: 1, all: true };

type BoardInput = z.output<Channels['board.list']['input']>;

function boardOf(ctx: HandlerContext, input: BoardInput) {
  {
    const today = todayOf(ctx.now);
    const cal = calendarAround(ctx, today);
    const q = {
      ...deadlineBounds(today, cal),
      unitId: input.unitId,
      kind: input.kind,
      leader: input.leader || undefined,
      due: input.due,
      search: input.search || undefined,
      sort: input.sort,
      order: input.order,
      offset: input.all ? 0 : input.offset,
      rectOffset: input.all ? 0 : input.rectOffset,
      limit: input.all ? null : input.limit,
    };
    const notices = boardNotices(ctx.sqlite, q);
    const rects = boardRectifications(ctx.sqlite, q);
    const perUnit = boardPerUnit(ctx.sqlite, q, supervisionPerUnit(q));
    const clock = clockOf(today, cal);
    const replies = repliesOf(
      ctx.sqlite,
      notices.rows.map((n) => n.id),
    );
    const counts = { overdue: 0, soon: 0, open: 0 };
    for (const u of perUnit) {
      counts.overdue += u.overdue;
      counts.soon += u.soon;
      counts.open += u.open;
    }
    return {
      today,
      items: notices.rows.map((n) => rowOf(ctx, n, clock, replies)),
      total: notices.total,
      rectifications: rects.rows.map((r) => rectRowOf(r, today, cal)),
      rectTotal: rects.total,
      supervision: boardSupervision(ctx.sqlite, q).map((x) => ({
        ...x,
        deadlineState: deadlineState(today, x.deadline, cal),
        daysLeft: workingDaysBetween(today, x.deadline, cal),
      })),
      accountability: accountabilityClocks(ctx, today, input),
      counts,
      unitTotal: perUnit.length,
      perUnit: perUnit.slice(input.unitOffset, input.unitOffset + input.unitLimit),
    };
  }
}
