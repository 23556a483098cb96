import ExcelJS from 'exceljs';
import { transferBody, type ValueOf } from '../../vocab';
import type { HandlerContext } from '../handler';
import { type TransferFields, listTransfers, transferById } from '../../../db/repos/transfers';
import {
  feedbackDueOf,
  feedbackProblems,
  transferProblems,
  writeFeedback,
  writeTransfer,
} from '../supervision/register-writes';
import { requireStep } from '../lifecycle';
import { transferLifecycle } from '../../core';
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
import { markRepeat, requiredHeads } from './register-items';
import type { ColumnSpec } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

/**
 * 移送 import (#18): one transfer a row, as the export lays them out. The feedback due date, when not given, is the
 * setting's (feedbackDueOf, as the form); a feedback received is recorded as 登记反馈 records it, never dated before
 * the transfer.
 */

type Key =
  | 'fromBody'
  | 'toBody'
  | 'transferredOn'
  | 'unit'
  | 'person'
  | 'subject'
  | 'facts'
  | 'materials'
  | 'feedbackDue'
  | 'feedbackOn'
  | 'feedback'
  | 'copy';
export const transferColumns: ColumnSpec<Key>[] = [
  { key: 'fromBody', names: ['移送机关'], required: true },
  { key: 'toBody', names: ['受移送机关'], required: true },
  { key: 'transferredOn', names: ['移送日期'], required: true },
  { key: 'unit', names: ['所涉单位', '单位'], required: true },
  { key: 'person', names: ['所涉人员'] },
  { key: 'subject', names: ['事由', '移送事由'], required: true },
  { key: 'facts', names: ['主要事实'], required: true },
  { key: 'materials', names: ['移送材料'], required: true },
  { key: 'feedbackDue', names: ['反馈期限'] },
  { key: 'feedbackOn', names: ['反馈日期'] },
  { key: 'feedback', names: ['反馈情况'] },
  { key: 'copy', names: ['抄送组织人事部门', '抄送'] },
];
export const TRANSFER_SHEET = '移送处理';

const col = (k: Key) => headerOf(transferColumns, k);
const fieldColumn: Record<string, string> = {
  transferredOn: col('transferredOn'),
  feedbackDue: col('feedbackDue'),
  unitId: col('unit'),
  personId: col('person'),
  facts: col('facts'),
  subject: col('subject'),
  materials: col('materials'),
  feedbackOn: col('feedbackOn'),
};

export interface TransferPlanItem {
  row: number;
  fields: TransferFields;
  feedback: { feedbackOn: string; feedback: string } | null;
}

/** The same transfer: the same body, day, unit and subject. */
const sameKey = (f: Pick<TransferFields, 'fromBody' | 'transferredOn' | 'unitId' | 'subject'>) =>
  `${f.fromBody}:${f.transferredOn}:${f.unitId}:${loose(f.subject)}`;

export async function planTransferImport(
  ctx: Pick<HandlerContext, 'sqlite' | 'db' | 'now'>,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<TransferPlanItem>> {
  const read = readSheets(
    await readWorkbook(fileName, bytes),
    { name: TRANSFER_SHEET, columns: transferColumns },
    null,
  );
  if (read.fatal) return fatalPlan(read.fatal, read.notices, read.main.sheet);
  const names = namesOf(ctx);
  const registered = new Map(listTransfers(ctx.sqlite).map((t) => [sameKey(t), t]));
  const seen = new Map<string, number>();
  const rows: ImportRowResult[] = [];
  const items: TransferPlanItem[] = [];

  for (const r of read.main.rows) {
    const t = r.text;
    const messages: Messages = [...r.problems];
    const bad = (k: Key, message: string) => messages.push({ column: col(k), message });
    const fromBody = vocabOf(transferBody.labels, t.fromBody);
    if (!fromBody) bad('fromBody', vocabWords(t.fromBody, transferBody.labels));
    const unit = names.unit(t.unit);
    if ('problem' in unit) bad('unit', unit.problem);
    let personId: number | null = null;
    if ('id' in unit) {
      const p = names.person(unit.id, t.person);
      if ('problem' in p) bad('person', p.problem);
      else personId = p.id;
    }
    for (const [k, max] of [
      ['toBody', 60],
      ['subject', 200],
      ['facts', 5000],
      ['materials', 1000],
    ] as const) {
      const p = textOf(t[k], max, true);
      if (p) bad(k, p);
    }
    const on = dayOf(r, 'transferredOn');
    if ('problem' in on) bad('transferredOn', on.problem);
    const due = t.feedbackDue ? dayOf(r, 'feedbackDue') : null;
    if (due && 'problem' in due) bad('feedbackDue', due.problem);
    const fbOn = t.feedbackOn ? dayOf(r, 'feedbackOn') : null;
    if (fbOn && 'problem' in fbOn) bad('feedbackOn', fbOn.problem);
    if (t.feedbackOn && !t.feedback) bad('feedback', '填写了反馈日期，请同时填写反馈情况');
    if (t.feedback && !t.feedbackOn) bad('feedbackOn', '填写了反馈情况，请同时填写反馈日期');
    const fbText = textOf(t.feedback, 5000, false);
    if (fbText) bad('feedback', fbText);
    const copy = t.copy.replace(/\s+/g, '');
    if (copy && !['是', '否', '抄送', '不抄送'].includes(copy)) bad('copy', `应为“是”或“否”，实际为“${t.copy}”`);
    const transferredOn = 'date' in on ? on.date : '';
    const fields: TransferFields = {
      fromBody: (fromBody ?? 'audit') as ValueOf<typeof transferBody>,
      toBody: t.toBody,
      transferredOn,
      unitId: 'id' in unit ? unit.id : 0,
      personId,
      subject: t.subject,
      facts: t.facts,
      materials: t.materials,
      feedbackDue: due && 'date' in due ? due.date : transferredOn ? feedbackDueOf(ctx, transferredOn) : '',
      copyPersonnel: !(copy === '否' || copy === '不抄送'),
    };
    const feedback = fbOn && 'date' in fbOn && t.feedback ? { feedbackOn: fbOn.date, feedback: t.feedback } : null;
    if ('id' in unit && transferredOn && !(due && 'problem' in due)) {
      onColumns(transferProblems(ctx, fields), fieldColumn, messages);
      if (feedback) onColumns(feedbackProblems(ctx, transferredOn, feedback.feedbackOn), fieldColumn, messages);
    }
    idNumberCells(r, transferColumns, messages);
    const row: ImportRowResult = {
      row: r.row,
      key: t.transferredOn,
      name: t.subject || t.unit,
      status: messages.length ? 'error' : 'create',
      messages,
    };
    rows.push(row);
    const dup = registered.get(sameKey(fields));
    markRepeat(
      row,
      sameKey(fields),
      seen,
      dup ? `与已登记的移送重复（${dup.transferredOn} 移送，所涉单位 ${dup.unitName}，事由 ${dup.subject}）` : null,
      '同一件移送',
    );
    if (row.status === 'create') items.push({ row: r.row, fields, feedback });
  }
  const dups = rows.filter((r) => r.status === 'same').length;
  const notices = [...read.notices];
  if (dups) notices.push(`${dups} 行是已登记或本文件中重复的移送，不会重复导入。`);
  return { rows, notices, items, sheet: read.main.sheet };
}

/** Each transfer as transfers.save writes it; a feedback received as transfers.feedback records it. */
export function writeTransferImport(ctx: HandlerContext, plan: TransferPlanItem[]): void {
  const log = (target: string, detail: Record<string, unknown>) => ctx.auditEach(target, detail);
  for (const it of plan) {
    const id = writeTransfer(ctx, it.fields, log);
    if (!it.feedback) continue;
    const t = transferById(ctx.sqlite, id)!;
    requireStep(ctx, transferLifecycle, t.state, 'feedback', { fields: it.feedback });
    writeFeedback(ctx, t, it.feedback, log);
  }
}

export async function transfersTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(
    wb,
    TRANSFER_SHEET,
    transferColumns.map((c) => c.names[0]!),
    requiredHeads(transferColumns),
  );
  addTextRow(ws, [
    '审计部门',
    '示例县监察委员会',
    '2026-06-30',
    '示例单位',
    '',
    '专项资金违规使用',
    '审计发现挪用专项资金 12 万元',
    '审计报告及工作底稿',
    '',
    '',
    '',
    '是',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
