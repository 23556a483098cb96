import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotRows, type TestApp } from '../../support/app';
import { staffWorld } from '../../support/staff-world';

let t: TestApp | undefined;
afterEach(() => t?.close());

async function sheet(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参加人员');
  ws.addRow(['人员编号', '姓名', '单位', '学时']);
  for (const r of rows) ws.addRow(r);
  return { fileName: '参加人员.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

describe('training records', () => {
  it('previews an attendance import, names the row and column of every problem, and imports nothing then', async () => {
    const w = await staffWorld();
    t = w.t;
    const { id } = await w.kpy.call('training.save', {
      title: '廉洁自律专题培训',
      category: 'integrity',
      startDate: '2026-05-10',
      endDate: '2026-05-12',
      hours: 24,
    });
    const file = await sheet([
      ['', '干部1', '', ''],
      ['', '查无此人', '', 8],
      ['', '干部2', '', '八'],
      ['', '干部3', '', 12],
    ]);
    const preview = await w.kpy.call('training.importPreview', { trainingId: id, ...file });
    expect(preview.counts).toEqual({ create: 2, update: 0, same: 0, error: 2 });
    expect(preview.rows.filter((r) => r.status === 'error')).toEqual([
      expect.objectContaining({ row: 3, messages: [{ column: '姓名', message: '找不到人员“查无此人”' }] }),
      expect.objectContaining({ row: 4, messages: [{ column: '学时', message: '“八”不是数字' }] }),
    ]);
    const before = snapshotRows(t.app);
    expect(await w.kpy.attempt('training.import', { trainingId: id, ...file })).toMatchObject({
      ok: false,
      error: { message: '文件有 2 行错误，未导入任何内容。第 3 行：“姓名”找不到人员“查无此人”' },
    });
    expect(snapshotRows(t.app)).toBe(before);

    const fgjName = (await w.kpy.call('units.list', {})).find((u) => u.id === w.fgj)!.name;
    const fixed = await sheet([
      ['', '干部1', '', ''],
      ['', '干部3', fgjName, 12],
    ]);
    await w.kpy.call('training.import', { trainingId: id, ...fixed });
    const attended = await w.kpy.call('training.attendance', { trainingId: id });
    expect(attended.map((a) => [a.name, a.hours])).toEqual([
      ['干部1', 24],
      ['干部3', 12],
    ]);
    const summary = await w.kpy.call('training.summary', { year: 2026 });
    expect(summary.required).toBe(90);
    const unit = summary.units.find((u) => u.unitId === w.fgj)!;
    expect(unit).toMatchObject({ people: 10, hours: 36, average: 3.6, below: 10 });
    const archive = await w.kpy.call('people.archive', { personId: w.people[0]! });
    expect(archive.lines).toContainEqual(
      expect.objectContaining({
        section: 'training',
        title: '廉洁自律专题培训',
        detail: expect.stringContaining('24 学时'),
      }),
    );
  });

  it('imports the register of measures after a dry run, naming the row and column of every problem', async () => {
    const w = await staffWorld();
    t = w.t;
    const register = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('处分与组织处理');
      ws.addRow(['姓名', '类别', '处分或处理', '决定机关', '决定日期', '影响期至']);
      for (const r of rows) ws.addRow(r);
      return { fileName: '处分.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
    };
    const ok = ['干部1', '党纪处分', '党内警告', '县纪委', '2026.3.2', ''];
    const file = await register([
      ok,
      ['无此人', '党纪处分', '党内警告', '县纪委', '2026-03-02', ''],
      ['干部2', '处分', '记过', '县监委', '三月', ''],
    ]);
    const preview = await w.kpy.call('measures.importPreview', file);
    expect(preview.counts).toMatchObject({ create: 1, error: 2 });
    expect(preview.rows[1]!.messages).toEqual([{ column: '姓名', message: '找不到人员“无此人”' }]);
    expect(preview.rows[2]!.messages.map((m) => m.column)).toEqual(['类别', '决定日期']);
    const before = snapshotRows(t.app);
    expect(await w.kpy.attempt('measures.import', file)).toMatchObject({ ok: false });
    expect(snapshotRows(t.app)).toBe(before);
    await w.kpy.call('measures.import', await register([ok]));
    const round = await w.kpy.call('staff.round', { year: 2026, unitId: w.fgj });
    expect(round.people[0]!.limit).toMatchObject({ effect: 'notExcellent' });
  });
});
