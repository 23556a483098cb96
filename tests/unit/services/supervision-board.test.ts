import { afterEach, describe, expect, it } from 'vitest';
import { docxParts } from '../../support/docx';
import { supervisionWorld } from '../../support/supervision-world';
import type { TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t?.close());

const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

type Board = {
  counts: { overdue: number; soon: number; open: number };
  perUnit: { unitName: string; overdue: number; soon: number; open: number }[];
  unitTotal: number;
};

describe('投诉和移送在逾期看板上', () => {
  it('count in the board’s totals and per unit, and are printed in the week’s list', async () => {
    const w = await supervisionWorld();
    t = w.t;
    // today is 2026-09-29: 15 working days from 09-01 ended on 09-22 (overdue)
    await w.call('complaints.save', {
      channel: 'hotline',
      ref: '12345-2026-0901',
      receivedOn: '2026-09-01',
      unitId: w.unitId('SX-CZJ'),
      category: 'delay',
      content: '办理不动产登记往返三次仍未办结',
      workingDays: 15,
    });
    // feedback due 3 months later, 2026-09-30: due tomorrow
    await w.call('transfers.save', {
      fromBody: 'audit',
      toBody: '示例县监察委员会',
      transferredOn: '2026-06-30',
      unitId: w.unitId('SX-JYJ'),
      subject: '专项资金违规使用',
      facts: '审计发现挪用专项资金 12 万元',
      materials: '审计报告及工作底稿',
    });
    const board = await w.call<Board>('board.list', {});
    expect(board.counts).toEqual({ overdue: 1, soon: 1, open: 2 });
    expect(board.unitTotal).toBe(2);
    const both = await w.call<Board>('board.list', { unitLimit: 10 });
    expect(both.perUnit.map((u) => [u.unitName, u.overdue, u.soon, u.open])).toEqual([
      ['示例县财政局', 1, 0, 1],
      ['示例县教育局', 0, 1, 1],
    ]);
    // the filters count them as they list them
    expect((await w.call<Board>('board.list', { unitId: w.unitId('SX-JYJ') })).counts).toEqual({
      overdue: 0,
      soon: 1,
      open: 1,
    });
    expect((await w.call<Board>('board.list', { search: '不动产' })).counts.open).toBe(1);
    expect((await w.call<Board>('board.list', { kind: 'inquiry' })).counts.open).toBe(0);

    const f = await w.call<{ base64: string }>('board.print', {});
    const text = textOf((await docxParts(Buffer.from(f.base64, 'base64'))).get('word/document.xml')!);
    expect(text).toContain('逾期及 3 个工作日内到期的事项共2项，其中逾期1项');
    expect(text).toContain('三、投诉办理与移送反馈');
    expect(text).toContain('示例县财政局投诉：办理不动产登记往返三次仍未办结2026-09-22逾期 5 个工作日');
    expect(text).toContain('示例县教育局移送反馈：专项资金违规使用2026-09-30剩 1 个工作日');
    const overdueOnly = await w.call<{ base64: string }>('board.print', { due: ['overdue'] });
    const late = textOf((await docxParts(Buffer.from(overdueOnly.base64, 'base64'))).get('word/document.xml')!);
    expect(late).toContain('投诉：办理不动产登记往返三次仍未办结');
    expect(late).not.toContain('专项资金违规使用');
  });
});
