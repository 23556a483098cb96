import { and, eq, gte, lte } from 'drizzle-orm';
import type { AppDb } from '../open';
import { calendarDays } from '../schema';

export const listCalendar = (db: AppDb, from: string, to: string) =>
  db
    .select({ date: calendarDays.date, kind: calendarDays.kind, note: calendarDays.note })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)))
    .orderBy(calendarDays.date)
    .all();

export function upsertCalendarDay(db: AppDb, day: { date: string; kind: 'holiday' | 'workday'; note: string }, by: string, at: number): void {
  db.insert(calendarDays)
    .values({ ...day, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: calendarDays.date, set: { kind: day.kind, note: day.note, updatedAt: at, updatedBy: by } })
    .run();
}

export const removeCalendarDay = (db: AppDb, date: string) => db.delete(calendarDays).where(eq(calendarDays.date, date)).run().changes;
