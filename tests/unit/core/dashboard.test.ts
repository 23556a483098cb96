import { describe, expect, it } from 'vitest';
import { completionTrend, quartersReached } from '../../../electron/core';

const even = [1, 2, 3, 4].map(() => ({ text: '', percent: null }));
const set = [20, 50, 75, 100].map((percent) => ({ text: '', percent }));

describe('the quarterly completion trend', () => {
  it('averages what was reported and counts an unreported target as off schedule', () => {
    const t = completionTrend(
      [
        { milestones: set, rates: [20, 40, null, null] },
        { milestones: even, rates: [30, 50, null, null] },
        { milestones: even, rates: [null, null, null, null] },
      ],
      2,
    );
    expect(t.quarters).toEqual([1, 2]);
    expect(t.reported).toEqual([2, 2]);
    expect(t.averageCompletion).toEqual([25, 45]);
    // milestones 20/50 and the even pace 25/50 for the other two
    expect(t.averageExpected).toEqual([23.3, 50]);
    // Q1: 20 ≥ 20 and 30 ≥ 25 on schedule, the silent one not; Q2: only 50 ≥ 50
    expect(t.onSchedule).toEqual([66.7, 33.3]);
  });

  it('has no points for a plan without targets, and no quarters before its year', () => {
    expect(completionTrend([], 4).averageCompletion).toEqual([null, null, null, null]);
    expect(quartersReached(2027, '2026-12-02')).toBe(0);
    expect(quartersReached(2026, '2026-05-31')).toBe(2);
    expect(quartersReached(2025, '2026-01-10')).toBe(4);
  });
});
