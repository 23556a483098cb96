import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { recentAudit } from '../../../db/repos/audit';
import type { TestApp } from '../../support/app';
import { supervisionWorld } from '../../support/supervision-world';

let t: TestApp;
afterEach(() => t?.close());

/** Every sheet of an .xlsx by name, each row's cells as text. */
async function sheets(base64: string): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    out[ws.name] = rows;
  }
  return out;
}

describe('the supervision registers export to Excel as offices file them', () => {
  it('audits with their 整改 items, transfers, joint meetings with their 议定 items; each export audited', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const audit = await w.call<{ id: number }>('audits.save', {
      kind: 'budget',
      unitId: w.unitId('SX-JYJ'),
      period: '2025年度',
      reportedOn: '2026-09-01',
      findings: '预算执行进度偏慢',
      amount: 123456.78,
    });
    await w.call('audits.addItem', {
      auditId: audit.id,
      unitId: w.unitId('SX-JYJ'),
      item: '加快执行',
      deadline: '2026-12-31',
    });
    await w.call('transfers.save', {
      fromBody: 'audit',
      toBody: '示例县监察委员会',
      transferredOn: '2026-06-30',
      unitId: w.unitId('SX-CZJ'),
      subject: '专项资金违规使用',
      facts: '审计发现挪用专项资金 12 万元',
      materials: '审计报告及工作底稿',
    });
    const meeting = await w.call<{ id: number }>('meetings.save', {
      title: '第三季度监督工作联席会议',
      heldOn: '2026-09-20',
      attendees: [{ body: '县纪委监委', names: '张某某' }],
      topics: '通报问题线索',
      exchanged: '审计局通报专项审计发现',
      resolutions: '各成员单位按季互通信息',
    });
    await w.call('meetings.addItem', {
      meetingId: meeting.id,
      unitId: w.unitId('SX-CZJ'),
      item: '报送台账',
      deadline: '2026-10-30',
    });

    const audits = await w.call<{ fileName: string; base64: string }>('audits.export', {});
    expect(audits.fileName).toMatch(/^审计发现-.*\.xlsx$/);
    const a = await sheets(audits.base64);
    expect(a['审计发现']![0]).toContain('问题金额（元）');
    expect(a['审计发现']![1]).toEqual(
      expect.arrayContaining(['预算执行', '2025年度', '预算执行进度偏慢', '123456.78', '整改中']),
    );
    expect(a['整改事项']![1]).toEqual(expect.arrayContaining(['2025年度', '加快执行', '2026-12-31', '整改中']));

    const t2 = await sheets((await w.call<{ base64: string }>('transfers.export', {})).base64);
    expect(t2['移送处理']![1]).toEqual(
      expect.arrayContaining(['示例县监察委员会', '2026-06-30', '专项资金违规使用', '2026-09-30', '待反馈', '是']),
    );

    const m = await sheets((await w.call<{ base64: string }>('meetings.export', {})).base64);
    expect(m['联席会议']![1]).toEqual(
      expect.arrayContaining(['第三季度监督工作联席会议', '2026-09-20', '县纪委监委：张某某（出席）', '已召开']),
    );
    expect(m['议定事项']![1]).toEqual(expect.arrayContaining(['第三季度监督工作联席会议', '报送台账', '2026-10-30']));

    const trail = recentAudit(w.app.opened.sqlite, 20).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['audits.export', 'transfers.export', 'meetings.export']));
    // a clerk sees none of the registers
    await expect(w.as('clerk', '王录入')('audits.export', {})).rejects.toThrow();
  });
});
