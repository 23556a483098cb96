import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { scoringYear } from '../../support/scoring-year';

let y: Awaited<ReturnType<typeof scoringYear>>;
afterEach(() => y?.t.close());

const load = async (base64: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
};
const save = async (wb: ExcelJS.Workbook, fileName = '评分表.xlsx') => ({
  fileName,
  base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
});
/** The header row and the data rows of a body's sheet as a person reads them. */
const HEADER = 3;
const col = (ws: ExcelJS.Worksheet, name: string) => {
  let n = 0;
  ws.getRow(HEADER).eachCell((c, i) => {
    if (c.value === name) n = i;
  });
  if (!n) throw new Error(`no column ${name}`);
  return n;
};
const dataRows = (ws: ExcelJS.Worksheet) => {
  const out: ExcelJS.Row[] = [];
  ws.eachRow((r, n) => n > HEADER && out.push(r));
  return out;
};

describe('a body’s sheet round trip in Excel', () => {
  it('is generated with the body, year, method’s column and 自评, filled offline, previewed, imported', async () => {
    y = await scoringYear();
    const clerk = y.clerkOf('SX-FGJ');
    const self = (await clerk.call('scores.selfGrid', { planId: y.planId })).rows.find(
      (r) => r.indicatorId === y.item('依法行政'),
    )!;
    await clerk.call('scores.saveSelf', {
      planId: y.planId,
      rows: [
        { indicatorId: self.indicatorId, unitId: self.unitId, targetId: self.targetId, input: { occurrences: 0 } },
      ],
    });

    const file = await y.office.call('scores.template', { planId: y.planId, body: '县司法局' });
    expect(file.fileName).toBe('2026年度评分表-县司法局.xlsx');
    const wb = await load(file.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['县司法局']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('2026年度 县司法局评分表');
    const rows = dataRows(ws);
    const grid = await y.grid('县司法局');
    expect(rows).toHaveLength(grid.length);
    const value = col(ws, '评分');
    expect(rows[0]!.getCell(col(ws, '填写要求')).value).toBe('次数（0 或正整数）');
    expect(rows[0]!.getCell(value).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 100000] });
    const withSelf = rows.find((r) => r.getCell(col(ws, '单位名称')).value === '示例县发展和改革局')!;
    expect(withSelf.getCell(col(ws, '单位自评')).value).toBe('0 次');

    rows.forEach((r, i) => (r.getCell(value).value = i === 0 ? 2 : 0));
    rows[0]!.getCell(col(ws, '备注')).value = '行政复议纠错两次';
    const filled = await save(wb);

    const preview = await y.office.call('scores.importPreview', { planId: y.planId, body: '县司法局', ...filled });
    expect(preview).toMatchObject({ committed: false, counts: { create: rows.length, update: 0, error: 0 } });
    expect(await y.grid('县司法局').then((g) => g.filter((r) => r.entry))).toEqual([]);

    const done = await y.office.call('scores.import', { planId: y.planId, body: '县司法局', ...filled });
    expect(done).toMatchObject({ committed: true, counts: { create: rows.length } });
    const after = await y.grid('县司法局');
    expect(after.map((r) => r.entry?.words)).toEqual(after.map((_, i) => (i === 0 ? '2 次' : '0 次')));
    expect(after[0]!.entry?.note).toBe('行政复议纠错两次');

    // the same file again changes nothing; the template now carries the entries
    const again = await y.office.call('scores.importPreview', { planId: y.planId, body: '县司法局', ...filled });
    expect(again.counts).toMatchObject({ create: 0, update: 0, same: rows.length });
    const next = await load((await y.office.call('scores.template', { planId: y.planId, body: '县司法局' })).base64);
    expect(dataRows(next.worksheets[0]!)[0]!.getCell(value).value).toBe(2);
  });

  it('marks each bad row with the column at fault, imports nothing, and gives the file back marked', async () => {
    y = await scoringYear();
    const clerk = y.clerkOf('SX-CZJ');
    const file = await clerk.call('scores.template', { planId: y.planId });
    const wb = await load(file.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['示例县财政局']);
    const ws = wb.worksheets[0]!;
    const rows = dataRows(ws);
    const value = col(ws, '评分');
    rows.forEach((r) => (r.getCell(value).value = 'A'));
    rows[1]!.getCell(value).value = 'E';
    rows[2]!.getCell(value).value = -1;
    const bad = await save(wb);

    const preview = await clerk.call('scores.importPreview', { planId: y.planId, body: '示例县财政局', ...bad });
    expect(preview.counts).toMatchObject({ error: 2, create: rows.length - 2 });
    const errors = preview.rows.filter((r) => r.status === 'error');
    expect(errors.map((r) => r.row)).toEqual([5, 6]);
    expect(errors[0]!.messages).toEqual([{ column: '评分', message: '“E”不是等次：等次只能是 A、B、C、D' }]);
    expect(errors[1]!.messages[0]!.column).toBe('评分');

    const r = await clerk.attempt('scores.import', { planId: y.planId, body: '示例县财政局', ...bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!r.ok) expect(r.error.message).toMatch(/^文件有 2 行错误，未导入任何内容。第 5 行：“评分”“E”不是等次/);
    expect((await y.grid('示例县财政局')).filter((x) => x.entry)).toEqual([]);

    const marked = await load(
      (await clerk.call('scores.importErrors', { planId: y.planId, body: '示例县财政局', ...bad })).base64,
    );
    const mws = marked.worksheets[0]!;
    expect(mws.getRow(HEADER).getCell(11).value).toBe('错误说明');
    expect(mws.getRow(5).getCell(11).value).toBe('“评分”“E”不是等次：等次只能是 A、B、C、D');
    expect(mws.getRow(4).getCell(11).value).toBeNull();
  });

  it('refuses a sheet of another body, plan or year, one not made here, and one already submitted', async () => {
    y = await scoringYear();
    const law = await load((await y.office.call('scores.template', { planId: y.planId, body: '县司法局' })).base64);
    dataRows(law.worksheets[0]!).forEach((r) => (r.getCell(7).value = 0));
    const lawFile = await save(law);
    const refused = async (body: string, file: { fileName: string; base64: string }, words: string) => {
      const p = await y.office.call('scores.importPreview', { planId: y.planId, body, ...file });
      expect(p.rows).toEqual([
        { row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: words }] },
      ]);
      const r = await y.office.attempt('scores.import', { planId: y.planId, body, ...file });
      expect(r).toMatchObject({ ok: false, error: { message: `未导入任何内容：${words}` } });
    };
    await refused('县纪委监委', lawFile, '文件是县司法局的评分表，不是县纪委监委的，未导入。');

    const check = JSON.parse(law.worksheets[0]!.getCell(1, 10).value as string) as Record<string, unknown>;
    law.worksheets[0]!.getCell(1, 10).value = JSON.stringify({ ...check, plan: 'another-plan', year: 2025 });
    await refused('县司法局', await save(law), '这是 2025 年度的评分表，不是本方案（2026 年度）的，未导入。');
    law.worksheets[0]!.getCell(1, 10).value = JSON.stringify({ ...check, plan: 'another-plan', title: '另一方案' });
    await refused(
      '县司法局',
      await save(law),
      '这是另一个考核方案（另一方案）的评分表，不是“示例县2026年度目标管理考核方案”的，未导入。',
    );
    law.worksheets[0]!.getCell(1, 10).value = null;
    await refused(
      '县司法局',
      await save(law),
      '这不是本系统生成的评分表（找不到表内的校验信息），请先在“评分录入”中下载评分表，填写后再导入。',
    );

    // a 录入员 imports only his body's sheet
    const clerk = await y.clerkOf('SX-CZJ').attempt('scores.importPreview', {
      planId: y.planId,
      body: '县司法局',
      ...lawFile,
    });
    expect(clerk).toMatchObject({
      ok: false,
      error: { message: '这是县司法局的评分表，您只能录入示例县财政局的评分。' },
    });

    // submitted: the sheet's entries are locked to the import too
    await y.office.call('scores.import', { planId: y.planId, body: '县司法局', ...lawFile });
    await y.office.call('scores.submit', { planId: y.planId, body: '县司法局' });
    const locked = await y.office.attempt('scores.import', { planId: y.planId, body: '县司法局', ...lawFile });
    expect(locked).toMatchObject({
      ok: false,
      error: { message: '县司法局的这份评分表当前为“已报送”，不能录入评分；此时可以：退回。' },
    });
  });

  it('gives the office one sheet per body in one workbook', async () => {
    y = await scoringYear();
    const wb = await load((await y.office.call('scores.template', { planId: y.planId })).base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['县司法局', '县纪委监委', '县考评办', '示例县财政局', '县应急局']),
    );
    const judge = wb.getWorksheet('县考评办')!;
    const row = dataRows(judge).find((r) => r.getCell(3).value === '督办落实')!;
    expect(row.getCell(6).value).toBe('得分（0 至 5 分）');
    expect(row.getCell(7).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 5] });
  });
});
