import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, deadlineState, workingDaysBetween } from '../../../electron/core';

// The shape of a Chinese autumn: National Day and Mid-Autumn as one long holiday (1–8 October), paid for with
// two weekend working days around it (Sunday 27 September and Saturday 10 October), as the State Council's
// arrangement does in years when the festivals meet. The dates are illustrative; offices load their year's.
const autumn = new Map<string, 'holiday' | 'workday'>([
  ...Array.from({ length: 8 }, (_, i) => [`2026-10-0${i + 1}`, 'holiday'] as const),
  ['2026-09-27', 'workday'],
  ['2026-10-10', 'workday'],
]);

describe('working days', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('skips weekends and holidays and works the adjusted Saturday', () => {
    // Friday 25 September + 5 working days: Sun 27 (worked), Mon 28, Tue 29, Wed 30, Fri 9 October
    expect(addWorkingDays('2026-09-25', 5, autumn)).toBe('2026-10-09');
    // the Saturday after the holiday is worked: Fri 9 + 1 is Sat 10
    expect(addWorkingDays('2026-10-09', 1, autumn)).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-09', 2, autumn)).toBe('2026-10-12');
    // an ordinary week with no calendar loaded
    expect(addWorkingDays('2026-11-27', 5, new Map())).toBe('2026-12-04');
    expect(addWorkingDays('2026-11-27', 0, new Map())).toBe('2026-11-27');
    expect(() => addWorkingDays('2026-11-27', -1, new Map())).toThrow();
  });

  it('measures working days left and how late, in working days', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-09', autumn)).toBe(1);
    expect(workingDaysBetween('2026-10-12', '2026-10-09', autumn)).toBe(-2);
    expect(workingDaysBetween('2026-10-09', '2026-10-09', autumn)).toBe(0);
  });

  it('is yellow within three working days, red the day after the deadline, not on it', () => {
    expect(deadlineState('2026-10-09', '2026-10-09', autumn)).toBe('soon');
    expect(deadlineState('2026-10-10', '2026-10-09', autumn)).toBe('overdue');
    // from 30 September, 12 October is the third working day (9, 10, 12): yellow; from the 29th it is the fourth
    expect(deadlineState('2026-09-30', '2026-10-12', autumn)).toBe('soon');
    expect(deadlineState('2026-09-29', '2026-10-12', autumn)).toBe('ok');
  });
});
