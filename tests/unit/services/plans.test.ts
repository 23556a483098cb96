import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { caller, fixtureFile, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

type PlanGet = {
  plan: { state: string; title: string; units: number; targets: number };
  rules: Record<string, boolean>;
  moves: string[];
  indicators: {
    id: number;
    name: string;
    isGroup: boolean;
    kind: string;
    points: number;
    parentId: number | null;
    standardText: string;
  }[];
  pointsByCategory: { name: string; sum: number; ok: boolean }[];
};
type Target = {
  id: number;
  unitId: number;
  unitCode: string;
  indicatorName: string;
  content: string;
  points: number;
  leaderName: string | null;
  milestones: { text: string; percent: number | null }[];
  frozen: boolean;
  partnerUnitIds: number[];
};

describe('the sample plan from tests/fixtures', () => {
  it('imports indicators whose base points make 100 for every category, and targets for every unit', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app, { publish: false });
    const got = await call<PlanGet>('plans.get', { id: plan.id });
    expect(got.indicators.filter((i) => i.isGroup).map((i) => i.name)).toEqual([
      '作风建设',
      '工作效能',
      '机关形象',
      '业务工作',
      '加分项目',
      '扣分项目',
      '一票否决',
    ]);
    expect(
      got.pointsByCategory
        .filter((c) => ['政府工作部门', '党群部门', '乡镇街道'].includes(c.name))
        .every((c) => c.ok && c.sum === 100),
    ).toBe(true);
    expect(got.indicators.find((i) => i.name === '依法行政')!.standardText).toBe('每发现一次扣1分，最多扣5分');
    const targets = await call<Target[]>('targets.list', { planId: plan.id });
    const fgj = targets.filter((x) => x.unitCode === 'SX-FGJ');
    // six common items assigned by category plus three specific targets from the file
    expect(fgj).toHaveLength(9);
    expect(fgj.reduce((a, x) => a + x.points, 0)).toBe(100);
    const invest = fgj.find((x) => x.content === '完成全县固定资产投资年度目标')!;
    expect(invest.leaderName).toBe('李红');
    expect(invest.milestones[0]).toEqual({ text: '一季度完成20亿元', percent: 20 });
    expect(invest.partnerUnitIds).toHaveLength(1);
    // importing the same file again changes nothing
    const again = await call<{ counts: Record<string, number> }>('targets.importPreview', {
      planId: plan.id,
      ...fixtureFile('plans', 'sample-targets.xlsx'),
    });
    expect(again.counts).toEqual({ create: 0, update: 0, same: 10, error: 0 });
    // the targets tab reads one page, searched and counted by the server, with the unit's basic points
    type Page = { total: number; rows: Target[]; basePoints: number | null };
    const first = await call<Page>('targets.page', { planId: plan.id, limit: 5 });
    expect(first.total).toBe(targets.length);
    expect(first.rows.map((x) => x.id)).toEqual(targets.slice(0, 5).map((x) => x.id));
    expect(first.basePoints).toBeNull();
    const second = await call<Page>('targets.page', { planId: plan.id, limit: 5, offset: 5 });
    expect(second.rows.map((x) => x.id)).toEqual(targets.slice(5, 10).map((x) => x.id));
    const unit = await call<Page>('targets.page', { planId: plan.id, unitId: fgj[0]!.unitId });
    expect(unit).toMatchObject({ total: 9, basePoints: 100 });
    const found = await call<Page>('targets.page', { planId: plan.id, search: '固定资产投资' });
    expect(found.rows.map((x) => x.content)).toEqual(['完成全县固定资产投资年度目标']);
  });

  it('says which rows of a broken targets file are wrong and why, and imports none of it', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app, { publish: false });
    const before = (await call<Target[]>('targets.list', { planId: plan.id })).length;
    const p = await call<{
      rows: { row: number; status: string; messages: { column: string; message: string }[] }[];
      counts: Record<string, number>;
    }>('targets.importPreview', { planId: plan.id, ...fixtureFile('plans', 'broken-targets.xlsx') });
    const why = (row: number) =>
      p.rows
        .find((r) => r.row === row)!
        .messages.map((m) => `${m.column}:${m.message}`)
        .join('|');
    expect(p.rows.find((r) => r.row === 2)!.status).toBe('create');
    expect(why(3)).toContain('找不到单位 NOPE-01');
    expect(why(4)).toContain('没有名为“不存在的指标”的指标');
    expect(why(5)).toContain('“十分”不是 0 到 1000 之间的数');
    expect(why(6)).toContain('第2季度的节点完成率不能低于上一季度');
    expect(why(7)).toContain('没有名为“陈刚”的在职人员');
    expect(why(8)).toContain('“是否”应为“是”或“否”');
    expect(why(9)).toContain('超过 2000 个字');
    expect(p.rows.find((r) => r.row === 10)!.status).toBe('create');
    expect(why(11)).toContain('与第 2 行重复');
    await expect(
      call('targets.import', { planId: plan.id, ...fixtureFile('plans', 'broken-targets.xlsx') }),
    ).rejects.toThrow(/文件有 8 行错误，未导入任何内容。第 3 行/);
    expect(await call<Target[]>('targets.list', { planId: plan.id })).toHaveLength(before);
    // the file comes back with each row's reasons in a 错误说明 column, to be fixed and imported again
    const back = await call<{ fileName: string; base64: string }>('targets.importErrors', {
      planId: plan.id,
      ...fixtureFile('plans', 'broken-targets.xlsx'),
    });
    expect(back.fileName).toBe('broken-targets-错误说明.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(back.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.name === '目标任务') ?? wb.worksheets[0]!;
    const at = (ws.getRow(1).values as unknown[]).indexOf('错误说明');
    expect(at).toBeGreaterThan(0);
    expect(String(ws.getRow(3).getCell(at).value)).toContain('找不到单位 NOPE-01');
    expect(ws.getRow(2).getCell(at).value).toBeNull();
  });
});

describe('plan states', () => {
  it('publishes only when points balance, then freezes the indicators but not the targets', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app, { publish: false });
    const got = await call<PlanGet>('plans.get', { id: plan.id });
    const item = got.indicators.find((i) => i.name === '政务公开')!;
    await call('indicators.save', {
      id: item.id,
      planId: plan.id,
      parentId: item.parentId,
      kind: 'common',
      name: '政务公开',
      points: 4,
      params: { method: 'grade', shares: { A: 1, B: 0.85, C: 0.7, D: 0.5 } },
    });
    const unbalanced = await call<PlanGet>('plans.get', { id: plan.id });
    expect(unbalanced.pointsByCategory.find((c) => c.name === '政府工作部门')).toMatchObject({ sum: 99, ok: false });
    await expect(call('plans.setState', { id: plan.id, to: 'published' })).rejects.toThrow(
      /^指标分值不平衡，不能发布：.*政府工作部门合计 99 分，应为 100 分/,
    );
    await call('indicators.save', {
      id: item.id,
      planId: plan.id,
      parentId: item.parentId,
      kind: 'common',
      name: '政务公开',
      points: 5,
      params: { method: 'grade', shares: { A: 1, B: 0.85, C: 0.7, D: 0.5 } },
    });
    await call('plans.setState', { id: plan.id, to: 'published' });
    await expect(
      call('indicators.save', {
        id: item.id,
        planId: plan.id,
        parentId: item.parentId,
        kind: 'common',
        name: '政务公开',
        points: 6,
      }),
    ).rejects.toThrow('方案处于“已发布”状态，不能修改指标体系（仅在“草拟”状态下可以）。');
    const target = (await call<Target[]>('targets.list', { planId: plan.id }))[0]!;
    await expect(call('targets.remove', { id: target.id })).resolves.toEqual({});
    await expect(call('plans.setState', { id: plan.id, to: 'scoring' })).rejects.toThrow(
      '方案不能从“已发布”变为“考核评分”；此时可以：确认责任书全部签订、退回草拟。',
    );
  });

  it('starts next year as a copy: indicators, targets of active units, the title moved a year', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app);
    const units = await call<{ id: number; code: string }[]>('units.list', {});
    await call('units.setActive', { id: units.find((u) => u.code === 'SX-DHX')!.id, active: false });
    const next = await call<{ id: number; title: string; state: string; copiedFrom: number; targets: number }>(
      'plans.create',
      { year: 2027, title: '示例县2026年度目标管理考核方案', copyFrom: plan.id },
    );
    expect(next).toMatchObject({ title: '示例县2027年度目标管理考核方案', state: 'draft', copiedFrom: plan.id });
    const old = await call<Target[]>('targets.list', { planId: plan.id });
    const copied = await call<Target[]>('targets.list', { planId: next.id });
    expect(copied.length).toBe(old.filter((x) => x.unitCode !== 'SX-DHX').length);
    expect(copied.some((x) => x.unitCode === 'SX-DHX')).toBe(false);
    expect((await call<PlanGet>('plans.get', { id: next.id })).indicators).toHaveLength(
      (await call<PlanGet>('plans.get', { id: plan.id })).indicators.length,
    );
    await expect(call('plans.create', { year: 2027, title: '再来一个' })).rejects.toThrow('2027 年度已有考核方案');
  });

  it('re-importing indicators from a file without some columns keeps what the office set in the system', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app, { publish: false });
    const cats = await call<{ id: number; name: string }[]>('categories.list', {});
    const gov = cats.find((c) => c.name === '政府工作部门')!.id;
    const before = await call<PlanGet>('plans.get', { id: plan.id });
    const item = before.indicators.find((i) => i.name === '办事效率')!;
    const steps = [
      { min: 100, share: 1 },
      { min: 95, share: 0.9 },
    ];
    await call('indicators.save', {
      id: item.id,
      planId: plan.id,
      parentId: item.parentId,
      kind: 'common',
      name: '办事效率',
      points: 5,
      params: { method: 'threshold', steps },
      standard: '按时办结率分档计分',
      scoringBody: '县行政审批局',
      categoryIds: [gov],
      evidence: '审批记录',
    });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.addRow(['分组', '类别', '指标', '分值']);
    ws.addRow(['工作效能', '共性', '办事效率', 5]);
    const file = {
      planId: plan.id,
      fileName: 'few.xlsx',
      base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    };
    const preview = await call<{ counts: Record<string, number> }>('indicators.importPreview', file);
    expect(preview.counts).toEqual({ create: 0, update: 0, same: 1, error: 0 });
    await call('indicators.import', file);
    const after = (
      await call<
        PlanGet & { indicators: { params: unknown; categoryIds: number[]; evidence: string; scoringBody: string }[] }
      >('plans.get', { id: plan.id })
    ).indicators.find((i) => i.name === '办事效率')!;
    expect(after).toMatchObject({
      params: { method: 'threshold', steps },
      standardText: '按时办结率分档计分',
      scoringBody: '县行政审批局',
      categoryIds: [gov],
      evidence: '审批记录',
    });
  });

  it('refuses a group with items to be removed, and an indicator with targets', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app, { publish: false });
    const got = await call<PlanGet>('plans.get', { id: plan.id });
    await expect(
      call('indicators.remove', { id: got.indicators.find((i) => i.name === '作风建设')!.id }),
    ).rejects.toThrow('分组“作风建设”下还有 2 个指标');
    await expect(
      call('indicators.remove', { id: got.indicators.find((i) => i.name === '依法行政')!.id }),
    ).rejects.toThrow(/指标“依法行政”下已有 \d+ 项目标任务/);
  });

  it('leaders read plans but may not change them; clerks do not see them', async () => {
    t = await testApp();
    const { plan } = await samplePlan(t.app);
    await expect(caller(t.app, 'leader')('plans.get', { id: plan.id })).resolves.toBeTruthy();
    await expect(caller(t.app, 'leader')('plans.update', { id: plan.id, title: '改' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(caller(t.app, 'clerk')('targets.list', { planId: plan.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
