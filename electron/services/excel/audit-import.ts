import ExcelJS from 'exceljs';
import { auditKind, type ValueOf } from '../../vocab';
import type { HandlerContext } from '../handler';
import { type AuditFields, listAuditFindings } from '../../../db/repos/audit-findings';
import { type ItemDraft, addItem, auditProblems, writeAudit } from '../supervision/register-writes';
import { addTextRow, sheet } from './org-export';
import {
  type Messages,
  dayOf,
  fatalPlan,
  headerOf,
  idNumberCells,
  loose,
  namesOf,
  onColumns,
  readSheets,
  textOf,
  vocabOf,
  vocabWords,
} from './register-import';
import { itemRow, markRepeat, requiredHeads } from './register-items';
import type { ColumnSpec } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

/**
 * 审计 import (#18): the sheet 审计发现 (one audit a row) and optionally 整改事项 (one item a row, tied to its audit
 * by 报告文号, or by 被审计单位 and 审计期间), laid out as the export writes them, so an exported workbook imports.
 */

type Key = 'kind' | 'unit' | 'person' | 'period' | 'reportNo' | 'reportedOn' | 'findings' | 'yuan' | 'wan' | 'result';
export const auditColumns: ColumnSpec<Key>[] = [
  { key: 'kind', names: ['审计类型', '类型'], required: true },
  { key: 'unit', names: ['被审计单位', '单位'], required: true },
  { key: 'person', names: ['被审计领导', '领导', '被审计领导干部'] },
  { key: 'period', names: ['审计期间', '期间'], required: true },
  { key: 'reportNo', names: ['报告文号', '审计报告文号', '文号'] },
  { key: 'reportedOn', names: ['报告日期', '审计报告日期'], required: true },
  { key: 'findings', names: ['主要问题', '审计发现的问题', '审计发现'], required: true },
  { key: 'yuan', names: ['问题金额（元）', '问题金额(元)', '问题金额'] },
  { key: 'wan', names: ['问题金额（万元）', '问题金额(万元)'] },
  { key: 'result', names: ['审计评价', '评价'] },
];
type ItemKey = 'reportNo' | 'auditUnit' | 'period' | 'unit' | 'item' | 'deadline';
export const auditItemColumns: ColumnSpec<ItemKey>[] = [
  { key: 'reportNo', names: ['报告文号', '审计报告文号'] },
  { key: 'auditUnit', names: ['被审计单位'] },
  { key: 'period', names: ['审计期间'] },
  { key: 'unit', names: ['责任单位'], required: true },
  { key: 'item', names: ['事项', '整改事项', '事项内容'], required: true },
  { key: 'deadline', names: ['完成时限', '整改时限'], required: true },
];
export const AUDIT_SHEET = '审计发现';
export const AUDIT_ITEM_SHEET = '整改事项';

const col = (k: Key) => headerOf(auditColumns, k);
const itemCol = (k: ItemKey) => headerOf(auditItemColumns, k);
const auditFieldColumn: Record<string, string> = {
  reportedOn: col('reportedOn'),
  unitId: col('unit'),
  personId: col('person'),
  findings: col('findings'),
};
const itemFieldColumn: Record<string, string> = {
  unitId: itemCol('unit'),
  deadline: itemCol('deadline'),
  item: itemCol('item'),
};

export interface AuditPlanItem {
  row: number;
  fields: AuditFields;
  items: (ItemDraft & { row: number })[];
}

/** An amount in yuan (12,345.67) or 万元, in cents; null when it is not a number of at least 0. */
function cents(text: string, unit: 1 | 10_000): number | null {
  const t = text.replace(/[,，\s元]/g, '').replace(/万$/, '');
  if (!t) return 0;
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Math.round(Number(t) * unit * 100);
  return v > 1e14 ? null : v;
}

/** A repeat is the same 报告文号, or (without one) the same unit, type and period. */
const sameKey = (f: Pick<AuditFields, 'reportNo' | 'unitId' | 'kind' | 'period'>) =>
  f.reportNo ? `no:${loose(f.reportNo)}` : `u:${f.unitId}:${f.kind}:${loose(f.period)}`;

export async function planAuditImport(
  ctx: Pick<HandlerContext, 'sqlite' | 'db' | 'now'>,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<AuditPlanItem>> {
  const read = readSheets(
    await readWorkbook(fileName, bytes),
    { name: AUDIT_SHEET, columns: auditColumns },
    { name: AUDIT_ITEM_SHEET, columns: auditItemColumns },
  );
  if (read.fatal) return fatalPlan(read.fatal, read.notices, read.main.sheet);
  const names = namesOf(ctx);
  const registered = new Map(listAuditFindings(ctx.sqlite).map((a) => [sameKey(a), a]));
  const two = !!read.items;
  const rows: ImportRowResult[] = [];
  const audits: { r: ImportRowResult; plan: AuditPlanItem; unitText: string }[] = [];
  const seen = new Map<string, number>();

  for (const r of read.main.rows) {
    const t = r.text;
    const messages: Messages = [...r.problems];
    const bad = (k: Key, message: string) => messages.push({ column: col(k), message });
    const kind = vocabOf(auditKind.labels, t.kind);
    if (!kind) bad('kind', vocabWords(t.kind, auditKind.labels));
    const unit = names.unit(t.unit);
    if ('problem' in unit) bad('unit', unit.problem);
    let personId: number | null = null;
    if ('id' in unit) {
      const p = names.person(unit.id, t.person);
      if ('problem' in p) bad('person', p.problem);
      else personId = p.id;
    }
    for (const [k, max, req] of [
      ['period', 60, true],
      ['reportNo', 60, false],
      ['findings', 5000, true],
      ['result', 2000, false],
    ] as const) {
      const p = textOf(t[k], max, req);
      if (p) bad(k, p);
    }
    const date = dayOf(r, 'reportedOn');
    if ('problem' in date) bad('reportedOn', date.problem);
    const amount = t.wan && !t.yuan ? cents(t.wan, 10_000) : cents(t.yuan, 1);
    if (amount === null) bad(t.wan && !t.yuan ? 'wan' : 'yuan', `应为不小于 0 的数字，实际为“${t.yuan || t.wan}”`);
    const fields: AuditFields = {
      kind: (kind ?? 'budget') as ValueOf<typeof auditKind>,
      unitId: 'id' in unit ? unit.id : 0,
      personId,
      period: t.period,
      reportNo: t.reportNo || null,
      reportedOn: 'date' in date ? date.date : '',
      findings: t.findings,
      amountCents: amount ?? 0,
      result: t.result || null,
    };
    if (kind && 'id' in unit && 'date' in date) onColumns(auditProblems(ctx, fields), auditFieldColumn, messages);
    idNumberCells(r, auditColumns, messages);
    const row: ImportRowResult = {
      row: r.row,
      ...(two ? { sheet: read.main.sheet ?? AUDIT_SHEET } : {}),
      key: t.reportNo || t.period,
      name: 'name' in unit ? unit.name : t.unit,
      status: messages.length ? 'error' : 'create',
      messages,
    };
    rows.push(row);
    const plan: AuditPlanItem = { row: r.row, fields, items: [] };
    const dup = registered.get(sameKey(fields));
    markRepeat(
      row,
      sameKey(fields),
      seen,
      dup ? `与已登记的审计重复（${dup.unitName}，${dup.period}${dup.reportNo ? `，${dup.reportNo}` : ''}）` : null,
      '同一项审计',
    );
    audits.push({ r: row, plan, unitText: t.unit });
  }

  for (const r of read.items?.rows ?? []) {
    const t = r.text;
    const messages: Messages = [...r.problems];
    const bad = (k: ItemKey, message: string) => messages.push({ column: itemCol(k), message });
    const owners = t.reportNo
      ? audits.filter((a) => loose(a.plan.fields.reportNo) === loose(t.reportNo))
      : audits.filter(
          (a) => loose(a.unitText) === loose(t.auditUnit) && loose(a.plan.fields.period) === loose(t.period),
        );
    // a repeat in the file leaves the row it repeats: that is the owner
    const live = owners.filter((a) => a.r.status !== 'same');
    const owner = live[0] ?? owners[0];
    if (!t.reportNo && !t.auditUnit) bad('reportNo', '请填写所属审计的报告文号（或被审计单位和审计期间）');
    else if (!owner)
      bad(
        t.reportNo ? 'reportNo' : 'auditUnit',
        t.reportNo
          ? `在“${AUDIT_SHEET}”工作表中找不到报告文号为“${t.reportNo}”的审计`
          : `在“${AUDIT_SHEET}”工作表中找不到“${t.auditUnit}”${t.period}的审计`,
      );
    else if (live.length > 1)
      bad(
        t.reportNo ? 'reportNo' : 'auditUnit',
        `对应“${AUDIT_SHEET}”中的多行（第 ${live.map((o) => o.r.row).join('、')} 行），请填写报告文号区分`,
      );
    else if (owner.r.status === 'error')
      bad(t.reportNo ? 'reportNo' : 'auditUnit', `所属审计（“${AUDIT_SHEET}”第 ${owner.r.row} 行）有错误`);
    const row = itemRow({
      ctx,
      r,
      messages,
      bad,
      names,
      owner: owner && { r: owner.r, plan: owner.plan, from: owner.plan.fields.reportedOn },
      columns: auditItemColumns,
      fieldColumn: itemFieldColumn,
      sheet: read.items!.sheet ?? AUDIT_ITEM_SHEET,
      key: t.reportNo || t.period,
      labels: { owner: '审计', ownerSheet: AUDIT_SHEET, item: '整改事项' },
    });
    rows.push(row);
  }
  const items = audits.filter((a) => a.r.status === 'create').map((a) => a.plan);
  const dups = audits.filter((a) => a.r.status === 'same').length;
  const notices = [...read.notices];
  if (dups) notices.push(`${dups} 行是已登记或本文件中重复的审计，不会重复导入。`);
  return { rows, notices, items, sheet: read.main.sheet };
}

/** Each audit as audits.save writes it, then its items as audits.addItem does; an audit entry for each. */
export function writeAuditImport(ctx: HandlerContext, plan: AuditPlanItem[]): void {
  const log = (target: string, detail: Record<string, unknown>) => ctx.auditEach(target, detail);
  for (const a of plan) {
    const id = writeAudit(ctx, a.fields, log);
    for (const { row: _r, ...it } of a.items) addItem(ctx, { auditFindingId: id }, it, a.fields.reportedOn, log);
  }
}

export async function auditsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const heads = auditColumns.filter((c) => c.key !== 'wan').map((c) => c.names[0]!);
  const ws = sheet(wb, AUDIT_SHEET, heads, requiredHeads(auditColumns));
  addTextRow(ws, [
    '经济责任',
    '示例单位',
    '张三',
    '2023年1月至2025年12月',
    '示审经责〔2026〕3号',
    '2026-06-30',
    '部分专项资金未按规定用途使用',
    '123456.78',
    '基本履行经济责任',
  ]);
  const items = sheet(
    wb,
    AUDIT_ITEM_SHEET,
    auditItemColumns.map((c) => c.names[0]!),
    requiredHeads(auditItemColumns),
  );
  addTextRow(items, [
    '示审经责〔2026〕3号',
    '示例单位',
    '2023年1月至2025年12月',
    '示例单位',
    '收回违规使用的资金',
    '2026-12-31',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
