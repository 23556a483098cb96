import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type GuardOptions, guardZip } from '../../../electron/services/archive/guard';
import { type RawZipEntry, writeZip } from '../../../electron/services/archive/write';
import { bombWorkbook, manyEntries, repeatedEntry, workbookEntries } from '../../support/zip-bomb';
import { tempDir } from '../../support/tmp';

const MiB = 1024 * 1024;
const limits: GuardOptions = { maxEntries: 1000, maxExpandedBytes: 100 * MiB };
const blank = (name: string, mib: number) => repeatedEntry(name, '', Buffer.alloc(MiB, ' '), mib, '');
const stored = (name: string, text = ''): RawZipEntry => ({
  name,
  method: 0,
  crc32: zlib.crc32(text),
  size: Buffer.byteLength(text),
  compressed: Buffer.from(text),
});

describe('the zip guard', () => {
  it('passes a real workbook, counting what each entry inflates to and keeping its compressed data', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('单位').addRow(['单位代码', '单位名称']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await guardZip(bytes, { ...limits, keepCompressed: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    const sheet = r.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(zlib.inflateRawSync(sheet.compressed!).length).toBe(sheet.size);
    // rebuilt from what was checked, exceljs reads the same workbook
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(writeZip(r.entries.map((e) => ({ ...e, compressed: e.compressed! }))) as never);
    expect(again.worksheets[0]!.getRow(1).values).toEqual([undefined, '单位代码', '单位名称']);
  });

  it('refuses a 600 KB workbook whose sheet inflates to 600 MB by the size it declares', async () => {
    const bomb = await bombWorkbook(600);
    expect(bomb.length).toBeLessThan(MiB);
    expect(await guardZip(bomb, limits)).toEqual({
      ok: false,
      refusal: { kind: 'expanded', limitBytes: 100 * MiB },
    });
  });

  it('counts what actually comes out when the declared size lies', async () => {
    const liar = await bombWorkbook(150, { declaredSize: 4096 });
    expect(await guardZip(liar, limits)).toEqual({ ok: false, refusal: { kind: 'expanded', limitBytes: 100 * MiB } });
  });

  it('counts across entries: each under the limit, together over it', async () => {
    const honest = writeZip([blank('a.xml', 60), blank('b.xml', 60)]);
    expect(await guardZip(honest, limits)).toMatchObject({ ok: false, refusal: { kind: 'expanded' } });
    // the first says what it holds, the second lies: the declared total is within the limit, the counted one not
    const lying = writeZip([blank('a.xml', 60), { ...blank('b.xml', 60), size: 1024 }]);
    expect(await guardZip(lying, limits)).toMatchObject({ ok: false, refusal: { kind: 'expanded' } });
  });

  it('calls a size that lies within the limit damage', async () => {
    const liar = await bombWorkbook(3, { declaredSize: 4096 });
    expect(await guardZip(liar, limits)).toMatchObject({ ok: false, refusal: { kind: 'damaged' } });
  });

  it('refuses too many entries before reading any of them', async () => {
    expect(await guardZip(manyEntries(20_000), limits)).toEqual({
      ok: false,
      refusal: { kind: 'entries', limit: 1000 },
    });
    expect(await guardZip(manyEntries(1000), limits)).toMatchObject({ ok: true });
  });

  it('reads a file on disk the same way as bytes', async () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'bomb.zip');
      fs.writeFileSync(file, await bombWorkbook(150, { declaredSize: 4096 }));
      expect(await guardZip(file, limits)).toMatchObject({ ok: false, refusal: { kind: 'expanded' } });
      fs.writeFileSync(file, writeZip(await workbookEntries()));
      expect(await guardZip(file, limits)).toMatchObject({ ok: true });
    } finally {
      t.cleanup();
    }
  });

  it.each(['../evil.txt', 'a/../../evil.txt', '/etc/evil', 'C:/evil.txt', 'a\\..\\evil.txt'])(
    'refuses the name %s where names become paths, and reads it as written elsewhere',
    async (name) => {
      const zip = writeZip([stored('ok.txt', 'x'), stored(name, 'y')]);
      expect(await guardZip(zip, { ...limits, strictNames: true })).toMatchObject({
        ok: false,
        refusal: { kind: 'name', name },
      });
      expect(await guardZip(zip, limits)).toMatchObject({ ok: true });
    },
  );

  it('refuses a name given twice', async () => {
    const zip = writeZip([stored('a.txt', 'x'), stored('a.txt', 'y')]);
    expect(await guardZip(zip, limits)).toEqual({ ok: false, refusal: { kind: 'name', name: 'a.txt' } });
  });

  it('calls what is not a whole zip damage', async () => {
    const whole = writeZip(await workbookEntries());
    for (const bytes of [Buffer.from('PK not a zip'), whole.subarray(0, whole.length - 30), whole.subarray(100)]) {
      expect(await guardZip(bytes, limits)).toMatchObject({ ok: false, refusal: { kind: 'damaged' } });
    }
  });
});
