import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { allPeople, currentPosts } from '../../../db/repos/org';
import { ERROR_COLUMN } from '../../../electron/services/excel/error-workbook';
import { addUser, signIn, snapshotRows, testApp, type TestApp } from '../../support/app';
import { caller, type TypedCaller } from '../../support/caller';
import { repoRoot } from '../../support/tmp';

let t: TestApp;
let kpy: TypedCaller;
afterEach(() => t?.close());

async function setup() {
  t = await testApp();
  await addUser(t.app, 'kpy', 'evaluator');
  kpy = caller(t.app, await signIn(t.app, 'kpy'));
  const units = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/org/sample-units.xlsx')).toString('base64');
  await kpy.call('units.import', { fileName: 'units.xlsx', base64: units });
}

type Cell = string | number | Date;
/** A people sheet as a personnel office keeps it: 任职时间 as they write it, text or number cells. */
async function peopleFile(rows: Cell[][], fileName = '人员.xlsx') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '单位代码', '职务', '任职时间']);
  for (const r of rows) ws.addRow(r);
  return { fileName, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

const fromDates = () => {
  const posts = currentPosts(t.app.opened.sqlite);
  return Object.fromEntries(allPeople(t.app.opened.sqlite).map((p) => [p.name, posts.get(p.id)?.fromDate]));
};

describe('people with personnel dates', () => {
  it('imports 2013.04 and the other writings, and says which day a month is stored as', async () => {
    await setup();
    const file = await peopleFile([
      ['甲', 'SX-FGJ', '科员', '2013.04'],
      ['乙', 'SX-FGJ', '科员', '2013.4'],
      ['丙', 'SX-FGJ', '科员', '2013年4月'],
      ['丁', 'SX-FGJ', '科员', '2013/4/1'],
      ['戊', 'SX-FGJ', '科员', '20130401'],
      ['己', 'SX-FGJ', '科员', new Date(Date.UTC(2013, 3, 1))],
      ['庚', 'SX-FGJ', '科员', 2013.04],
      ['辛', 'SX-FGJ', '科员', 41365],
    ]);
    const preview = await kpy.call('people.importPreview', file);
    expect(preview.counts).toMatchObject({ create: 8, error: 0 });
    expect(preview.notices).toContain('有 4 行任职日期只写到月份（如“2013.04”），按当月 1 日保存（如 2013-04-01）。');
    await kpy.call('people.import', file);
    expect(new Set(Object.values(fromDates()))).toEqual(new Set(['2013-04-01']));
  });

  it('shows both readings of a number cell 2013.1 and imports only after the clerk chooses', async () => {
    await setup();
    const file = await peopleFile([
      ['甲', 'SX-FGJ', '科员', 2013.1],
      ['乙', 'SX-FGJ', '科员', '2013.1'], // typed as text: January, as written
    ]);
    const preview = await kpy.call('people.importPreview', file);
    expect(preview.ambiguous).toBe(1);
    expect(preview.rows[0]!.warnings![0]!.message).toContain('可能是 2013年1月，也可能是 2013年10月');
    expect(preview.rows[1]!.warnings).toBeUndefined();
    const before = snapshotRows(t.app);
    expect(await kpy.attempt('people.import', file)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('请先确认读法再导入') },
    });
    expect(snapshotRows(t.app)).toBe(before);
    await kpy.call('people.import', { ...file, dotOneMonth: 10 });
    expect(fromDates()).toEqual({ 甲: '2013-10-01', 乙: '2013-01-01' });
  });

  it('lists every error of a row, and gives the workbook back with an error column', async () => {
    await setup();
    const file = await peopleFile([
      ['张伟', 'SX-FGJ', '科员', '2013.13'],
      ['李娜', 'NOPE', '科员', '去年'],
      ['张伟', 'SX-FGJ', '科长', '2015.06'],
      ['王芳', 'SX-FGJ', '科员', '2016.07'],
    ]);
    const preview = await kpy.call('people.importPreview', file);
    const said = Object.fromEntries(preview.rows.map((r) => [r.row, r.messages.map((m) => m.column)]));
    // the homonym pair no longer hides behind the date error: both are on row 2
    expect(said).toEqual({ 2: ['任职日期', '姓名'], 3: ['单位代码', '任职日期'], 4: ['姓名'], 5: [] });

    const back = await kpy.call('people.importErrors', file);
    expect(back.fileName).toBe('人员-错误说明.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(back.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('人员')!;
    expect(ws.getRow(1).getCell(5).value).toBe(ERROR_COLUMN);
    const note = (row: number) => String(ws.getRow(row).getCell(5).value ?? '');
    expect(note(2)).toMatch(/“任职日期”无法识别“2013\.13”[^\n]*\n“姓名”与第 4 行同单位同名/);
    expect(note(3)).toContain('找不到单位代码为“NOPE”的单位');
    expect(note(5)).toBe('');

    // the clerk fixes the rows in the file he got back and uploads it again: the 错误说明 column is not read
    ws.getRow(2).getCell(4).value = '2013.12';
    ws.getRow(3).getCell(2).value = 'SX-FGJ';
    ws.getRow(3).getCell(4).value = '2014年3月';
    ws.getRow(4).getCell(1).value = '张伟伟';
    const fixed = { fileName: back.fileName, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
    expect((await kpy.call('people.import', fixed)).counts).toMatchObject({ create: 4, error: 0 });
  });

  it('reads a CSV Excel saved in GBK, where 2013.1 may also have lost its zero', async () => {
    await setup();
    const csv = '姓名,单位代码,任职时间\r\n甲,SX-FGJ,2013.04\r\n乙,SX-FGJ,2013.1\r\n';
    const file = { fileName: '人员.csv', base64: Buffer.from(new TextEncoder().encode(csv)).toString('base64') };
    const gbk = { ...file, base64: gbkOf(csv) };
    for (const f of [file, gbk]) {
      const p = await kpy.call('people.importPreview', f);
      expect(p.counts).toMatchObject({ create: 2, error: 0 });
      expect(p.ambiguous).toBe(1);
    }
    await kpy.call('people.import', { ...gbk, dotOneMonth: 1 });
    expect(fromDates()).toEqual({ 甲: '2013-04-01', 乙: '2013-01-01' });
  });
});

/** GBK bytes of the few characters these files use (Node has no GBK encoder). */
function gbkOf(text: string): string {
  const table: Record<string, number[]> = {
    姓: [0xd0, 0xd5],
    名: [0xc3, 0xfb],
    单: [0xb5, 0xa5],
    位: [0xce, 0xbb],
    代: [0xb4, 0xfa],
    码: [0xc2, 0xeb],
    任: [0xc8, 0xce],
    职: [0xd6, 0xb0],
    时: [0xca, 0xb1],
    间: [0xbc, 0xe4],
    甲: [0xbc, 0xd7],
    乙: [0xd2, 0xd2],
  };
  const bytes = [...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]);
  return Buffer.from(bytes).toString('base64');
}
