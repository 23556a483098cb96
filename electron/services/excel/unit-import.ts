import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { parentFirst, parseUnitKind, unitCodeProblem } from '../../core';
import { unitKindLabels } from '../../contract/org-labels';
import { allUnits, categoryRows, type UnitRecord } from '../../../db/repos/org';
import { type ColumnSpec, readTable } from './table';
import { readWorkbook } from './workbook';

export type UnitKey = 'code' | 'name' | 'shortName' | 'parentCode' | 'kind' | 'category' | 'sortOrder' | 'status';
export const unitColumns: ColumnSpec<UnitKey>[] = [
  { key: 'code', names: ['单位代码', '代码', '编码'], required: true },
  { key: 'name', names: ['单位名称', '名称', '单位全称'], required: true },
  { key: 'shortName', names: ['简称', '单位简称'] },
  { key: 'parentCode', names: ['上级单位代码', '上级代码'] },
  { key: 'kind', names: ['单位类型', '类型'], required: true },
  { key: 'category', names: ['考核类别', '类别'] },
  { key: 'sortOrder', names: ['排序', '排序号'] },
  { key: 'status', names: ['状态'] },
];

export interface ImportRowResult {
  row: number;
  key: string;
  name: string;
  status: 'create' | 'update' | 'same' | 'error';
  /** The sheet of the row, when a file has two (a register and its items). */
  sheet?: string;
  messages: { column: string; message: string }[];
  /** Imports, but the clerk should look (a date with two readings). */
  warnings?: { column: string; message: string }[];
}

export interface UnitPlanItem {
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitRecord['kind'];
  parentCode: string | null;
  categoryId: number | null;
  sortOrder: number;
  active: boolean;
  existing: UnitRecord | undefined;
}

export interface ImportPlan<T> {
  rows: ImportRowResult[];
  notices: string[];
  items: T[];
  /** The sheet read, for the error workbook. */
  sheet?: string | null;
  /** Dates with two readings still waiting for the clerk's choice. */
  ambiguous?: number;
}

/** An import with any row in error is refused whole; the message names the first bad row. */
export function refuseIfErrors(rows: ImportRowResult[]): void {
  const errors = rows.filter((r) => r.status === 'error');
  if (errors.length === 0) return;
  const first = errors[0]!;
  const why = first.messages.map((m) => (m.column ? `“${m.column}”${m.message}` : m.message)).join('；');
  // a file that cannot be read at all (no columns, no sheet, too many rows) is not "1 row in error"
  if (first.key === '' && first.messages.every((m) => !m.column))
    throw new AppError('INVALID_INPUT', `未导入任何内容：${why}`);
  throw new AppError('INVALID_INPUT', `文件有 ${errors.length} 行错误，未导入任何内容。第 ${first.row} 行：${why}`);
}

/** What a dry run answers: every row's fate, the totals and the notices; nothing written. */
export function previewOf(plan: ImportPlan<unknown>) {
  return {
    rows: plan.rows,
    counts: countsOf(plan.rows),
    notices: plan.notices,
    committed: false,
    ...(plan.ambiguous ? { ambiguous: plan.ambiguous } : {}),
  };
}

export function countsOf(rows: ImportRowResult[]) {
  const c = { create: 0, update: 0, same: 0, error: 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

/** Reads a units workbook against the database: every row gets create / update / same / error with reasons. */
export async function planUnitImport(
  sqlite: Database.Database,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<UnitPlanItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), unitColumns, '单位');
  if (table.fatal)
    return {
      rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
      sheet: table.sheet,
    };
  const existing = new Map(allUnits(sqlite).map((u) => [u.code, u]));
  const byId = new Map([...existing.values()].map((u) => [u.id, u]));
  const categories = new Map(categoryRows(sqlite).map((c) => [c.name, c.id]));
  const seen = new Map<string, number>();
  const rows: ImportRowResult[] = [];
  const items = new Map<number, UnitPlanItem>();

  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    const bad = (column: string, message: string) => messages.push({ column, message });
    const codeProblem = unitCodeProblem(t.code);
    if (codeProblem) bad('单位代码', codeProblem);
    else if (seen.has(t.code)) bad('单位代码', `与第 ${seen.get(t.code)} 行的单位代码重复`);
    if (!t.name) bad('单位名称', '不能为空');
    else if (t.name.length > 60) bad('单位名称', '不能超过 60 个字');
    const kind = parseUnitKind(t.kind);
    if (!kind)
      bad('单位类型', t.kind ? `无法识别“${t.kind}”，应为：${Object.values(unitKindLabels).join('、')}` : '不能为空');
    let categoryId: number | null = null;
    if (t.category) {
      categoryId = categories.get(t.category) ?? null;
      if (categoryId === null) bad('考核类别', `类别“${t.category}”不存在，请先在“考核类别”中添加`);
    }
    const sortOrder = t.sortOrder ? Number(t.sortOrder) : 0;
    if (t.sortOrder && (!Number.isInteger(sortOrder) || sortOrder < 0))
      bad('排序', `应为非负整数，实际为“${t.sortOrder}”`);
    if (t.parentCode && t.parentCode === t.code) bad('上级单位代码', '不能是单位自己');
    let active = true;
    if (t.status && !['启用', '正常', '停用', '撤销'].includes(t.status))
      bad('状态', `应为“启用”或“停用”，实际为“${t.status}”`);
    else if (['停用', '撤销'].includes(t.status)) active = false;
    if (!codeProblem && !seen.has(t.code)) seen.set(t.code, r.row);
    const before = existing.get(t.code);
    // a column the file does not have keeps what is stored
    const has = (k: UnitKey) => table.present.has(k) || !before;
    items.set(r.row, {
      code: t.code,
      name: t.name,
      shortName: has('shortName') ? t.shortName || null : (before!.shortName ?? null),
      kind: kind ?? 'other',
      parentCode: has('parentCode')
        ? t.parentCode || null
        : before!.parentId
          ? (byId.get(before!.parentId)?.code ?? null)
          : null,
      categoryId: has('category') ? categoryId : (before!.categoryId ?? null),
      sortOrder: has('sortOrder') ? (Number.isInteger(sortOrder) ? sortOrder : 0) : before!.sortOrder,
      active: has('status') ? active : before!.active,
      existing: before,
    });
    rows.push({
      row: r.row,
      key: t.code,
      name: t.name,
      status: messages.length ? 'error' : before ? 'update' : 'create',
      messages,
    });
  }

  // parents: in the database or in the file, and no loops
  const inFile = new Map([...items.values()].map((i) => [i.code, i]));
  const parentOf = new Map<string, string | null>();
  for (const i of inFile.values()) parentOf.set(i.code, i.parentCode);
  const { cycles } = parentFirst(parentOf);
  for (const r of rows) {
    const i = items.get(r.row)!;
    if (i.parentCode && !inFile.has(i.parentCode) && !existing.has(i.parentCode)) {
      r.messages.push({
        column: '上级单位代码',
        message: `找不到单位代码为“${i.parentCode}”的单位（数据库和本文件中都没有）`,
      });
    }
    if (cycles.includes(i.code)) r.messages.push({ column: '上级单位代码', message: '上下级关系形成了循环' });
    if (i.existing && i.existing.active && !i.active) {
      const child = [...existing.values()].find(
        (c) => c.parentId === i.existing!.id && c.active && inFile.get(c.code)?.active !== false,
      );
      if (child) r.messages.push({ column: '状态', message: `下级单位“${child.name}”仍在启用，请一并停用或先停用它` });
    }
    if (i.existing && i.parentCode && !inFile.has(i.parentCode)) {
      // moving under one of its own descendants in the database is a loop too
      let p = existing.get(i.parentCode);
      while (p) {
        if (p.id === i.existing.id) {
          r.messages.push({ column: '上级单位代码', message: '不能把单位移到它自己的下级单位之下' });
          break;
        }
        p = p.parentId ? byId.get(p.parentId) : undefined;
      }
    }
    if (r.messages.length) r.status = 'error';
    else if (i.existing) {
      const e = i.existing;
      const parentCode = e.parentId ? (byId.get(e.parentId)?.code ?? null) : null;
      const same =
        e.name === i.name &&
        (e.shortName ?? null) === i.shortName &&
        e.kind === i.kind &&
        parentCode === i.parentCode &&
        (e.categoryId ?? null) === i.categoryId &&
        e.sortOrder === i.sortOrder &&
        e.active === i.active;
      r.status = same ? 'same' : 'update';
    }
  }
  return {
    rows,
    notices: table.notices,
    items: rows.filter((r) => r.status === 'create' || r.status === 'update').map((r) => items.get(r.row)!),
    sheet: table.sheet,
  };
}
