import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { supervisionWorld } from '../../support/supervision-world';
import type { TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t?.close());

type Row = { id: number; feedbackDue: string; state: string; deadlineState: string | null; clueId: number | null };

describe('移送处理', () => {
  it('takes the due date from the setting, refuses dates out of order, records feedback, one clue', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const base = {
      fromBody: 'audit',
      toBody: '示例县监察委员会',
      transferredOn: '2026-06-30',
      unitId: w.unitId('SX-CZJ'),
      subject: '专项资金违规使用',
      facts: '审计发现挪用专项资金 12 万元',
      materials: '审计报告及工作底稿',
    };
    // 3 months after 2026-06-30 is 2026-09-30, a Wednesday: a working day
    const r = await w.call<Row>('transfers.save', base);
    expect(r).toMatchObject({ feedbackDue: '2026-09-30', state: 'sent', deadlineState: 'soon' });
    await expect(w.call('transfers.save', { ...base, feedbackDue: '2026-06-01' })).rejects.toThrow(
      '反馈期限（2026-06-01）应晚于移送日期（2026-06-30）。',
    );
    // the setting: 1 month
    await w.call('settings.updateBusiness', { transferFeedbackMonths: 1 });
    const short = await w.call<Row>('transfers.save', { ...base, transferredOn: '2026-06-27' });
    // 2026-07-27 is a Monday
    expect(short.feedbackDue).toBe('2026-07-27');
    expect(short.deadlineState).toBe('overdue');
    type Board = { supervision: { kind: string; matter: string; deadlineState: string }[] };
    const board = await w.call<Board>('board.list', { due: ['overdue'] });
    expect(board.supervision).toEqual([
      expect.objectContaining({ kind: 'transfer', matter: '移送反馈：专项资金违规使用', deadlineState: 'overdue' }),
    ]);
    expect((await w.call<Board>('board.list', { search: '不存在的事' })).supervision).toEqual([]);
    const weekend = await w.call<Row>('transfers.save', { ...base, transferredOn: '2026-06-25' });
    // 2026-07-25 is a Saturday: moved on to Monday the 27th
    expect(weekend.feedbackDue).toBe('2026-07-27');
    await expect(
      w.call('transfers.feedback', { id: r.id, feedbackOn: '2026-06-01', feedback: '已立案' }),
    ).rejects.toThrow('反馈日期不能早于移送日期（2026-06-30）。');
    const answered = await w.call<Row>('transfers.feedback', {
      id: r.id,
      feedbackOn: '2026-09-10',
      feedback: '已立案',
    });
    expect(answered).toMatchObject({ state: 'answered', deadlineState: null });
    await expect(w.call('transfers.feedback', { id: r.id, feedbackOn: '2026-09-10', feedback: 'x' })).rejects.toThrow(
      '这件移送当前为“已反馈”，不能登记反馈',
    );
    type Issued = Row & { number: string; documentId: number };
    const issued = await w.call<Issued>('transfers.issue', { id: short.id });
    expect(issued.number).toBe('考评移〔2026〕1号');
    await expect(w.call('transfers.issue', { id: short.id })).rejects.toThrow(
      '这件移送已印发移送处理书（考评移〔2026〕1号）。',
    );
    const content = await w.call<{ base64: string }>('documents.content', { id: issued.documentId });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(content.base64, 'base64') });
    expect(text).toContain('关于移送示例县财政局专项资金违规使用问题线索的函');
    expect(text).toContain('示例县监察委员会：');
    expect(text).toContain(
      '请你单位依法依规调查处理，并于2026年7月27日前将调查处理结果书面反馈我办，同时抄送组织人事部门。',
    );
    const clued = await w.call<Row>('transfers.toClue', { id: r.id });
    expect(clued.clueId).toBeGreaterThan(0);
    await expect(w.call('transfers.toClue', { id: r.id })).rejects.toThrow('这件移送已转为问责线索。');
    await expect(w.as('leader')('transfers.save', base)).rejects.toThrow();
  });
});
