import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../support/world';

let w: World;
beforeAll(async () => {
  w = await World.start();
}, 180_000);
afterAll(() => w?.t.close());

type Clue = { id: number; sourceKind: string; sourceLabel: string; state: string; caseId: number | null };

describe('问责线索 from the registers', () => {
  it('an overdue notice, an overdue rectification item and a lagging finding each become one clue', async () => {
    const noticeId = await w.notice();
    await expect(w.call('notices.escalate', { id: noticeId, reason: '未回复' })).rejects.toThrow(
      '只有逾期未回复的通知书可以转为问责线索',
    );
    const rectId = await w.rectification();
    const findingId = await w.finding();
    w.later(30);
    const fromNotice = await w.call<Clue>('notices.escalate', { id: noticeId, reason: '逾期未回复' });
    expect(fromNotice).toMatchObject({ sourceKind: 'notice', state: 'pending' });
    expect(fromNotice.sourceLabel).toMatch(/考评询〔2026〕\d+号 逾期未回复/);
    await expect(w.call('notices.escalate', { id: noticeId, reason: '再次' })).rejects.toThrow('已转为问责线索');

    await w.call('rectify.escalate', { id: rectId, reason: '逾期未整改' });
    await w.call('findings.escalate', { id: findingId, reason: '进度滞后' });
    const clues = await w.call<Clue[]>('clues.list', {});
    expect(clues.map((c) => c.sourceKind).sort()).toEqual(['finding', 'notice', 'rectification']);

    // assessed once: 立案, then another clue 并案 into it, a third 了结 with a reason
    const [a, b, c] = clues;
    const filed = await w.call<Clue>('clues.assess', {
      action: 'file',
      id: a!.id,
      title: '逾期问题',
      faultCategory: 'policy',
      openedOn: w.today(),
    });
    await expect(w.call('clues.assess', { action: 'close', id: a!.id, reason: 'x' })).rejects.toThrow('已研判');
    const merged = await w.call<Clue>('clues.assess', { action: 'merge', id: b!.id, caseId: filed.caseId });
    expect(merged).toMatchObject({ state: 'merged', caseId: filed.caseId });
    await expect(w.call('clues.assess', { action: 'close', id: c!.id })).rejects.toThrow('请填写了结理由');
    expect(await w.call<Clue>('clues.assess', { action: 'close', id: c!.id, reason: '已整改到位' })).toMatchObject({
      state: 'closed',
    });
    const k = await w.call<{ clues: Clue[]; subjects: { kind: string }[] }>('cases.get', { id: filed.caseId });
    expect(k.clues).toHaveLength(2);
    expect(k.subjects.map((s) => s.kind)).toEqual(['unit']);
  }, 120_000);
});
