import { afterEach, describe, expect, it } from 'vitest';
import { planById } from '../../../db/repos/plans';
import { entryLockProblem } from '../../../electron/services/scoring/guard';
import { resultsOf } from '../../../electron/services/scoring/results';
import { testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/sample-plan';
import { enteredSource, scoringYear } from '../../support/sample-results';

let t: TestApp;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  t?.close();
});

type View = {
  planState: string;
  snapshots: { no: number; reason: string; incompleteReason: string | null }[];
  freeze: { problems: string[]; incomplete: string[] } | null;
  publication: {
    startDate: string;
    endDate: string;
    state: string;
    daysLeft: number;
    periodText: string;
    publicityNumber: string | null;
    bulletinNumber: string | null;
  } | null;
  objections: {
    id: number;
    no: number;
    state: string;
    outcome: string | null;
    rescoring: boolean;
    rescoreSnapshotNo: number | null;
  }[];
};
type Snapshot = {
  no: number;
  reason: string;
  categories: { name: string; rows: { unitId: number; unit: string; total: number; rank: number; grade: string }[] }[];
};

/** Local noon of a day: the app's "today" (todayOf) reads local dates. */
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0).getTime();
};

async function frozenYear() {
  let now = day('2026-03-02');
  t = await testApp({ now: () => now });
  const s = await scoringYear(t.app, '2026-03-02');
  const setToday = (iso: string) => (now = day(iso));
  const plan = () => planById(t.app.opened.sqlite, s.plan.id)!;
  return { ...s, setToday, plan };
}

const rowsOf = (s: Snapshot) => s.categories.flatMap((c) => c.rows);

describe('freezing the results, the 公示 and its objections', () => {
  it('freezes once, refuses score writes after, and opens the 公示 for the period in working days', async () => {
    const { plan, call, setToday } = await frozenYear();
    // nothing entered yet: every unit is incomplete, so freezing needs a stated reason
    const before = await call<View>('publications.get', { planId: plan().id });
    expect(before.freeze!.incomplete.length).toBeGreaterThan(0);
    await expect(call('publications.freeze', { planId: plan().id })).rejects.toThrow('基础指标未全部评分');
    expect((await call<View>('publications.get', { planId: plan().id })).snapshots).toEqual([]);

    cleanups.push(enteredSource());
    const unit = resultsOf(t.app.opened.sqlite, plan(), '2026-12-28');
    if (!unit.ok) throw new Error(unit.problems.join('；'));
    expect(unit.value.snapshotNo).toBeNull();
    const someUnit = unit.value.scores.units[0]!.unitId;
    expect(entryLockProblem(t.app.opened.sqlite, plan(), someUnit)).toBeNull();

    const frozen = await call<View>('publications.freeze', { planId: plan().id });
    expect(frozen.snapshots).toMatchObject([{ no: 1, reason: '首次冻结', incompleteReason: null }]);
    expect(entryLockProblem(t.app.opened.sqlite, plan(), someUnit)).toBe('结果已冻结，只有异议成立后才能重新评分。');
    await expect(call('publications.freeze', { planId: plan().id })).rejects.toThrow('评分结果已冻结（第 1 次）');
    expect(
      (resultsOf(t.app.opened.sqlite, plan(), '2026-12-28') as { value: { snapshotNo: number } }).value.snapshotNo,
    ).toBe(1);

    // the plan publishes its results only with the 公示
    await expect(call('plans.setState', { id: plan().id, to: 'results' })).rejects.toThrow('须印发考核结果公示');

    setToday('2027-01-04');
    const open = await call<View>('publications.open', {
      planId: plan().id,
      startDate: '2027-01-04',
      workingDays: 5,
      phone: '0000-1234567',
    });
    expect(open.planState).toBe('results');
    expect(open.publication).toMatchObject({
      startDate: '2027-01-04',
      endDate: '2027-01-08',
      state: 'open',
      daysLeft: 5,
      periodText: '自2027年1月4日至1月8日（5个工作日）',
      publicityNumber: '考评公〔2026〕1号',
    });
    const docs = await call<{ kind: string; title: string }[]>('documents.list', { kind: 'publicity' });
    expect(docs.map((d) => d.title)).toContain('关于2026年度目标管理考核结果的公示');
    await expect(
      call('publications.open', { planId: plan().id, startDate: '2027-01-04', workingDays: 5 }),
    ).rejects.toThrow('已经公示');
  });

  it('refuses an objection received after the period and keeps nothing of it', async () => {
    const { plan, call, setToday } = await frozenYear();
    cleanups.push(enteredSource());
    await call('publications.freeze', { planId: plan().id });
    setToday('2027-01-04');
    await call('publications.open', {
      planId: plan().id,
      startDate: '2027-01-04',
      workingDays: 5,
      phone: '0000-1234567',
    });
    setToday('2027-01-08');
    const ok = await call<View>('objections.register', {
      planId: plan().id,
      raiserName: '王某',
      raiserContact: '13800000000',
      receivedDate: '2027-01-08',
      content: '末日收到的异议',
    });
    expect(ok.objections).toHaveLength(1);

    setToday('2027-01-11');
    const late = {
      planId: plan().id,
      raiserName: '李某',
      raiserContact: '13900000000',
      receivedDate: '2027-01-11',
      content: '期满后的异议',
    };
    await expect(call('objections.register', late)).rejects.toThrow(
      '公示期已于2027年1月8日届满，2027年1月11日收到的异议超出公示期，不予受理。',
    );
    const after = await call<View>('publications.get', { planId: plan().id });
    expect(after.objections).toHaveLength(1);
    expect(after.publication).toMatchObject({ state: 'expired', daysLeft: 0 });
  });

  it('re-scores only after an upheld objection, as a new snapshot with its reason; the old one kept', async () => {
    const { plan, call, setToday } = await frozenYear();
    cleanups.push(enteredSource());
    await call('publications.freeze', { planId: plan().id });
    const first = await call<Snapshot>('publications.snapshot', { planId: plan().id, no: 1 });
    const target = rowsOf(first)[0]!;
    const other = rowsOf(first)[1]!;
    setToday('2027-01-04');
    await call('publications.open', {
      planId: plan().id,
      startDate: '2027-01-04',
      workingDays: 5,
      phone: '0000-1234567',
    });
    setToday('2027-01-05');
    const registered = await call<View>('objections.register', {
      planId: plan().id,
      raiserName: '王某',
      raiserContact: '13800000000',
      receivedDate: '2027-01-05',
      content: `${target.unit}的综合评议得分偏高`,
      unitId: target.unitId,
    });
    const objection = registered.objections[0]!;

    // archive refused while the period runs, and while an objection is open after it
    await expect(call('plans.setState', { id: plan().id, to: 'closed' })).rejects.toThrow('期满后才能归档');
    // no re-score before the answer, nor on a unit without an upheld objection
    await expect(
      call('objections.rescore', { id: objection.id, entries: [{ indicatorId: 1, input: { rate: 50 } }] }),
    ).rejects.toThrow('当前为“已登记”，不能重新评分');
    expect(entryLockProblem(t.app.opened.sqlite, plan(), target.unitId)).toContain('结果已冻结');

    await call('objections.investigate', { id: objection.id, investigation: '调阅评分表，评议分录入有误' });
    setToday('2027-01-11');
    await expect(call('plans.setState', { id: plan().id, to: 'closed' })).rejects.toThrow(
      '还有异议未答复（异议第1号）',
    );
    const answered = await call<View>('objections.answer', {
      id: objection.id,
      outcome: 'upheld',
      answer: '经核实，评议分录入有误，予以更正',
    });
    expect(answered.objections[0]).toMatchObject({ state: 'answered', outcome: 'upheld', rescoring: true });
    expect(entryLockProblem(t.app.opened.sqlite, plan(), target.unitId)).toBeNull();
    expect(entryLockProblem(t.app.opened.sqlite, plan(), other.unitId)).toContain('结果已冻结');
    await expect(call('plans.setState', { id: plan().id, to: 'closed' })).rejects.toThrow('重新评分尚未完成');
    await expect(call('publications.notify', { planId: plan().id })).rejects.toThrow('重新评分尚未冻结');

    // the office records the corrected input of one of the unit's lines
    const lines = await call<{
      lines: { indicatorId: number; targetId: number | null; method: string; input: unknown }[];
    }>('publications.unit', { planId: plan().id, no: 1, unitId: target.unitId });
    const line = lines.lines.find((l) => l.method === 'linear' && l.targetId === null)!;
    await expect(
      call('objections.rescore', {
        id: objection.id,
        entries: [{ indicatorId: line.indicatorId, input: { grade: 'A' } }],
      }),
    ).rejects.toThrow('更正的得分有误');
    await call('objections.rescore', {
      id: objection.id,
      entries: [{ indicatorId: line.indicatorId, input: { rate: 40 } }],
    });
    const refrozen = await call<View>('objections.refreeze', { id: objection.id });
    expect(refrozen.snapshots.map((s) => s.no)).toEqual([1, 2]);
    expect(refrozen.snapshots[1]!.reason).toBe(`异议第1号成立（${target.unit}）：经核实，评议分录入有误，予以更正`);
    expect(refrozen.objections[0]).toMatchObject({ rescoring: false, rescoreSnapshotNo: 2 });

    const second = await call<Snapshot>('publications.snapshot', { planId: plan().id, no: 2 });
    expect(rowsOf(second).find((r) => r.unitId === target.unitId)!.total).toBeLessThan(target.total);
    expect(rowsOf(second).find((r) => r.unitId === other.unitId)!.total).toBe(other.total);
    expect(await call<Snapshot>('publications.snapshot', { planId: plan().id, no: 1 })).toEqual(first);
    expect(
      (resultsOf(t.app.opened.sqlite, plan(), '2026-12-28') as { value: { snapshotNo: number } }).value.snapshotNo,
    ).toBe(2);
    // frozen again: nothing more for the unit, and the row itself cannot be rewritten
    expect(entryLockProblem(t.app.opened.sqlite, plan(), target.unitId)).toContain('结果已冻结');
    await expect(call('objections.refreeze', { id: objection.id })).rejects.toThrow('已冻结为第 2 次结果');
    expect(() => t.app.opened.sqlite.prepare("update score_snapshots set reason = 'x' where no = 1").run()).toThrow(
      'score snapshots are frozen',
    );

    const notified = await call<View>('publications.notify', {
      planId: plan().id,
      rewards: '对评为优秀等次的单位予以通报表扬。',
    });
    expect(notified.publication).toMatchObject({ state: 'notified', bulletinNumber: '考评通〔2026〕1号' });
    await expect(
      call('objections.register', {
        planId: plan().id,
        raiserName: '赵某',
        raiserContact: '1',
        receivedDate: '2027-01-06',
        content: '补交',
      }),
    ).rejects.toThrow('不能登记异议');
    await call('plans.setState', { id: plan().id, to: 'closed' });
    expect((await call<View>('publications.get', { planId: plan().id })).planState).toBe('closed');
  });

  it('refuses a re-score on an objection found groundless, and a leader cannot freeze', async () => {
    const { plan, call, setToday } = await frozenYear();
    cleanups.push(enteredSource());
    await expect(caller(t.app, 'leader', '王领导')('publications.freeze', { planId: plan().id })).rejects.toThrow();
    await call('publications.freeze', { planId: plan().id });
    const first = await call<Snapshot>('publications.snapshot', { planId: plan().id, no: 1 });
    setToday('2027-01-04');
    await call('publications.open', {
      planId: plan().id,
      startDate: '2027-01-04',
      workingDays: 5,
      phone: '0000-1234567',
    });
    const v = await call<View>('objections.register', {
      planId: plan().id,
      raiserName: '王某',
      raiserContact: '13800000000',
      receivedDate: '2027-01-04',
      content: '得分偏低',
      unitId: rowsOf(first)[2]!.unitId,
    });
    const id = v.objections[0]!.id;
    await call('objections.investigate', { id, investigation: '核实评分表' });
    await call('objections.answer', { id, outcome: 'rejected', answer: '经核实，评分无误' });
    await expect(
      call('objections.rescore', { id, entries: [{ indicatorId: 1, input: { rate: 100 } }] }),
    ).rejects.toThrow('异议第1号经调查不成立，结果已冻结，只有异议成立后才能重新评分。');
    await expect(call('objections.refreeze', { id })).rejects.toThrow('只有异议成立后才能重新评分');
    const after = await call<View>('publications.get', { planId: plan().id });
    expect(after.snapshots).toHaveLength(1);
    expect(await call<Snapshot>('publications.snapshot', { planId: plan().id, no: 1 })).toEqual(first);
  });
});
