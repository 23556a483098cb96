import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardZip } from '../../../electron/services/archive/guard';
import { writeZip } from '../../../electron/services/archive/write';
import { snapshotRows, testApp, type TestApp } from '../../support/app';
import { caller, type TypedCaller } from '../../support/caller';
import { bombWorkbook, manyEntries } from '../../support/zip-bomb';

// Excel files that would take all the memory there is, through the import channels as the user sends them.
let t: TestApp;
let kpy: TypedCaller;
let bomb: Buffer;
beforeAll(async () => {
  t = await testApp();
  kpy = caller(t.app, 'evaluator');
  bomb = await bombWorkbook(600); // the file: about 600 KB, the sheet 600 MB
});
afterAll(() => t?.close());

const file = (fileName: string, bytes: Buffer) => ({ fileName, base64: bytes.toString('base64') });
const TOO_LARGE = (name: string) => `文件“${name}”展开后超过 100 MB（可能是损坏或恶意构造的文件），未读取。`;

describe('an Excel file that inflates past the limit', () => {
  it.each(['units.importPreview', 'units.import', 'people.importPreview', 'people.import'] as const)(
    '%s refuses it in words, and writes nothing',
    async (channel) => {
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const before = snapshotRows(t.app);
      expect(await kpy.attempt(channel, file('单位.xlsx', bomb))).toEqual({
        ok: false,
        error: { code: 'TOO_LARGE', message: TOO_LARGE('单位.xlsx') },
      });
      expect(snapshotRows(t.app)).toBe(before);
    },
  );

  it('says the same when its headers claim a small sheet', async () => {
    const liar = await bombWorkbook(150, { declaredSize: 4096 });
    const before = snapshotRows(t.app);
    expect(await kpy.attempt('units.import', file('liar.xlsx', liar))).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', message: TOO_LARGE('liar.xlsx') },
    });
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('calls a smaller lie a damaged file', async () => {
    const liar = await bombWorkbook(3, { declaredSize: 4096 });
    expect(await kpy.attempt('units.importPreview', file('liar.xlsx', liar))).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '文件“liar.xlsx”不是有效的 Excel（.xlsx）或 CSV 文件，未读取。' },
    });
  });

  it('refuses a file of too many entries', async () => {
    const before = snapshotRows(t.app);
    expect(await kpy.attempt('people.import', file('many.xlsx', manyEntries(20_000)))).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', message: '文件“many.xlsx”包含的条目过多（超过 2000 个），未读取。' },
    });
    expect(snapshotRows(t.app)).toBe(before);
  });
});

describe('an Excel file read two ways', () => {
  const entries = async (code: number) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位');
    ws.addRow(['单位代码', '单位名称', '单位类型']);
    ws.addRow([code, `单位${code}`, '部门']);
    const checked = await guardZip(Buffer.from(await wb.xlsx.writeBuffer()), {
      maxEntries: 100,
      maxExpandedBytes: 1024 * 1024,
      keepCompressed: true,
    });
    if (!checked.ok) throw new Error('sample workbook refused');
    return checked.entries.map((e) => ({ ...e, compressed: e.compressed! }));
  };

  it('imports what the guard counted, never a sheet hidden past the count the archive declares', async () => {
    // one more directory record than the end record admits: some zip readers read it (and let it replace the
    // sheet of the same name), the guard does not; exceljs must be handed what the guard read
    const seen = await entries(111);
    const hidden = (await entries(222)).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const zip = writeZip([...seen, hidden]);
    zip.writeUInt16LE(seen.length, zip.length - 22 + 8);
    zip.writeUInt16LE(seen.length, zip.length - 22 + 10);
    const r = await kpy.call('units.importPreview', file('two.xlsx', zip));
    expect(r.rows.map((row) => row.key)).toEqual(['111']);
  });
});
