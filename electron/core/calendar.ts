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

/** Reads a date as offices write it: 2026-10-01, 2026/10/1, 2026.10.1 or 2026年10月1日; null if it is no real date. */
export function parseDateText(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
