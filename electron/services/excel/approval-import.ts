import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { caseProblem, unitResolver } from '../../core';
import { type ApprovalRecord, approvalsOfUnits } from '../../../db/repos/efficiency';
import { allUnits } from '../../../db/repos/org';
import { dayCell, daysCell } from './efficiency-cells';
import { addTextRow, notes, sheet } from './org-export';
import { type ColumnSpec, readTable } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

export type ApprovalKey = 'unit' | 'caseNo' | 'item' | 'accepted' | 'completed' | 'legal' | 'promised' | 'note';
export const approvalColumns: ColumnSpec<ApprovalKey>[] = [
  { key: 'unit', names: ['单位', '单位代码', '办理单位', '承办单位', '实施主体', '部门'], required: true },
  { key: 'caseNo', names: ['办件编号', '受理编号', '申报号', '业务流水号'], required: true },
  { key: 'item', names: ['事项名称', '审批事项', '事项'], required: true },
  { key: 'accepted', names: ['受理日期', '受理时间'], required: true },
  { key: 'completed', names: ['办结日期', '办结时间'] },
  { key: 'legal', names: ['法定时限', '法定时限（工作日）', '法定办结时限'], required: true },
  { key: 'promised', names: ['承诺时限', '承诺时限（工作日）', '承诺办结时限'] },
  { key: 'note', names: ['备注'] },
];

export interface ApprovalPlanItem {
  unitId: number;
  caseNo: string;
  item: string;
  acceptedOn: string;
  completedOn: string | null;
  legalDays: number;
  promisedDays: number | null;
  note: string | null;
  existing: ApprovalRecord | undefined;
}

const fatal = (message: string, notices: string[]): ImportPlan<ApprovalPlanItem> => ({
  rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message }] }],
  notices,
  items: [],
});

/**
 * Reads an approvals workbook (.xlsx; a CSV is read too, but the template is .xlsx): every row gets
 * create / update / same / error with reasons. A case is known by its unit and 办件编号; nothing is written here.
 */
export async function planApprovalImport(
  sqlite: Database.Database,
  fileName: string,
  bytes: Buffer,
  today: string,
): Promise<ImportPlan<ApprovalPlanItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), approvalColumns, '审批办件');
  if (table.fatal) return fatal(table.fatal, table.notices);
  const resolve = unitResolver(allUnits(sqlite));
  const resolved = table.rows.map((r) => resolve(r.text.unit));
  const unitIds = [...new Set(resolved.flatMap((r) => ('unit' in r ? [r.unit.id] : [])))];
  const existing = approvalsOfUnits(sqlite, unitIds);
  const seen = new Map<string, number>();
  const rows: ImportRowResult[] = [];
  const items: ApprovalPlanItem[] = [];

  table.rows.forEach((r, i) => {
    const t = r.text;
    const messages = [...r.problems];
    const bad = (column: string, message: string) => messages.push({ column, message });
    const u = resolved[i]!;
    if ('problem' in u) bad('单位', u.problem);
    if (!t.caseNo) bad('办件编号', '为空');
    else if ([...t.caseNo].length > 60) bad('办件编号', '超过 60 个字');
    if (!t.item) bad('事项名称', '为空');
    else if ([...t.item].length > 200) bad('事项名称', '超过 200 个字');
    const accepted = t.accepted ? dayCell(t.accepted, r.numeric.has('accepted')) : { problem: '为空' };
    if ('problem' in accepted) bad('受理日期', accepted.problem);
    else if (accepted.date > today) bad('受理日期', `${accepted.date} 晚于今天`);
    const completed = t.completed ? dayCell(t.completed, r.numeric.has('completed')) : null;
    if (completed && 'problem' in completed) bad('办结日期', completed.problem);
    else if (completed && completed.date > today) bad('办结日期', `${completed.date} 晚于今天`);
    const legal = t.legal ? daysCell(t.legal) : { problem: '为空' };
    if ('problem' in legal) bad('法定时限', legal.problem);
    const promised = t.promised ? daysCell(t.promised) : null;
    if (promised && 'problem' in promised) bad('承诺时限', promised.problem);
    const note = t.note ? t.note.slice(0, 500) : null;

    const acceptedOn = 'date' in accepted ? accepted.date : null;
    const completedOn = completed && 'date' in completed ? completed.date : null;
    const legalDays = 'days' in legal ? legal.days : null;
    const promisedDays = promised && 'days' in promised ? promised.days : null;
    if (acceptedOn && legalDays !== null && (!completed || completedOn) && (!promised || promisedDays !== null)) {
      const p = caseProblem({ acceptedOn, completedOn, legalDays, promisedDays });
      if (p) bad(p.startsWith('办结') ? '办结日期' : '承诺时限', p);
    }
    const unit = 'unit' in u ? u.unit : null;
    const key = unit && t.caseNo ? `${unit.id}\u0000${t.caseNo}` : '';
    if (key && seen.has(key)) bad('办件编号', `与第 ${seen.get(key)} 行重复（同一单位的同一办件）`);
    else if (key) seen.set(key, r.row);
    const label = `${unit?.name ?? t.unit} / ${t.caseNo}`;
    if (messages.length || !unit || !acceptedOn || legalDays === null) {
      rows.push({ row: r.row, key: label, name: t.item.slice(0, 40), status: 'error', messages });
      return;
    }
    const prev = existing.get(key);
    const item: ApprovalPlanItem = {
      unitId: unit.id,
      caseNo: t.caseNo,
      item: t.item,
      acceptedOn,
      completedOn,
      legalDays,
      promisedDays,
      note: table.present.has('note') ? note : (prev?.note ?? null),
      existing: prev,
    };
    const same =
      prev &&
      prev.item === item.item &&
      prev.acceptedOn === item.acceptedOn &&
      prev.completedOn === item.completedOn &&
      prev.legalDays === item.legalDays &&
      prev.promisedDays === item.promisedDays &&
      prev.note === item.note;
    rows.push({
      row: r.row,
      key: label,
      name: t.item.slice(0, 40),
      status: prev ? (same ? 'same' : 'update') : 'create',
      messages: [],
    });
    if (!same) items.push(item);
  });
  return { rows, notices: table.notices, items, sheet: table.sheet };
}

export async function approvalsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const headers = approvalColumns.map((c) => c.names[0]!);
  const ws = sheet(wb, '审批办件', headers, new Set(approvalColumns.filter((c) => c.required).map((c) => c.names[0]!)));
  addTextRow(ws, ['SX-SPJ', 'SP2026030700015', '建筑工程施工许可证核发', '2026-03-07', '2026-03-12', 15, 5, '']);
  addTextRow(ws, ['城关镇人民政府/财政所', 'CZ2026031000002', '农村低保申请审核', '2026/3/10', '', 20, '', '在办']);
  notes(wb, [
    ['单位', '必填。填单位代码最稳妥；也可填单位全称，重名的单位（如各乡镇的“财政所”）须填代码或“上级单位/单位”。'],
    ['办件编号', '必填。同一单位的办件编号不能重复；再次导入同一办件时更新其余各列。'],
    [
      '受理日期、办结日期',
      '写作 2026-03-07、2026/3/7、2026.3.7、2026年3月7日或 Excel 日期；可带时间。未办结的办结日期留空。',
    ],
    [
      '法定时限、承诺时限',
      '工作日数（整数，可写“15个工作日”）；承诺时限不能超过法定时限，未承诺的留空，按法定时限计算。',
    ],
    ['计算办法', '受理当日不计，按“系统设置 → 工作日历”的节假日和调休计算工作日；按受理日期归入季度。'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
