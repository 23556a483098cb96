import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/contract';
import { planById } from '../../../db/repos/plans';
import { resultsOf } from '../../../electron/services/scoring/results';
import { computeYear } from '../../../electron/services/scoring/year';
import { testApp, type TestApp } from '../../support/app';
import { caller, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

/** A clock the test moves: noon on the given day (local time, as the office's PC). */
let clock = 0;
const at = (iso: string) => (clock = new Date(`${iso}T12:00:00`).getTime());
const today = () => new Date(clock).toLocaleDateString('sv-SE');

type Indicator = { id: number; parentId: number | null; name: string; kind: string; points: number };
type Table = { id: number; name: string; currentVersion: number; own: boolean };
type Version = { number: number; rows: Record<string, unknown>[]; reason: string; editedBy: string };

/**
 * The sample year with its automatic indicators: 重点业务目标 from progress reports, 督办落实 (a base item) and a
 * new 通知逾期扣分 (deduction, judgement) from overdue notices, a new 整改逾期扣分 (deduction, per occurrence)
 * from rectification; every letter signed, so the year runs.
 */
async function year() {
  at('2026-03-02');
  t = await testApp({ now: () => clock });
  const s = await samplePlan(t.app, { publish: false });
  const { indicators } = await s.call<{ indicators: Indicator[] }>('plans.get', { id: s.plan.id });
  const find = (name: string) => indicators.find((i) => i.name === name)!;
  const save = (i: Indicator, params: unknown, autoSource: string) =>
    s.call<Indicator>('indicators.save', {
      id: i.id,
      planId: s.plan.id,
      parentId: i.parentId,
      kind: i.kind,
      name: i.name,
      points: i.points,
      params,
      autoSource,
    });
  const business = find('重点业务目标');
  await save(business, { method: 'linear', full: 100, floor: 0 }, 'progress');
  await save(find('督办落实'), { method: 'judgement' }, 'notice_overdue');
  const group = find('扣分项目');
  const add = (name: string, params: unknown, autoSource: string) =>
    s.call<Indicator>('indicators.save', {
      planId: s.plan.id,
      parentId: group.id,
      kind: 'deduction',
      name,
      points: 5,
      params,
      autoSource,
    });
  const noticeItem = await add('通知逾期扣分', { method: 'judgement' }, 'notice_overdue');
  const rectItem = await add('整改逾期扣分', { method: 'per_occurrence', each: 1, cap: 5 }, 'rectification_overdue');
  await s.call('plans.setState', { id: s.plan.id, to: 'published' });
  for (const r of await s.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id })) {
    await s.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
    await s.call('letters.sign', {
      planId: s.plan.id,
      unitId: r.unitId,
      signedDate: today(),
      partyASigner: '张县长',
      partyBSigner: '负责人',
    });
  }
  await s.call('plans.setState', { id: s.plan.id, to: 'signed' });
  const clerkOf = (code: string) => {
    const c: Caller = { userId: null, username: `录入员${code}`, role: 'clerk', unitId: s.unitId(code) };
    return async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await t.app.callAs(c, 'web', channel, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
  };
  const compute = () => {
    const r = computeYear(t.app.opened.sqlite, planById(t.app.opened.sqlite, s.plan.id)!, undefined, today());
    if (!r.ok) throw new Error(r.problems.join('；'));
    return r;
  };
  const lines = (r: ReturnType<typeof compute>, code: string, indicatorId: number) =>
    r.value.units.find((u) => u.unitId === s.unitId(code))!.lines.filter((l) => l.indicatorId === indicatorId);
  const notice = (
    code: string,
    kind: 'inquiry' | 'supervision' | 'rectification',
    items: { text: string; deadline?: string }[] = [{ text: '说明情况' }],
  ) =>
    s.call<{ id: number; number: string; replyBy: string }>('notices.create', {
      kind,
      unitId: s.unitId(code),
      reason: '第一季度目标进度滞后',
      items,
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
  const table = async () => (await s.call<Table[]>('rule-tables.list', {})).find((x) => x.name === '单位扣分规则')!;
  return { ...s, business, noticeItem, rectItem, clerkOf, compute, lines, notice, table };
}

describe('automatic points from what the system already knows', () => {
  it('scores each target from its latest accepted report, and leaves a unit with none 尚未评分', async () => {
    const y = await year();
    const clerk = y.clerkOf('SX-FGJ');
    const mine = await clerk<{ targetId: number; content: string }[]>('reports.list', {
      planId: y.plan.id,
      quarter: 1,
    });
    const under = mine.filter((r) =>
      ['完成全县固定资产投资年度目标', '争取中央预算内投资项目', '开展重要民生商品价格监测'].includes(r.content),
    );
    expect(under).toHaveLength(3);
    const report = async (targetId: number, quarter: number, rate: number, accept: boolean) => {
      const d = await clerk<{ reportId: number }>('reports.save', {
        targetId,
        quarter,
        completionRate: rate,
        narrative: '按计划推进',
      });
      await clerk('reports.submit', { reportId: d.reportId });
      if (accept) await y.call('reports.review', { reportId: d.reportId, accept: true });
      return d.reportId;
    };
    // two of three targets accepted: the indicator is not scored yet (a target left out would lose its points)
    await report(under[0]!.targetId, 1, 20, true);
    await report(under[1]!.targetId, 1, 50, true);
    expect(y.lines(y.compute(), 'SX-FGJ', y.business.id)).toMatchObject([{ input: null, earned: 0 }]);
    // the third accepted; a later report only submitted (not accepted) does not count
    const third = await report(under[2]!.targetId, 1, 100, true);
    await report(under[0]!.targetId, 2, 90, false);
    const got = y.lines(y.compute(), 'SX-FGJ', y.business.id);
    expect(got.map((l) => [l.points, l.input, l.earned])).toEqual([
      [30, { rate: 20 }, 6],
      [25, { rate: 50 }, 12.5],
      [15, { rate: 100 }, 15],
    ]);
    expect(got[2]!.source).toBe('第一季度进展报告（已审核通过）');
    expect(got[2]!.refs).toEqual([
      { type: 'progress_reports', id: third, label: '开展重要民生商品价格监测——第一季度进展报告' },
    ]);
    // another unit with no accepted report: its line says 尚未评分
    const other = y
      .compute()
      .value.units.find((u) => u.code !== 'SX-FGJ' && u.lines.some((l) => l.indicatorId === y.business.id))!;
    expect(other.lines.find((l) => l.indicatorId === y.business.id)).toMatchObject({
      input: null,
      earned: 0,
    });
    expect(other.complete).toBe(false);
  });

  it('deducts for notices overdue and answered late, naming each notice and the rule table version', async () => {
    const y = await year();
    at('2026-04-01');
    const late = await y.notice('SX-FGJ', 'inquiry');
    const open = await y.notice('SX-FGJ', 'supervision');
    await y.notice('SX-FGJ', 'inquiry'); // answered in time below
    const onTime = (await y.call<{ id: number }[]>('notices.list', {})).at(-1)!;
    at('2026-04-03');
    await y.call('notices.reply', { noticeId: onTime.id, content: '已说明', repliedOn: '2026-04-03' });
    // on the deadline day (five working days: 8 April) nothing is overdue yet
    at('2026-04-08');
    const none = y.lines(y.compute(), 'SX-FGJ', y.noticeItem.id)[0]!;
    at('2026-04-09');
    await y.call('notices.reply', { noticeId: late.id, content: '迟到的说明', repliedOn: '2026-04-09' });
    const r = y.compute();
    const [line] = y.lines(r, 'SX-FGJ', y.noticeItem.id);
    expect(none).toMatchObject({ input: { points: 0 }, earned: 0, refs: [] });
    // 单位扣分规则第 1 版: 0.5 per notice left unanswered, 0.2 per notice answered late
    expect(line).toMatchObject({ input: { points: 0.7 }, earned: 0.7 });
    expect(line!.source).toBe('单位扣分规则第 1 版：逾期未回复 1 × 0.5 分，逾期回复 1 × 0.2 分，计 0.7 分');
    expect(line!.refs!.map((x) => [x.type, x.id])).toEqual([
      ['notices', late.id],
      ['notices', open.id],
    ]);
    expect(line!.refs![1]!.label).toBe(`${open.number} 第一季度目标进度滞后（逾期未回复，时限 ${open.replyBy}）`);
    // a base item (督办落实, 5 points) keeps what is left; another unit, with no notice, keeps all
    const base = r.value.units.find((u) => u.code === 'SX-FGJ')!.lines.find((l) => l.name === '督办落实')!;
    expect(base).toMatchObject({ input: { points: 4.3 }, earned: 4.3 });
    const clean = r.value.units.find((u) => u.code !== 'SX-FGJ')!.lines.find((l) => l.name === '督办落实')!;
    expect(clean).toMatchObject({ input: { points: 5 }, earned: 5, refs: [] });
    expect(r.inputs.ruleTables).toEqual([{ name: '单位扣分规则', version: '1' }]);
  });

  it('counts rectification open past its deadline or done late, not one done in time and unverified', async () => {
    const y = await year();
    at('2026-05-04');
    await y.notice('SX-FGJ', 'rectification', [
      { text: '补齐项目台账', deadline: '2026-05-08' },
      { text: '完善资金拨付手续', deadline: '2026-05-08' },
      { text: '整改公示', deadline: '2026-05-08' },
    ]);
    const items = await y.call<{ id: number; item: string }[]>('rectify.list', {});
    const id = (text: string) => items.find((i) => i.item === text)!.id;
    at('2026-05-07');
    await y.call('rectify.done', { id: id('整改公示'), doneOn: '2026-05-07', note: '已公示' });
    at('2026-05-12');
    await y.call('rectify.done', { id: id('完善资金拨付手续'), doneOn: '2026-05-12', note: '已完善' });
    const [line] = y.lines(y.compute(), 'SX-FGJ', y.rectItem.id);
    expect(line).toMatchObject({
      input: { occurrences: 2 },
      earned: 2,
      source: '逾期未完成 1 项、超期完成 1 项',
    });
    expect(line!.refs!.map((x) => x.id).sort()).toEqual([id('补齐项目台账'), id('完善资金拨付手续')].sort());
    expect(line!.refs!.find((x) => x.id === id('补齐项目台账'))!.label).toContain(
      '补齐项目台账（逾期未完成，时限 2026-05-08）',
    );
  });
});

describe('the rule table behind the deductions', () => {
  it('an edit is a new version that changes the points; an earlier result keeps its version and points', async () => {
    const y = await year();
    at('2026-04-01');
    await y.notice('SX-FGJ', 'inquiry');
    at('2026-04-30');
    const before = y.compute();
    const kept = structuredClone({
      tables: before.inputs.ruleTables,
      lines: y.lines(before, 'SX-FGJ', y.noticeItem.id),
    });
    expect(kept.lines[0]).toMatchObject({ earned: 0.5 });

    const tbl = await y.table();
    const v1 = (await y.call<{ version: Version }>('rule-tables.get', { id: tbl.id })).version;
    const rows = v1.rows.map((r) =>
      r.code === 'notice_overdue' ? { ...r, points: 2, basis: '新办法：每件扣2分' } : r,
    );
    expect(await y.call('rule-tables.save', { id: tbl.id, basedOn: 1, rows, reason: '县考评委第3次会议调整' })).toEqual(
      { number: 2 },
    );

    const after = y.compute();
    expect(after.inputs.ruleTables).toEqual([{ name: '单位扣分规则', version: '2' }]);
    expect(y.lines(after, 'SX-FGJ', y.noticeItem.id)[0]).toMatchObject({ earned: 2 });
    expect(y.lines(after, 'SX-FGJ', y.noticeItem.id)[0]!.source).toContain('单位扣分规则第 2 版');
    // what was computed before still says version 1 and 0.5 points, and version 1 still reads as it was
    expect(before.inputs.ruleTables).toEqual(kept.tables);
    expect(kept.tables).toEqual([{ name: '单位扣分规则', version: '1' }]);
    expect(y.lines(before, 'SX-FGJ', y.noticeItem.id)).toEqual(kept.lines);
    const old = (await y.call<{ version: Version }>('rule-tables.get', { id: tbl.id, version: 1 })).version;
    expect(old.rows.find((r) => r.code === 'notice_overdue')).toMatchObject({ points: 0.5 });
    const history = await y.call<Version[]>('rule-tables.history', { id: tbl.id });
    expect(history.map((h) => [h.number, h.reason, h.editedBy])).toEqual([
      [2, '县考评委第3次会议调整', '李考评'],
      [1, '初始规则', '系统'],
    ]);
    // a version is never rewritten, whatever writes to the database
    expect(() =>
      t.app.opened.sqlite.prepare("update rule_table_versions set rows = '[]' where number = 1").run(),
    ).toThrow('规则表的历史版本不能修改');
  });

  it('a frozen result keeps the table version and points it was computed with after the table is edited', async () => {
    const y = await year();
    at('2026-04-01');
    await y.notice('SX-FGJ', 'inquiry');
    at('2026-04-30');
    await y.call('plans.setState', { id: y.plan.id, to: 'scoring' });
    await y.call('publications.freeze', { planId: y.plan.id, incompleteReason: '其余指标按未评分计，试行冻结' });
    const plan = () => planById(t.app.opened.sqlite, y.plan.id)!;
    const frozenLine = () => {
      const r = resultsOf(t.app.opened.sqlite, plan(), today());
      if (!r.ok) throw new Error(r.problems.join('；'));
      const unit = r.value.scores.units.find((u) => u.unitId === y.unitId('SX-FGJ'))!;
      return { r: r.value, line: unit.lines.find((l) => l.indicatorId === y.noticeItem.id)! };
    };
    expect(frozenLine().r.snapshotNo).toBe(1);
    expect(frozenLine().line).toMatchObject({ earned: 0.5 });

    const tbl = await y.table();
    const v1 = (await y.call<{ version: Version }>('rule-tables.get', { id: tbl.id })).version;
    const rows = v1.rows.map((r) => (r.code === 'notice_overdue' ? { ...r, points: 2 } : r));
    await y.call('rule-tables.save', { id: tbl.id, basedOn: 1, rows, reason: '县考评委第3次会议调整' });

    // the data as they stand now would deduct 2 points under version 2 …
    expect(y.lines(y.compute(), 'SX-FGJ', y.noticeItem.id)[0]).toMatchObject({ earned: 2 });
    // … but the frozen result, which every screen reads, keeps version 1 and its 0.5 points
    const { r, line } = frozenLine();
    expect(r.snapshotNo).toBe(1);
    expect(r.ruleTables).toEqual([{ name: '单位扣分规则', version: '1' }]);
    expect(line).toMatchObject({ earned: 0.5 });
    expect(line.source).toContain('单位扣分规则第 1 版');
  });

  it('refuses hostile edits with a clear message, writes nothing; a deleted row stays in history', async () => {
    const y = await year();
    const tbl = await y.table();
    const { version: v1 } = await y.call<{ version: Version }>('rule-tables.get', { id: tbl.id });
    const edit = (f: (r: Record<string, unknown>) => Record<string, unknown> | null) =>
      v1.rows.map(f).filter((r): r is Record<string, unknown> => r !== null);
    const save = (rows: unknown[], extra: Record<string, unknown> = {}) =>
      y.call('rule-tables.save', { id: tbl.id, basedOn: 1, rows, reason: '调整', ...extra });
    const overdueRow = v1.rows.findIndex((r) => r.code === 'notice_overdue') + 1;
    await expect(save(edit((r) => (r.code === 'notice_overdue' ? { ...r, points: -1 } : r)))).rejects.toThrow(
      `规则表“单位扣分规则”第 ${overdueRow} 行：分值不能为负数`,
    );
    await expect(save(edit((r) => (r.code === 'notice_overdue' ? { ...r, basis: '  ' } : r)))).rejects.toThrow(
      `第 ${overdueRow} 行：请填写依据`,
    );
    await expect(save(edit((r) => (r.code === 'notice_late' ? null : r)))).rejects.toThrow(
      '代码为“notice_late”的规则由系统自动计分使用，不能删除（不再扣分的，请把分值改为 0）',
    );
    await expect(save(edit((r) => (r.code === 'major_problem' ? { ...r, code: 'notice_late' } : r)))).rejects.toThrow(
      '代码“notice_late”重复',
    );
    await expect(save(v1.rows)).rejects.toThrow('规则与当前版本相同，没有生成新版本。');
    await expect(save(v1.rows, { reason: ' ' })).rejects.toThrow('请填写修改理由');
    await expect(
      caller(t.app, 'leader', '王领导')('rule-tables.save', { id: tbl.id, basedOn: 1, rows: v1.rows, reason: '改' }),
    ).rejects.toThrow();
    expect((await y.table()).currentVersion).toBe(1);

    // a row no source reads may go; the version that had it still shows it
    await save(edit((r) => (r.code === 'major_problem' ? null : r)));
    await expect(save(v1.rows)).rejects.toThrow('已有第 2 版（您修改的是第 1 版），请刷新后重新修改。');
    const now = (await y.call<{ version: Version }>('rule-tables.get', { id: tbl.id })).version;
    expect(now.rows.some((r) => r.code === 'major_problem')).toBe(false);
    const history = await y.call<Version[]>('rule-tables.history', { id: tbl.id });
    expect(history[1]!.rows.find((r) => r.code === 'major_problem')).toMatchObject({
      item: '发生重大问题',
      points: 10,
    });
  });
});
