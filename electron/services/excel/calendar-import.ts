import { parseDateText, parseDayKind } from '../../core';
import { cellText, isFormula, readWorkbook } from './workbook';

export interface CalendarImportRow {
  row: number;
  date: string;
  kind: string;
  note: string;
  status: 'new' | 'changed' | 'same' | 'error';
  message?: string;
}

const MAX_ROWS = 2000;

/**
 * Parses a calendar file: first sheet, header row with 日期 / 类型 / 说明 (any order), one day per row,
 * 类型 being 休 (holiday) or 班 (adjusted working day). Every row gets a status; nothing is written here.
 */
export async function parseCalendarFile(
  fileName: string,
  bytes: Buffer,
  existing: ReadonlyMap<string, { kind: string; note: string }>,
): Promise<CalendarImportRow[]> {
  const wb = await readWorkbook(fileName, bytes);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  if (!ws) return [{ row: 0, date: '', kind: '', note: '', status: 'error', message: '文件中没有可见的工作表' }];
  const header = ws.getRow(1);
  const col: Record<string, number> = {};
  header.eachCell((c, n) => {
    const t = cellText(c);
    if (/日期/.test(t)) col.date = n;
    else if (/类型|休\/班|安排/.test(t)) col.kind = n;
    else if (/说明|备注|节日|名称/.test(t)) col.note = n;
  });
  if (!col.date || !col.kind) {
    return [
      {
        row: 1,
        date: '',
        kind: '',
        note: '',
        status: 'error',
        message: '第 1 行须有“日期”和“类型”两列（类型填“休”或“班”）',
      },
    ];
  }
  const rows: CalendarImportRow[] = [];
  const seen = new Map<string, number>();
  const last = Math.min(ws.actualRowCount + 1, MAX_ROWS + 1);
  if (ws.actualRowCount > MAX_ROWS + 1) {
    rows.push({
      row: 0,
      date: '',
      kind: '',
      note: '',
      status: 'error',
      message: `行数超过 ${MAX_ROWS}，请确认文件内容`,
    });
  }
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const dateCell = row.getCell(col.date);
    const kindCell = row.getCell(col.kind);
    const rawDate = cellText(dateCell);
    const rawKind = cellText(kindCell);
    const note = col.note ? cellText(row.getCell(col.note)).slice(0, 40) : '';
    if (!rawDate && !rawKind && !note) continue;
    const out: CalendarImportRow = { row: r, date: rawDate, kind: rawKind, note, status: 'new' };
    const date = parseDateText(rawDate);
    const kind = parseDayKind(rawKind);
    if (isFormula(dateCell) || isFormula(kindCell)) out.message = '单元格是公式，请改为直接填写内容';
    else if (!rawDate) out.message = '“日期”为空';
    else if (!date) out.message = `“日期”无法识别：${rawDate}（应如 2026-10-01）`;
    else if (!kind) out.message = `“类型”应为“休”或“班”，实际为：${rawKind || '空'}`;
    else if (seen.has(date)) out.message = `与第 ${seen.get(date)} 行日期重复`;
    if (out.message) {
      out.status = 'error';
    } else {
      out.date = date!;
      out.kind = kind!;
      seen.set(date!, r);
      const before = existing.get(date!);
      out.status = !before ? 'new' : before.kind === kind && before.note === note ? 'same' : 'changed';
    }
    rows.push(out);
  }
  return rows;
}
