import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { supervisionWorld } from '../../support/supervision-world';
import type { TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t?.close());

type Row = { id: number; unitName: string; unitActive: boolean; kind: string; contact: string; hours: string };

describe('公开投诉渠道', () => {
  it('kept per department, refused for a stopped unit or twice, published as a numbered 公告', async () => {
    const w = await supervisionWorld();
    t = w.t;
    await expect(w.call('complaint-channels.issue', {})).rejects.toThrow(
      '还没有登记任何在用单位的投诉渠道，无法印发公告。',
    );
    const hours = '工作日 8:30—12:00、14:30—17:30';
    const phone = await w.call<Row>('complaint-channels.save', {
      unitId: w.unitId('SX-CZJ'),
      kind: 'phone',
      contact: '0000-6123456',
      hours,
    });
    expect(phone).toMatchObject({ unitName: '示例县财政局', kind: 'phone', unitActive: true });
    await w.call('complaint-channels.save', {
      unitId: w.unitId('SX-CZJ'),
      kind: 'web',
      contact: 'http://czj.example.gov.cn/ts',
      hours: '全天',
    });
    await expect(
      w.call('complaint-channels.save', { unitId: w.unitId('SX-CZJ'), kind: 'phone', contact: '0000-6123456', hours }),
    ).rejects.toThrow('示例县财政局的电话渠道“0000-6123456”已登记，未重复登记。');
    const jyj = await w.call<Row>('complaint-channels.save', {
      unitId: w.unitId('SX-JYJ'),
      kind: 'letter',
      contact: '示例县人民路1号县教育局信访室',
      hours: '随时',
    });
    // a unit stopped later keeps its rows (marked) but leaves the 公告; no new channel for it
    await w.call('units.setActive', { id: w.unitId('SX-JYJ'), active: false });
    await expect(
      w.call('complaint-channels.save', { unitId: w.unitId('SX-JYJ'), kind: 'phone', contact: '0000-1', hours }),
    ).rejects.toThrow('“示例县教育局”已停用，不能再公布它的投诉渠道。');
    const changed = await w.call<Row>('complaint-channels.save', {
      id: phone.id,
      unitId: w.unitId('SX-CZJ'),
      kind: 'phone',
      contact: '0000-6123457',
      hours,
    });
    expect(changed.contact).toBe('0000-6123457');
    const list = await w.as('leader')<Row[]>('complaint-channels.list', {});
    expect(list.map((r) => [r.unitName, r.kind, r.unitActive])).toEqual([
      ['示例县财政局', 'phone', true],
      ['示例县财政局', 'web', true],
      ['示例县教育局', 'letter', false],
    ]);
    await expect(
      w.as('leader')('complaint-channels.save', { unitId: 1, kind: 'phone', contact: 'x', hours }),
    ).rejects.toThrow();

    const out = await w.call<{ number: string; documentId: number; count: number }>('complaint-channels.issue', {});
    expect(out).toMatchObject({ number: '考评投〔2026〕1号', count: 2 });
    const content = await w.call<{ base64: string }>('documents.content', { id: out.documentId });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(content.base64, 'base64') });
    expect(text).toContain('关于公布各部门投诉受理渠道的公告');
    expect(text).toContain('现将1个部门（单位）的投诉受理渠道公布如下');
    expect(text).toContain('0000-6123457');
    expect(text).toContain('http://czj.example.gov.cn/ts');
    expect(text).not.toContain('县教育局信访室');

    await w.call('complaint-channels.remove', { id: jyj.id });
    expect(await w.call<Row[]>('complaint-channels.list', {})).toHaveLength(2);
    await expect(w.call('complaint-channels.remove', { id: jyj.id })).rejects.toThrow('没有找到这个投诉渠道，请刷新。');
  });
});
