import ExcelJS from 'exceljs';
import { AppError } from '../../contract';
import { UPLOAD_LIMITS, tooLargeMessage } from '../../contract/upload-limits';
import { type ZipLimits, guardZip, limitError } from '../archive/guard';
import { writeZip } from '../archive/write';

/** The limits of an uploaded spreadsheet, all in one place. */
export const MAX_EXCEL_BYTES = UPLOAD_LIMITS.excel.bytes;
/**
 * An .xlsx is a zip, and what it inflates to is what exceljs holds in memory, several times over. The largest
 * workbook an import accepts (50,000 rows of the people template) inflates to about 24 MB, a 2,000-unit one
 * to under 1 MB: 100 MB leaves room for heavy formatting and extra sheets, while a bomb (600 KB inflating to
 * 600 MB) is refused before exceljs sees it. A workbook holds a few dozen entries, a few hundred with many
 * sheets or pictures; exceljs spends about 0.4 ms on each even when empty, so 2,000 keeps a file of empty
 * entries to about a second.
 */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 2000, maxExpandedBytes: 100 * 1024 * 1024 };

/** Text safe to put in a cell: a leading = + - @ would make Excel run it as a formula. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * The text of an uploaded CSV. Excel on Chinese Windows saves "CSV" in GBK (GB18030 covers it), a UTF-8
 * one usually with a BOM; a file that is valid UTF-8 is read as UTF-8, anything else as GB18030. Returns
 * null when neither reads it.
 */
export function decodeCsv(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // not this encoding: try the next
    }
  }
  return null;
}

const NOT_EXCEL = (fileName: string) => `文件“${fileName}”不是有效的 Excel（.xlsx）或 CSV 文件，未读取。`;

/**
 * The workbook's zip after the guard: refused past XLSX_LIMITS, else rebuilt from the entries it checked,
 * so that exceljs reads exactly what was counted (see archive/guard.ts).
 */
async function checkedXlsx(fileName: string, bytes: Buffer): Promise<Buffer> {
  const checked = await guardZip(bytes, { ...XLSX_LIMITS, keepCompressed: true });
  if (!checked.ok) throw limitError(fileName, checked.refusal) ?? new AppError('INVALID_INPUT', NOT_EXCEL(fileName));
  return writeZip(checked.entries.map((e) => ({ ...e, compressed: e.compressed ?? Buffer.alloc(0) })));
}

/** Reads an uploaded spreadsheet (.xlsx or .csv), refusing what is not one with a Chinese message. */
export async function readWorkbook(fileName: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', `文件“${fileName}”是空的。`);
  if (bytes.length > MAX_EXCEL_BYTES) throw new AppError('TOO_LARGE', tooLargeMessage('excel', fileName));
  const wb = new ExcelJS.Workbook();
  const lower = fileName.toLowerCase();
  const csv = lower.endsWith('.csv');
  if (!csv && bytes.subarray(0, 2).toString('latin1') !== 'PK') {
    throw new AppError(
      'INVALID_INPUT',
      lower.endsWith('.xls')
        ? `文件“${fileName}”是旧版 Excel（.xls）格式，请在 Excel/WPS 中另存为 .xlsx 后再导入。`
        : NOT_EXCEL(fileName),
    );
  }
  const xlsx = csv ? null : await checkedXlsx(fileName, bytes);
  try {
    if (xlsx) {
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    } else {
      const { Readable } = await import('node:stream');
      const text = decodeCsv(bytes);
      if (text === null) throw new Error('encoding');
      // every CSV cell stays the text that was written: no 0012 → 12, no ID numbers rounded, no dates shifted
      await wb.csv.read(Readable.from([text]), {
        map: (value: unknown) => value,
      });
    }
  } catch (e) {
    throw new AppError(
      'INVALID_INPUT',
      (e as Error).message === 'encoding'
        ? `文件“${fileName}”的文字编码无法识别（不是 UTF-8，也不是 Excel 常用的 GBK/GB18030），未读取；` +
            '请在 Excel/WPS 中另存为 .xlsx 后再导入。'
        : NOT_EXCEL(fileName),
    );
  }
  return wb;
}

/** The text a person sees in a cell; formulas are refused by the caller, dates become ISO dates. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
  }
  return String(v).trim();
}

export function isFormula(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Formula;
}
