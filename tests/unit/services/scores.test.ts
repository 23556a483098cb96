import { afterEach, describe, expect, it } from 'vitest';
import { planById } from '../../../db/repos/plans';
import { computeYear } from '../../../electron/services/scoring/year';
import { setStateDirectly } from '../../support/sample-results';
import { cellOf, scoringYear } from '../../support/scoring-year';

let y: Awaited<ReturnType<typeof scoringYear>>;
afterEach(() => y?.t.close());

const entries = () =>
  y.t.app.opened.sqlite.prepare('select * from score_entries order by id').all() as Record<string, unknown>[];

describe('a scoring body enters its grid', () => {
  it('shows the items it owns × the units they apply to, per target where a unit has targets', async () => {
    y = await scoringYear();
    const { bodies } = await y.office.call('scores.bodies', { planId: y.planId });
    expect(bodies.map((b) => b.label)).toEqual(
      expect.arrayContaining(['县司法局', '县纪委监委', '县考评办', '示例县财政局', '县应急局']),
    );
    const rows = await y.grid('县司法局');
    expect(new Set(rows.map((r) => r.indicatorId))).toEqual(new Set([y.item('依法行政')]));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.targetId !== null && r.points === 5 && r.entry === null)).toBe(true);
    // 安全生产 applies to 乡镇街道 only
    const veto = await y.grid('县应急局');
    expect(new Set(veto.map((r) => r.categoryName))).toEqual(new Set(['乡镇街道']));
    expect(veto.every((r) => r.targetId === null)).toBe(true);

    const saved = await y.office.call('scores.save', {
      planId: y.planId,
      body: '县司法局',
      rows: [{ ...cellOf(rows[0]!), input: { occurrences: 2 }, note: '两次行政复议被纠错' }],
    });
    expect(saved).toEqual({ created: 1, updated: 0, removed: 0, same: 0 });
    const again = await y.grid('县司法局');
    expect(again[0]!.entry).toMatchObject({ words: '2 次', note: '两次行政复议被纠错', enteredBy: '测试evaluator' });
  });

  it('refuses, in Chinese and writing nothing, what the method cannot read or the body does not own', async () => {
    y = await scoringYear();
    const [judge] = await y.grid('县考评办').then((r) => r.filter((x) => x.indicatorId === y.item('督办落实')));
    const [law] = await y.grid('县司法局');
    const [open] = await y.grid('示例县财政局');
    const [efficiency] = await y.grid('县行政审批局');
    const save = (body: string, row: object) =>
      y.office.attempt('scores.save', { planId: y.planId, body, rows: [row as never] });
    const refusals: [string, object, string][] = [
      ['县考评办', { ...cellOf(judge!), input: { points: 6 } }, '评定分值 6 分超过该指标分值 5 分'],
      ['县考评办', { ...cellOf(judge!), input: { points: -1 } }, '评定分值 -1 分不能小于 0'],
      ['示例县财政局', { ...cellOf(open!), input: { grade: 'E' } }, '等次只能是 A、B、C、D'],
      ['县行政审批局', { ...cellOf(efficiency!), input: { rate: -5 } }, '完成率 -5% 不能小于 0'],
      ['县司法局', { ...cellOf(law!), input: { occurrences: -1 } }, '次数应为 0 或正整数'],
      ['县司法局', { ...cellOf(law!), input: { grade: 'A' } }, '需要填写次数'],
      [
        '县司法局',
        { indicatorId: y.item('廉洁自律'), unitId: law!.unitId, targetId: law!.targetId, input: { occurrences: 1 } },
        '“廉洁自律”的考核责任单位是县纪委监委，不是县司法局，不能在本评分表中评分',
      ],
      [
        '县应急局',
        { indicatorId: y.item('安全生产'), unitId: y.unitId('SX-CZJ'), targetId: null, input: { vetoed: true } },
        '示例县财政局（政府工作部门）不在“安全生产”的考核范围内（该指标只适用于乡镇街道）',
      ],
      [
        '县司法局',
        { indicatorId: y.item('依法行政'), unitId: y.unitId('SX'), targetId: null, input: { occurrences: 1 } },
        '该单位不是本方案的考核对象',
      ],
      ['县司法局', { ...cellOf(law!), targetId: null, input: { occurrences: 1 } }, '请按目标任务逐项评分'],
    ];
    for (const [body, row, words] of refusals) {
      const r = await save(body, row);
      expect(r.ok, words).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(words);
    }
    // one bad row among good ones: the good ones are not written either
    const r = await y.office.attempt('scores.save', {
      planId: y.planId,
      body: '县司法局',
      rows: [
        { ...cellOf(law!), input: { occurrences: 1 } },
        { ...cellOf((await y.grid('县司法局'))[1]!), input: { occurrences: -3 } },
      ],
    });
    expect(r.ok).toBe(false);
    expect(entries()).toEqual([]);
  });

  it('is closed outside 考核评分 with the guard’s message', async () => {
    y = await scoringYear();
    const [law] = await y.grid('县司法局');
    // past 考核评分 without a frozen result (plans.setState would ask for the freeze and the 公示 first)
    setStateDirectly(y.t.app, y.planId, 'results');
    const r = await y.office.attempt('scores.save', {
      planId: y.planId,
      body: '县司法局',
      rows: [{ ...cellOf(law!), input: { occurrences: 1 } }],
    });
    expect(r).toMatchObject({ ok: false, error: { message: '只有处于“考核评分”阶段的方案才能录入或修改得分' } });
    expect(entries()).toEqual([]);
  });
});

describe('who enters for a body', () => {
  it('a 录入员 enters for the body named as his unit, and for no other', async () => {
    y = await scoringYear();
    const clerk = y.clerkOf('SX-CZJ');
    const mine = await clerk.call('scores.bodies', { planId: y.planId });
    expect(mine.bodies.map((b) => b.label)).toEqual(['示例县财政局']);
    expect(mine.bodies[0]).toMatchObject({ canEdit: true, canSubmit: true, canReturn: false });
    const rows = await y.grid('示例县财政局', clerk);
    await clerk.call('scores.save', {
      planId: y.planId,
      body: '示例县财政局',
      rows: rows.map((r) => ({ ...cellOf(r), input: { grade: 'A' } })),
    });
    const other = await clerk.attempt('scores.grid', { planId: y.planId, body: '县司法局' });
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '这是县司法局的评分表，您只能录入示例县财政局的评分。' },
    });
    const [law] = await y.grid('县司法局');
    const write = await clerk.attempt('scores.save', {
      planId: y.planId,
      body: '县司法局',
      rows: [{ ...cellOf(law!), input: { occurrences: 1 } }],
    });
    expect(write.ok).toBe(false);

    const none = await y.clerkOf('SX-FGJ').call('scores.bodies', { planId: y.planId });
    expect(none.bodies).toEqual([]);
    expect(none.problem).toContain('示例县发展和改革局不是本方案任何指标的考核责任单位');
    expect(none.selfUnit).toMatchObject({ unitName: '示例县发展和改革局' });
  });

  it('a body whose name two units share is entered by the office only, and the clerk is told why', async () => {
    y = await scoringYear();
    await y.office.call('units.create', { code: 'SX-CZJ2', name: '示例县财政局', kind: 'department' });
    const r = await y.clerkOf('SX-CZJ').call('scores.bodies', { planId: y.planId });
    expect(r.bodies).toEqual([]);
    expect(r.problem).toBe(
      '有 2 个单位都叫“示例县财政局”，无法确定哪一个是考核责任单位，请由考评办录入或为单位改用不同的名称。',
    );
  });
});

describe('a sheet is submitted, locked and returned', () => {
  it('submits only when every base cell is scored; its entries lock; the office returns it with a reason', async () => {
    y = await scoringYear();
    const clerk = y.clerkOf('SX-CZJ');
    const body = '示例县财政局';
    const rows = await y.grid(body, clerk);
    await clerk.call('scores.save', {
      planId: y.planId,
      body,
      rows: rows.slice(1).map((r) => ({ ...cellOf(r), input: { grade: 'B' } })),
    });
    const early = await clerk.attempt('scores.submit', { planId: y.planId, body });
    expect(early).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    if (!early.ok) expect(early.error.message).toMatch(/^还有 1 项基本指标（共性、个性）未评分，不能报送/);
    await clerk.call('scores.save', { planId: y.planId, body, rows: [{ ...cellOf(rows[0]!), input: { grade: 'A' } }] });
    expect(await clerk.call('todo.list', {})).toMatchObject({ scoreSheets: [{ body, state: 'draft' }] });
    const submitted = await clerk.call('scores.submit', { planId: y.planId, body });
    expect(submitted).toMatchObject({
      state: 'submitted',
      canEdit: false,
      canSubmit: false,
      submittedBy: '录入员SX-CZJ',
    });
    expect((await clerk.call('todo.list', {})).scoreSheets).toEqual([]);

    const before = entries();
    for (const who of [clerk, y.office]) {
      const r = await who.attempt('scores.save', {
        planId: y.planId,
        body,
        rows: [{ ...cellOf(rows[0]!), input: { grade: 'D' } }],
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
      if (!r.ok) expect(r.error.message).toBe('示例县财政局的这份评分表当前为“已报送”，不能录入评分；此时可以：退回。');
    }
    expect(entries()).toEqual(before);

    expect(await clerk.attempt('scores.return', { planId: y.planId, body, reason: '自己退回' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await y.office.attempt('scores.return', { planId: y.planId, body, reason: ' ' })).toMatchObject({
      ok: false,
      error: { message: '退回时请写明退回原因。' },
    });
    await y.office.call('scores.return', { planId: y.planId, body, reason: '政务公开评分缺少依据' });
    const back = await clerk.call('scores.bodies', { planId: y.planId });
    expect(back.bodies[0]).toMatchObject({ state: 'returned', returnReason: '政务公开评分缺少依据', canEdit: true });
    expect((await clerk.call('todo.list', {})).scoreSheets).toEqual([
      expect.objectContaining({ body, state: 'returned', returnReason: '政务公开评分缺少依据' }),
    ]);
    await clerk.call('scores.save', { planId: y.planId, body, rows: [{ ...cellOf(rows[0]!), input: { grade: 'C' } }] });
    expect(await clerk.call('scores.submit', { planId: y.planId, body })).toMatchObject({ state: 'submitted' });
  });
});

describe('self-scores (自评)', () => {
  it('the unit enters its own, the body sees it beside its entry, and it closes when the body submits', async () => {
    y = await scoringYear();
    const clerk = y.clerkOf('SX-FGJ');
    const own = await clerk.call('scores.selfGrid', { planId: y.planId });
    expect(own.unitName).toBe('示例县发展和改革局');
    // what the bodies gave him is not his to see before the results
    expect(own.rows.every((r) => r.entry === null)).toBe(true);
    const law = own.rows.find((r) => r.indicatorId === y.item('依法行政'))!;
    await clerk.call('scores.saveSelf', {
      planId: y.planId,
      rows: [{ ...cellOf(law), input: { occurrences: 0 }, note: '全年无行政复议纠错' }],
    });
    const other = await clerk.attempt('scores.saveSelf', {
      planId: y.planId,
      unitId: y.unitId('SX-CZJ'),
      rows: [{ ...cellOf(law), input: { occurrences: 0 } }],
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '自评只能填写本单位的。' } });

    const row = (await y.grid('县司法局')).find((r) => r.targetId === law.targetId)!;
    expect(row.self).toMatchObject({ words: '0 次', note: '全年无行政复议纠错' });
    expect(row.entry).toBeNull();

    const all = await y.grid('县司法局');
    await y.office.call('scores.save', {
      planId: y.planId,
      body: '县司法局',
      rows: all.map((r) => ({ ...cellOf(r), input: { occurrences: r.targetId === law.targetId ? 1 : 0 } })),
    });
    await y.office.call('scores.submit', { planId: y.planId, body: '县司法局' });
    const closed = await clerk.attempt('scores.saveSelf', {
      planId: y.planId,
      rows: [{ ...cellOf(law), input: { occurrences: 2 } }],
    });
    expect(closed).toMatchObject({ ok: false, error: { message: '县司法局已报送“依法行政”的评分，自评不能再修改。' } });
    expect(
      (await clerk.call('scores.selfGrid', { planId: y.planId })).rows.find((r) => r.targetId === law.targetId),
    ).toMatchObject({ locked: true, self: { words: '0 次' } });
  });
});

describe('the entered source', () => {
  it('feeds computeYear with the bodies’ entries (not 自评), each naming its body, state and row', async () => {
    y = await scoringYear();
    const clerk = y.clerkOf('SX-CZJ');
    const rows = await y.grid('示例县财政局', clerk);
    await clerk.call('scores.save', {
      planId: y.planId,
      body: '示例县财政局',
      rows: rows.map((r) => ({ ...cellOf(r), input: { grade: 'B' } })),
    });
    await clerk.call('scores.submit', { planId: y.planId, body: '示例县财政局' });
    const self = (await clerk.call('scores.selfGrid', { planId: y.planId })).rows.find(
      (r) => r.indicatorId === y.item('依法行政'),
    )!;
    await clerk.call('scores.saveSelf', { planId: y.planId, rows: [{ ...cellOf(self), input: { occurrences: 0 } }] });

    const sqlite = y.t.app.opened.sqlite;
    const r = computeYear(sqlite, planById(sqlite, y.planId)!);
    if (!r.ok) throw new Error(r.problems.join('；'));
    const unit = r.value.units.find((u) => u.unitId === y.unitId('SX-FGJ'))!;
    const open = unit.lines.find((l) => l.indicatorId === y.item('政务公开'))!;
    expect(open).toMatchObject({ earned: 4.25, source: '示例县财政局录入（已报送）', input: { grade: 'B' } });
    expect(open.refs).toEqual([{ type: 'score_entries', id: expect.any(Number), label: '示例县财政局的评分' }]);
    const mine = r.value.units.find((u) => u.unitId === y.unitId('SX-CZJ'))!;
    expect(mine.lines.find((l) => l.indicatorId === y.item('依法行政'))).toMatchObject({ input: null, source: null });
  });
});
