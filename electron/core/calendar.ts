/** Holidays and adjusted working days (调休) keyed by ISO date. */
export type DayOverrides = ReadonlyMap<string, 'holiday' | 'workday'>;

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Monday to Friday work, unless the calendar says a holiday; a weekend day listed as workday is worked. */
export function isWorkingDay(date: string, overrides: DayOverrides): boolean {
  const o = overrides.get(date);
  if (o) return o === 'workday';
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** Reads the day kind a person writes in a calendar file: 休/假/节假日 or 班/上班/调休上班. */
export function parseDayKind(text: string): 'holiday' | 'workday' | null {
  const t = text.trim().toLowerCase();
  if (['休', '假', '休息', '放假', '节假日', 'holiday'].includes(t)) return 'holiday';
  if (['班', '上班', '调休上班', '补班', 'workday'].includes(t)) return 'workday';
  return null;
}

/** Dates as offices write them are read in dates.ts (parseDateText, readDate). */

/** The ISO date `n` calendar days after `iso` (negative goes back). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The deadline of “n 个工作日内” counted from `from`: the n-th working day after it (the day itself is not
 * counted), honouring holidays and the weekend days worked in their place (调休). n = 0 gives `from`.
 */
export function addWorkingDays(from: string, n: number, overrides: DayOverrides): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`bad working-day count ${n}`);
  let day = from;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, overrides)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to`; negative when `to` is earlier (how late, in working days). */
export function workingDaysBetween(from: string, to: string, overrides: DayOverrides): number {
  if (to === from) return 0;
  const sign = to > from ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  let n = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkingDay(day, overrides)) n++;
  return sign * n;
}

export type DeadlineState = 'overdue' | 'soon' | 'ok';

/**
 * The dates that split deadlines into states, so a query can count them: before `today` is overdue; from `today` up
 * to (not including) `okFrom` falls within the next `soonDays` working days; from `okFrom` on is not yet due.
 */
export function deadlineBounds(
  today: string,
  overrides: DayOverrides,
  soonDays = 3,
): { today: string; okFrom: string } {
  return { today, okFrom: addWorkingDays(today, soonDays + 1, overrides) };
}

/** Overdue once the deadline day has passed; soon when the deadline falls within the next `soonDays` working days. */
export function deadlineState(today: string, deadline: string, overrides: DayOverrides, soonDays = 3): DeadlineState {
  if (today > deadline) return 'overdue';
  return deadline < deadlineBounds(today, overrides, soonDays).okFrom ? 'soon' : 'ok';
}
