import ExcelJS from 'exceljs';
import { DATE_WRITINGS, complaintFingerprint, maskPersonal, readDate, unitResolver } from '../../core';
import { complaintCategory, complaintChannel, type ValueOf } from '../../vocab';
import type { HandlerContext } from '../handler';
import { allPeople, allUnits } from '../../../db/repos/org';
import { complaintsByFingerprint, type ComplaintRecord } from '../../../db/repos/complaints';
import {
  type ComplaintDraft,
  DEFAULT_COMPLAINT_DAYS,
  complaintDeadline,
  complaintProblems,
  duplicateWords,
} from '../supervision/complaints';
import { addTextRow, sheet } from './org-export';
import { requiredHeads } from './register-items';
import { type ColumnSpec, readTable } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

type Key =
  | 'ref'
  | 'channel'
  | 'receivedOn'
  | 'name'
  | 'phone'
  | 'unit'
  | 'person'
  | 'category'
  | 'content'
  | 'handler'
  | 'workingDays';

export const complaintColumns: ColumnSpec<Key>[] = [
  { key: 'ref', names: ['来件编号', '工单号', '编号'] },
  { key: 'channel', names: ['投诉渠道', '渠道', '来源'], required: true },
  { key: 'receivedOn', names: ['受理日期', '投诉日期', '日期'], required: true },
  { key: 'name', names: ['投诉人', '投诉人姓名'] },
  { key: 'phone', names: ['联系电话', '投诉人电话', '电话'] },
  { key: 'unit', names: ['被投诉单位', '单位'], required: true },
  { key: 'person', names: ['被投诉人'] },
  { key: 'category', names: ['投诉类别', '类别'], required: true },
  { key: 'content', names: ['投诉内容', '内容', '主要问题'], required: true },
  { key: 'handler', names: ['承办人'] },
  { key: 'workingDays', names: ['办理期限（工作日）', '办理期限(工作日)', '办理期限'] },
];

/** How many working days a complaint gets when the file does not say. */

const headerOf = (k: Key) => complaintColumns.find((c) => c.key === k)!.names[0]!;

function parseVocab<V extends string>(labels: Readonly<Record<V, string>>, text: string): V | null {
  const t = text.replace(/\s+/g, '');
  for (const [v, l] of Object.entries(labels) as [V, string][]) if (l.replace(/\s+/g, '') === t || v === t) return v;
  if (t === '12345' || t === '12345热线') return ('hotline' in labels ? 'hotline' : null) as V | null;
  return null;
}

export interface ComplaintPlanItem extends ComplaintDraft {
  row: number;
  workingDays: number;
}

/**
 * Reads a complaints workbook: every row is new, a repeat of a registered complaint or of an earlier row (shown, not
 * imported again), or in error — an unmasked ID number in any column (a column mixed up) is an error, never stored.
 */
export async function planComplaintImport(
  ctx: Pick<HandlerContext, 'sqlite' | 'db' | 'now'>,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<ComplaintPlanItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), complaintColumns, '投诉');
  if (table.fatal)
    return {
      rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
      sheet: table.sheet,
    };
  const units = allUnits(ctx.sqlite);
  const resolve = unitResolver(units);
  const people = allPeople(ctx.sqlite);
  const rows: ImportRowResult[] = [];
  const items: ComplaintPlanItem[] = [];
  const pending: { r: ImportRowResult; item: ComplaintPlanItem; fp: string }[] = [];
  const seen = new Map<string, number>();

  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    const bad = (k: Key, message: string) => messages.push({ column: headerOf(k), message });
    const channel = parseVocab(complaintChannel.labels, t.channel);
    if (!channel)
      bad(
        'channel',
        t.channel
          ? `无法识别“${t.channel}”，应为：${complaintChannel.values.map(complaintChannel.label).join('、')}`
          : '不能为空',
      );
    const category = parseVocab(complaintCategory.labels, t.category);
    if (!category)
      bad(
        'category',
        t.category
          ? `无法识别“${t.category}”，应为：${complaintCategory.values.map(complaintCategory.label).join('、')}`
          : '不能为空',
      );
    const date = readDate(t.receivedOn, { numeric: r.numeric.has('receivedOn') });
    if (date.kind !== 'day')
      bad(
        'receivedOn',
        t.receivedOn ? `无法识别“${t.receivedOn}”，应写到日，如 ${DATE_WRITINGS.split('，')[0]}` : '不能为空',
      );
    let unitId = 0;
    if (!t.unit) bad('unit', '不能为空');
    else {
      const u = resolve(t.unit);
      if ('problem' in u) bad('unit', u.problem);
      else unitId = u.unit.id;
    }
    let personId: number | null = null;
    if (t.person && unitId) {
      const found = people.filter((p) => p.unitId === unitId && p.name === t.person);
      if (found.length === 1) personId = found[0]!.id;
      else
        bad(
          'person',
          found.length
            ? `该单位有 ${found.length} 个同名人员，请在系统中登记后手工选择`
            : `该单位没有名为“${t.person}”的人员`,
        );
    }
    const days = t.workingDays ? Number(t.workingDays) : DEFAULT_COMPLAINT_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > 60)
      bad('workingDays', `应为 1—60 的整数，实际为“${t.workingDays}”`);
    if (t.content.length > 2000) bad('content', '不能超过 2000 个字');
    const item: ComplaintPlanItem = {
      row: r.row,
      channel: (channel ?? 'other') as ValueOf<typeof complaintChannel>,
      ref: t.ref || null,
      receivedOn: date.kind === 'day' ? date.date : '',
      complainantName: t.name || null,
      complainantPhone: t.phone || null,
      unitId,
      personId,
      category: (category ?? 'other') as ValueOf<typeof complaintCategory>,
      content: t.content,
      handler: t.handler || null,
      workingDays: Number.isInteger(days) ? days : DEFAULT_COMPLAINT_DAYS,
    };
    if (!t.content) bad('content', '不能为空');
    if (unitId && date.kind === 'day' && t.content) {
      for (const p of complaintProblems(ctx, item)) {
        const col = {
          content: 'content',
          complainantName: 'name',
          complainantPhone: 'phone',
          ref: 'ref',
          handler: 'handler',
          unitId: 'unit',
          personId: 'person',
          receivedOn: 'receivedOn',
        }[p.field] as Key | undefined;
        messages.push({ column: col ? headerOf(col) : p.label, message: p.message });
      }
    } else {
      // an ID number in a mixed-up column is refused even when the row has other errors
      for (const k of ['ref', 'name', 'phone', 'person', 'content', 'handler'] as const)
        if (/(?<!\d)\d{17}[\dXx](?!\d)/.test(t[k])) bad(k, '含有未遮盖的身份证号，请删除或遮盖后再导入');
    }
    const row: ImportRowResult = {
      row: r.row,
      key: t.ref || item.receivedOn || t.receivedOn,
      name: t.unit,
      status: messages.length ? 'error' : 'create',
      messages,
    };
    rows.push(row);
    if (row.status === 'create') {
      const fp = complaintFingerprint(item);
      const earlier = seen.get(fp);
      if (earlier !== undefined) {
        row.status = 'same';
        row.warnings = [{ column: '', message: `与第 ${earlier} 行是同一件投诉，只导入一次` }];
      } else {
        seen.set(fp, r.row);
        pending.push({ r: row, item, fp });
      }
    }
  }
  const registered: Map<string, ComplaintRecord> = complaintsByFingerprint(
    ctx.sqlite,
    pending.map((p) => p.fp),
  );
  for (const p of pending) {
    const dup = registered.get(p.fp);
    if (dup) {
      p.r.status = 'same';
      p.r.warnings = [{ column: '', message: `${duplicateWords(dup)}，不再导入` }];
    } else items.push(p.item);
  }
  const dups = rows.filter((r) => r.status === 'same').length;
  const notices = [...table.notices];
  if (dups) notices.push(`${dups} 行是已登记或本文件中重复的投诉，不会重复导入。`);
  return { rows, notices, items, sheet: table.sheet };
}

/** Deadline of an import row, for tests and the preview. */
export const importDeadline = (ctx: Pick<HandlerContext, 'db'>, it: ComplaintPlanItem) =>
  complaintDeadline(ctx, it.receivedOn, it.workingDays);

const headers = complaintColumns.map((c) => c.names[0]!);
const required = requiredHeads(complaintColumns);

export async function complaintsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '投诉', headers, required);
  addTextRow(ws, [
    '12345-2026-0001',
    '12345 转办',
    '2026-03-02',
    '张三',
    '13800001234',
    '示例单位',
    '',
    '推诿拖拉',
    '办理营业执照多次往返未办结',
    '',
    15,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The export: the complainant masked (an export leaves the handler's screen), with the result and 查实. */
export async function complaintsWorkbook(
  rows: Pick<
    ComplaintRecord,
    | 'ref'
    | 'channel'
    | 'receivedOn'
    | 'complainantName'
    | 'complainantPhone'
    | 'unitName'
    | 'personName'
    | 'category'
    | 'content'
    | 'handler'
    | 'deadline'
    | 'state'
    | 'result'
    | 'substantiated'
    | 'concludedOn'
  >[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(
    wb,
    '投诉',
    [...headers.slice(0, -1), '办理期限', '状态', '办理结果', '是否查实', '办结日期'],
    new Set(),
  );
  for (const c of rows)
    addTextRow(ws, [
      c.ref ?? '',
      complaintChannel.label(c.channel),
      c.receivedOn,
      maskPersonal(c.complainantName, 'name') ?? '',
      maskPersonal(c.complainantPhone, 'phone') ?? '',
      c.unitName,
      c.personName ?? '',
      complaintCategory.label(c.category),
      c.content,
      c.handler ?? '',
      c.deadline,
      c.state === 'open' ? '办理中' : '已办结',
      c.result ?? '',
      c.substantiated === null ? '' : c.substantiated ? '查实' : '不属实',
      c.concludedOn ?? '',
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
