import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeSeconds } from '../../../renderer/shared/datetime';

describe('the one date-time format of the UI', () => {
  it('writes 2026-12-01 23:37, padded, 24-hour, whatever the locale', () => {
    expect(formatDateTime(new Date(2026, 11, 1, 23, 37, 5).getTime())).toBe('2026-12-01 23:37');
    expect(formatDateTime(new Date(2027, 0, 9, 8, 4).getTime())).toBe('2027-01-09 08:04');
    expect(formatDateTimeSeconds(new Date(2026, 11, 1, 23, 37, 5).getTime())).toBe('2026-12-01 23:37:05');
  });
});
