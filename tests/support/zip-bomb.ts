// Zip bombs built at run time (no binary in the repository): a real workbook whose sheet is replaced by
// one that inflates to as many MiB as asked, compressed about 1,000 to 1.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { guardZip } from '../../electron/services/archive/guard';
import { type RawZipEntry, writeZip } from '../../electron/services/archive/write';

const MiB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';

/**
 * A deflated entry of `prefix`, `filler` × `times`, `suffix`. Each part is compressed on its own and ends
 * with a full flush (byte-aligned, no back references across parts), so the filler's compressed bytes can
 * simply be repeated: hundreds of MiB without deflating them.
 */
export function repeatedEntry(
  name: string,
  prefix: string,
  filler: Buffer,
  times: number,
  suffix: string,
): RawZipEntry {
  const flushed = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  const body = zlib.deflateRawSync(filler, flushed);
  let crc32 = zlib.crc32(head);
  for (let i = 0; i < times; i++) crc32 = zlib.crc32(filler, crc32);
  crc32 = zlib.crc32(tail, crc32);
  const compressed = Buffer.concat([
    zlib.deflateRawSync(head, flushed),
    ...Array<Buffer>(times).fill(body),
    zlib.deflateRawSync(tail, flushed),
    zlib.deflateRawSync(Buffer.alloc(0)), // the final (empty) block
  ]);
  return { name, method: 8, crc32, size: head.length + filler.length * times + tail.length, compressed };
}

/** The entries of a small real workbook with the units template's header, compressed as written. */
export async function workbookEntries(): Promise<RawZipEntry[]> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('单位').addRow(['单位代码', '单位名称', '单位类型']);
  const checked = await guardZip(Buffer.from(await wb.xlsx.writeBuffer()), {
    maxEntries: 100,
    maxExpandedBytes: MiB,
    keepCompressed: true,
  });
  if (!checked.ok) throw new Error('the sample workbook did not pass the guard');
  return checked.entries.map((e) => ({ ...e, compressed: e.compressed! }));
}

/**
 * An .xlsx whose sheet inflates to `mib` MiB of blank space inside valid sheet XML; `declaredSize` writes
 * another size in its headers (a lie the reader has to find by counting).
 */
export async function bombWorkbook(mib: number, opts: { declaredSize?: number } = {}): Promise<Buffer> {
  const sheet = repeatedEntry(
    SHEET,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    Buffer.alloc(MiB, ' '),
    mib,
    '</sheetData></worksheet>',
  );
  if (opts.declaredSize !== undefined) sheet.size = opts.declaredSize;
  return writeZip((await workbookEntries()).map((e) => (e.name === SHEET ? sheet : e)));
}

/** A zip of `count` empty stored entries. */
export function manyEntries(count: number): Buffer {
  const crc32 = zlib.crc32(Buffer.alloc(0));
  return writeZip(
    Array.from({ length: count }, (_, i) => ({
      name: `e/${i}.xml`,
      method: 0,
      crc32,
      size: 0,
      compressed: Buffer.alloc(0),
    })),
  );
}
