import { listCalendar } from '../../db/repos/calendar';
import type { HandlerContext } from './handler';

/** The holidays and worked weekends around a date (the year before to the year after), for counting working days. */
export function calendarAround(ctx: Pick<HandlerContext, 'db'>, iso: string): Map<string, 'holiday' | 'workday'> {
  const year = Number(iso.slice(0, 4));
  return new Map(listCalendar(ctx.db, `${year - 1}-01-01`, `${year + 1}-12-31`).map((d) => [d.date, d.kind]));
}
