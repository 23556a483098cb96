import ExcelJS from 'exceljs';
import { meetingAttendance, type ValueOf } from '../../vocab';
import type { HandlerContext } from '../handler';
import { type Attendee, type MeetingFields, listMeetings } from '../../../db/repos/meetings';
import { type ItemDraft, addItem, meetingProblems, writeMeeting } from '../supervision/register-writes';
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
} from './register-import';
import { itemRow, markRepeat, requiredHeads } from './register-items';
import type { ColumnSpec } from './table';
import type { ImportPlan, ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

/**
 * 联席会议 import (#18): the sheet 联席会议 (one meeting a row) and optionally 议定事项 (one action item a row, tied
 * to its meeting by 会议名称 and 会议日期), as the export lays them out. An action item's unit is resolved by name
 * (ambiguous names refused, never guessed) and must be active, as the form requires.
 */

type Key = 'title' | 'heldOn' | 'place' | 'attendees' | 'topics' | 'exchanged' | 'resolutions';
export const meetingColumns: ColumnSpec<Key>[] = [
  { key: 'title', names: ['会议名称'], required: true },
  { key: 'heldOn', names: ['会议日期', '日期'], required: true },
  { key: 'place', names: ['地点', '会议地点'] },
  { key: 'attendees', names: ['参会单位和人员', '参会单位'], required: true },
  { key: 'topics', names: ['议题', '会议议题'], required: true },
  { key: 'exchanged', names: ['通报交流情况'] },
  { key: 'resolutions', names: ['议定事项'], required: true },
];
type ItemKey = 'title' | 'heldOn' | 'unit' | 'item' | 'deadline';
export const meetingItemColumns: ColumnSpec<ItemKey>[] = [
  { key: 'title', names: ['会议名称'], required: true },
  { key: 'heldOn', names: ['会议日期'] },
  { key: 'unit', names: ['责任单位'], required: true },
  { key: 'item', names: ['事项', '事项内容', '议定事项'], required: true },
  { key: 'deadline', names: ['完成时限', '时限'], required: true },
];
export const MEETING_SHEET = '联席会议';
export const MEETING_ITEM_SHEET = '议定事项';

const col = (k: Key) => headerOf(meetingColumns, k);
const itemCol = (k: ItemKey) => headerOf(meetingItemColumns, k);
const itemFieldColumn: Record<string, string> = {
  unitId: itemCol('unit'),
  deadline: itemCol('deadline'),
  item: itemCol('item'),
};

export interface MeetingPlanItem {
  row: number;
  fields: MeetingFields;
  items: (ItemDraft & { row: number })[];
}

const ATTENDEES_FORM = '应写成“单位：人员（出席）”，多个单位用“；”分开，括号内为出席、请假或列席';

/** 参会单位和人员 as the export writes it: 县纪委监委：张某某（出席）；县审计局：李某（请假）. */
export function readAttendees(text: string): Attendee[] | string {
  const parts = text
    .split(/[；;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return '不能为空';
  if (parts.length > 30) return '参会单位最多 30 个';
  const out: Attendee[] = [];
  for (const part of parts) {
    const m = /^([^：:]+)[：:](.+)$/.exec(part);
    if (!m) return `“${part}”${ATTENDEES_FORM}`;
    let names = m[2]!.trim();
    let as: ValueOf<typeof meetingAttendance> = 'present';
    const tail = /[（(]([^（()）]+)[）)]$/.exec(names);
    const said = tail && meetingAttendance.values.find((v) => meetingAttendance.label(v) === tail[1]!.trim());
    if (said) {
      as = said;
      names = names.slice(0, tail.index).trim();
    }
    const body = m[1]!.trim();
    if (!body || !names) return `“${part}”${ATTENDEES_FORM}`;
    if (body.length > 60) return `参会单位“${body.slice(0, 10)}…”不能超过 60 个字`;
    if (names.length > 200) return `${body}的参会人员不能超过 200 个字`;
    out.push({ body, names, as });
  }
  return out;
}

const sameKey = (f: Pick<MeetingFields, 'title' | 'heldOn'>) => `${loose(f.title)}:${f.heldOn}`;

export async function planMeetingImport(
  ctx: Pick<HandlerContext, 'sqlite' | 'db' | 'now'>,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<MeetingPlanItem>> {
  const read = readSheets(
    await readWorkbook(fileName, bytes),
    { name: MEETING_SHEET, columns: meetingColumns },
    { name: MEETING_ITEM_SHEET, columns: meetingItemColumns },
  );
  if (read.fatal) return fatalPlan(read.fatal, read.notices, read.main.sheet);
  const names = namesOf(ctx);
  const registered = new Map(listMeetings(ctx.sqlite).map((m) => [sameKey(m), m]));
  const two = !!read.items;
  const rows: ImportRowResult[] = [];
  const meetings: { r: ImportRowResult; plan: MeetingPlanItem }[] = [];
  const seen = new Map<string, number>();

  for (const r of read.main.rows) {
    const t = r.text;
    const messages: Messages = [...r.problems];
    const bad = (k: Key, message: string) => messages.push({ column: col(k), message });
    for (const [k, max, req] of [
      ['title', 100, true],
      ['place', 100, false],
      ['topics', 5000, true],
      ['exchanged', 5000, false],
      ['resolutions', 5000, true],
    ] as const) {
      const p = textOf(t[k], max, req);
      if (p) bad(k, p);
    }
    const date = dayOf(r, 'heldOn');
    if ('problem' in date) bad('heldOn', date.problem);
    const attendees = readAttendees(t.attendees);
    if (typeof attendees === 'string') bad('attendees', attendees);
    const fields: MeetingFields = {
      title: t.title,
      heldOn: 'date' in date ? date.date : '',
      place: t.place || null,
      attendees: typeof attendees === 'string' ? [] : attendees,
      topics: t.topics,
      exchanged: t.exchanged,
      resolutions: t.resolutions,
    };
    if ('date' in date) onColumns(meetingProblems(ctx, fields), { heldOn: col('heldOn') }, messages);
    idNumberCells(r, meetingColumns, messages);
    const row: ImportRowResult = {
      row: r.row,
      ...(two ? { sheet: read.main.sheet ?? MEETING_SHEET } : {}),
      key: t.heldOn,
      name: t.title,
      status: messages.length ? 'error' : 'create',
      messages,
    };
    rows.push(row);
    const dup = registered.get(sameKey(fields));
    markRepeat(
      row,
      sameKey(fields),
      seen,
      dup ? `与已登记的会议重复（${dup.heldOn} ${dup.title}）` : null,
      '同一次会议',
    );
    meetings.push({ r: row, plan: { row: r.row, fields, items: [] } });
  }

  for (const r of read.items?.rows ?? []) {
    const t = r.text;
    const messages: Messages = [...r.problems];
    const bad = (k: ItemKey, message: string) => messages.push({ column: itemCol(k), message });
    const held = t.heldOn ? dayOf(r, 'heldOn') : null;
    if (held && 'problem' in held) bad('heldOn', held.problem);
    const owners = meetings.filter(
      (m) =>
        loose(m.plan.fields.title) === loose(t.title) &&
        (!held || !('date' in held) || m.plan.fields.heldOn === held.date),
    );
    const live = owners.filter((m) => m.r.status !== 'same');
    const owner = live[0] ?? owners[0];
    if (!t.title) bad('title', '请填写所属会议的会议名称');
    else if (!owner) bad('title', `在“${MEETING_SHEET}”工作表中找不到“${t.title}”${t.heldOn ? `（${t.heldOn}）` : ''}`);
    else if (live.length > 1)
      bad(
        'heldOn',
        `对应“${MEETING_SHEET}”中的多行（第 ${live.map((m) => m.r.row).join('、')} 行），请填写会议日期区分`,
      );
    else if (owner.r.status === 'error') bad('title', `所属会议（“${MEETING_SHEET}”第 ${owner.r.row} 行）有错误`);
    const row = itemRow({
      ctx,
      r,
      messages,
      bad,
      names,
      owner: owner && { r: owner.r, plan: owner.plan, from: owner.plan.fields.heldOn },
      columns: meetingItemColumns,
      fieldColumn: itemFieldColumn,
      sheet: read.items!.sheet ?? MEETING_ITEM_SHEET,
      key: t.heldOn,
      labels: { owner: '会议', ownerSheet: MEETING_SHEET, item: '议定事项' },
    });
    rows.push(row);
  }
  const items = meetings.filter((m) => m.r.status === 'create').map((m) => m.plan);
  const dups = meetings.filter((m) => m.r.status === 'same').length;
  const notices = [...read.notices];
  if (dups) notices.push(`${dups} 行是已登记或本文件中重复的会议，不会重复导入。`);
  return { rows, notices, items, sheet: read.main.sheet };
}

/** Each meeting as meetings.save writes it, then its action items as meetings.addItem does. */
export function writeMeetingImport(ctx: HandlerContext, plan: MeetingPlanItem[]): void {
  const log = (target: string, detail: Record<string, unknown>) => ctx.auditEach(target, detail);
  for (const m of plan) {
    const id = writeMeeting(ctx, m.fields, log);
    for (const { row: _r, ...it } of m.items) addItem(ctx, { meetingId: id }, it, m.fields.heldOn, log);
  }
}

export async function meetingsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(
    wb,
    MEETING_SHEET,
    meetingColumns.map((c) => c.names[0]!),
    requiredHeads(meetingColumns),
  );
  addTextRow(ws, [
    '第三季度监督工作联席会议',
    '2026-09-20',
    '县政府三楼会议室',
    '县纪委监委：张某某（出席）；县审计局：李某某（出席）；县财政局：王某某（请假）',
    '通报问题线索，研究移送事项',
    '审计局通报专项审计发现',
    '各成员单位按季互通信息',
  ]);
  const items = sheet(
    wb,
    MEETING_ITEM_SHEET,
    meetingItemColumns.map((c) => c.names[0]!),
    requiredHeads(meetingItemColumns),
  );
  addTextRow(items, ['第三季度监督工作联席会议', '2026-09-20', '示例单位', '报送问题整改台账', '2026-10-30']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
