import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { addTextRow, notes, sheet } from './org-export';
import { type IndicatorKindName, type MethodName, type MethodParams, defaultParams, methodProblem } from '../../core';
import { indicatorsOf, type IndicatorRecord, type PlanRecord } from '../../../db/repos/plans';
import { categoryRows } from '../../../db/repos/org';
import { type ColumnSpec, readTable } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';
import { jsonIds, paramsOf } from '../plans/letter-input';

export type IndicatorKey =
  'group' | 'kind' | 'name' | 'points' | 'method' | 'standard' | 'scoringBody' | 'categories' | 'evidence';
export const indicatorColumns: ColumnSpec<IndicatorKey>[] = [
  { key: 'group', names: ['分组', '指标分组', '一级指标'], required: true },
  { key: 'kind', names: ['类别', '指标类别'], required: true },
  { key: 'name', names: ['指标', '指标名称', '二级指标'], required: true },
  { key: 'points', names: ['分值'] },
  { key: 'method', names: ['计分方法'] },
  { key: 'standard', names: ['评分标准', '考核标准'] },
  { key: 'scoringBody', names: ['考核责任单位', '考核单位'] },
  { key: 'categories', names: ['适用类别', '适用单位类别'] },
  { key: 'evidence', names: ['佐证材料', '佐证材料要求'] },
];

const kindWords: Record<string, IndicatorKindName> = {
  共性: 'common',
  共性指标: 'common',
  个性: 'specific',
  个性指标: 'specific',
  业务指标: 'specific',
  加分: 'bonus',
  加分项目: 'bonus',
  加分项: 'bonus',
  扣分: 'deduction',
  扣分项目: 'deduction',
  扣分项: 'deduction',
  一票否决: 'veto',
  否决: 'veto',
};
const methodWords: Record<string, MethodName> = {
  按完成率: 'linear',
  按完成率计分: 'linear',
  完成率: 'linear',
  分档: 'threshold',
  分档计分: 'threshold',
  等次: 'grade',
  等次计分: 'grade',
  按次: 'per_occurrence',
  按次扣分: 'per_occurrence',
  按次加分: 'per_occurrence',
  一票否决: 'veto',
  综合评议: 'judgement',
  评议: 'judgement',
};

export interface IndicatorPlanItem {
  group: string;
  kind: IndicatorKindName;
  name: string;
  points: number;
  params: MethodParams;
  standard: string;
  scoringBody: string;
  categoryIds: number[];
  evidence: string;
  existingGroup: IndicatorRecord | undefined;
  existing: IndicatorRecord | undefined;
}

/** Reads an indicator workbook (one row per item, its group named on the row) against the plan. */
export async function planIndicatorImport(
  sqlite: Database.Database,
  plan: PlanRecord,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<IndicatorPlanItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), indicatorColumns, '指标');
  if (table.fatal)
    return {
      rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
    };
  const current = indicatorsOf(sqlite, plan.id);
  const groups = new Map(current.filter((i) => i.isGroup).map((g) => [g.name, g]));
  const items = new Map(current.filter((i) => !i.isGroup).map((i) => [i.name, i]));
  const categories = new Map(categoryRows(sqlite).map((c) => [c.name, c.id]));
  const groupKinds = new Map<string, IndicatorKindName>();
  const seen = new Map<string, number>();
  const rows: ImportRowResult[] = [];
  const out: IndicatorPlanItem[] = [];
  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    const bad = (column: string, message: string) => messages.push({ column, message });
    if (!t.group) bad('分组', '为空');
    else if ([...t.group].length > 60) bad('分组', '超过 60 个字');
    const kind = Object.hasOwn(kindWords, t.kind.trim()) ? kindWords[t.kind.trim()] : undefined;
    if (!kind) bad('类别', `“${t.kind}”应为共性、个性、加分、扣分或一票否决`);
    if (!t.name) bad('指标', '为空');
    else if ([...t.name].length > 60) bad('指标', '超过 60 个字');
    if (t.name && seen.has(t.name)) bad('指标', `与第 ${seen.get(t.name)} 行重名（指标名称在方案内不能重复）`);
    else if (t.name) seen.set(t.name, r.row);
    const existingGroup = groups.get(t.group);
    if (kind && t.group) {
      const gk = groupKinds.get(t.group) ?? existingGroup?.kind;
      if (gk && gk !== kind)
        bad(
          '类别',
          `分组“${t.group}”的类别已是${Object.entries(kindWords).find(([, v]) => v === gk)?.[0]}，同一分组的指标类别应一致`,
        );
      else groupKinds.set(t.group, kind);
    }
    const existing = items.get(t.name);
    const present = table.present;
    const points = kind === 'veto' ? 0 : Number(t.points || 'NaN');
    if (kind && kind !== 'veto' && !(points > 0 && points <= 1000)) bad('分值', `“${t.points}”不是大于 0 的分值`);
    else if (Math.abs(Math.round(points * 100) - points * 100) > 1e-6) bad('分值', '最多保留两位小数');
    const named = t.method.trim();
    let method: MethodName | undefined = named
      ? Object.hasOwn(methodWords, named)
        ? methodWords[named]
        : undefined
      : // a file without the column (or an empty cell) keeps an existing item's method
        ((existing?.method as MethodName | undefined) ??
        (kind === 'veto' ? 'veto' : kind === 'bonus' || kind === 'deduction' ? 'per_occurrence' : 'linear'));
    if (named && !method) bad('计分方法', `“${t.method}”应为按完成率、分档、等次、按次、一票否决或综合评议`);
    method ??= 'judgement';
    const base = defaultParams[method];
    // the same method keeps its parameters (thresholds, grade shares, amounts) as set in the system
    const params: MethodParams =
      existing && existing.method === method
        ? paramsOf(existing)
        : base.method === 'per_occurrence'
          ? { method: 'per_occurrence', each: 1, cap: Number.isFinite(points) ? points : 0 }
          : base;
    if (kind && Number.isFinite(points)) {
      const problem = methodProblem(kind, params, points);
      if (problem) bad('计分方法', problem);
    }
    const categoryIds: number[] = [];
    for (const name of t.categories
      .split(/[、,，;；]+/)
      .map((x) => x.trim())
      .filter(Boolean)) {
      const id = categories.get(name);
      if (id === undefined) bad('适用类别', `没有名为“${name}”的考核类别`);
      else categoryIds.push(id);
    }
    if ([...t.standard].length > 1000) bad('评分标准', '超过 1000 个字');
    if ([...t.scoringBody].length > 60) bad('考核责任单位', '超过 60 个字');
    if ([...t.evidence].length > 500) bad('佐证材料', '超过 500 个字');
    if (messages.length || !kind) {
      rows.push({ row: r.row, key: t.group, name: t.name, status: 'error', messages });
      continue;
    }
    // columns the file lacks keep what is stored
    const keep = <T>(key: IndicatorKey, fromFile: T, stored: T | undefined, fallback: T): T =>
      present.has(key) ? fromFile : existing ? (stored as T) : fallback;
    const item: IndicatorPlanItem = {
      group: t.group,
      kind,
      name: t.name,
      points,
      params,
      standard: keep('standard', t.standard, existing?.standard, ''),
      scoringBody: keep('scoringBody', t.scoringBody, existing?.scoringBody, ''),
      categoryIds: keep(
        'categories',
        categoryIds.sort((a, b) => a - b),
        existing ? jsonIds(existing.categoryIds) : undefined,
        [],
      ),
      evidence: keep('evidence', t.evidence, existing?.evidence, ''),
      existingGroup,
      existing,
    };
    const same =
      existing &&
      existing.kind === kind &&
      existing.points === points &&
      existing.params === JSON.stringify(params) &&
      existing.standard === item.standard &&
      existing.scoringBody === item.scoringBody &&
      existing.categoryIds === JSON.stringify(item.categoryIds) &&
      existing.evidence === item.evidence &&
      existing.parentId === existingGroup?.id;
    rows.push({
      row: r.row,
      key: t.group,
      name: t.name,
      status: existing ? (same ? 'same' : 'update') : 'create',
      messages: [],
    });
    if (!same) out.push(item);
  }
  return { rows, notices: table.notices, items: out };
}

/** The template: the indicator sheet with example rows of each kind, and how to fill it in. */
export async function indicatorsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(
    wb,
    '指标',
    indicatorColumns.map((c) => c.names[0]!),
    new Set(indicatorColumns.filter((c) => c.required).map((c) => c.names[0]!)),
  );
  addTextRow(ws, ['作风建设', '共性', '依法行政', 5, '按次', '', '县司法局', '', '执法案卷']);
  addTextRow(ws, [
    '业务工作',
    '个性',
    '重点业务目标',
    70,
    '按完成率',
    '',
    '县考评办',
    '政府工作部门、乡镇街道',
    '季度进展报告',
  ]);
  addTextRow(ws, ['加分项目', '加分', '争先创优', 5, '按次', '获国家级表彰每项加2分', '县考评办', '', '表彰文件']);
  addTextRow(ws, [
    '一票否决',
    '一票否决',
    '安全生产',
    '',
    '一票否决',
    '发生较大及以上安全生产责任事故',
    '县应急局',
    '',
    '',
  ]);
  notes(wb, [
    ['分组', '必填。同一分组的各行类别应相同；分组不存在时自动新建。'],
    ['类别', '必填：共性、个性、加分、扣分或一票否决。'],
    ['指标', '必填。方案内名称不能重复；再次导入同名指标时更新其余各列。'],
    ['分值', '一票否决项不填，其余必填。每个考核类别共性和个性指标的合计应等于方案基本分。'],
    ['计分方法', '按完成率、分档、等次、按次、一票否决或综合评议；不填时共性和个性按完成率，加分和扣分按次。'],
    ['评分标准', '写入责任书；不填时按计分方法自动生成文字。'],
    ['适用类别', '不填表示所有类别；多个类别用顿号分隔，名称与“考核类别”一致。'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
