import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../electron/contract';
import { cents } from '../../../electron/core';
import { planById } from '../../../db/repos/plans';
import { resultsOf } from '../../../electron/services/scoring/results';
import { type ScoreSource, scoreSources } from '../../../electron/services/scoring/sources';
import { testApp, type TestApp } from '../../support/app';
import { caller, samplePlan } from '../../support/sample-plan';
import { enteredSource } from '../../support/entered-scores';

let t: TestApp;
const added: ScoreSource[] = [];
afterEach(() => {
  for (const s of added.splice(0)) scoreSources.splice(scoreSources.indexOf(s), 1);
  t?.close();
});

type Results = ChannelOutput<'results.get'>;
type Drill = ChannelOutput<'results.drillDown'>;
type RulesView = ChannelOutput<'results.rules'>;
type Rewards = ChannelOutput<'rewards.get'>;

/** A test-only source for the bodies' entries: every unit fully entered, how well given per unit code. */
function entered(how: (code: string) => { share: number; veto?: boolean }): void {
  const s = enteredSource(how);
  added.push(s);
  scoreSources.push(s);
}

async function setup() {
  t = await testApp();
  const s = await samplePlan(t.app, { publish: true });
  return { ...s, leader: caller(t.app, 'leader', '王领导') };
}

const quota = (steps: unknown[]) => ({
  bonusCap: 5,
  deductionCap: null,
  order: ['veto', 'total', 'base', 'deduction'],
  grading: { by: 'quota', perCategory: [], otherwise: steps, rest: '合格', vetoGrade: '不合格' },
});

describe('scoring rules per plan', () => {
  it('saves each change as a new version with its reason, and results name the version they used', async () => {
    const { plan, call } = await setup();
    const first = await call<RulesView>('results.rules', { planId: plan.id });
    expect(first.saved).toBeNull();
    expect(first.rules.version).toBe('默认规则');
    expect(first.orderWords).toBe(
      '同一考核类别内依次比较：未被一票否决的在前，总分高的在前，基础得分高的在前，扣分少的在前；以上都相同的并列',
    );

    const v1 = await call<{ version: string }>('results.saveRules', {
      planId: plan.id,
      rules: quota([{ grade: '优秀', share: 0.3 }]),
      reason: '考评委员会决定按名额定等',
    });
    expect(v1.version).toBe('计分规则第1版');
    const v2 = await call<{ version: string }>('results.saveRules', {
      planId: plan.id,
      rules: { ...quota([{ grade: '优秀', count: 2 }]), bonusCap: 3 },
      reason: '优秀名额改为 2 个',
    });
    expect(v2.version).toBe('计分规则第2版');
    const after = await call<RulesView>('results.rules', { planId: plan.id });
    expect(after.history.map((h) => [h.version, h.reason])).toEqual([
      ['计分规则第2版', '优秀名额改为 2 个'],
      ['计分规则第1版', '考评委员会决定按名额定等'],
    ]);
    expect(after.rules.bonusCap).toBe(3);
    expect(after.history[1]!.rules.grading).toMatchObject({ otherwise: [{ grade: '优秀', share: 0.3 }] });
    const r = await call<Results>('results.get', { planId: plan.id });
    expect(r.ruleVersion).toBe('计分规则第2版');
    expect(r.indicatorVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('refuses bad rules with the reason and writes nothing; a plan whose results are out keeps its rules', async () => {
    const { plan, call, leader } = await setup();
    const bad = (rules: unknown) => call('results.saveRules', { planId: plan.id, rules, reason: '调整' });
    await expect(
      bad({
        ...quota([
          { grade: '优秀', share: 0.7 },
          { grade: '良好', share: 0.5 },
        ]),
      }),
    ).rejects.toThrow('名额：各等次比例合计超过 100%');
    await expect(
      bad({
        ...quota([]),
        grading: {
          by: 'threshold',
          steps: [
            { grade: '良好', min: 80 },
            { grade: '优秀', min: 90 },
          ],
          rest: '合格',
          vetoGrade: '不合格',
        },
      }),
    ).rejects.toThrow('各等次分数线应从高到低排列');
    await expect(bad({ ...quota([]), order: ['total', 'total'] })).rejects.toThrow('排名比较顺序有重复项');
    await expect(call('results.saveRules', { planId: plan.id, rules: quota([]), reason: ' ' })).rejects.toThrow(
      '请填写修改原因',
    );
    await expect(
      leader('results.saveRules', { planId: plan.id, rules: quota([]), reason: '领导改' }),
    ).rejects.toThrow();
    expect((await call<RulesView>('results.rules', { planId: plan.id })).history).toEqual([]);
    await expect(call('results.drillDown', { planId: plan.id, unitId: 999_999 })).rejects.toThrow(
      '该单位不在这个方案的考核范围内。',
    );
    await expect(call('results.get', { planId: 999_999 })).rejects.toThrow('没有找到这个考核方案，请刷新。');

    await call('results.saveRules', { planId: plan.id, rules: quota([{ grade: '优秀', count: 1 }]), reason: '定稿' });
    // results published (the publish part moves the state; here the row is set as it would be)
    t.app.opened.sqlite.prepare(`update plans set state = 'results' where id = ?`).run(plan.id);
    const locked = await call<RulesView>('results.rules', { planId: plan.id });
    expect(locked.editable).toBe(false);
    expect(locked.lockReason).toBe('方案已公布结果，计分规则不能再修改；结果按“计分规则第1版”计算。');
    await expect(bad(quota([{ grade: '优秀', count: 3 }]))).rejects.toThrow('方案已公布结果，计分规则不能再修改');
    expect((await call<RulesView>('results.rules', { planId: plan.id })).history).toHaveLength(1);
  });
});

describe('the results of a year', () => {
  it('computes the same twice, ranks per category, drills a unit down to lines adding up to its total', async () => {
    const { plan, call } = await setup();
    entered((code) => ({ share: 0.5 + (code.charCodeAt(code.length - 1) % 5) / 10 }));
    const record = planById(t.app.opened.sqlite, plan.id)!;
    const once = resultsOf(t.app.opened.sqlite, record, '2026-12-31');
    const twice = resultsOf(t.app.opened.sqlite, record, '2026-12-31');
    expect(once.ok).toBe(true);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));

    const r = await call<Results>('results.get', { planId: plan.id });
    expect(r.problems).toEqual([]);
    expect(r.order).toContain('总分高的在前');
    // per unit totals only: no lines travel with the ranking
    expect(JSON.stringify(r)).not.toContain('explanation');
    for (const c of r.categories) {
      expect(c.units.map((u) => u.rank)).toEqual([...c.units.map((u) => u.rank)].sort((a, b) => a - b));
      expect(c.units.every((u) => u.complete && u.categoryName === c.categoryName)).toBe(true);
    }
    const unit = r.categories[0]!.units[0]!;
    const d = await call<Drill>('results.drillDown', { planId: plan.id, unitId: unit.unitId });
    const sum = (kinds: string[]) =>
      d.lines.filter((l) => kinds.includes(l.kind)).reduce((a, l) => a + cents(l.earned), 0) / 100;
    expect(sum(['common', 'specific'])).toBe(d.unit.base);
    expect(Math.min(sum(['bonus']), 5)).toBe(d.unit.bonus);
    expect(cents(d.unit.base) + cents(d.unit.bonus) - cents(d.unit.deduction)).toBe(cents(d.unit.total));
    expect(d.summary).toContain(`= ${d.unit.total} 分`);
    const line = d.lines.find((l) => l.kind === 'common')!;
    expect(line.method).not.toBe('');
    expect(line.input).not.toBe('未录入');
    expect(line.explanation).toMatch(/分/);
    expect(line.source).toMatch(/评分$/);
    expect(line.refs[0]!.label).toBe(`${unit.name}评分表`);
  });

  it('says which tied units a grade quota cannot decide, and gives them no grade', async () => {
    const { plan, call } = await setup();
    entered(() => ({ share: 1 }));
    await call('results.saveRules', { planId: plan.id, rules: quota([{ grade: '优秀', count: 1 }]), reason: '名额' });
    const r = await call<Results>('results.get', { planId: plan.id });
    const big = r.categories.find((c) => c.units.length > 1)!;
    const p = r.gradeProblems.find((x) => x.text.startsWith(big.categoryName))!;
    expect(p.text).toMatch(/同分.*优秀名额1个无法确定，请人工决定/);
    expect([...p.units].sort()).toEqual(big.units.map((u) => u.name).sort());
    expect(big.units.every((u) => u.grade === null && u.tied)).toBe(true);
    expect(big.units[0]!.gradeReason).toBe('同分跨越名额界限，待人工决定');
  });

  it('exports the ranking one sheet per category and a unit’s drill-down, as the screen shows them', async () => {
    const { plan, call } = await setup();
    entered((code) => ({ share: code.endsWith('1') ? 1 : 0.8 }));
    const r = await call<Results>('results.get', { planId: plan.id });
    const f = await call<{ fileName: string; base64: string }>('results.export', { planId: plan.id });
    expect(f.fileName).toMatch(/^考核排名-2026-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...r.categories.map((c) => c.categoryName), '说明']);
    const c = r.categories[0]!;
    const ws = wb.getWorksheet(c.categoryName)!;
    expect(ws.getRow(1).getCell(3).value).toBe('单位名称');
    c.units.forEach((u, i) => {
      const row = ws.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(3).value, row.getCell(7).value, row.getCell(8).value]).toEqual([
        u.rank,
        u.name,
        u.total,
        u.grade ?? '待定',
      ]);
    });
    const notes = wb.getWorksheet('说明')!;
    expect(notes.getRow(2).values).toContain(r.ruleVersion);

    const unit = c.units[0]!;
    const d = await call<Drill>('results.drillDown', { planId: plan.id, unitId: unit.unitId });
    const g = await call<{ fileName: string; base64: string }>('results.exportDrillDown', {
      planId: plan.id,
      unitId: unit.unitId,
    });
    const wd = new ExcelJS.Workbook();
    await wd.xlsx.load(Buffer.from(g.base64, 'base64') as unknown as ArrayBuffer);
    const s = wd.getWorksheet('得分反查')!;
    expect(s.getRow(3).getCell(1).value).toBe(d.summary);
    expect(s.getRow(6).getCell(1).value).toBe(d.lines[0]!.name);
    expect(s.getRow(6).getCell(7).value).toBe(d.lines[0]!.explanation);
    const last = s.getRow(5 + d.lines.length + 1);
    expect([last.getCell(1).value, last.getCell(6).value]).toEqual(['总分', d.unit.total]);
  });
});

describe('year-end rewards', () => {
  it('pays by grade coefficient, pays a vetoed unit nothing with the reason, and exports for finance', async () => {
    const { plan, call } = await setup();
    entered((code) => ({ share: 0.6 + (code.charCodeAt(code.length - 1) % 5) / 10, veto: code === 'SX-FGJ' }));
    const none = await call<Rewards>('rewards.get', { planId: plan.id });
    expect(none.problems).toEqual(['尚未设置奖惩办法，请先在“奖惩办法”中设置']);
    const method = {
      by: 'grade',
      base: 10000,
      coefficients: [
        { grade: '优秀', coefficient: 1.2 },
        { grade: '良好', coefficient: 1 },
      ],
    };
    await expect(call('rewards.saveRules', { planId: plan.id, method, reason: '首次设置' })).rejects.toThrow(
      '计分规则中的等次“达标”、“未达标”未设置系数',
    );
    method.coefficients.push({ grade: '达标', coefficient: 0.8 }, { grade: '未达标', coefficient: 0 });
    const v = await call<{ version: string }>('rewards.saveRules', { planId: plan.id, method, reason: '首次设置' });
    expect(v.version).toBe('奖惩办法第1版');

    const r = await call<Rewards>('rewards.get', { planId: plan.id });
    expect(r.problems).toEqual([]);
    const vetoed = r.rows.filter((x) => x.code === 'SX-FGJ');
    expect(vetoed).toHaveLength(1);
    for (const x of vetoed) {
      expect(x.amount).toBe(0);
      expect(x.explanation).toMatch(/^不予奖励（一票否决：发生一票否决事项（.+）/);
    }
    const paid = r.rows.filter((x) => x.code !== 'SX-FGJ');
    for (const x of paid)
      expect(x.amount).toBe(x.grade === '优秀' ? 12000 : x.grade === '良好' ? 10000 : x.grade === '达标' ? 8000 : 0);
    expect(r.total).toBe(paid.reduce((a, x) => a + (x.amount ?? 0), 0));
    expect(r.excluded).toBe(vetoed.length);

    const f = await call<{ fileName: string; base64: string }>('rewards.export', { planId: plan.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('奖励核算')!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe('示例县2026年度目标管理考核方案奖励核算表');
    const rows = ws.getRows(4, r.rows.length)!;
    expect(rows.map((x) => [x.getCell(3).value, x.getCell(7).value])).toEqual(r.rows.map((x) => [x.name, x.amount]));
    const sum = ws.getRow(4 + r.rows.length);
    expect([sum.getCell(1).value, sum.getCell(7).value]).toEqual(['合计', r.total]);
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(row.values!.toString()));
    expect(texts.join('\n')).toContain('不予奖励：发生一票否决事项的单位不予奖励');
    expect(texts.join('\n')).toMatch(/制表人：.*审核人：.*负责人：/);
  });
});
