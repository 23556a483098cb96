import ExcelJS from 'exceljs';
import { indicatorKind } from '../../vocab';
import type { PlanRewards } from '../scoring/rewards';
import type { DrillDownView, ResultsView, UnitResult } from '../scoring/results-view';

/** The ranking, a unit's 得分反查 and the finance office's reward sheet, as the screens show them. */

/** Every text is written as a text cell, so a name beginning with = + - @ is never taken for a formula. */
function addRow(ws: ExcelJS.Worksheet, values: (string | number | null)[]): ExcelJS.Row {
  const row = ws.addRow(values.map((v) => v ?? ''));
  row.eachCell((c) => {
    if (typeof c.value === 'string') c.numFmt = '@';
  });
  return row;
}

function header(ws: ExcelJS.Worksheet, names: string[], widths: number[]): void {
  const row = addRow(ws, names);
  row.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: row.number }];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, name: string): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '类别';
  let n = base;
  for (let i = 2; wb.getWorksheet(n); i++) n = `${base}(${i})`;
  return n;
}

/** The marks the ranking table shows beside a unit. */
export function unitMarks(u: UnitResult): string {
  return [u.vetoed ? '一票否决' : '', u.complete ? '' : '尚未评完', u.tied ? '并列' : ''].filter(Boolean).join('、');
}

export const rankingHeaders = [
  '排名',
  '单位编码',
  '单位名称',
  '基础得分',
  '加分',
  '扣分',
  '总分',
  '等次',
  '等次依据',
  '标记',
];

/** One sheet per category (排名 as 第N名/共M个), then 说明: the rules and versions that produced it. */
export async function rankingWorkbook(planTitle: string, v: ResultsView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const c of v.categories) {
    const ws = wb.addWorksheet(sheetName(wb, c.categoryName));
    header(ws, rankingHeaders, [8, 14, 28, 10, 8, 8, 10, 10, 30, 16]);
    for (const u of c.units)
      addRow(ws, [
        u.rank,
        u.code,
        u.name,
        u.base,
        u.bonus,
        u.deduction,
        u.total,
        u.grade ?? '待定',
        u.gradeReason,
        unitMarks(u),
      ]);
  }
  const ws = wb.addWorksheet(sheetName(wb, '说明'));
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 80;
  const notes: [string, string][] = [
    ['考核方案', planTitle],
    ['计分规则', v.ruleVersion],
    ['指标版本', v.indicatorVersion],
    ['排名规则', v.order],
    ...v.ruleTables.map((t): [string, string] => ['计分规则表', `${t.name}（${t.version}）`]),
    ...v.gradeProblems.map((p): [string, string] => [
      '等次待定',
      p.units.length ? `${p.text}：${p.units.join('、')}` : p.text,
    ]),
    ...v.problems.map((p): [string, string] => ['不能计算', p]),
  ];
  for (const n of notes) addRow(ws, n);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const drillDownHeaders = ['指标', '类别', '计分方法', '分值', '数据', '得分', '说明', '来源', '依据记录'];

/** A unit's 得分反查: who and how the total is made, then each line, then the total. */
export async function drillDownWorkbook(planTitle: string, d: DrillDownView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('得分反查');
  addRow(ws, [`${planTitle} · ${d.unit.name}（${d.unit.code}）得分反查`]).font = { bold: true, size: 13 };
  addRow(ws, [
    `${d.unit.categoryName}第${d.unit.rank}名（共${d.unit.of}个），等次：${d.unit.grade ?? '待定'}；${d.ruleVersion}`,
  ]);
  addRow(ws, [d.summary]);
  addRow(ws, []);
  header(ws, drillDownHeaders, [28, 10, 16, 8, 16, 8, 50, 16, 30]);
  for (const l of d.lines)
    addRow(ws, [
      l.name,
      indicatorKind.labels[l.kind],
      l.method,
      l.points,
      l.input,
      l.earned,
      l.explanation,
      l.source ?? '',
      l.refs.map((r) => r.label).join('；'),
    ]);
  addRow(ws, ['总分', '', '', '', '', d.unit.total, d.summary]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const rewardHeaders = ['序号', '单位编码', '单位名称', '考核类别', '总分', '等次', '奖励金额（元）', '核算说明'];

/** 年度考核奖励核算表 for the finance office: the rule, every unit, the total, the exclusions, the signatures. */
export async function rewardsWorkbook(planTitle: string, r: PlanRewards): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('奖励核算');
  addRow(ws, [`${planTitle}奖励核算表`]).font = { bold: true, size: 14 };
  addRow(ws, [`核算办法：${r.words}（${r.rules.version}；考核结果按${r.scoringVersion}）`]);
  header(ws, rewardHeaders, [6, 14, 28, 14, 8, 8, 16, 60]);
  r.rows.forEach((x, i) => {
    const row = addRow(ws, [
      i + 1,
      x.code,
      x.name,
      x.categoryName,
      x.total,
      x.grade ?? '待定',
      x.amount ?? '',
      x.explanation,
    ]);
    row.getCell(7).numFmt = '#,##0.00';
  });
  const sum = addRow(ws, ['合计', '', `${r.paid} 个单位获得奖励`, '', '', '', r.total, summaryOf(r)]);
  sum.font = { bold: true };
  sum.getCell(7).numFmt = '#,##0.00';
  addRow(ws, []);
  for (const x of r.exclusionRules) addRow(ws, [`不予奖励：${x.rule}`]);
  addRow(ws, []);
  addRow(ws, ['制表人：', '', '审核人：', '', '负责人：', '', '日期：']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function summaryOf(r: Pick<PlanRewards, 'excluded' | 'undecided'>): string {
  return [r.excluded ? `${r.excluded} 个单位不予奖励` : '', r.undecided ? `${r.undecided} 个单位等次待定，未核算` : '']
    .filter(Boolean)
    .join('；');
}
