import ExcelJS from 'exceljs';
import type { ChannelName, ChannelOutput } from '../../contract';
import {
  auditKind,
  auditState,
  meetingAttendance,
  meetingState,
  rectificationState,
  transferBody,
  transferState,
} from '../../vocab';
import { fileStamp } from '../file-stamp';
import { type HandlerContext, type PreparedHandler, prepared } from '../handler';
import { addTextRow, sheet } from './org-export';

/**
 * The supervision registers as offices file them in Excel (#18): one sheet of the register, and for audits and joint
 * meetings a second sheet of their 整改 / 议定 items, one row each, with the register's row named on every item row.
 */
type Audit = ChannelOutput<'audits.list'>[number];
type Transfer = ChannelOutput<'transfers.list'>[number];
type Meeting = ChannelOutput<'meetings.list'>[number];
type Item = Audit['items'][number];

const ITEM_HEADERS = ['责任单位', '事项', '完成时限', '状态', '完成日期', '完成情况', '核验意见', '已转问责线索'];
const itemCells = (i: Item) => [
  i.unitName,
  i.item,
  i.deadline,
  rectificationState.label(i.state),
  i.doneOn ?? '',
  i.doneNote ?? '',
  i.verifyNote ?? '',
  i.escalated ? '是' : '',
];

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function auditsWorkbook(rows: Audit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(
    wb,
    '审计发现',
    [
      '审计类型',
      '被审计单位',
      '被审计领导',
      '审计期间',
      '报告文号',
      '报告日期',
      '主要问题',
      '问题金额（元）',
      '审计评价',
      '状态',
      '已转问责线索',
    ],
    new Set(),
  );
  for (const a of rows)
    addTextRow(ws, [
      auditKind.label(a.kind),
      a.unitName,
      a.personName ?? '',
      a.period,
      a.reportNo ?? '',
      a.reportedOn,
      a.findings,
      (a.amountCents / 100).toFixed(2),
      a.result ?? '',
      auditState.label(a.state),
      a.clueId !== null ? '是' : '',
    ]);
  // each item names its audit as the import ties them: by 报告文号, or by 被审计单位 and 审计期间
  const items = sheet(wb, '整改事项', ['报告文号', '被审计单位', '审计期间', ...ITEM_HEADERS], new Set());
  for (const a of rows)
    for (const i of a.items) addTextRow(items, [a.reportNo ?? '', a.unitName, a.period, ...itemCells(i)]);
  return bytes(wb);
}

export async function transfersWorkbook(rows: Transfer[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(
    wb,
    '移送处理',
    [
      '移送机关',
      '受移送机关',
      '移送日期',
      '所涉单位',
      '所涉人员',
      '事由',
      '主要事实',
      '移送材料',
      '反馈期限',
      '反馈日期',
      '反馈情况',
      '抄送组织人事部门',
      '移送处理书文号',
      '状态',
      '已转问责线索',
    ],
    new Set(),
  );
  for (const t of rows)
    addTextRow(ws, [
      transferBody.label(t.fromBody),
      t.toBody,
      t.transferredOn,
      t.unitName,
      t.personName ?? '',
      t.subject,
      t.facts,
      t.materials,
      t.feedbackDue,
      t.feedbackOn ?? '',
      t.feedback ?? '',
      t.copyPersonnel ? '是' : '否',
      t.number ?? '',
      transferState.label(t.state),
      t.clueId !== null ? '是' : '',
    ]);
  return bytes(wb);
}

export async function meetingsWorkbook(rows: Meeting[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(
    wb,
    '联席会议',
    ['会议名称', '会议日期', '地点', '参会单位和人员', '议题', '通报交流情况', '议定事项', '纪要文号', '状态'],
    new Set(),
  );
  for (const m of rows)
    addTextRow(ws, [
      m.title,
      m.heldOn,
      m.place ?? '',
      m.attendees.map((a) => `${a.body}：${a.names}（${meetingAttendance.label(a.as)}）`).join('；'),
      m.topics,
      m.exchanged,
      m.resolutions,
      m.number ?? '',
      meetingState.label(m.state),
    ]);
  const items = sheet(wb, '议定事项', ['会议名称', '会议日期', ...ITEM_HEADERS], new Set());
  for (const m of rows) for (const i of m.items) addTextRow(items, [m.title, m.heldOn, ...itemCells(i)]);
  return bytes(wb);
}

/**
 * The handler of a register's 导出 Excel (audited read): the rows as the list shows them, laid out before the
 * transaction; the export is recorded in the trail with how many rows went out.
 */
export function registerExport<C extends ChannelName, R>(
  target: string,
  label: string,
  rows: (ctx: HandlerContext) => R[],
  workbook: (rows: R[]) => Promise<Buffer>,
): PreparedHandler<C, { buffer: Buffer; count: number }> {
  return prepared<C, { buffer: Buffer; count: number }>(
    async (ctx) => {
      const r = rows(ctx);
      return { buffer: await workbook(r), count: r.length };
    },
    (ctx, _input, out) => {
      ctx.audit(target, { exported: out.count });
      const file = { fileName: `${label}-${fileStamp(ctx.now)}.xlsx`, base64: out.buffer.toString('base64') };
      return file as ChannelOutput<C>;
    },
  );
}
