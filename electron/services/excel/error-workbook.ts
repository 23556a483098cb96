import type ExcelJS from 'exceljs';
import { safeCell } from './workbook';
import type { ImportRowResult } from './unit-import';

export const ERROR_COLUMN = '错误说明';
const RED = 'FFFFC7CE';
const AMBER = 'FFFFEB9C';

const said = (m: { column: string; message: string }) => (m.column ? `“${m.column}”${m.message}` : m.message);

/**
 * The uploaded workbook given back with a 错误说明 column on the sheet that was read: every problem of a row in
 * its cell (errors first, then what to check), the row shaded. The clerk fixes the rows and uploads the file
 * again; the import reads no 错误说明 column, and marks a re-uploaded file's column afresh.
 */
export async function errorWorkbook(
  wb: ExcelJS.Workbook,
  sheet: string | null | undefined,
  rows: ImportRowResult[],
  /** The row of the column headers (a 评分表 has a title block above them). */
  headerRow = 1,
): Promise<{ buffer: Buffer; marked: number }> {
  const ws = (sheet ? wb.getWorksheet(sheet) : undefined) ?? wb.worksheets[0] ?? wb.addWorksheet('导入');
  const header = ws.getRow(headerRow);
  let col = 0;
  header.eachCell((cell, n) => {
    if (String(cell.value ?? '').trim() === ERROR_COLUMN) col = n;
  });
  if (!col) col = Math.max(ws.columnCount, header.cellCount) + 1;
  else for (let r = headerRow + 1; r <= ws.rowCount; r++) ws.getRow(r).getCell(col).value = null;
  const head = header.getCell(col);
  head.value = ERROR_COLUMN;
  head.font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getColumn(col).width = 60;
  let marked = 0;
  for (const r of rows) {
    const lines = [...r.messages.map(said), ...(r.warnings ?? []).map((w) => `请核对：${said(w)}`)];
    if (!lines.length) continue;
    marked++;
    const cell = ws.getRow(r.row).getCell(col);
    cell.value = safeCell(lines.join('\n'));
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: r.status === 'error' ? RED : AMBER } };
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), marked };
}

/** 人员.xlsx → 人员-错误说明.xlsx (a CSV comes back as a workbook). */
export function errorFileName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|csv)$/i, '').replace(/-错误说明$/, '')}-错误说明.xlsx`;
}
