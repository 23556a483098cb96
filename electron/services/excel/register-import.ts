import type ExcelJS from 'exceljs';
import { DATE_WRITINGS, readDate, unitResolver, unmaskedIdNumber } from '../../core';
import { type HandlerContext, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { allPeople, allUnits } from '../../../db/repos/org';
import { errorFileName, errorWorkbook } from './error-workbook';
import { type ColumnSpec, type SheetRow, type SheetTable, readTable } from './table';
import { type ImportPlan, type ImportRowResult, countsOf, previewOf, refuseIfErrors } from './unit-import';
import { readWorkbook } from './workbook';
import type { Problem } from '../supervision/register-writes';

/**
 * What the imports of 审计、移送、联席会议 share (#18), after the complaints' import: a register sheet and, for audits
 * and meetings, a second sheet of items tied to a register row; every row checked by the form's own checks and
 * reported by row and column; repeats shown and skipped; a dry run that is the import; the error workbook.
 */

type Ctx = Pick<HandlerContext, 'sqlite' | 'db' | 'now'>;
export type Messages = ImportRowResult['messages'];

/** A vocabulary value by its label (spaces ignored), its code, or the first characters of its label (财政 → 财政部门). */
export function vocabOf<V extends string>(labels: Readonly<Record<V, string>>, text: string): V | null {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  const entries = Object.entries(labels) as [V, string][];
  for (const [v, l] of entries) if (l.replace(/\s+/g, '') === t || v === t) return v;
  const starts = entries.filter(([, l]) => t.length >= 2 && l.startsWith(t));
  return starts.length === 1 ? starts[0]![0] : null;
}

export const vocabWords = (text: string, labels: Readonly<Record<string, string>>) =>
  text ? `无法识别“${text}”，应为：${Object.values(labels).join('、')}` : '不能为空';

/** A date cell read to the day, or the message of the row's column. */
export function dayOf<K extends string>(r: SheetRow<K>, k: K): { date: string } | { problem: string } {
  const raw = r.text[k];
  if (!raw) return { problem: '不能为空' };
  const d = readDate(raw, { numeric: r.numeric.has(k) });
  if (d.kind === 'day') return { date: d.date };
  return { problem: `无法识别“${raw}”，应写到日，如 ${DATE_WRITINGS.split('，')[0]}` };
}

/**
 * Units and people as an office's sheet names them. A unit resolves by code, name or “上级单位/单位” (ambiguous names
 * are refused with the choices, never guessed); a deactivated unit is still found, so the form's own check refuses
 * it in its own words; a person by name within the unit.
 */
export function namesOf(ctx: Ctx) {
  const resolve = unitResolver(allUnits(ctx.sqlite).map((u) => ({ ...u, active: true })));
  const people = allPeople(ctx.sqlite);
  return {
    unit(text: string): { id: number; name: string } | { problem: string } {
      if (!text) return { problem: '不能为空' };
      const u = resolve(text);
      return 'problem' in u ? u : { id: u.unit.id, name: u.unit.name };
    },
    person(unitId: number, name: string): { id: number | null } | { problem: string } {
      if (!name) return { id: null };
      const found = people.filter((p) => p.unitId === unitId && p.name === name);
      if (found.length === 1) return { id: found[0]!.id };
      return {
        problem: found.length
          ? `该单位有 ${found.length} 个同名人员，请在系统中登记后手工选择`
          : `该单位没有名为“${name}”的人员`,
      };
    },
  };
}

/** A text cell with a length limit, required or not. */
export function textOf(text: string, max: number, required: boolean): string | null {
  if (required && !text) return '不能为空';
  if (text.length > max) return `不能超过 ${max} 个字`;
  return null;
}

/** The problems of the form's own check (register-writes.ts), on the columns of the sheet. */
export function onColumns(problems: Problem[], columnOf: Record<string, string>, messages: Messages): void {
  for (const p of problems) {
    const column = columnOf[p.field] ?? '';
    // “完成时限”不能早于…, not “完成时限”完成时限不能早于…
    const message = p.message.replace(/。$/, '').replace(/后再保存$/, '后再导入');
    messages.push({ column, message: column && message.startsWith(column) ? message.slice(column.length) : message });
  }
}

/**
 * An unmasked ID number in any cell of the row (a column mixed up, a name pasted with its number) refuses the row,
 * as in the complaints' import: a number is never stored by an import, whatever the column.
 */
export function idNumberCells<K extends string>(r: SheetRow<K>, columns: ColumnSpec<K>[], messages: Messages): void {
  for (const c of columns) {
    const column = c.names[0]!;
    if (!unmaskedIdNumber(r.text[c.key])) continue;
    if (messages.some((m) => m.column === column && m.message.includes('身份证号'))) continue;
    messages.push({ column, message: '含有未遮盖的身份证号，请删除或遮盖后再导入' });
  }
}

export const headerOf = <K extends string>(columns: ColumnSpec<K>[], k: K) =>
  columns.find((c) => c.key === k)!.names[0]!;

/** Text compared loosely: spaces and full-width forms do not make two records different. */
export const loose = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

export interface Sheets<K extends string, J extends string> {
  main: SheetTable<K>;
  /** The items' sheet, when the file has it. */
  items: SheetTable<J> | null;
  notices: string[];
  fatal: string | null;
}

/** The register's sheet and (optionally) the items' sheet by its name; a missing items sheet is no error. */
export function readSheets<K extends string, J extends string>(
  wb: ExcelJS.Workbook,
  main: { name: string; columns: ColumnSpec<K>[] },
  items: { name: string; columns: ColumnSpec<J>[] } | null,
): Sheets<K, J> {
  const visible = (w: ExcelJS.Worksheet) => w.state !== 'hidden' && w.state !== 'veryHidden';
  const hasItems = items && wb.worksheets.some((w) => w.name === items.name && visible(w));
  const table = readTable(wb, main.columns, main.name);
  if (!hasItems) return { main: table, items: null, notices: table.notices, fatal: table.fatal };
  const second = readTable(wb, items.columns, items.name);
  const notices = table.notices.filter((n) => !n.startsWith('读取的是工作表'));
  const others = wb.worksheets.filter((w) => visible(w) && w.name !== table.sheet && w.name !== second.sheet);
  if (others.length) notices.push(`读取的是工作表“${table.sheet}”和“${second.sheet}”，其他工作表未导入。`);
  return {
    main: table,
    items: second,
    notices,
    fatal: table.fatal ?? (second.fatal ? `工作表“${items.name}”：${second.fatal}` : null),
  };
}

export function fatalPlan<T>(fatal: string, notices: string[], sheet: string | null): ImportPlan<T> {
  return {
    rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: fatal }] }],
    notices,
    items: [],
    sheet,
  };
}

type FileInput = { fileName: string; uploadId?: string; base64?: string };

/**
 * The four handlers of a register's import: the dry run, the file with its errors marked (on each sheet read),
 * the import (all or nothing, the same plan as the dry run) and the template.
 */
export function registerImport<T>(o: {
  plan(ctx: Ctx, fileName: string, bytes: Buffer): Promise<ImportPlan<T>>;
  write(ctx: HandlerContext, items: T[]): void;
  target: string;
  template(): Promise<Buffer>;
  templateName: string;
}) {
  const planOf = (ctx: HandlerContext, input: FileInput) => o.plan(ctx, input.fileName, fileBytes(ctx, input, 'excel'));
  return {
    preview: async (ctx: HandlerContext, input: FileInput) => previewOf(await planOf(ctx, input)),
    errors: async (ctx: HandlerContext, input: FileInput) => {
      const bytes = fileBytes(ctx, input, 'excel');
      const plan = await o.plan(ctx, input.fileName, bytes);
      const wb = await readWorkbook(input.fileName, bytes);
      const bySheet = new Map<string | null | undefined, ImportRowResult[]>();
      for (const r of plan.rows) {
        const s = r.sheet ?? plan.sheet;
        bySheet.set(s, [...(bySheet.get(s) ?? []), r]);
      }
      let out: Buffer | null = null;
      for (const [s, rows] of bySheet) out = (await errorWorkbook(wb, s, rows)).buffer;
      out ??= (await errorWorkbook(wb, plan.sheet, [])).buffer;
      return { fileName: errorFileName(input.fileName), base64: out.toString('base64') };
    },
    commit: prepared(
      async (ctx, input: FileInput) => planOf(ctx, input),
      (ctx, _input, plan: ImportPlan<T>) => {
        refuseIfErrors(plan.rows);
        o.write(ctx, plan.items);
        const counts = countsOf(plan.rows);
        ctx.audit(o.target, { imported: counts.create, repeats: counts.same });
        return { rows: plan.rows, counts, notices: plan.notices, committed: true };
      },
    ),
    template: async () => ({ fileName: o.templateName, base64: (await o.template()).toString('base64') }),
  };
}
