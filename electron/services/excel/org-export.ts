import ExcelJS from 'exceljs';
import { maskIdNumber } from '../../core';
import { unitKindLabels } from '../../contract/org-labels';
import type { PersonRecord, UnitRecord } from '../../../db/repos/org';
import { personColumns } from './people-import';
import { unitColumns } from './unit-import';

/** Every value is written as a text cell, so one that begins with = + - @ is never taken for a formula. */
export function addTextRow(ws: ExcelJS.Worksheet, values: (string | number)[]): void {
  const row = ws.addRow(values.map((v) => (typeof v === 'number' ? v : v)));
  row.eachCell((c) => {
    if (typeof c.value === 'string') c.numFmt = '@';
  });
}

export function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], required: Set<string>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers.map((h) => (required.has(h) ? `${h}*` : h)));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 16));
  return ws;
}

const unitHeaders = unitColumns.map((c) => c.names[0]!);
const personHeaders = personColumns.map((c) => c.names[0]!);
const requiredUnit = new Set(unitColumns.filter((c) => c.required).map((c) => c.names[0]!));
const requiredPerson = new Set(personColumns.filter((c) => c.required).map((c) => c.names[0]!));

export async function unitsWorkbook(units: UnitRecord[], categoryName: (id: number | null) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '单位', unitHeaders, requiredUnit);
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    addTextRow(ws, [
      u.code,
      u.name,
      u.shortName ?? '',
      u.parentId ? (byId.get(u.parentId)?.code ?? '') : '',
      unitKindLabels[u.kind],
      categoryName(u.categoryId),
      u.sortOrder,
      u.active ? '启用' : '停用',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function peopleWorkbook(
  people: (PersonRecord & { unitCode: string; duties: string; fromDate: string })[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '人员', personHeaders, requiredPerson);
  for (const p of people) {
    addTextRow(ws, [
      p.code ?? '',
      p.name,
      p.unitCode,
      p.post ?? '',
      p.rank ?? '',
      p.isLeader ? '是' : '否',
      p.isUnitHead ? '是' : '否',
      p.phone ?? '',
      maskIdNumber(p.idNumber) ?? '',
      p.duties,
      p.fromDate,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function notes(wb: ExcelJS.Workbook, lines: string[][]): void {
  const ws = wb.addWorksheet('填写说明');
  ws.addRow(['列', '说明']);
  ws.getRow(1).font = { bold: true };
  lines.forEach((l) => ws.addRow(l));
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 80;
}

export async function unitsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '单位', unitHeaders, requiredUnit);
  addTextRow(ws, ['X01', '示例县人民政府', '示例县', '', '县（区）', '', 1, '启用']);
  addTextRow(ws, ['X01-01', '示例县发展和改革局', '县发改局', 'X01', '部门', '政府工作部门', 1, '启用']);
  for (let r = 2; r <= 2001; r++) {
    ws.getCell(r, 5).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${Object.values(unitKindLabels).join(',')}"`],
    };
    ws.getCell(r, 8).dataValidation = { type: 'list', allowBlank: true, formulae: ['"启用,停用"'] };
  }
  notes(wb, [
    ['单位代码*', '唯一，字母、数字、短横线或下划线，最长 32 位；已有代码的行会更新该单位'],
    ['单位名称*', '全称，最长 60 字'],
    ['上级单位代码', '上级单位的代码，可以是本文件中的单位；留空为最上级'],
    ['单位类型*', Object.values(unitKindLabels).join('、')],
    ['考核类别', '须是系统中已有的类别名称，如 党群部门、政府工作部门、乡镇街道'],
    ['排序 / 状态', '排序为非负整数；状态为 启用 或 停用'],
    ['注意', '只读取第一个可见工作表；不要使用公式和合并单元格；预览无误后才会写入'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function peopleTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '人员', personHeaders, requiredPerson);
  addTextRow(ws, [
    'P0001',
    '张三',
    'X01-01',
    '局长',
    '正科级',
    '是',
    '是',
    '0000-1234567',
    '',
    '主持全面工作，对本局目标任务负总责',
    '2025-01-01',
  ]);
  for (let r = 2; r <= 5001; r++) {
    ws.getCell(r, 6).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    ws.getCell(r, 7).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  notes(wb, [
    ['人员编号', '可选；填写后按编号识别人员（调动单位时请填写），不填则按“单位代码+姓名”识别'],
    ['姓名* / 单位代码*', '单位代码须是系统中已有的单位'],
    ['是否领导 / 是否行政首长', '填 是 或 否'],
    ['身份证号', '可选，18 位；系统中只显示、只导出打码后的号码'],
    ['岗位职责 / 任职日期', '职责写入当前岗位；任职日期如 2025-01-01，职务或单位变化时保留原岗位记录'],
    ['注意', '只读取第一个可见工作表；不要使用公式和合并单元格；预览无误后才会写入'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
