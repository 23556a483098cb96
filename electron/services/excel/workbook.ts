import ExcelJS from 'exceljs';
import { AppError } from '../../contract';

export const MAX_EXCEL_BYTES = 20 * 1024 * 1024;

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

/** Reads an uploaded spreadsheet (.xlsx or .csv), refusing what is not one with a Chinese message. */
export async function readWorkbook(fileName: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', `文件“${fileName}”是空的。`);
  if (bytes.length > MAX_EXCEL_BYTES) throw new AppError('TOO_LARGE', `文件“${fileName}”超过 20 MB，未读取。`);
  const wb = new ExcelJS.Workbook();
  const lower = fileName.toLowerCase();
  try {
    if (lower.endsWith('.csv')) {
      const { Readable } = await import('node:stream');
      const text = decodeCsv(bytes);
      if (text === null) throw new Error('encoding');
      // every CSV cell stays the text that was written: no 0012 → 12, no ID numbers rounded, no dates shifted
      await wb.csv.read(Readable.from([text]), {
        map: (value: unknown) => value,
      });
    } else {
      if (bytes.subarray(0, 2).toString('latin1') !== 'PK') {
        throw new Error(lower.endsWith('.xls') ? 'old-xls' : 'not-zip');
      }
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    }
  } catch (e) {
    const why = (e as Error).message;
    throw new AppError(
      'INVALID_INPUT',
      why === 'old-xls'
        ? `文件“${fileName}”是旧版 Excel（.xls）格式，请在 Excel/WPS 中另存为 .xlsx 后再导入。`
        : why === 'encoding'
          ? `文件“${fileName}”的文字编码无法识别（不是 UTF-8，也不是 Excel 常用的 GBK/GB18030），未读取；` +
            '请在 Excel/WPS 中另存为 .xlsx 后再导入。'
          : `文件“${fileName}”不是有效的 Excel（.xlsx）或 CSV 文件，未读取。`,
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

/** The bytes of an uploaded file, refused past the import limit before anything reads them. */
export function decodeUpload(base64: string): Buffer {
  if (base64.length > Math.ceil((MAX_EXCEL_BYTES * 4) / 3) + 4)
    throw new AppError('TOO_LARGE', '文件超过 20 MB，未读取。请拆分后导入。');
  return Buffer.from(base64, 'base64');
}
