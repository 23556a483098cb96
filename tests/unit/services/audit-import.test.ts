import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { recentAudit } from '../../../db/repos/audit';
import type { TestApp } from '../../support/app';
import { type ImportOutcome, supervisionWorld, twoFinanceOffices, workbookFile } from '../../support/supervision-world';

let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

type Audit = {
  kind: string;
  unitName: string;
  personName: string | null;
  period: string;
  reportNo: string | null;
  reportedOn: string;
  findings: string;
  amountCents: number;
  result: string | null;
  state: string;
  items: { unitName: string; item: string; deadline: string; state: string }[];
};
/** An audit as the list shows it, without what a new database numbers afresh. */
const shown = (a: Audit) => ({
  kind: a.kind,
  unitName: a.unitName,
  personName: a.personName,
  period: a.period,
  reportNo: a.reportNo,
  reportedOn: a.reportedOn,
  findings: a.findings,
  amountCents: a.amountCents,
  result: a.result,
  state: a.state,
  items: a.items.map((i) => [i.unitName, i.item, i.deadline, i.state]),
});

const HEAD = [
  '审计类型',
  '被审计单位',
  '被审计领导',
  '审计期间',
  '报告文号',
  '报告日期',
  '主要问题',
  '问题金额（元）',
  '审计评价',
];
const ITEM_HEAD = ['报告文号', '被审计单位', '审计期间', '责任单位', '事项', '完成时限'];

describe('审计 import', () => {
  it('re-imports an exported workbook into a fresh database: the same audits and 整改事项', async () => {
    const a = await supervisionWorld();
    apps.push(a.t);
    const eco = await a.call<{ id: number }>('audits.save', {
      kind: 'economic',
      unitId: a.unitId('SX-CZJ'),
      personId: a.personId('陈刚'),
      period: '2021年9月至2025年12月',
      reportNo: '示审经责〔2026〕3号',
      reportedOn: '2026-06-30',
      findings: '部分专项资金未按规定用途使用',
      amount: 123456.78,
      result: '基本履行经济责任',
    });
    await a.call('audits.addItem', {
      auditId: eco.id,
      unitId: a.unitId('SX-CZJ'),
      item: '收回资金',
      deadline: '2026-12-31',
    });
    await a.call('audits.addItem', {
      auditId: eco.id,
      unitId: a.unitId('SX-JYJ'),
      item: '退回多拨经费',
      deadline: '2026-11-30',
    });
    const budget = await a.call<{ id: number }>('audits.save', {
      kind: 'budget',
      unitId: a.unitId('SX-JYJ'),
      period: '2025年度',
      reportedOn: '2026-09-01',
      findings: '预算执行进度偏慢',
      amount: 0.5,
    });
    await a.call('audits.addItem', {
      auditId: budget.id,
      unitId: a.unitId('SX-JYJ'),
      item: '加快执行',
      deadline: '2026-12-15',
    });
    const exported = await a.call<{ fileName: string; base64: string }>('audits.export', {});

    const b = await supervisionWorld();
    apps.push(b.t);
    const preview = await b.call<ImportOutcome>('audits.importPreview', exported);
    expect(preview.counts).toEqual({ create: 5, update: 0, same: 0, error: 0 });
    expect(await b.call('audits.list', {})).toEqual([]);
    const done = await b.call<ImportOutcome>('audits.import', exported);
    expect(done.counts).toEqual(preview.counts);
    expect(done.rows).toEqual(preview.rows);
    const before = (await a.call<Audit[]>('audits.list', {})).map(shown);
    expect((await b.call<Audit[]>('audits.list', {})).map(shown)).toEqual(before);
    // each audit and item has its entry in the trail, as the form's would
    const trail = recentAudit(b.app.opened.sqlite, 20);
    expect(trail.filter((e) => e.action === 'audits.import').map((e) => e.target)).toEqual(
      expect.arrayContaining(['audits', expect.stringMatching(/^audit_finding:\d+$/)]),
    );
    // the items are rectification items on the board, like the form's
    const rect = await b.call<{ item: string }[]>('rectify.list', {});
    expect(rect.map((r) => r.item).sort()).toEqual(['加快执行', '收回资金', '退回多拨经费'].sort());

    // the same file again: every audit a repeat, shown and skipped; their items too
    const again = await b.call<ImportOutcome>('audits.importPreview', exported);
    expect(again.counts).toEqual({ create: 0, update: 0, same: 5, error: 0 });
    expect(again.rows[0]!.warnings![0]!.message).toContain('与已登记的审计重复');
    expect(again.rows.find((r) => r.sheet === '整改事项')!.warnings![0]!.message).toContain('这个整改事项也不导入');
  });

  it('refuses rows by row and column: 经济责任 without its leader, an ambiguous unit, an item of no audit', async () => {
    const w = await supervisionWorld();
    apps.push(w.t);
    await twoFinanceOffices(w);
    const file = await workbookFile('审计.xlsx', {
      审计发现: [
        HEAD,
        ['经济责任', 'SX-CZJ', '', '2025年度', '示审〔2026〕1号', '2026-06-30', '问题', '100', ''],
        ['预算执行', '财政所', '', '2025年度', '示审〔2026〕2号', '2026-06-30', '问题', '1,000.5', ''],
        ['专项资金', 'SX-JYJ', '', '2025年度', '示审〔2026〕3号', '2026-06-30', '资金拨付滞后', '5000', ''],
        ['专项资金', '县教育局', '', '2025 年度', '', '2026-06-30', '资金拨付滞后', '5000', ''],
        ['专项资金', 'SX-JYJ', '', '2025年度', '', '2026-06-30', '资金拨付滞后', '5000', ''],
        ['巡视', 'SX-JYJ', '', '2024年度', '', '2026-13-01', '问题', '-3', ''],
      ],
      整改事项: [
        ITEM_HEAD,
        ['示审〔2026〕3号', '', '', 'SX-JYJ', '加快拨付', '2026-12-31'],
        ['示审〔2026〕9号', '', '', 'SX-JYJ', '加快拨付', '2026-12-31'],
        ['示审〔2026〕3号', '', '', 'SX-JYJ', '加快拨付', '2026-01-31'],
      ],
    });
    const p = await w.call<ImportOutcome>('audits.importPreview', file);
    const at = (sheet: string, row: number) => p.rows.find((r) => (r.sheet ?? '审计发现') === sheet && r.row === row)!;
    expect(at('审计发现', 2).messages).toEqual([
      { column: '被审计领导', message: '经济责任审计请选择被审计的领导干部' },
    ]);
    expect(at('审计发现', 3).messages[0]!.column).toBe('被审计单位');
    expect(at('审计发现', 3).messages[0]!.message).toContain('有 2 个单位名为“财政所”');
    expect(at('审计发现', 4).status).toBe('create');
    // no 报告文号: the same unit, type and period is the same audit, named however the unit is written
    expect(at('审计发现', 5).status).toBe('create');
    expect(at('审计发现', 6).status).toBe('same');
    expect(at('审计发现', 6).warnings![0]!.message).toBe('与第 5 行是同一项审计，只导入一次');
    expect(at('审计发现', 7).messages.map((m) => m.column)).toEqual(['审计类型', '报告日期', '问题金额（元）']);
    expect(at('整改事项', 2).status).toBe('create');
    expect(at('整改事项', 3).messages).toEqual([
      { column: '报告文号', message: '在“审计发现”工作表中找不到报告文号为“示审〔2026〕9号”的审计' },
    ]);
    expect(at('整改事项', 4).messages).toEqual([{ column: '完成时限', message: '不能早于2026-06-30' }]);
    await expect(w.call('audits.import', file)).rejects.toThrow(
      '文件有 5 行错误，未导入任何内容。第 2 行：“被审计领导”经济责任审计请选择被审计的领导干部',
    );
    expect(await w.call('audits.list', {})).toEqual([]);
    // the error workbook marks both sheets
    const marked = await w.call<{ fileName: string; base64: string }>('audits.importErrors', file);
    expect(marked.fileName).toBe('审计-错误说明.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(marked.base64, 'base64') as unknown as ArrayBuffer);
    const said = (sheet: string, row: number) => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as unknown[]).indexOf('错误说明');
      return String(ws.getRow(row).getCell(col).value ?? '');
    };
    expect(said('审计发现', 2)).toBe('“被审计领导”经济责任审计请选择被审计的领导干部');
    expect(said('审计发现', 4)).toBe('');
    expect(said('整改事项', 4).replace(/\s/g, '')).toContain('“完成时限”不能早于2026-06-30');
  });

  it('reads 问题金额 in 万元 too, and 1,234.5 元 with its comma', async () => {
    const w = await supervisionWorld();
    apps.push(w.t);
    const file = await workbookFile('审计.xlsx', {
      审计发现: [
        ['审计类型', '被审计单位', '审计期间', '报告日期', '主要问题', '问题金额（万元）'],
        ['政府采购', '县教育局', '2025年度', '2026-06-30', '化整为零规避招标', '12.35'],
      ],
    });
    await w.call('audits.import', file);
    const yuan = await workbookFile('审计.xlsx', {
      审计发现: [
        ['审计类型', '被审计单位', '审计期间', '报告日期', '主要问题', '问题金额'],
        ['财务内部控制', 'SX-CZJ', '2025年度', '2026-06-30', '票据管理不规范', '1,234.5'],
      ],
    });
    await w.call('audits.import', yuan);
    const list = await w.call<Audit[]>('audits.list', {});
    expect(list.map((a) => [a.kind, a.amountCents])).toEqual([
      ['internal_control', 123450],
      ['procurement', 12_350_000],
    ]);
  });
});
