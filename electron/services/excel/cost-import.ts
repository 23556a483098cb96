import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { type CostFigures, unitResolver } from '../../core';
import { type AdminCostRecord, costsOfYear } from '../../../db/repos/efficiency';
import { allUnits } from '../../../db/repos/org';
import { amountCell } from './efficiency-cells';
import { addTextRow, notes, sheet } from './org-export';
import { type ColumnSpec, readTable } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

export type CostKey =
  | 'unit'
  | 'year'
  | 'publicFunds'
  | 'threePublic'
  | 'staff'
  | 'budgetPublic'
  | 'budgetThree'
  | 'priorPublic'
  | 'priorThree'
  | 'priorStaff'
  | 'note';
export const costColumns: ColumnSpec<CostKey>[] = [
  { key: 'unit', names: ['单位', '单位代码', '部门'], required: true },
  { key: 'year', names: ['年度', '年份'], required: true },
  { key: 'publicFunds', names: ['公用经费', '公用经费（万元）', '公用经费支出'], required: true },
  { key: 'threePublic', names: ['三公经费', '三公经费（万元）', '“三公”经费', '三公经费支出'], required: true },
  { key: 'staff', names: ['人数', '实有人数', '在职人数', '编制人数'], required: true },
  { key: 'budgetPublic', names: ['公用经费预算', '公用经费预算（万元）', '公用经费预算数'] },
  { key: 'budgetThree', names: ['三公经费预算', '三公经费预算（万元）', '三公经费预算数'] },
  { key: 'priorPublic', names: ['上年公用经费', '上年公用经费（万元）'] },
  { key: 'priorThree', names: ['上年三公经费', '上年三公经费（万元）'] },
  { key: 'priorStaff', names: ['上年人数'] },
  { key: 'note', names: ['备注'] },
];

export interface CostPlanItem extends CostFigures {
  note: string | null;
  existing: AdminCostRecord | undefined;
}

const header = (k: CostKey) => costColumns.find((c) => c.key === k)!.names[0]!;
const optionalAmounts = ['budgetPublic', 'budgetThree', 'priorPublic', 'priorThree'] as const;

/** Reads a cost workbook: a row per unit and year, in 万元; nothing is written here. */
export async function planCostImport(
  sqlite: Database.Database,
  fileName: string,
  bytes: Buffer,
  thisYear: number,
): Promise<ImportPlan<CostPlanItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), costColumns, '行政成本');
  if (table.fatal)
    return {
      rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
    };
  const resolve = unitResolver(allUnits(sqlite));
  const stored = new Map<number, Map<number, AdminCostRecord>>();
  const storedOf = (year: number) => {
    let m = stored.get(year);
    if (!m) stored.set(year, (m = new Map(costsOfYear(sqlite, year).map((c) => [c.unitId, c]))));
    return m;
  };
  const seen = new Map<string, number>();
  const rows: ImportRowResult[] = [];
  const items: CostPlanItem[] = [];

  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    const bad = (column: string, message: string) => messages.push({ column, message });
    const u = resolve(t.unit);
    if ('problem' in u) bad('单位', u.problem);
    const year = Number(t.year.replace(/年$/, ''));
    if (!/^\d{4}年?$/.test(t.year) || year < 2000 || year > thisYear)
      bad('年度', `“${t.year}”应为 2000 至 ${thisYear} 之间的年份`);
    const amount = (k: CostKey, required: boolean): number | null => {
      if (!t[k]) {
        if (required) bad(header(k), '为空');
        return null;
      }
      const a = amountCell(t[k]);
      if ('problem' in a) {
        bad(header(k), a.problem);
        return null;
      }
      return a.amount;
    };
    const count = (k: 'staff' | 'priorStaff', required: boolean): number | null => {
      if (!t[k]) {
        if (required) bad(header(k), '为空');
        return null;
      }
      const n = Number(t[k].replace(/人$/, ''));
      if (!Number.isInteger(n) || n <= 0 || n > 100_000) {
        bad(header(k), `“${t[k]}”应为大于 0 的整数`);
        return null;
      }
      return n;
    };
    const publicFunds = amount('publicFunds', true);
    const threePublic = amount('threePublic', true);
    const staff = count('staff', true);
    const optional = Object.fromEntries(optionalAmounts.map((k) => [k, amount(k, false)])) as Record<
      (typeof optionalAmounts)[number],
      number | null
    >;
    const priorStaff = count('priorStaff', false);
    if (publicFunds !== null && threePublic !== null && threePublic > publicFunds)
      bad('三公经费', '不能超过公用经费（三公经费是公用经费的一部分）');
    if (optional.budgetPublic !== null && optional.budgetThree !== null && optional.budgetThree > optional.budgetPublic)
      bad('三公经费预算', '不能超过公用经费预算');
    const unit = 'unit' in u ? u.unit : null;
    const key = unit && messages.every((m) => m.column !== '年度') ? `${unit.id}\u0000${year}` : '';
    if (key && seen.has(key)) bad('单位', `与第 ${seen.get(key)} 行重复（同一单位、同一年度）`);
    else if (key) seen.set(key, r.row);
    const label = `${unit?.name ?? t.unit} / ${t.year}`;
    if (messages.length || !unit || publicFunds === null || threePublic === null || staff === null) {
      rows.push({ row: r.row, key: label, name: '行政成本', status: 'error', messages });
      continue;
    }
    const prev = storedOf(year).get(unit.id);
    const keep = <K extends keyof AdminCostRecord>(k: K & CostKey, v: AdminCostRecord[K]) =>
      table.present.has(k) ? v : (prev?.[k] ?? null);
    const item: CostPlanItem = {
      unitId: unit.id,
      year,
      publicFunds,
      threePublic,
      staff,
      budgetPublic: keep('budgetPublic', optional.budgetPublic),
      budgetThree: keep('budgetThree', optional.budgetThree),
      priorPublic: keep('priorPublic', optional.priorPublic),
      priorThree: keep('priorThree', optional.priorThree),
      priorStaff: keep('priorStaff', priorStaff),
      note: keep('note', t.note ? t.note.slice(0, 500) : null),
      existing: prev,
    };
    const same =
      prev &&
      (
        [
          'publicFunds',
          'threePublic',
          'staff',
          'budgetPublic',
          'budgetThree',
          'priorPublic',
          'priorThree',
          'priorStaff',
          'note',
        ] as const
      ).every((k) => prev[k] === item[k]);
    rows.push({
      row: r.row,
      key: label,
      name: `公用经费 ${publicFunds} 万元`,
      status: prev ? (same ? 'same' : 'update') : 'create',
      messages: [],
    });
    if (!same) items.push(item);
  }
  return { rows, notices: table.notices, items, sheet: table.sheet };
}

export async function costsTemplate(year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const headers = costColumns.map((c) => c.names[0]!);
  const ws = sheet(wb, '行政成本', headers, new Set(costColumns.filter((c) => c.required).map((c) => c.names[0]!)));
  addTextRow(ws, ['SX-CZJ', String(year), 210, 12.6, 42, 200, 14, 205, 12, 40, '']);
  notes(wb, [
    ['单位', '必填。单位代码，或单位全称；重名的单位须填代码或“上级单位/单位”。'],
    ['年度', '必填。同一单位同一年度一行，再次导入时更新。'],
    [
      '公用经费、三公经费',
      '必填，单位万元。三公经费（因公出国（境）、公务用车购置及运行、公务接待）是公用经费的一部分。',
    ],
    ['人数', '必填，实有在职人数，用于计算人均行政成本（公用经费 ÷ 人数）。'],
    [
      '预算、上年',
      '选填，单位万元。计分办法用到而未填写的，该单位不计分并说明缺少哪一项；上年数未填时取上一年度导入的数据。',
    ],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
