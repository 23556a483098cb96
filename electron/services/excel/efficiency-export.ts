import ExcelJS from 'exceljs';
import { standingLabels } from '../../core';
import type { costsOf, efficiencyOf } from '../efficiency/view';
import { safeCell } from './workbook';

type Efficiency = ReturnType<typeof efficiencyOf>;
type Costs = ReturnType<typeof costsOf>;

/** A sheet with a title line, a bold header and text cells written as text (never formulas). */
function table(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? safeCell(v) : v)));
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 30 : 14));
  return ws;
}

const dash = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x);

/** The published list as a workbook: the units, the cases over their limit, and the year's cost figures. */
export async function efficiencyWorkbook(
  e: Efficiency,
  costs: Costs | null,
  points: { header: string; byUnit: Map<number, number> } | null,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  table(
    wb,
    '审批绩效',
    `${e.period.label}各部门审批绩效评分`,
    [
      '序号',
      '单位',
      '单位代码',
      '办件数',
      '按时办结',
      '超期办结',
      '逾期未办结',
      '在办',
      '按时办结率（%）',
      '平均用时（工作日）',
      ...(points ? [points.header] : []),
    ],
    e.units.map((u, i) => [
      i + 1,
      u.unitName,
      u.unitCode,
      u.cases,
      u.onTime,
      u.late,
      u.overdue,
      u.pending,
      dash(u.rate),
      dash(u.averageDays),
      ...(points ? [dash(points.byUnit.get(u.unitId))] : []),
    ]),
  );
  table(
    wb,
    '超过时限的办件',
    `${e.period.label}超过时限的办件（未办结的截至 ${e.asOf}）`,
    ['序号', '单位', '办件编号', '事项名称', '受理日期', '办结日期', '时限（工作日）', '用时', '超出', '情况'],
    e.over.map((o, i) => [
      i + 1,
      o.unitName,
      o.caseNo,
      o.item,
      o.acceptedOn,
      o.completedOn ?? '未办结',
      `${o.limitKind === 'promised' ? '承诺' : '法定'}${o.limit}`,
      o.days,
      o.overBy,
      standingLabels[o.standing],
    ]),
  );
  if (costs && costs.rows.length)
    table(
      wb,
      '行政成本',
      `${costs.year}年度各部门行政成本（万元），计分办法：${costs.methodText}`,
      [
        '序号',
        '单位',
        '公用经费',
        '三公经费',
        '人数',
        '人均行政成本',
        '公用经费预算',
        '三公经费预算',
        '上年公用经费',
        '上年三公经费',
        '得分比例（%）',
        '说明',
      ],
      costs.rows.map((c, i) => [
        i + 1,
        c.unitName,
        c.publicFunds,
        c.threePublic,
        c.staff,
        c.perStaff,
        dash(c.budgetPublic),
        dash(c.budgetThree),
        dash(c.priorPublic),
        dash(c.priorThree),
        c.share === null ? '—' : Math.round(c.share * 10000) / 100,
        c.explain,
      ]),
    );
  const notes = wb.addWorksheet('计算办法');
  notes.addRow([e.rule]);
  notes.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
