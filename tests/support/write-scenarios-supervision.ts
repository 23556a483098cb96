import ExcelJS from 'exceljs';
import type { ChannelName } from '../../electron/contract';
import type { Scenario } from './write-scenarios';
import type { World } from './world';

/** The supervision web's write channels (#18), each with the world it needs. */

const complaint = async (w: World, ref: string) => ({
  channel: 'hotline',
  ref,
  receivedOn: w.today(),
  complainantName: '赵小明',
  complainantPhone: '13912345678',
  unitId: await w.unit('SX-CZJ'),
  category: 'delay',
  content: `办理不动产登记往返三次仍未办结（${ref}）`,
  handler: '李考评',
  workingDays: 15,
});
const complaintId = (w: World, ref: string) =>
  w.once(`complaint:${ref}`, async () => (await w.call<{ id: number }>('complaints.save', await complaint(w, ref))).id);
const concluded = (w: World, ref: string) =>
  w.once(`concluded:${ref}`, async () => {
    const id = await complaintId(w, ref);
    await w.call('complaints.conclude', { id, result: '属实', substantiated: true, concludedOn: w.today() });
    return id;
  });

const transfer = async (w: World) => ({
  fromBody: 'audit',
  toBody: '示例县监察委员会',
  transferredOn: w.today(),
  unitId: await w.unit('SX-CZJ'),
  subject: '专项资金违规使用',
  facts: '审计发现挪用专项资金',
  materials: '审计报告',
});
const transferId = (w: World, key: string) =>
  w.once(`transfer:${key}`, async () => (await w.call<{ id: number }>('transfers.save', await transfer(w))).id);

const audit = async (w: World) => ({
  kind: 'budget',
  unitId: await w.unit('SX-JYJ'),
  period: '2025年度',
  reportedOn: w.today(),
  findings: '预算执行进度偏慢',
  amount: 1000,
});
const auditId = (w: World, key: string) =>
  w.once(`audit:${key}`, async () => (await w.call<{ id: number }>('audits.save', await audit(w))).id);

const channelOf = async (w: World, contact: string) => ({
  unitId: await w.unit('SX-CZJ'),
  kind: 'phone',
  contact,
  hours: '工作日 8:30—12:00、14:30—17:30',
});
const channelId = (w: World, contact: string) =>
  w.once(
    `channel:${contact}`,
    async () => (await w.call<{ id: number }>('complaint-channels.save', await channelOf(w, contact))).id,
  );

const meeting = (w: World) => ({
  title: '监督工作联席会议',
  heldOn: w.today(),
  attendees: [{ body: '县纪委监委', names: '张某某' }],
  topics: '通报问题线索',
  exchanged: '审计局通报专项审计发现',
  resolutions: '各成员单位按季互通信息',
});
const meetingId = (w: World, key: string) =>
  w.once(`meeting:${key}`, async () => (await w.call<{ id: number }>('meetings.save', meeting(w))).id);

async function complaintsFile(w: World) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('投诉');
  ws.addRow(['来件编号', '投诉渠道', '受理日期', '投诉人', '联系电话', '被投诉单位', '投诉类别', '投诉内容']);
  ws.addRow(['IMP-1', '电话', w.today(), '钱多多', '13700001111', 'SX-JYJ', '效率低下', '学籍证明开具慢']);
  return { fileName: '投诉.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

/** A workbook of named sheets, each a header row and rows of text. */
async function workbook(fileName: string, sheets: Record<string, string[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return { fileName, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

const auditsFile = (w: World) =>
  workbook('审计.xlsx', {
    审计发现: [
      ['审计类型', '被审计单位', '审计期间', '报告文号', '报告日期', '主要问题', '问题金额（元）'],
      ['专项资金', 'SX-JYJ', '2025年度', '示审〔2026〕9号', w.today(), '专项资金拨付滞后', '5000'],
    ],
    整改事项: [
      ['报告文号', '责任单位', '事项', '完成时限'],
      ['示审〔2026〕9号', 'SX-JYJ', '加快拨付', '2099-12-31'],
    ],
  });

const transfersFile = (w: World) =>
  workbook('移送.xlsx', {
    移送处理: [
      ['移送机关', '受移送机关', '移送日期', '所涉单位', '事由', '主要事实', '移送材料'],
      ['财政', '示例县监察委员会', w.today(), 'SX-JYJ', '违规发放津贴', '财政检查发现违规发放津贴', '检查报告'],
    ],
  });

const meetingsFile = (w: World) =>
  workbook('联席会议.xlsx', {
    联席会议: [
      ['会议名称', '会议日期', '参会单位和人员', '议题', '议定事项'],
      ['导入的联席会议', w.today(), '县纪委监委：张某某（出席）', '通报问题线索', '按季互通信息'],
    ],
    议定事项: [
      ['会议名称', '会议日期', '责任单位', '事项', '完成时限'],
      ['导入的联席会议', w.today(), 'SX-JYJ', '报送台账', '2099-12-31'],
    ],
  });

export const supervisionScenarios: Partial<Record<ChannelName, Scenario>> = {
  'complaints.save': async (w) => ({ input: await complaint(w, 'S-1') }),
  'complaints.conclude': async (w) => ({
    input: { id: await complaintId(w, 'S-2'), result: '经核查属实', substantiated: true, concludedOn: w.today() },
  }),
  'complaints.reopen': async (w) => ({ input: { id: await concluded(w, 'S-3'), reason: '投诉人不服' } }),
  'complaints.toClue': async (w) => ({ input: { id: await complaintId(w, 'S-4') } }),
  'complaints.import': async (w) => ({ input: await complaintsFile(w) }),
  'transfers.save': async (w) => ({ input: await transfer(w) }),
  'transfers.feedback': async (w) => ({
    input: { id: await transferId(w, 'feedback'), feedbackOn: w.today(), feedback: '已立案调查' },
  }),
  'transfers.issue': async (w) => ({ input: { id: await transferId(w, 'issue') } }),
  'complaint-channels.save': async (w) => ({ input: await channelOf(w, '0000-1111111') }),
  'complaint-channels.remove': async (w) => ({ input: { id: await channelId(w, '0000-2222222') } }),
  'complaint-channels.issue': async (w) => {
    await channelId(w, '0000-3333333');
    return { input: {} };
  },
  'transfers.toClue': async (w) => ({ input: { id: await transferId(w, 'clue') } }),
  'audits.save': async (w) => ({ input: await audit(w) }),
  'audits.addItem': async (w) => ({
    input: {
      auditId: await auditId(w, 'item'),
      unitId: await w.unit('SX-JYJ'),
      item: '加快执行',
      deadline: '2099-12-31',
    },
  }),
  'audits.close': async (w) => ({ input: { id: await auditId(w, 'close') } }),
  'audits.notice': async (w) => {
    await auditId(w, 'notice');
    return { input: { year: Number(w.today().slice(0, 4)) } };
  },
  'audits.toClue': async (w) => ({ input: { id: await auditId(w, 'clue') } }),
  'audits.import': async (w) => ({ input: await auditsFile(w) }),
  'transfers.import': async (w) => ({ input: await transfersFile(w) }),
  'meetings.import': async (w) => ({ input: await meetingsFile(w) }),
  'meetings.save': async (w) => ({ input: meeting(w) }),
  'meetings.addItem': async (w) => ({
    input: {
      meetingId: await meetingId(w, 'item'),
      unitId: await w.unit('SX-JYJ'),
      item: '报送台账',
      deadline: '2099-12-31',
    },
  }),
  'meetings.issue': async (w) => ({ input: { id: await meetingId(w, 'issue') } }),
  'meetings.toClue': async (w) => {
    const m = await w.call<{ items: { id: number }[] }>('meetings.addItem', {
      meetingId: await meetingId(w, 'clue'),
      unitId: await w.unit('SX-JYJ'),
      item: '报送台账',
      deadline: '2099-12-31',
    });
    return { input: { itemId: m.items[0]!.id, reason: '拒不落实议定事项' } };
  },
};
