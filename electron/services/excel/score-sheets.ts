import ExcelJS from 'exceljs';
import { type MethodName, formatPoints } from '../../core';
import { scoreEntryKind } from '../../vocab';
import type { EntryRecord } from '../../../db/repos/scores';
import { inputOf } from '../../../db/repos/scores';
import { type BodySheet, bodyLabel, cellKey, inputWords } from '../scoring/entry-grid';
import { safeCell } from './workbook';

/**
 * The 评分表 workbook: one sheet per 考核责任单位, its items × the units they apply to, the column the method reads
 * with a drop-down or a range from the method, the unit's 自评 beside it (locked), and a hidden cell naming the plan
 * and the body so that a sheet filled for another body, plan or year is refused on import (score-import.ts).
 */

export const CHECK_TAG = 'kaoping-scores';
/** Column headers on row 3; data from row 4. */
export const HEADER_ROW = 3;
export const FIRST_ROW = HEADER_ROW + 1;
export const COLS = {
  unitCode: 1,
  unitName: 2,
  indicator: 3,
  target: 4,
  points: 5,
  how: 6,
  value: 7,
  self: 8,
  note: 9,
  key: 10,
} as const;
const headers = ['单位代码', '单位名称', '指标', '目标任务', '分值', '填写要求', '评分', '单位自评', '备注', '行标识'];
export const VALUE_HEADER = headers[COLS.value - 1]!;
export const NOTE_HEADER = headers[COLS.note - 1]!;

export interface SheetCheck {
  t: typeof CHECK_TAG;
  plan: string;
  year: number;
  title: string;
  body: string;
}

/** The check a sheet carries in its hidden cell (row 1 of the key column), or null. */
export function sheetCheck(ws: ExcelJS.Worksheet): SheetCheck | null {
  const v = ws.getCell(1, COLS.key).value;
  if (typeof v !== 'string') return null;
  try {
    const c = JSON.parse(v) as Partial<SheetCheck>;
    if (c.t !== CHECK_TAG || typeof c.plan !== 'string' || typeof c.body !== 'string' || typeof c.year !== 'number')
      return null;
    return { t: CHECK_TAG, plan: c.plan, year: c.year, title: String(c.title ?? ''), body: c.body };
  } catch {
    return null;
  }
}

/** What to write in 评分 for a method, and the drop-down or range Excel checks as one types. */
function howOf(method: MethodName, points: number): { words: string; dv: ExcelJS.DataValidation } {
  const prompt = (words: string) => ({ showErrorMessage: true, errorTitle: '评分', error: words, allowBlank: true });
  switch (method) {
    case 'linear':
    case 'threshold':
      return {
        words: '完成率（%，如 95）',
        dv: { type: 'decimal', operator: 'between', formulae: [0, 1000], ...prompt('完成率应为 0 到 1000 之间的数') },
      };
    case 'grade':
      return {
        words: '等次：A、B、C、D',
        dv: { type: 'list', formulae: ['"A,B,C,D"'], ...prompt('等次只能是 A、B、C、D') },
      };
    case 'per_occurrence':
      return {
        words: '次数（0 或正整数）',
        dv: { type: 'whole', operator: 'between', formulae: [0, 100000], ...prompt('次数应为 0 或正整数') },
      };
    case 'veto':
      return { words: '是否发生：是、否', dv: { type: 'list', formulae: ['"是,否"'], ...prompt('只能填“是”或“否”') } };
    case 'judgement':
      return {
        words: `得分（0 至 ${formatPoints(points)} 分）`,
        dv: {
          type: 'decimal',
          operator: 'between',
          formulae: [0, points],
          ...prompt(`得分应在 0 到 ${formatPoints(points)} 分之间`),
        },
      };
  }
}

/** The cell's stored input as the sheet shows it: 95, B, 2, 是, 4.5. */
export function cellValue(e: EntryRecord | undefined): string | number | null {
  if (!e) return null;
  const i = inputOf(e);
  if ('rate' in i) return i.rate;
  if ('grade' in i) return i.grade;
  if ('occurrences' in i) return i.occurrences;
  if ('vetoed' in i) return i.vetoed ? '是' : '否';
  return i.points;
}

/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, label: string): string {
  const base = label.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '评分表';
  let name = base;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${base}${n}`;
  return name;
}

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };

/** Adds a body's sheet: its cells with the entries and 自评 as they stand. */
export async function addBodySheet(
  wb: ExcelJS.Workbook,
  bs: BodySheet,
  plan: { uuid: string; year: number; title: string },
  entries: { entered: EntryRecord[]; self: EntryRecord[] },
): Promise<void> {
  const label = bodyLabel(bs.body);
  const ws = wb.addWorksheet(sheetName(wb, label), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.getCell(1, 1).value = `${plan.year}年度 ${label}评分表`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const check: SheetCheck = { t: CHECK_TAG, plan: plan.uuid, year: plan.year, title: plan.title, body: bs.body };
  ws.getCell(1, COLS.key).value = JSON.stringify(check);
  ws.getCell(2, 1).value =
    `考核方案：${plan.title}，考核责任单位：${label}。只填“${VALUE_HEADER}”和“${NOTE_HEADER}”两列；` +
    `“${scoreEntryKind.label('self')}”供参考，不导入；请勿改动其他列、行标识或工作表的顺序。`;
  const head = ws.getRow(HEADER_ROW);
  head.values = headers;
  head.font = { bold: true };
  [12, 22, 16, 36, 8, 20, 10, 14, 24, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(COLS.key).hidden = true;

  const entered = new Map(entries.entered.map((e) => [cellKey(e), e]));
  const self = new Map(entries.self.map((e) => [cellKey(e), e]));
  let r = FIRST_ROW;
  for (const c of bs.cells) {
    const it = bs.scope.byId.get(c.indicatorId)!;
    const u = bs.scope.units.get(c.unitId)!;
    const how = howOf(it.params.method, c.points);
    const e = entered.get(cellKey(c));
    const s = self.get(cellKey(c));
    const row = ws.getRow(r);
    row.values = [
      safeCell(u.code),
      safeCell(u.name),
      safeCell(it.name),
      safeCell(c.targetContent ?? ''),
      c.points,
      how.words,
      cellValue(e),
      s ? inputWords(inputOf(s)) : '',
      safeCell(e?.note ?? ''),
      cellKey(c),
    ];
    row.getCell(COLS.unitCode).numFmt = '@';
    const value = row.getCell(COLS.value);
    value.dataValidation = how.dv;
    value.protection = { locked: false };
    row.getCell(COLS.note).protection = { locked: false };
    row.getCell(COLS.self).fill = GREY;
    r++;
  }
  // the structure (who, which item, the key) stays as generated; only 评分 and 备注 take input
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true });
}

/** The workbook of the bodies' sheets, in the order given. */
export async function scoresWorkbook(
  sheets: { bs: BodySheet; entered: EntryRecord[]; self: EntryRecord[] }[],
  plan: { uuid: string; year: number; title: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) await addBodySheet(wb, s.bs, plan, s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
