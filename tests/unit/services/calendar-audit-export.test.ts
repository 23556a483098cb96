import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../electron/core';
import { addUser, signIn, snapshotRows, testApp, type TestApp } from '../../support/app';
import { caller, type TypedCaller } from '../../support/caller';

let t: TestApp;
let admin: TypedCaller;
afterEach(() => t?.close());

async function setup() {
  t = await testApp();
  await addUser(t.app, 'guanli', 'admin');
  admin = caller(t.app, await signIn(t.app, 'guanli'));
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function xlsx(
  rows: unknown[][],
  opts: { formulaAt?: [number, number]; hiddenFirst?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.hiddenFirst) wb.addWorksheet('旧表', { state: 'hidden' }).addRow(['日期', '类型']);
  const ws = wb.addWorksheet('2026年节假日');
  rows.forEach((r) => ws.addRow(r));
  if (opts.formulaAt)
    ws.getCell(opts.formulaAt[0], opts.formulaAt[1]).value = {
      formula: 'TODAY()',
      result: new Date(),
    } as ExcelJS.CellFormulaValue;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the working-day calendar', () => {
  it('knows a long holiday bridged by a Saturday that is worked (调休)', () => {
    const o = new Map<string, 'holiday' | 'workday'>([
      ['2026-10-01', 'holiday'],
      ['2026-10-02', 'holiday'],
      ['2026-10-05', 'holiday'],
      ['2026-10-10', 'workday'],
    ]);
    expect(isWorkingDay('2026-09-30', o)).toBe(true);
    expect(isWorkingDay('2026-10-01', o)).toBe(false);
    expect(isWorkingDay('2026-10-03', o)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-05', o)).toBe(false); // Monday, holiday
    expect(isWorkingDay('2026-10-10', o)).toBe(true); // Saturday, worked
  });

  it('previews an Excel file row by row, writes nothing, then imports it whole', async () => {
    await setup();
    await admin.attempt('calendar.set', { date: '2026-10-01', kind: 'holiday', note: '国庆' });
    const file = await xlsx([
      ['日期', '类型', '说明'],
      ['2026-10-01', '休', '国庆节'],
      [new Date(Date.UTC(2026, 9, 2)), '休', '国庆节'],
      ['2026/10/10', '班', '调休上班'],
      ['2026年10月11日', '班', ''],
    ]);
    const before = snapshotRows(t.app);
    const p = await admin.attempt('calendar.preview', { fileName: '2026节假日.xlsx', base64: b64(file) });
    expect(p).toMatchObject({ ok: true, value: { errors: 0, written: 0 } });
    const rows = (p as { value: { rows: { row: number; date: string; kind: string; status: string }[] } }).value.rows;
    expect(rows.map((r) => [r.row, r.date, r.kind, r.status])).toEqual([
      [2, '2026-10-01', 'holiday', 'changed'],
      [3, '2026-10-02', 'holiday', 'new'],
      [4, '2026-10-10', 'workday', 'new'],
      [5, '2026-10-11', 'workday', 'new'],
    ]);
    expect(snapshotRows(t.app)).toBe(before);
    const done = await admin.attempt('calendar.import', { fileName: '2026节假日.xlsx', base64: b64(file) });
    expect(done).toMatchObject({ ok: true, value: { written: 4 } });
    expect(await admin.attempt('calendar.list', { year: 2026 })).toMatchObject({
      ok: true,
      value: expect.arrayContaining([{ date: '2026-10-10', kind: 'workday', note: '调休上班' }]),
    });
  });

  it('names every bad row and imports nothing from a file with any error', async () => {
    await setup();
    const csv = [
      '日期,类型,说明',
      '2026-10-01,休,国庆',
      '2026-02-30,休,',
      '2026-10-09,放假吧,',
      '2026-10-01,班,',
      ',休,',
    ].join('\n');
    const p = await admin.attempt('calendar.preview', { fileName: 'cal.csv', base64: b64(csv) });
    const rows = (p as { value: { rows: { row: number; status: string; message?: string }[] } }).value.rows;
    expect(rows.filter((r) => r.status === 'error').map((r) => [r.row, r.message])).toEqual([
      [3, '“日期”无法识别：2026-02-30（应如 2026-10-01）'],
      [4, '“类型”应为“休”或“班”，实际为：放假吧'],
      [5, '与第 2 行日期重复'],
      [6, '“日期”为空'],
    ]);
    const before = snapshotRows(t.app);
    const r = await admin.attempt('calendar.import', { fileName: 'cal.csv', base64: b64(csv) });
    expect(r).toMatchObject({
      ok: false,
      error: { message: '文件有 4 行错误，未导入任何内容。第 3 行：“日期”无法识别：2026-02-30（应如 2026-10-01）' },
    });
    expect(snapshotRows(t.app)).toBe(before);
  });

  it.each([
    ['a text file named .xlsx', 'cal.xlsx', b64('日期,类型'), /不是有效的 Excel/],
    [
      'an old .xls file',
      'cal.xls',
      b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      /旧版 Excel（\.xls）/,
    ],
    ['an empty file', 'cal.xlsx', '', /是空的/],
  ])('refuses %s with a clear message', async (_l, fileName, base64, message) => {
    await setup();
    expect(await admin.attempt('calendar.preview', { fileName, base64 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(message) },
    });
  });

  it('reads the first visible sheet, refuses formulas and explains a missing header', async () => {
    await setup();
    const withFormula = await xlsx(
      [
        ['日期', '类型'],
        ['2026-05-01', '休'],
      ],
      { formulaAt: [2, 1], hiddenFirst: true },
    );
    const p = await admin.attempt('calendar.preview', { fileName: 'f.xlsx', base64: b64(withFormula) });
    expect((p as { value: { rows: { message?: string }[] } }).value.rows[0]!.message).toBe(
      '单元格是公式，请改为直接填写内容',
    );
    const noHeader = await xlsx([['2026-05-01', '休']]);
    const q = await admin.attempt('calendar.preview', { fileName: 'h.xlsx', base64: b64(noHeader) });
    expect((q as { value: { rows: { message?: string }[] } }).value.rows[0]!.message).toMatch(
      /第 1 行须有“日期”和“类型”两列/,
    );
  });
});

describe('audit export', () => {
  it('gives the auditor an Excel file of the filtered trail, formula-safe, and records the export', async () => {
    await setup();
    await addUser(t.app, 'shenji', 'auditor');
    const auditor = caller(t.app, await signIn(t.app, 'shenji'));
    await admin.attempt('settings.update', { unitName: '=HYPERLINK("http://x")' });
    const r = await auditor.attempt('audit.export', { actor: 'guanli' });
    expect(r).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/^审计日志-\d{8}-\d{6}\.xlsx$/) } });
    const v = (r as { value: { base64: string; rows: number } }).value;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(v.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    expect(ws.rowCount - 1).toBe(v.rows);
    const actors = new Set<string>();
    ws.eachRow((row, n) => n > 1 && actors.add(String(row.getCell(3).value)));
    expect([...actors]).toEqual(['guanli']);
    const details = ws.getColumn(8).values.map(String).join('\n');
    expect(details).toContain('HYPERLINK');
    ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    const trail = await auditor.attempt('audit.list', { action: 'audit', offset: 0, limit: 5 });
    expect(trail).toMatchObject({
      ok: true,
      value: { total: 1, rows: [{ action: 'audit.export', actor: 'shenji', title: '导出审计日志' }] },
    });
  });
});
