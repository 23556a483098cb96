import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/sample-plan';
import { accountabilityWorld, testClock } from '../../support/accountability-world';

let t: TestApp;
afterEach(() => t?.close());

interface Review {
  id: number;
  state: string;
  headName: string;
  headPost: string | null;
  deadline: string;
  workingDays: number;
  documentId: number;
  number: string;
  deadlineState: string | null;
  late: boolean;
  clueId: number | null;
  actions: string[];
}
type Board = { accountability: { kind: string; reviewId: number | null; deadline: string; deadlineState: string }[] };

describe('重大事故/事件的责任检讨: demand → written explanation → 认可 / 退回, on the board, to a clue', () => {
  it('tracks the demand like a notice, refuses what is hostile and becomes a clue once', async () => {
    const clock = testClock('2026-03-02');
    t = await testApp({ now: clock.now });
    const { call, units } = await accountabilityWorld(t.app);
    const people = (
      await call<{ rows: { id: number; name: string; unitId: number; post: string | null; isUnitHead: boolean }[] }>(
        'people.list',
        { limit: 500 },
      )
    ).rows;
    const head = people.find((p) => p.isUnitHead)!;
    const unit = units.find((u) => u.id === head.unitId)!;
    // a holiday on Wednesday 3-04: 5 working days from Monday 3-02 end on Tuesday 3-10, not Monday 3-09
    await caller(t.app, 'admin', '管理员')('calendar.set', { date: '2026-03-04', kind: 'holiday', note: '测试' });
    const demand = {
      unitId: unit.id,
      incident: '“2·26”危化品仓库火灾事故',
      incidentOn: '2026-02-26',
      facts: '2026年2月26日，该单位监管的危化品仓库发生火灾，造成2人受伤，直接经济损失约300万元。',
      toBody: '示例县人民政府',
      demandedOn: '2026-03-02',
      workingDays: 5,
    };

    // hostile: a deadline before the date of the notice; an incident in the future; a unit that is deactivated
    await expect(
      call('incidents.demand', { ...demand, workingDays: undefined, deadline: '2026-03-01' }),
    ).rejects.toThrow('检讨期限（2026-03-01）应晚于通知日期（2026-03-02）');
    await expect(call('incidents.demand', { ...demand, incidentOn: '2026-03-05' })).rejects.toThrow(
      '事故（事件）发生日期不能晚于今天',
    );
    const closed = units.find((u) => u.id !== unit.id && u.code !== units[0]!.code)!;
    await call('units.setActive', { id: closed.id, active: false });
    await expect(call('incidents.demand', { ...demand, unitId: closed.id })).rejects.toThrow(
      `${closed.name}已停用，不能向它发出检讨通知`,
    );
    expect(await call<Review[]>('incidents.list', {})).toEqual([]);

    // the demand goes to the unit's head (from 组织人员), numbered as a 检讨通知, deadline on the working-day calendar
    let r = await call<Review>('incidents.demand', demand);
    expect(r).toMatchObject({ state: 'pending', headName: head.name, deadline: '2026-03-10', deadlineState: 'ok' });
    expect(r.number).toMatch(/^考评检〔2026〕1号$/);
    const text = (
      await mammoth.extractRawText({
        buffer: Buffer.from(
          (await call<{ base64: string }>('documents.content', { id: r.documentId })).base64,
          'base64',
        ),
      })
    ).value;
    for (const needle of [
      `关于${unit.name}就“2·26”危化品仓库火灾事故作出书面检讨的通知`,
      `${unit.name}：`,
      `${head.name}同志就上述事故（事件）向示例县人民政府作出书面检讨`,
      '请于2026年3月10日（5个工作日内）前将书面检讨报送',
      '直接经济损失约300万元。',
    ])
      expect(text, needle).toContain(needle);

    // its clock is on the overdue board, and overdue once the deadline has passed
    expect((await call<Board>('board.list', {})).accountability).toEqual([
      expect.objectContaining({ kind: 'incident', reviewId: r.id, deadline: '2026-03-10', deadlineState: 'ok' }),
    ]);
    clock.set('2026-03-11');
    expect((await call<Board>('board.list', {})).accountability.map((x) => x.deadlineState)).toEqual(['overdue']);

    // hostile: accepting before any explanation; a reply dated before the notice
    await expect(call('incidents.settle', { id: r.id, action: 'accept' })).rejects.toThrow(
      '这份责任检讨当前为“待检讨”，不能认可检讨',
    );
    await expect(call('incidents.reply', { id: r.id, replyOn: '2026-03-01', reply: '检讨如下' })).rejects.toThrow(
      '提交日期不能早于通知日期（2026-03-02）',
    );

    // a late explanation is recorded as late; returned with the office's opinion, rewritten, then accepted
    r = await call<Review>('incidents.reply', { id: r.id, replyOn: '2026-03-11', reply: '对事故负有领导责任……' });
    expect(r).toMatchObject({ state: 'submitted', late: true, deadlineState: null });
    expect((await call<Board>('board.list', {})).accountability).toEqual([]);
    await expect(call('incidents.settle', { id: r.id, action: 'return' })).rejects.toThrow('请写明退回意见');
    r = await call<Review>('incidents.settle', { id: r.id, action: 'return', opinion: '原因分析不深刻，请重写' });
    expect(r.state).toBe('returned');
    r = await call<Review>('incidents.reply', { id: r.id, replyOn: '2026-03-11', reply: '重新检讨：……' });
    r = await call<Review>('incidents.settle', { id: r.id, action: 'accept', opinion: '检讨深刻，予以认可' });
    expect(r.state).toBe('accepted');

    // hostile: a reply for a closed review
    await expect(call('incidents.reply', { id: r.id, replyOn: '2026-03-11', reply: '补充' })).rejects.toThrow(
      '这份责任检讨当前为“已认可”，不能登记书面检讨',
    );

    // 转为问责线索: once, the clue linking back to the review
    r = await call<Review>('incidents.toClue', { id: r.id, reason: '事故造成人员受伤和重大损失' });
    const clues = await call<{ id: number; sourceKind: string; sourceLabel: string; unitId: number }[]>(
      'clues.list',
      {},
    );
    expect(clues).toEqual([expect.objectContaining({ id: r.clueId, sourceKind: 'incident_review', unitId: unit.id })]);
    expect(clues[0]!.sourceLabel).toContain(r.number);
    expect(r.actions).not.toContain('escalate');
    await expect(call('incidents.toClue', { id: r.id, reason: '再转一次' })).rejects.toThrow('已转为问责线索');

    // case content: a clerk or an administrator cannot read it
    await expect(caller(t.app, 'clerk', '王录入')('incidents.list', {})).rejects.toThrow();
    await expect(caller(t.app, 'admin', '管理员')('incidents.list', {})).rejects.toThrow();
  }, 60_000);
});
