import { deadlineBounds } from '../../core';
import { calendarAround } from '../calendar-days';
import type { Handlers } from '../handler';
import { todayOf } from '../org/write';
import { clockOf, rowOf } from './notices';
import { rectRowOf } from './rectify';
import { boardNotices, boardPerUnit, boardRectifications } from '../../../db/repos/board';
import { repliesOf } from '../../../db/repos/notices';

export const boardHandlers: Handlers<'board.list'> = {
  /**
   * The overdue board: one page of open notices and one of open rectification items, most urgent first unless
   * another order is asked, with the counts by deadline state over everything matching, all counted in SQL.
   */
  'board.list': (ctx, input) => {
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
    const perUnit = boardPerUnit(ctx.sqlite, q);
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
      counts,
      unitTotal: perUnit.length,
      perUnit: perUnit.slice(input.unitOffset, input.unitOffset + input.unitLimit),
    };
  },
};
