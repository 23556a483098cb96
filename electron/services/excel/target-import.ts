import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { milestone } from '../../contract/channels/targets';
import { indicatorKind } from '../../vocab';
import { type Milestone, milestonesProblem, parseMilestone, parseYesNo } from '../../core';
import { indicatorsOf, type PlanRecord, targetsOf, type TargetRecord } from '../../../db/repos/plans';
import { activePeople, allUnits } from '../../../db/repos/org';
import { signedUnitIds } from '../../../db/repos/letters';
import { jsonIds } from '../plans/letter-input';
import { addTextRow, notes, sheet } from './org-export';
import { type ColumnSpec, readTable } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

export type TargetKey =
  | 'unitCode'
  | 'indicator'
  | 'content'
  | 'points'
  | 'targetValue'
  | 'measureUnit'
  | 'q1'
  | 'q2'
  | 'q3'
  | 'q4'
  | 'leader'
  | 'leadUnit'
  | 'partners'
  | 'isKey'
  | 'isMajor';
export const targetColumns: ColumnSpec<TargetKey>[] = [
  { key: 'unitCode', names: ['单位代码', '责任单位代码'], required: true },
  { key: 'indicator', names: ['指标', '指标名称', '考核指标'], required: true },
  { key: 'content', names: ['目标任务', '目标内容', '任务内容'], required: true },
  { key: 'points', names: ['分值', '权重分'], required: true },
  { key: 'targetValue', names: ['目标值'] },
  { key: 'measureUnit', names: ['计量单位', '单位（计量）'] },
  { key: 'q1', names: ['一季度', '一季度节点', '第一季度'] },
  { key: 'q2', names: ['二季度', '二季度节点', '第二季度'] },
  { key: 'q3', names: ['三季度', '三季度节点', '第三季度'] },
  { key: 'q4', names: ['四季度', '四季度节点', '第四季度'] },
  { key: 'leader', names: ['责任领导', '分管领导'] },
  { key: 'leadUnit', names: ['牵头单位代码', '牵头单位'] },
  { key: 'partners', names: ['配合单位代码', '配合单位'] },
  { key: 'isKey', names: ['重点工作'] },
  { key: 'isMajor', names: ['重大项目'] },
];

export interface TargetPlanItem {
  unitId: number;
  indicatorId: number;
  content: string;
  points: number;
  targetValue: string | null;
  measureUnit: string | null;
  milestones: Milestone[];
  leaderId: number | null;
  leadUnitId: number | null;
  partnerUnitIds: number[];
  isKey: boolean;
  isMajor: boolean;
  existing: TargetRecord | undefined;
}

/** Milestones as stored, or four empty ones when the stored value is damaged. */
export function storedMilestones(text: string): Milestone[] {
  try {
    const v = z.array(milestone).length(4).safeParse(JSON.parse(text));
    if (v.success) return v.data;
  } catch {
    // damaged: fall through
  }
  return [1, 2, 3, 4].map(() => ({ text: '', percent: null }));
}

const splitCodes = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Reads a targets workbook against the plan: every row gets create / update / same / error with reasons. */
export async function planTargetImport(
  sqlite: Database.Database,
  plan: PlanRecord,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<TargetPlanItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), targetColumns, '目标任务');
  if (table.fatal)
    return {
      rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
    };
  const units = new Map(allUnits(sqlite).map((u) => [u.code, u]));
  const indicators = indicatorsOf(sqlite, plan.id).filter((i) => !i.isGroup);
  const byName = new Map(indicators.map((i) => [i.name, i]));
  // only the targets of the units the file names: ten rows read ten units' targets, not the plan's tens of thousands
  const named = [...new Set(table.rows.map((r) => units.get(r.text.unitCode)?.id).filter((id) => id !== undefined))];
  const existing = new Map(
    targetsOf(sqlite, { planId: plan.id, unitIds: named }).map((t) => [
      `${t.unitId}\u0000${t.indicatorId}\u0000${t.content}`,
      t,
    ]),
  );
  const people = table.rows.some((r) => r.text.leader) ? activePeople(sqlite) : [];
  const frozen = signedUnitIds(sqlite, plan.id);
  const seen = new Map<string, number>();
  const rows: ImportRowResult[] = [];
  const items: TargetPlanItem[] = [];

  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    const bad = (column: string, message: string) => messages.push({ column, message });
    const unit = units.get(t.unitCode);
    if (!t.unitCode) bad('单位代码', '为空');
    else if (!unit) bad('单位代码', `找不到单位 ${t.unitCode}（请先在“组织人员”中导入单位）`);
    else if (!unit.active) bad('单位代码', `单位 ${t.unitCode} 已停用`);
    else if (frozen.has(unit.id)) bad('单位代码', `${unit.name}的责任书已签订，目标任务已冻结`);
    const ind = byName.get(t.indicator.replace(/^.*[/／]/, '').trim());
    if (!t.indicator) bad('指标', '为空');
    else if (!ind) bad('指标', `本方案中没有名为“${t.indicator}”的指标（请对照“指标清单”工作表填写）`);
    if (!t.content) bad('目标任务', '为空');
    else if ([...t.content].length > 2000) bad('目标任务', '超过 2000 个字');
    const points = Number(t.points);
    if (t.points === '' || !Number.isFinite(points) || points < 0 || points > 1000)
      bad('分值', `“${t.points}”不是 0 到 1000 之间的数`);
    else if (Math.abs(Math.round(points * 100) - points * 100) > 1e-6) bad('分值', '最多保留两位小数');
    if ([...t.targetValue].length > 60) bad('目标值', '超过 60 个字');
    if ([...t.measureUnit].length > 20) bad('计量单位', '超过 20 个字');
    const milestones: Milestone[] = [];
    (['q1', 'q2', 'q3', 'q4'] as const).forEach((q, i) => {
      const m = parseMilestone(t[q]);
      if (!m) bad(targetColumns.find((c) => c.key === q)!.names[0]!, `“${t[q]}”的完成率应在 0 到 100 之间`);
      milestones.push(m ?? { text: '', percent: null });
      if (m && [...m.text].length > 200) bad(['一季度', '二季度', '三季度', '四季度'][i]!, '超过 200 个字');
    });
    const mp = milestonesProblem(milestones);
    if (mp) bad('季度节点', mp);
    let leaderId: number | null = null;
    if (t.leader && unit) {
      const byCode = people.filter((p) => p.code === t.leader);
      const matches = byCode.length ? byCode : people.filter((p) => p.name === t.leader && p.unitId === unit.id);
      if (matches.length === 0) bad('责任领导', `${unit.name}没有名为“${t.leader}”的在职人员（可填人员编号）`);
      else if (matches.length > 1) bad('责任领导', `${unit.name}有 ${matches.length} 个“${t.leader}”，请改填人员编号`);
      else leaderId = matches[0]!.id;
    }
    let leadUnitId: number | null = null;
    if (t.leadUnit) {
      const u = units.get(t.leadUnit);
      if (!u) bad('牵头单位代码', `找不到单位 ${t.leadUnit}`);
      else leadUnitId = u.id;
    }
    const partnerUnitIds: number[] = [];
    for (const code of splitCodes(t.partners)) {
      const u = units.get(code);
      if (!u) bad('配合单位代码', `找不到单位 ${code}`);
      else partnerUnitIds.push(u.id);
    }
    const flag = (text: string, column: string) => {
      const v = parseYesNo(text);
      if (text.trim() && v === null) bad(column, `“${text}”应为“是”或“否”`);
      return v ?? false;
    };
    const isKey = flag(t.isKey, '重点工作');
    const isMajor = flag(t.isMajor, '重大项目');
    const key = unit && ind ? `${unit.id}\u0000${ind.id}\u0000${t.content}` : '';
    if (key && seen.has(key)) bad('目标任务', `与第 ${seen.get(key)} 行重复（同一单位、同一指标下的相同目标）`);
    else if (key) seen.set(key, r.row);
    const prev = key ? existing.get(key) : undefined;
    // the unit by its name, as the office knows it (the code only when no unit has it)
    const label = `${unit?.name ?? t.unitCode} / ${t.indicator}`;
    if (messages.length || !unit || !ind) {
      rows.push({ row: r.row, key: label, name: t.content.slice(0, 40), status: 'error', messages });
      continue;
    }
    const present = table.present;
    const item: TargetPlanItem = {
      unitId: unit.id,
      indicatorId: ind.id,
      content: t.content,
      points,
      // columns absent from the file keep what is stored
      targetValue: present.has('targetValue') ? t.targetValue || null : (prev?.targetValue ?? null),
      measureUnit: present.has('measureUnit') ? t.measureUnit || null : (prev?.measureUnit ?? null),
      milestones: (['q1', 'q2', 'q3', 'q4'] as const).some((q) => present.has(q))
        ? milestones
        : prev
          ? storedMilestones(prev.milestones)
          : milestones,
      leaderId: present.has('leader') ? leaderId : (prev?.leaderId ?? null),
      leadUnitId: present.has('leadUnit') ? leadUnitId : (prev?.leadUnitId ?? null),
      partnerUnitIds: present.has('partners') ? partnerUnitIds : prev ? jsonIds(prev.partnerUnitIds) : [],
      isKey: present.has('isKey') ? isKey : (prev?.isKey ?? false),
      isMajor: present.has('isMajor') ? isMajor : (prev?.isMajor ?? false),
      existing: prev,
    };
    const same =
      prev &&
      prev.points === item.points &&
      prev.targetValue === item.targetValue &&
      prev.measureUnit === item.measureUnit &&
      prev.milestones === JSON.stringify(item.milestones) &&
      prev.leaderId === item.leaderId &&
      prev.leadUnitId === item.leadUnitId &&
      prev.partnerUnitIds === JSON.stringify(item.partnerUnitIds) &&
      prev.isKey === item.isKey &&
      prev.isMajor === item.isMajor;
    rows.push({
      row: r.row,
      key: label,
      name: t.content.slice(0, 40),
      status: prev ? (same ? 'same' : 'update') : 'create',
      messages: [],
    });
    if (!same) items.push(item);
  }
  return { rows, notices: table.notices, items, sheet: table.sheet };
}

/** The template: the targets sheet with one example row, the plan's indicators, and how to fill it in. */
export async function targetsTemplate(sqlite: Database.Database, plan: PlanRecord): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const headers = targetColumns.map((c) => c.names[0]!);
  const ws = sheet(wb, '目标任务', headers, new Set(targetColumns.filter((c) => c.required).map((c) => c.names[0]!)));
  const indicators = indicatorsOf(sqlite, plan.id);
  const firstSpecific = indicators.find((i) => !i.isGroup && i.kind === 'specific');
  addTextRow(ws, [
    'X0101',
    firstSpecific?.name ?? '业务工作目标',
    '完成年度重点项目投资',
    20,
    '10',
    '亿元',
    '20%：完成前期手续',
    '50%',
    '75%',
    '100%：全部完工',
    '',
    '',
    '',
    '是',
    '否',
  ]);
  const list = wb.addWorksheet('指标清单');
  list.addRow(['分组', '指标', '类别', '分值', '评分标准']);
  list.getRow(1).font = { bold: true };
  const groups = new Map(indicators.filter((i) => i.isGroup).map((g) => [g.id, g.name]));
  for (const i of indicators.filter((x) => !x.isGroup))
    list.addRow([groups.get(i.parentId ?? 0) ?? '', i.name, indicatorKind.labels[i.kind], i.points, i.standard]);
  list.columns.forEach((c) => (c.width = 20));
  notes(wb, [
    ['单位代码', '必填。与“组织人员”中的单位代码一致。'],
    ['指标', '必填。填写本方案中指标的名称（见“指标清单”工作表），也可写成“分组/指标”。'],
    ['目标任务', '必填，最多 2000 字。同一单位、同一指标下以目标任务的文字识别同一条目标：再次导入时更新其余各列。'],
    ['分值', '必填。每个单位共性和个性指标下的目标分值合计应等于方案基本分。'],
    ['一至四季度', '季度节点，如“30%：完成立项”或“50%”；完成率逐季不降。'],
    ['责任领导', '该单位的在职人员姓名，重名时填人员编号。'],
    ['牵头单位代码、配合单位代码', '多个配合单位用顿号或逗号分隔。'],
    ['重点工作、重大项目', '填“是”或“否”。'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
