/**
 * The one reader of dates as offices write them (personnel lists, calendars, imports): 2013-04-01, 2013/4/1,
 * 2013.4.1, 2013年4月1日, 20130401 for a day; 2013.04, 2013.4, 2013-04, 2013年4月, 201304 for a month (stored as
 * its first day); an Excel serial number in a number cell. Full-width digits and punctuation are read as ASCII.
 */
export type DateReading =
  | { kind: 'day'; date: string }
  /** Only the month was written: stored as the month's first day. */
  | { kind: 'month'; date: string }
  /**
   * A number cell such as 2013.1: Excel drops the trailing zero of 2013.10, so it is January or October. Never
   * guessed: the two readings go to the clerk.
   */
  | { kind: 'ambiguous'; readings: [string, string] }
  | { kind: 'invalid' };

export interface DateSource {
  /**
   * The text came from a number (an Excel number cell in General format, or a CSV Excel saved from one): a
   * trailing zero may have been dropped, and an integer may be Excel's day serial.
   */
  numeric?: boolean;
}

/** Day serials Excel gives 1950-01-01 … 2099-12-31: an integer in this range in a number cell is a date. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73050;
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

const pad = (n: number) => String(n).padStart(2, '0');

function dayOf(y: number, m: number, d: number): string | null {
  if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : `${y}-${pad(m)}-${pad(d)}`;
}

const monthOf = (y: number, m: number) => dayOf(y, m, 1);

/** Excel's 1900 date system: serial 1 is 1900-01-01, with the phantom 1900-02-29 (day 0 = 1899-12-30). */
export function excelSerialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

export function readDate(raw: string, source: DateSource = {}): DateReading {
  const text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。．]/g, '.');
  if (!text) return { kind: 'invalid' };
  const invalid: DateReading = { kind: 'invalid' };
  const day = (y: string, m: string, d: string): DateReading => {
    const date = dayOf(Number(y), Number(m), Number(d));
    return date ? { kind: 'day', date } : invalid;
  };
  const month = (y: string, m: string): DateReading => {
    const date = monthOf(Number(y), Number(m));
    return date ? { kind: 'month', date } : invalid;
  };

  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) return day(m[1]!, m[2]!, m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return day(m[1]!, m[2]!, m[3]!);
  if (source.numeric) {
    m = /^(\d{4})\.(\d)$/.exec(text);
    if (m && m[2] === '1') {
      const early = monthOf(Number(m[1]), 1);
      const late = monthOf(Number(m[1]), 10);
      return early && late ? { kind: 'ambiguous', readings: [early, late] } : invalid;
    }
    if (/^\d{5}$/.test(text)) {
      const serial = Number(text);
      return serial >= SERIAL_MIN && serial <= SERIAL_MAX ? { kind: 'day', date: excelSerialDate(serial) } : invalid;
    }
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (m) return month(m[1]!, m[2]!);
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) return month(m[1]!, m[2]!);
  return invalid;
}

/** A date written to the day, or null (a calendar's days, a deadline). */
export function parseDateText(text: string): string | null {
  const r = readDate(text);
  return r.kind === 'day' ? r.date : null;
}

/** 2013-04-01 → 2013年4月, for telling a clerk which month a reading means. */
export function monthLabel(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月`;
}

/** How the import explains a date it could not read. */
export const DATE_WRITINGS = '2013-04-01、2013/4/1、2013年4月1日、20130401，或只写到月份：2013.04、2013年4月';
