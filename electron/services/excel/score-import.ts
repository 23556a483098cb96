import type ExcelJS from 'exceljs';
import { type MethodName, type ScoreInput, parseYesNo } from '../../core';
import { type EntryRecord, entriesOf } from '../../../db/repos/scores';
import { type BodySheet, bodyLabel, cellKey, cellProblem, entryInputProblem, sameInput } from '../scoring/entry-grid';
import type { EntryWrite } from '../scoring/entry';
import { COLS, FIRST_ROW, NOTE_HEADER, VALUE_HEADER, sheetCheck } from './score-sheets';
import { MAX_IMPORT_ROWS } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { cellText, isFormula } from './workbook';

/**
 * Reads a filled 评分表 against the body's sheet as it stands: the sheet must be this plan's (its hidden check names
 * the plan, its year and the body), each row a cell of the body's grid; every row gets create / update / same /
 * error with the column at fault. Nothing is written here.
 */

const fatal = (message: string, notices: string[] = []): ImportPlan<EntryWrite> => ({
  rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message }] }],
  notices,
  items: [],
  sheet: null,
});

/** The input a method reads from the text of 评分, or the reason it cannot be read. */
function parseValue(method: MethodName, text: string): ScoreInput | string {
  const t = text.replace(/[%％\s]/g, '');
  const num = Number(t);
  switch (method) {
    case 'linear':
    case 'threshold':
      return t !== '' && Number.isFinite(num) ? { rate: num } : `“${text}”不是完成率（请填数字，如 95）`;
    case 'grade': {
      const g = t.toUpperCase();
      return g === 'A' || g === 'B' || g === 'C' || g === 'D'
        ? { grade: g }
        : `“${text}”不是等次：等次只能是 A、B、C、D`;
    }
    case 'per_occurrence':
      return t !== '' && Number.isFinite(num) ? { occurrences: num } : `“${text}”不是次数（请填 0 或正整数）`;
    case 'veto': {
      const v = parseYesNo(t);
      return v === null ? `“${text}”应为“是”或“否”` : { vetoed: v };
    }
    case 'judgement':
      return t !== '' && Number.isFinite(num) ? { points: num } : `“${text}”不是分值（请填数字）`;
  }
}

/** The sheet of the file for this body of this plan, or the plan that refuses the whole file. */
function pickSheet(
  wb: ExcelJS.Workbook,
  bs: BodySheet,
  planUuid: string,
): { ws: ExcelJS.Worksheet; notices: string[] } | ImportPlan<EntryWrite> {
  const plan = bs.scope.plan;
  const checked = wb.worksheets.map((ws) => ({ ws, check: sheetCheck(ws) })).filter((s) => s.check !== null);
  if (checked.length === 0)
    return fatal('这不是本系统生成的评分表（找不到表内的校验信息），请先在“评分录入”中下载评分表，填写后再导入。');
  const ours = checked.filter((s) => s.check!.plan === planUuid);
  if (ours.length === 0) {
    const c = checked[0]!.check!;
    return fatal(
      c.year !== plan.year
        ? `这是 ${c.year} 年度的评分表，不是本方案（${plan.year} 年度）的，未导入。`
        : `这是另一个考核方案（${c.title || '未知方案'}）的评分表，不是“${plan.title}”的，未导入。`,
    );
  }
  const mine = ours.find((s) => s.check!.body === bs.body);
  const others = ours.filter((s) => s !== mine).map((s) => `“${s.ws.name}”`);
  if (!mine) {
    const names = [...new Set(ours.map((s) => bodyLabel(s.check!.body)))].join('、');
    return fatal(`文件是${names}的评分表，不是${bodyLabel(bs.body)}的，未导入。`);
  }
  const notices = others.length ? [`已忽略其他考核责任单位的工作表：${others.join('、')}。`] : [];
  return { ws: mine.ws, notices };
}

export async function planScoreImport(
  wb: ExcelJS.Workbook,
  bs: BodySheet,
  planUuid: string,
  sqlite: Parameters<typeof entriesOf>[0],
): Promise<ImportPlan<EntryWrite>> {
  const picked = pickSheet(wb, bs, planUuid);
  if ('rows' in picked) return picked;
  const { ws, notices } = picked;
  if (ws.actualRowCount > MAX_IMPORT_ROWS + FIRST_ROW)
    return { ...fatal(`数据超过 ${MAX_IMPORT_ROWS} 行，请拆分为多个文件导入。`, notices), sheet: ws.name };
  const scope = bs.scope;
  const existing = new Map<string, EntryRecord>(
    entriesOf(sqlite, scope.plan.id, { indicatorIds: bs.items.map((i) => i.id), kind: 'entered' }).map((e) => [
      cellKey(e),
      e,
    ]),
  );
  const rows: ImportRowResult[] = [];
  const items: EntryWrite[] = [];
  const seen = new Map<string, number>();
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n < FIRST_ROW) return;
    const text = (col: number) => cellText(row.getCell(col));
    const messages: { column: string; message: string }[] = [];
    const bad = (column: string, message: string) => messages.push({ column, message });
    for (const col of [COLS.value, COLS.note])
      if (isFormula(row.getCell(col)))
        bad(col === COLS.value ? VALUE_HEADER : NOTE_HEADER, '单元格是公式，请改为直接填写');
    const key = /^(\d+):(\d+):(\d+)$/.exec(text(COLS.key));
    const label = `${text(COLS.unitName) || text(COLS.unitCode)} / ${text(COLS.indicator)}`;
    const name = text(COLS.target).slice(0, 40);
    if (!key) {
      if (!text(COLS.value) && !text(COLS.unitCode)) return;
      bad('行标识', '缺少或被改动，请使用下载的评分表，不要增加或复制行');
      rows.push({ row: n, key: label, name, status: 'error', messages });
      return;
    }
    const cell = { indicatorId: Number(key[1]), unitId: Number(key[2]), targetId: Number(key[3]) || null };
    const problem = cellProblem(scope, bs.body, bs.cellByKey, cell);
    if (problem) bad('指标', problem);
    const grid = bs.cellByKey.get(cellKey(cell));
    const unit = scope.units.get(cell.unitId);
    if (grid && unit && text(COLS.unitCode) !== unit.code)
      bad('单位代码', `与该行的单位（${unit.name}，${unit.code}）不符，请勿改动单位列`);
    const k = cellKey(cell);
    if (seen.has(k)) bad('行标识', `与第 ${seen.get(k)} 行是同一项，请删去重复的行`);
    seen.set(k, n);
    const note = text(COLS.note);
    if ([...note].length > 200) bad(NOTE_HEADER, '超过 200 个字');
    let input: ScoreInput | null = null;
    const value = text(COLS.value);
    if (grid && value) {
      const parsed = parseValue(scope.byId.get(cell.indicatorId)!.params.method, value);
      if (typeof parsed === 'string') bad(VALUE_HEADER, parsed);
      else {
        const q = entryInputProblem(scope, grid, parsed);
        if (q) bad(VALUE_HEADER, q);
        else input = parsed;
      }
    }
    if (messages.length || !grid) {
      rows.push({ row: n, key: label, name, status: 'error', messages });
      return;
    }
    const prev = existing.get(k);
    const same = input === null ? !prev : sameInput(input, prev) && prev!.note === note;
    rows.push({ row: n, key: label, name, status: same ? 'same' : prev ? 'update' : 'create', messages: [] });
    if (!same) items.push({ ...cell, input, note });
  });
  if (rows.length === 0) notices.push('评分表中没有数据行。');
  return { rows, notices, items, sheet: ws.name };
}
