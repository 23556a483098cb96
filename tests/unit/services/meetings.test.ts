import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { supervisionWorld } from '../../support/supervision-world';
import type { TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t?.close());

type Item = { id: number; unitName: string; state: string };
type Meeting = {
  id: number;
  state: string;
  number: string | null;
  documentId: number | null;
  items: Item[];
  attendees: { body: string; names: string; as: string }[];
};

async function heldMeeting(w: Awaited<ReturnType<typeof supervisionWorld>>) {
  const m = await w.call<Meeting>('meetings.save', {
    title: '2026年第三季度监督工作联席会议',
    heldOn: '2026-09-15',
    place: '县政府三楼会议室',
    attendees: [
      { body: '县纪委监委', names: '张某某', as: 'present' },
      { body: '县审计局', names: '李某某' },
      { body: '县司法局', names: '吴某', as: 'leave' },
      { body: '县委组织部', names: '郑某', as: 'observer' },
    ],
    topics: '通报第三季度问题线索；研究移送案件反馈',
    exchanged: '审计局通报专项资金审计发现 3 项',
    resolutions: '各成员单位按季互通信息',
  });
  return w.call<Meeting>('meetings.addItem', {
    meetingId: m.id,
    unitId: w.unitId('SX-JYJ'),
    item: '报送整改台账',
    deadline: '2026-10-30',
  });
}

describe('联席会议的会议纪要', () => {
  it('is numbered in the register, lists 出席/请假/列席 and the items, and fixes the meeting', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const m = await heldMeeting(w);
    // an attendee saved without saying how it attended is 出席
    expect(m.attendees.map((a) => a.as)).toEqual(['present', 'present', 'leave', 'observer']);
    await expect(w.as('leader')('meetings.issue', { id: m.id })).rejects.toThrow();
    const issued = await w.call<Meeting>('meetings.issue', { id: m.id });
    expect(issued).toMatchObject({ state: 'issued', number: '考评纪〔2026〕1号' });
    const docs = await w.call<{ number: string; kind: string; title: string }[]>('documents.list', {});
    expect(docs.find((d) => d.number === '考评纪〔2026〕1号')).toMatchObject({
      kind: 'minutes',
      title: '2026年第三季度监督工作联席会议纪要',
    });
    const content = await w.call<{ base64: string }>('documents.content', { id: issued.documentId });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(content.base64, 'base64') });
    for (const needle of [
      '监督工作联席会议纪要',
      '考评纪〔2026〕1号',
      '2026年9月15日，2026年第三季度监督工作联席会议在县政府三楼会议室召开，县纪委监委、县审计局、县委组织部参加会议。',
      '报送整改台账',
      '示例县教育局',
      '出席：县纪委监委　张某某；县审计局　李某某',
      '请假：县司法局　吴某',
      '列席：县委组织部　郑某',
    ])
      expect(text, needle).toContain(needle);
    // issued: the record is fixed, a second 纪要 is refused, no number is taken for it
    await expect(w.call('meetings.issue', { id: m.id })).rejects.toThrow('这次联席会议当前为“纪要已印发”');
    await expect(
      w.call('meetings.addItem', { meetingId: m.id, unitId: w.unitId('SX-JYJ'), item: 'x', deadline: '2026-10-30' }),
    ).rejects.toThrow('这次联席会议当前为“纪要已印发”，不能添加议定事项');
    const again = await w.call<{ number: string; kind: string }[]>('documents.list', {});
    expect(again.filter((d) => d.kind === 'minutes')).toHaveLength(1);
  });
});

describe('联席会议的议定事项转为问责线索', () => {
  it('files a clue on the item’s unit, source 联席会议, once; the item shows it escalated', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const m = await heldMeeting(w);
    const item = m.items[0]!;
    const after = await w.call<Meeting & { items: (Item & { escalated: boolean })[] }>('meetings.toClue', {
      itemId: item.id,
      reason: '拒不报送整改台账',
    });
    expect(after.items[0]).toMatchObject({ id: item.id, escalated: true, state: 'open' });
    const clues = await w.call<
      { sourceKind: string; sourceLabel: string; unitId: number | null; unitName: string | null; summary: string }[]
    >('clues.list', {});
    expect(clues).toHaveLength(1);
    expect(clues[0]).toMatchObject({
      sourceKind: 'joint_meeting',
      sourceLabel: '2026年第三季度监督工作联席会议（2026-09-15）议定事项',
      unitId: w.unitId('SX-JYJ'),
      unitName: '示例县教育局',
      summary: '报送整改台账（完成时限 2026-10-30）。转问责理由：拒不报送整改台账',
    });
    await expect(w.call('meetings.toClue', { itemId: item.id, reason: '再转一次' })).rejects.toThrow(
      '这个议定事项已转为问责线索。',
    );
    // not filed a second time as an overdue rectification item either
    await expect(w.call('rectify.escalate', { id: item.id, reason: '逾期' })).rejects.toThrow();
    await expect(w.call('meetings.toClue', { itemId: item.id, reason: '' })).rejects.toThrow();
    expect(await w.call<unknown[]>('clues.list', {})).toHaveLength(1);
  });
});
