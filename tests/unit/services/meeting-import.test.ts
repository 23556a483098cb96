import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/app';
import { type ImportOutcome, supervisionWorld, twoFinanceOffices, workbookFile } from '../../support/supervision-world';

let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

type Meeting = {
  title: string;
  heldOn: string;
  place: string | null;
  attendees: { body: string; names: string; as: string }[];
  topics: string;
  exchanged: string;
  resolutions: string;
  state: string;
  items: { unitName: string; item: string; deadline: string; state: string }[];
};
const shown = ({ title, heldOn, place, attendees, topics, exchanged, resolutions, state, items }: Meeting) => ({
  title,
  heldOn,
  place,
  attendees,
  topics,
  exchanged,
  resolutions,
  state,
  items: items.map((i) => [i.unitName, i.item, i.deadline, i.state]),
});

const HEAD = ['会议名称', '会议日期', '地点', '参会单位和人员', '议题', '通报交流情况', '议定事项'];
const ITEM_HEAD = ['会议名称', '会议日期', '责任单位', '事项', '完成时限'];
const meetingRow = (title: string, heldOn: string, attendees = '县纪委监委：张某某（出席）') => [
  title,
  heldOn,
  '',
  attendees,
  '通报问题线索',
  '',
  '按季互通信息',
];

describe('联席会议 import', () => {
  it('refuses an action item for a deactivated unit or an ambiguous one by row and column', async () => {
    const w = await supervisionWorld();
    apps.push(w.t);
    await twoFinanceOffices(w);
    await w.call('units.setActive', { id: w.unitId('SX-FGJ-JGK'), active: false });
    const file = await workbookFile('联席会议.xlsx', {
      联席会议: [
        HEAD,
        meetingRow('第三季度联席会议', '2026-09-20', '县纪委监委：张某某（出席）；县审计局：李某（请假）'),
        meetingRow('第二季度联席会议', '2026-06-20', '县纪委监委 张某某'),
      ],
      议定事项: [
        ITEM_HEAD,
        ['第三季度联席会议', '2026-09-20', '价格科', '报送台账', '2026-10-30'],
        ['第三季度联席会议', '2026-09-20', '财政所', '清理往来款', '2026-10-30'],
        ['第三季度联席会议', '2026-09-20', '城关镇人民政府/财政所', '清理往来款', '2026-10-30'],
        ['第一季度联席会议', '2026-03-20', 'SX-JYJ', '报送台账', '2026-10-30'],
      ],
    });
    const p = await w.call<ImportOutcome>('meetings.importPreview', file);
    const at = (sheet: string, row: number) => p.rows.find((r) => r.sheet === sheet && r.row === row)!;
    expect(at('联席会议', 2).status).toBe('create');
    expect(at('联席会议', 3).messages).toEqual([
      {
        column: '参会单位和人员',
        message: '“县纪委监委 张某某”应写成“单位：人员（出席）”，多个单位用“；”分开，括号内为出席、请假或列席',
      },
    ]);
    expect(at('议定事项', 2).messages).toEqual([
      { column: '责任单位', message: '“示例县发展和改革局价格科”已停用，不能再给它安排事项；请选择承接其职责的单位' },
    ]);
    expect(at('议定事项', 3).messages[0]!.column).toBe('责任单位');
    expect(at('议定事项', 3).messages[0]!.message).toContain('有 2 个单位名为“财政所”');
    expect(at('议定事项', 4).status).toBe('create');
    expect(at('议定事项', 5).messages).toEqual([
      { column: '会议名称', message: '在“联席会议”工作表中找不到“第一季度联席会议”（2026-03-20）' },
    ]);
    await expect(w.call('meetings.import', file)).rejects.toThrow('文件有 4 行错误，未导入任何内容。');
    expect(await w.call('meetings.list', {})).toEqual([]);
  });

  it('re-imports an exported workbook into a fresh database; a second import shows every row a repeat', async () => {
    const a = await supervisionWorld();
    apps.push(a.t);
    const m = await a.call<{ id: number }>('meetings.save', {
      title: '第三季度监督工作联席会议',
      heldOn: '2026-09-20',
      place: '县政府三楼会议室',
      attendees: [
        { body: '县纪委监委', names: '张某某、王某', as: 'present' },
        { body: '县审计局', names: '李某', as: 'leave' },
        { body: '县财政局', names: '赵某', as: 'observer' },
      ],
      topics: '通报问题线索',
      exchanged: '审计局通报专项审计发现',
      resolutions: '各成员单位按季互通信息',
    });
    await a.call('meetings.addItem', {
      meetingId: m.id,
      unitId: a.unitId('SX-CZJ'),
      item: '报送台账',
      deadline: '2026-10-30',
    });
    await a.call('meetings.addItem', {
      meetingId: m.id,
      unitId: a.unitId('SX-JYJ'),
      item: '清理问题',
      deadline: '2026-11-30',
    });
    await a.call('meetings.save', {
      title: '第二季度监督工作联席会议',
      heldOn: '2026-06-20',
      attendees: [{ body: '县纪委监委', names: '张某某' }],
      topics: '研究移送事项',
      exchanged: '',
      resolutions: '移送两件',
    });
    const exported = await a.call<{ fileName: string; base64: string }>('meetings.export', {});
    const b = await supervisionWorld();
    apps.push(b.t);
    const preview = await b.call<ImportOutcome>('meetings.importPreview', exported);
    expect(preview.counts).toEqual({ create: 4, update: 0, same: 0, error: 0 });
    const done = await b.call<ImportOutcome>('meetings.import', exported);
    expect(done.rows).toEqual(preview.rows);
    const before = (await a.call<Meeting[]>('meetings.list', {})).map(shown);
    expect((await b.call<Meeting[]>('meetings.list', {})).map(shown)).toEqual(before);
    const again = await b.call<ImportOutcome>('meetings.importPreview', exported);
    expect(again.counts).toEqual({ create: 0, update: 0, same: 4, error: 0 });
    expect(again.notices).toContain('2 行是已登记或本文件中重复的会议，不会重复导入。');
  });
});
