import ExcelJS from 'exceljs';
import { decisionState, faultCategory } from '../../vocab';
import type { DecisionFact } from '../../../db/repos/case-decisions';

/** 问责统计: the counts of a year and the list of its decisions; every text a text cell (no formula injection). */

interface Count {
  label: string;
  n: number;
}

function addRow(ws: ExcelJS.Worksheet, values: (string | number | null)[]): void {
  const row = ws.addRow(values.map((v) => v ?? ''));
  row.eachCell((c) => {
    if (typeof c.value === 'string') c.numFmt = '@';
  });
}

export async function caseStatsWorkbook(
  year: number,
  s: { byState: Count[]; byCategory: Count[]; byForm: Count[]; byUnit: Count[] },
  decisions: DecisionFact[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('统计');
  sum.getColumn(1).width = 16;
  sum.getColumn(2).width = 30;
  sum.getColumn(3).width = 10;
  addRow(sum, [`${year}年度问责统计`]);
  for (const [title, rows] of [
    ['按状态（案件）', s.byState],
    ['按问责情形（案件）', s.byCategory],
    ['按问责方式（决定）', s.byForm],
    ['按单位（决定）', s.byUnit],
  ] as const) {
    addRow(sum, []);
    addRow(sum, [title, '项目', '数量']);
    for (const r of rows) addRow(sum, ['', r.label, r.n]);
  }
  const list = wb.addWorksheet('问责决定');
  const head = [
    '决定文号',
    '决定日期',
    '单位',
    '被问责对象',
    '职务（事实发生时）',
    '问责情形',
    '问责方式',
    '状态',
    '送达日期',
  ];
  addRow(list, head);
  list.getRow(1).font = { bold: true };
  [20, 12, 24, 12, 20, 18, 20, 12, 12].forEach((w, i) => (list.getColumn(i + 1).width = w));
  for (const d of decisions)
    addRow(list, [
      d.number,
      d.decidedOn,
      d.unitName,
      d.subjectName,
      d.post,
      faultCategory.label(d.faultCategory),
      d.forms.join('、'),
      decisionState.label(d.state),
      d.servedOn,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
