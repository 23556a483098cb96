import { and, gte, isNull, lte } from 'drizzle-orm';
import type { AppDb } from '../open';
import type { RecordWriter } from '../records';
import { calendarDays } from '../schema';

export const listCalendar = (db: AppDb, from: string, to: string) =>
  db
    .select({ date: calendarDays.date, kind: calendarDays.kind, note: calendarDays.note })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to), isNull(calendarDays.deletedAt)))
    .orderBy(calendarDays.date)
    .all();

/** Sets a day (a removed one comes back under its old identity, so the change travels as one record). */
export function upsertCalendarDay(
  w: RecordWriter,
  day: { date: string; kind: 'holiday' | 'workday'; note: string },
  by: string,
): void {
  w.upsert('calendar_days', { date: day.date }, { kind: day.kind, note: day.note, updated_by: by });
}

export const removeCalendarDay = (w: RecordWriter, date: string) => w.remove('calendar_days', { date });
