import ExcelJS from 'exceljs';
import { AppError } from '../../contract';

export const MAX_EXCEL_BYTES = 20 * 1024 * 1024;

/** Text safe to put in a cell: a leading = + - @ would make Excel run it as a formula. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
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
      // every CSV cell stays the text that was written: no 0012 → 12, no ID numbers rounded, no dates shifted
      await wb.csv.read(Readable.from([bytes.toString('utf8').replace(/^\uFEFF/, '')]), {
        map: (value: unknown) => value,
      });
    } else {
      if (bytes.subarray(0, 2).toString('latin1') !== 'PK') {
        throw new Error(lower.endsWith('.xls') ? 'old-xls' : 'not-zip');
      }
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    }
  } catch (e) {
    const old = (e as Error).message === 'old-xls';
    throw new AppError(
      'INVALID_INPUT',
      old
        ? `文件“${fileName}”是旧版 Excel（.xls）格式，请在 Excel/WPS 中另存为 .xlsx 后再导入。`
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
