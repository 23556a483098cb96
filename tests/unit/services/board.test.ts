import { afterEach, describe, expect, it } from 'vitest';
import { addDays, deadlineBounds, deadlineState, workingDaysBetween } from '../../../electron/core';
import { testApp, type TestApp } from '../../support/app';
import { caller, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

type Row = { id: number; unitName: string; kind: string; deadline: string; deadlineState: string; daysLeft: number };
type Board = {
  items: Row[];
  total: number;
  rectifications: { item: string; deadlineState: string }[];
  rectTotal: number;
  counts: { overdue: number; soon: number; open: number };
  unitTotal: number;
  perUnit: { unitName: string; overdue: number; soon: number; open: number }[];
};

let clock = 0;
const at = (iso: string) => (clock = new Date(`${iso}T12:00:00`).getTime());

/** Five inquiries to two units due 1 to 9 working days after 2026-09-29, and a 整改通知书 with two items. */
async function board() {
  at('2026-09-29');
  t = await testApp({ now: () => clock });
  const s = await samplePlan(t.app);
  await caller(t.app, 'admin', '管理员')('calendar.set', { date: '2026-10-01', kind: 'holiday', note: '国庆' });
  const notice = (unit: string, workingDays: number, kind = 'inquiry', reason = '第三季度进度滞后。') =>
    s.call('notices.create', {
      kind,
      unitId: s.unitId(unit),
      reason,
      items: [{ text: '说明滞后原因' }, { text: '提出赶超措施' }],
      workingDays,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
  for (const [unit, days] of [
    ['SX-FGJ', 1],
    ['SX-CZJ', 3],
    ['SX-FGJ', 5],
    ['SX-CZJ', 7],
    ['SX-FGJ', 9],
  ] as const)
    await notice(unit, days);
  await notice('SX-CZJ', 2, 'rectification', '预算执行偏慢。');
  return (input: object) => s.call<Board>('board.list', input);
}

describe('the overdue board, paged and counted by the server', () => {
  it('one page at a time in deadline order, with the total and the counts over everything', async () => {
    const list = await board();
    at('2026-10-06');
    const first = await list({ limit: 2 });
    expect(first.total).toBe(6);
    expect(first.items.map((r) => [r.deadline, r.deadlineState])).toEqual([
      ['2026-09-30', 'overdue'],
      ['2026-10-02', 'overdue'],
    ]);
    expect(first.counts).toEqual({ overdue: 5, soon: 2, open: 8 });
    expect(first.rectTotal).toBe(2);
    const last = await list({ limit: 2, offset: 4 });
    expect(last.items.map((r) => r.deadline)).toEqual(['2026-10-09', '2026-10-13']);
    expect(last.total).toBe(6);
    expect((await list({ limit: 2, order: 'desc' })).items.map((r) => r.deadline)).toEqual([
      '2026-10-13',
      '2026-10-09',
    ]);
    expect((await list({ sort: 'kind' })).items[0]!.kind).toBe('inquiry');
    // the counts per unit come a page at a time too, the most overdue first
    const units = await list({ unitLimit: 1 });
    expect(units.unitTotal).toBe(2);
    expect(units.perUnit).toEqual([
      { unitId: expect.any(Number), unitName: '示例县财政局', overdue: 4, soon: 1, open: 5 },
    ]);
    expect((await list({ unitLimit: 1, unitOffset: 1 })).perUnit[0]!.unitName).toBe('示例县发展和改革局');
  });

  it('filters by how overdue, unit, kind and words, and prints every matching row', async () => {
    const list = await board();
    at('2026-10-06');
    const overdue = await list({ due: ['overdue'] });
    expect(overdue.items.every((r) => r.deadlineState === 'overdue')).toBe(true);
    expect(overdue.total + overdue.rectTotal).toBe(5);
    // the cards keep counting every deadline state whatever the chosen one
    expect(overdue.counts).toEqual({ overdue: 5, soon: 2, open: 8 });
    const soon = await list({ due: ['soon'] });
    expect(soon.items.map((r) => [r.deadlineState, r.daysLeft])).toEqual([
      ['soon', 1],
      ['soon', 3],
    ]);
    const fgj = await list({ search: '发展和改革' });
    expect(fgj.items.map((r) => r.unitName)).toEqual(Array(3).fill('示例县发展和改革局'));
    expect(fgj.rectTotal).toBe(0);
    expect(fgj.perUnit).toEqual([
      { unitId: expect.any(Number), unitName: '示例县发展和改革局', overdue: 1, soon: 1, open: 3 },
    ]);
    const rect = await list({ kind: 'rectification' });
    expect(rect.items.map((r) => r.kind)).toEqual(['rectification']);
    expect(rect.rectifications.map((r) => r.item)).toEqual(['说明滞后原因', '提出赶超措施']);
    expect((await list({ kind: 'supervision' })).counts).toEqual({ overdue: 0, soon: 0, open: 0 });
    const printed = await list({ due: ['overdue', 'soon'], limit: 1, all: true });
    expect(printed.items.map((r) => r.deadline)).toEqual([
      '2026-09-30',
      '2026-10-02',
      '2026-10-05',
      '2026-10-07',
      '2026-10-09',
    ]);
    expect(printed.rectifications).toHaveLength(2);
  });
});

describe('deadline states as dates', () => {
  it('the bounds a query uses give the state the working-day count gives, over holidays and weekends', () => {
    const cal = new Map([
      ['2026-10-01', 'holiday'],
      ['2026-10-02', 'holiday'],
      ['2026-10-10', 'workday'],
    ] as const);
    for (let i = 0; i < 20; i++) {
      const today = addDays('2026-09-20', i);
      const b = deadlineBounds(today, cal);
      for (let d = -5; d < 20; d++) {
        const dl = addDays(today, d);
        const byCount = today > dl ? 'overdue' : workingDaysBetween(today, dl, cal) <= 3 ? 'soon' : 'ok';
        const byDates = dl < b.today ? 'overdue' : dl < b.okFrom ? 'soon' : 'ok';
        expect(byDates, `${today} → ${dl}`).toBe(byCount);
        expect(deadlineState(today, dl, cal)).toBe(byCount);
      }
    }
  });
});
