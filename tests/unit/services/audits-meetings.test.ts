import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { supervisionArchiveLines } from '../../../electron/services/supervision/archive-lines';
import { supervisionWorld } from '../../support/supervision-world';
import type { TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t?.close());

type Item = { id: number; state: string; number: string | null; deadlineState: string | null };
type Audit = { id: number; state: string; items: Item[]; clueId: number | null };
type Meeting = { id: number; items: Item[]; clueId: number | null };

describe('审计发现与联席会议', () => {
  it('audit items are rectification items: verified, then the audit closes; the leader archive shows it', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const wang = w.personId('王建国');
    const base = {
      kind: 'economic',
      unitId: w.unitId('SX-FGJ'),
      period: '2024年1月至2025年12月',
      reportNo: '示审经责〔2026〕5号',
      reportedOn: '2026-09-01',
      findings: '未按规定执行政府采购程序',
      amount: 123456.78,
      result: '任期内较好履行经济责任，存在采购程序不规范问题',
    };
    await expect(w.call('audits.save', base)).rejects.toThrow('经济责任审计请选择被审计的领导干部。');
    const a = await w.call<Audit>('audits.save', { ...base, personId: wang });
    await expect(
      w.call('audits.addItem', { auditId: a.id, unitId: w.unitId('SX-FGJ'), item: '补齐程序', deadline: '2026-08-01' }),
    ).rejects.toThrow('完成时限不能早于2026-09-01。');
    const withItem = await w.call<Audit>('audits.addItem', {
      auditId: a.id,
      unitId: w.unitId('SX-FGJ'),
      item: '补齐采购程序并建立内控制度',
      deadline: '2026-09-25',
    });
    const item = withItem.items[0]!;
    expect(item).toMatchObject({ state: 'open', number: '审计整改', deadlineState: 'overdue' });
    const board = await w.call<{ rectifications: { item: string }[] }>('board.list', {});
    expect(board.rectifications.map((r) => r.item)).toContain('补齐采购程序并建立内控制度');
    await expect(w.call('audits.close', { id: a.id })).rejects.toThrow('还有 1 个整改事项未核验通过，不能办结。');
    await w.call('rectify.done', { id: item.id, doneOn: '2026-09-28', note: '已整改' });
    await w.call('rectify.verify', { id: item.id, ok: true });
    expect((await w.call<Audit>('audits.close', { id: a.id })).state).toBe('closed');
    await expect(w.call('audits.notice', { year: 2025 })).rejects.toThrow('2025年度还没有登记审计结果，无需公告。');
    const notice = await w.call<{ number: string; documentId: number; count: number }>('audits.notice', { year: 2026 });
    expect(notice).toMatchObject({ number: '考评审〔2026〕1号', count: 1 });
    const content = await w.call<{ base64: string }>('documents.content', { id: notice.documentId });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(content.base64, 'base64') });
    expect(text).toContain('2026年度绩效审计结果公告');
    // 123,456.78 元 in 万元
    expect(text).toContain('12.35');
    expect(text).toContain('整改事项1项，已核验1项');
    expect((await w.call<Audit>('audits.toClue', { id: a.id })).clueId).toBeGreaterThan(0);
    expect(supervisionArchiveLines(w.app.opened.sqlite, wang)).toMatchObject([
      {
        section: 'audit',
        title: '经济责任审计（2024年1月至2025年12月）',
        detail:
          '示例县发展和改革局：任期内较好履行经济责任，存在采购程序不规范问题；问题金额 123,456.78 元（示审经责〔2026〕5号）',
        restricted: false,
      },
    ]);
  });

  it('a meeting action item for a deactivated unit is refused; items reach the board', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const m = await w.call<Meeting>('meetings.save', {
      title: '2026年第三季度监督工作联席会议',
      heldOn: '2026-09-15',
      place: '县政府三楼会议室',
      attendees: [
        { body: '县纪委监委', names: '张某某' },
        { body: '县审计局', names: '李某某' },
      ],
      topics: '通报第三季度问题线索；研究移送案件反馈',
      exchanged: '审计局通报专项资金审计发现 3 项',
      resolutions: '各成员单位按季互通信息',
    });
    await w.call('units.setActive', { id: w.unitId('SX-DHX'), active: false });
    await expect(
      w.call('meetings.addItem', {
        meetingId: m.id,
        unitId: w.unitId('SX-DHX'),
        item: '报送台账',
        deadline: '2026-10-30',
      }),
    ).rejects.toThrow('“东河乡人民政府”已停用，不能再给它安排事项；请选择承接其职责的单位。');
    const withItem = await w.call<Meeting>('meetings.addItem', {
      meetingId: m.id,
      unitId: w.unitId('SX-JYJ'),
      item: '报送整改台账',
      deadline: '2026-10-30',
    });
    expect(withItem.items).toMatchObject([{ number: '联席会议议定事项', state: 'open' }]);
    const rect = await w.call<{ item: string }[]>('rectify.list', {});
    expect(rect.map((r) => r.item)).toContain('报送整改台账');
  });
});
