import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { DATE_WRITINGS } from '../../../electron/core';
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
}

const fixture = (name: string) => ({
  fileName: name,
  base64: fs.readFileSync(path.join(repoRoot, 'tests/fixtures/org', name)).toString('base64'),
});
const call: TypedCaller['call'] = (channel, input) => kpy.call(channel, input);
const attempt: TypedCaller['attempt'] = (channel, input) => kpy.attempt(channel, input);

describe('importing the sample workbooks', () => {
  it('previews without writing, then imports units (parents first) and people in one go each', async () => {
    await setup();
    const before = snapshotRows(t.app);
    const pu = await call('units.importPreview', fixture('sample-units.xlsx'));
    expect(pu.counts).toEqual({ create: 8, update: 0, same: 0, error: 0 });
    expect(snapshotRows(t.app)).toBe(before);
    await call('units.import', fixture('sample-units.xlsx'));
    const units = await call('units.list', {});
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('SX-FGJ-JGK')!.parentId).toBe(byCode.get('SX-FGJ')!.id);
    expect(byCode.get('SX')!.parentId).toBeNull();

    const pp = await call('people.importPreview', fixture('sample-people.xlsx'));
    expect(pp.counts).toEqual({ create: 10, update: 0, same: 0, error: 0 });
    await call('people.import', fixture('sample-people.xlsx'));
    const fgj = await call('people.list', { unitId: byCode.get('SX-FGJ')!.id });
    expect(fgj.total).toBe(3); // includes the 价格科 below it
    expect(fgj.rows.find((p) => p.name === '王建国')!.idNumber).toBe('110105********002X');

    // the same files again change nothing
    expect((await call('units.importPreview', fixture('sample-units.xlsx'))).counts).toMatchObject({ same: 8 });
    // a full ID number in the file is never compared with the stored one, so that row reads as an update
    expect((await call('people.importPreview', fixture('sample-people.xlsx'))).counts).toMatchObject({
      same: 9,
      update: 1,
    });
  });

  it('names every broken unit row with its column and reason, and imports nothing', async () => {
    await setup();
    const r = await call('units.importPreview', fixture('broken-units.xlsx'));
    const errors = Object.fromEntries(
      r.rows
        .filter((x) => x.status === 'error')
        .map((x) => [x.row, x.messages.map((m) => `${m.column}:${m.message}`).join(' | ')]),
    );
    expect(errors).toEqual({
      4: '单位代码:与第 3 行的单位代码重复',
      5: '上级单位代码:找不到单位代码为“NOPE”的单位（数据库和本文件中都没有）',
      6: '单位名称:不能为空',
      7: '单位类型:无法识别“公司”，应为：市、县（区）、部门、乡镇（街道）、其他',
      8: '考核类别:类别“不存在的类别”不存在，请先在“考核类别”中添加',
      9: '排序:单元格是公式，请改为直接填写内容',
      10: ':有合并单元格（F10:F11），请取消合并后再导入',
      11: ':有合并单元格（F10:F11），请取消合并后再导入',
      12: '上级单位代码:上下级关系形成了循环',
      13: '上级单位代码:上下级关系形成了循环',
      14: '单位代码:单位代码只能由字母、数字、短横线和下划线组成',
    });
    expect(r.notices).toContain('已忽略隐藏的工作表“旧数据”。');
    // the file comes back with every row's reasons in a 错误说明 column, on the sheet that was read
    const back = await call('units.importErrors', fixture('broken-units.xlsx'));
    expect(back.fileName).toBe('broken-units-错误说明.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(back.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.state !== 'hidden')!;
    const col = ws.getRow(1).values as unknown[];
    const at = col.indexOf('错误说明');
    expect(at).toBeGreaterThan(0);
    expect(String(ws.getRow(14).getCell(at).value)).toBe('“单位代码”单位代码只能由字母、数字、短横线和下划线组成');
    const before = snapshotRows(t.app);
    const refused = await attempt('units.import', fixture('broken-units.xlsx'));
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^文件有 11 行错误，未导入任何内容。第 4 行：“单位代码”与第 3 行的单位代码重复$/,
        ),
      },
    });
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('names every broken person row', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    const r = await call('people.importPreview', fixture('broken-people.xlsx'));
    const errors = Object.fromEntries(
      r.rows
        .filter((x) => x.status === 'error')
        .map((x) => [x.row, x.messages.map((m) => `${m.column}:${m.message}`).join(' | ')]),
    );
    // both rows of a duplicate are named, not only the later one
    expect(errors).toEqual({
      2: '人员编号:与第 8 行的人员编号重复',
      3: '单位代码:找不到单位代码为“NOPE”的单位，请先导入单位',
      4: '姓名:不能为空',
      5: `任职日期:无法识别“2025年13月1日”，可写作 ${DATE_WRITINGS}`,
      6: '是否领导:应填“是”或“否”，实际为“可能”',
      7: '身份证号:身份证号校验位不正确',
      8: '人员编号:与第 2 行的人员编号重复',
      9: '姓名:与第 10 行同单位同名，请填写人员编号以区分',
      10: '姓名:与第 9 行同单位同名，请填写人员编号以区分',
    });
    expect(r.counts).toMatchObject({ create: 0, error: 9 });
  });

  it.each([['not-excel.xlsx', /不是有效的 Excel/]])('refuses %s with a clear message', async (name, message) => {
    await setup();
    expect(await attempt('units.importPreview', fixture(name))).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(message) },
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    await setup();
    const big = 'A'.repeat(27_990_000);
    expect(await attempt('people.importPreview', { fileName: 'big.xlsx', base64: big })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('超过 20 MB，未接收。请拆分后导入。') },
    });
  });

  it('explains a workbook without the required columns', async () => {
    await setup();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['地址', '电话']);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await call('units.importPreview', { fileName: 'x.xlsx', base64 });
    expect(r.rows[0]).toMatchObject({ row: 1 });
    expect(r.rows[0]!.messages[0]!.message).toBe(
      '表头缺少必需的列：“单位代码”、“单位名称”、“单位类型”。请使用导入模板。',
    );
    const refused = await attempt('units.import', { fileName: 'x.xlsx', base64 });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: '未导入任何内容：表头缺少必需的列：“单位代码”、“单位名称”、“单位类型”。请使用导入模板。' },
    });
  });
});

describe('units and people by hand', () => {
  it('keeps the post history when a person moves, and never lets a unit sit under its own child', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    await call('people.import', fixture('sample-people.xlsx'));
    const units = new Map((await call('units.list', {})).map((u) => [u.code, u.id]));
    const zhao = (await call('people.list', { search: '赵敏' })).rows[0]!;
    await call('people.update', {
      id: zhao.id,
      unitId: units.get('SX-CZJ'),
      post: '副局长',
      duties: '分管预算',
      fromDate: '2026-03-01',
    });
    const detail = await call('people.get', { id: zhao.id });
    expect(detail.posts.map((p) => [p.unitName, p.post, p.fromDate, p.toDate])).toEqual([
      ['示例县财政局', '副局长', '2026-03-01', null],
      ['示例县发展和改革局价格科', '科长', '2022-01-10', '2026-03-01'],
    ]);
    expect(await attempt('units.update', { id: units.get('SX')!, parentId: units.get('SX-FGJ-JGK')! })).toMatchObject({
      ok: false,
      error: { message: '不能把单位移到它自己或它的下级单位之下。' },
    });
    expect(await attempt('units.setActive', { id: units.get('SX-FGJ')!, active: false })).toMatchObject({
      ok: false,
      error: { message: '请先停用下级单位（如“示例县发展和改革局价格科”），再停用本单位。' },
    });
    expect(await attempt('units.create', { code: 'SX', name: '重复', kind: 'county' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('exports both lists with masked ID numbers and text cells; the export imports back unchanged', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    await call('people.import', fixture('sample-people.xlsx'));
    await call('units.create', { code: 'SX-EQ', name: '=cmd|" /C calc"!A0', kind: 'other' });
    const u = await call('units.export', {});
    const p = await call('people.export', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(p.base64, 'base64') as unknown as ArrayBuffer);
    const idCol = wb.getWorksheet('人员')!.getColumn(9).values.map(String);
    expect(idCol).toContain('110105********002X');
    expect(idCol.join()).not.toContain('19491231');
    const uw = new ExcelJS.Workbook();
    await uw.xlsx.load(Buffer.from(u.base64, 'base64') as unknown as ArrayBuffer);
    uw.getWorksheet('单位')!.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect((await call('units.importPreview', { fileName: u.fileName, base64: u.base64 })).counts).toMatchObject({
      same: 9,
      error: 0,
    });
    expect((await call('people.importPreview', { fileName: p.fileName, base64: p.base64 })).counts).toMatchObject({
      same: 10,
      error: 0,
    });
  });

  it('serves templates that import as they are', async () => {
    await setup();
    const tu = await call('units.template', {});
    const r = await call('units.importPreview', { fileName: '单位导入模板.xlsx', base64: tu.base64 });
    expect(r.counts).toEqual({ create: 2, update: 0, same: 0, error: 0 });
  });
});

describe('imports that must not lose or reveal anything', () => {
  const xlsx = async (sheet: string, rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r) => ws.addRow(r));
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  };

  it('keeps stored values for the columns a file does not have', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    await call('people.import', fixture('sample-people.xlsx'));
    const base64 = await xlsx('人员', [
      ['姓名', '单位代码', '职务'],
      ['王建国', 'SX-FGJ', '局长'],
    ]);
    const p = await call('people.importPreview', { fileName: 'few.xlsx', base64 });
    expect(p.counts).toMatchObject({ same: 1, error: 0 });
    const units = await xlsx('单位', [
      ['单位代码', '单位名称', '单位类型'],
      ['SX-FGJ-JGK', '价格监督科', '其他'],
    ]);
    await call('units.import', { fileName: 'u.xlsx', base64: units });
    const list = await call('units.list', {});
    const jgk = list.find((u) => u.code === 'SX-FGJ-JGK')!;
    expect(jgk.name).toBe('价格监督科');
    expect(jgk.parentId).toBe(list.find((u) => u.code === 'SX-FGJ')!.id);
    const wang = (await call('people.list', { search: '王建国' })).rows[0]!;
    expect(wang).toMatchObject({ idNumber: '110105********002X', phone: '0000-2200101' });
  });

  it('reads CSV cells as the text written: leading zeros, long numbers and dates survive', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    const csv = [
      '人员编号,姓名,单位代码,联系电话,身份证号,任职日期',
      '0012,钱七,SX-CZJ,01012345678,11010519491231002X,2025-01-01',
    ].join('\n');
    await call('people.import', { fileName: 'p.csv', base64: Buffer.from(csv).toString('base64') });
    const p = (await call('people.list', { search: '钱七' })).rows[0]!;
    expect(p).toMatchObject({ code: '0012', phone: '01012345678' });
    const d = await call('people.get', { id: p.id });
    expect(d.idNumber).toBe('110105********002X');
    expect(d.posts[0]!.fromDate).toBe('2025-01-01');
  });

  it('reads a CSV as Excel on Chinese Windows saves it (GBK, CRLF), and names an unreadable encoding', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    const gbk = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/org/people-gbk.csv'));
    expect(gbk.includes(Buffer.from('欧阳娜娜'))).toBe(false); // the file really is not UTF-8
    await call('people.import', { fileName: '人员.csv', base64: gbk.toString('base64') });
    expect((await call('people.list', { search: '欧阳娜娜' })).rows[0]).toMatchObject({
      code: 'G001',
      post: '预算股股长',
    });
    expect((await call('people.list', { search: '诸葛明' })).rows[0]).toMatchObject({ phone: '0000-3300456' });
    const before = snapshotRows(t.app);
    const garbage = Buffer.from([0xff, 0xfe + 1, 0x80, 0x80, 0xff, 0x00, 0x81]);
    const r = await attempt('people.import', { fileName: '乱码.csv', base64: garbage.toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!r.ok) expect(r.error.message).toContain('文字编码无法识别（不是 UTF-8，也不是 Excel 常用的 GBK/GB18030）');
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('stops a parent and its child from one file, children first', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    const both = await xlsx('单位', [
      ['单位代码', '单位名称', '单位类型', '状态'],
      ['SX-FGJ', '示例县发展和改革局', '部门', '停用'],
      ['SX-FGJ-JGK', '示例县发展和改革局价格科', '其他', '停用'],
    ]);
    await call('units.import', { fileName: 'stop.xlsx', base64: both });
    const list = await call('units.list', {});
    expect(
      list
        .filter((u) => !u.active)
        .map((u) => u.code)
        .sort(),
    ).toEqual(['SX-FGJ', 'SX-FGJ-JGK']);
    const parentOnly = await xlsx('单位', [
      ['单位代码', '单位名称', '单位类型', '状态'],
      ['SX', '示例县人民政府', '县（区）', '停用'],
    ]);
    const r = await call('units.importPreview', { fileName: 'p.xlsx', base64: parentOnly });
    expect(r.rows[0]!.messages[0]!.message).toMatch(/^下级单位“.+”仍在启用，请一并停用或先停用它$/);
  });

  it('does not start a new post on an old date when an export comes back with a new post', async () => {
    await setup();
    await call('units.import', fixture('sample-units.xlsx'));
    await call('people.import', fixture('sample-people.xlsx'));
    const base64 = await xlsx('人员', [
      ['人员编号', '姓名', '单位代码', '职务', '任职日期'],
      ['P002', '李红', 'SX-FGJ', '局长', '2023-07-15'],
    ]);
    await call('people.import', { fileName: 'back.xlsx', base64 });
    const li = (await call('people.list', { search: '李红' })).rows[0]!;
    const posts = (await call('people.get', { id: li.id })).posts;
    expect(posts[0]!.post).toBe('局长');
    expect(posts[0]!.fromDate > '2023-07-15').toBe(true);
    expect(posts[1]).toMatchObject({ post: '副局长', fromDate: '2023-07-15', toDate: posts[0]!.fromDate });
  });
});
