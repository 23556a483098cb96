import ExcelJS from 'exceljs';
import { cellText, isFormula } from './workbook';

export interface ColumnSpec<K extends string> {
  key: K;
  /** The header as in the template, and other names offices use for it. */
  names: string[];
  required?: boolean;
}

export interface SheetRow<K extends string> {
  row: number;
  text: Record<K, string>;
  /** Problems found while reading: formulas, merged cells. */
  problems: { column: string; message: string }[];
  /**
   * Columns whose cell is a number shown in General format: Excel may have dropped a trailing zero (2013.10 is
   * 2013.1) and a date may be a bare day serial. A fixed-decimal format reads as shown (2013.10).
   */
  numeric: Set<K>;
}

export interface SheetTable<K extends string> {
  rows: SheetRow<K>[];
  /** Columns the file has: an absent optional column leaves the stored value as it is. */
  present: Set<K>;
  notices: string[];
  /** A problem with the whole file (no visible sheet, missing columns). */
  fatal: string | null;
  /** The sheet read (an error workbook marks its rows). */
  sheet: string | null;
}

export const MAX_IMPORT_ROWS = 50_000;

/**
 * Reads the first visible sheet as a table: header row 1, one record per row after it. Hidden
 * sheets are ignored (and said so), formulas and merged cells are reported on the row they touch.
 */
export function readTable<K extends string>(
  wb: ExcelJS.Workbook,
  columns: ColumnSpec<K>[],
  preferredSheet: string,
): SheetTable<K> {
  const notices: string[] = [];
  const visible = wb.worksheets.filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  for (const w of wb.worksheets) if (!visible.includes(w)) notices.push(`已忽略隐藏的工作表“${w.name}”。`);
  const ws = visible.find((w) => w.name === preferredSheet) ?? visible[0];
  if (!ws) return { rows: [], present: new Set(), notices, fatal: '文件中没有可见的工作表。', sheet: null };
  if (visible.length > 1) notices.push(`读取的是工作表“${ws.name}”，其他工作表未导入。`);

  const colOf = {} as Record<K, number>;
  ws.getRow(1).eachCell((cell, n) => {
    const head = cellText(cell).replace(/[*＊\s]/g, '');
    const spec = columns.find((c) => c.names.some((name) => name === head));
    if (spec && !colOf[spec.key]) colOf[spec.key] = n;
  });
  const missing = columns.filter((c) => c.required && !colOf[c.key]).map((c) => `“${c.names[0]}”`);
  const present = new Set(columns.filter((c) => colOf[c.key]).map((c) => c.key));
  if (missing.length)
    return {
      rows: [],
      present,
      notices,
      fatal: `表头缺少必需的列：${missing.join('、')}。请使用导入模板。`,
      sheet: ws.name,
    };

  const mergedRows = new Map<number, string>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    for (let r = Number(m[2]); r <= Number(m[4]); r++) mergedRows.set(r, range);
  }

  if (ws.actualRowCount > MAX_IMPORT_ROWS + 1) {
    return {
      rows: [],
      present,
      notices,
      fatal: `数据超过 ${MAX_IMPORT_ROWS} 行，请拆分为多个文件导入。`,
      sheet: ws.name,
    };
  }
  const rows: SheetRow<K>[] = [];
  const headerOf = (k: K) => columns.find((c) => c.key === k)!.names[0]!;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const text = {} as Record<K, string>;
    const problems: SheetRow<K>['problems'] = [];
    const numeric = new Set<K>();
    let any = false;
    for (const c of columns) {
      const idx = colOf[c.key];
      if (!idx) {
        text[c.key] = '';
        continue;
      }
      const cell = row.getCell(idx);
      if (isFormula(cell)) problems.push({ column: headerOf(c.key), message: '单元格是公式，请改为直接填写内容' });
      text[c.key] = cellText(cell);
      if (cell.type === ExcelJS.ValueType.Number) {
        const fixed = /^0\.(0+)$/.exec(cell.numFmt ?? '');
        if (fixed) text[c.key] = (cell.value as number).toFixed(fixed[1]!.length);
        else numeric.add(c.key);
      }
      if (text[c.key]) any = true;
    }
    if (!any && problems.length === 0) return;
    if (mergedRows.has(n))
      problems.push({ column: '', message: `有合并单元格（${mergedRows.get(n)}），请取消合并后再导入` });
    rows.push({ row: n, text, problems, numeric });
  });
  return { rows, present, notices, fatal: null, sheet: ws.name };
}
