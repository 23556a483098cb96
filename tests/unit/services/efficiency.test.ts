import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { caller as typed } from '../../support/caller';
import { fixtureFile, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

/** The office on 10 April 2026, after the first quarter, with 春节 on its calendar and two towns' 财政所. */
async function office() {
  t = await testApp({ now: () => new Date('2026-04-10T10:00:00').getTime() });
  const { unitId } = await samplePlan(t.app, { publish: false });
  const ev = typed(t.app, 'evaluator');
  const admin = typed(t.app, 'admin');
  for (let d = 15; d <= 23; d++)
    await admin.call('calendar.set', { date: `2026-02-${d}`, kind: 'holiday', note: '春节' });
  for (const date of ['2026-02-14', '2026-02-28'])
    await admin.call('calendar.set', { date, kind: 'workday', note: '调休' });
  for (const [code, parent] of [
    ['SX-CGZ-CZS', 'SX-CGZ'],
    ['SX-DHX-CZS', 'SX-DHX'],
  ] as const)
    await ev.call('units.create', { code, name: '财政所', kind: 'other', parentId: unitId(parent) });
  return { ev, unitId };
}

const count = (table: string) =>
  (t.app.opened.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('approval efficiency', () => {
  it('refuses a hostile workbook row by row and writes nothing', async () => {
    const { ev } = await office();
    const p = await ev.call('efficiency.importPreview', fixtureFile('efficiency', 'broken-approvals.xlsx'));
    const said = (row: number) => p.rows.find((r) => r.row === row)!.messages.map((m) => `${m.column}：${m.message}`);
    expect(p.counts.error).toBe(8);
    expect(said(2)).toEqual(['办结日期：办结日期早于受理日期']);
    expect(said(3)).toEqual(['法定时限：不能为负数（-3）']);
    expect(said(4)[0]).toContain('找不到单位“SX-XXX”');
    expect(said(5)[0]).toContain('有 2 个单位名为“财政所”：SX-CGZ-CZS 财政所（城关镇人民政府）');
    expect(said(6)).toEqual(['承诺时限：承诺时限不能超过法定时限']);
    expect(said(8)).toEqual(['办件编号：与第 7 行重复（同一单位的同一办件）']);
    expect(said(9)[0]).toContain('只写到月份');
    expect(said(10)[0]).toContain('不是工作日数');
    const r = await ev.attempt('efficiency.import', fixtureFile('efficiency', 'broken-approvals.xlsx'));
    expect(!r.ok && r.error.message).toMatch(/^文件有 8 行错误，未导入任何内容。第 2 行：/);
    const notExcel = await ev.attempt('efficiency.importPreview', fixtureFile('org', 'not-excel.xlsx'));
    expect(notExcel.ok ? '' : notExcel.error.message).toContain('不是有效的 Excel');
    const units = await ev.call('efficiency.importPreview', fixtureFile('org', 'sample-units.xlsx'));
    expect(units.rows[0]!.messages[0]!.message).toContain('表头缺少必需的列');
    expect(count('approval_records')).toBe(0);
    // an error workbook marks the rows for the clerk
    const back = await ev.call('efficiency.importErrors', fixtureFile('efficiency', 'broken-approvals.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(back.base64, 'base64') as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getRow(2).getCell(9).value)).toContain('办结日期早于受理日期');
  });

  it('imports the office’s export, rates each unit on the calendar, and is unchanged on re-import', async () => {
    const { ev } = await office();
    const done = await ev.call('efficiency.import', fixtureFile('efficiency', 'sample-approvals.xlsx'));
    expect(done.counts).toEqual({ create: 8, update: 0, same: 0, error: 0 });
    const again = await ev.call('efficiency.importPreview', fixtureFile('efficiency', 'sample-approvals.xlsx'));
    expect(again.counts).toEqual({ create: 0, update: 0, same: 8, error: 0 });

    const q1 = await ev.call('efficiency.list', { year: 2026, quarter: 1 });
    expect(q1.period.label).toBe('2026年第一季度');
    expect(q1.asOf).toBe('2026-03-31');
    const row = (name: string) => q1.units.find((u) => u.unitName === name)!;
    expect(row('示例县发展和改革局')).toMatchObject({ cases: 3, onTime: 2, late: 1, rate: 66.67, averageDays: 3.33 });
    expect(row('示例县财政局')).toMatchObject({ cases: 2, onTime: 1, overdue: 1, rate: 50, averageDays: 4 });
    expect(row('财政所（城关镇人民政府）')).toMatchObject({ rate: 100, averageDays: 3 });
    expect(row('财政所（东河乡人民政府）')).toMatchObject({ rate: 100, averageDays: 4 });
    expect(row('示例县教育局')).toMatchObject({ rate: 0, averageDays: 23 });
    expect(q1.over.map((o) => [o.caseNo, o.standing, o.overBy])).toEqual([
      ['CZ-002', 'overdue', 16],
      ['JY-001', 'late', 3],
      ['FG-002', 'late', 2],
    ]);
    // a leader reads; only the office writes
    const leader = typed(t.app, 'leader');
    expect((await leader.call('efficiency.list', { year: 2026, quarter: 1 })).units).toHaveLength(5);
    const refused = await leader.attempt('efficiency.import', fixtureFile('efficiency', 'sample-approvals.xlsx'));
    expect(refused.ok).toBe(false);
    expect((await ev.call('efficiency.list', { year: 2026, quarter: 2 })).units).toEqual([]);
  });

  it('publishes the quarter’s list as a numbered 通报 with the cost figures beside it, and as a workbook', async () => {
    const { ev } = await office();
    await ev.call('efficiency.import', fixtureFile('efficiency', 'sample-approvals.xlsx'));
    const costs = await ev.call('cost.import', fixtureFile('efficiency', 'sample-costs.xlsx'));
    expect(costs.counts).toEqual({ create: 5, update: 0, same: 0, error: 0 });
    const empty = await ev.attempt('efficiency.publish', { year: 2026, quarter: 2 });
    expect(!empty.ok && empty.error.message).toBe('2026年第二季度还没有受理的审批办件，请先导入审批办件。');

    const doc = await ev.call('efficiency.publish', { year: 2026, quarter: 1 });
    expect(doc).toMatchObject({ number: '考评效〔2026〕1号', title: '关于公布2026年第一季度各部门审批绩效评分的通报' });
    const listed = await ev.call('documents.list', {});
    expect(listed.find((d) => d.number === doc.number)).toMatchObject({ kind: 'efficiency' });
    const opened = await ev.call('documents.content', { id: doc.documentId });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(opened.base64, 'base64') })).value;
    for (const s of [
      '关于公布2026年第一季度各部门审批绩效评分的通报',
      '本期共受理审批事项8件，按时办结率62.5%。',
      '财政所（城关镇人民政府）',
      '会计代理记账许可（CZ-002）',
      '未办结的办件截至2026年3月31日计算。',
      '四、2026年度各部门行政成本',
      '不计分：缺少三公经费上年数',
    ])
      expect(text).toContain(s);

    const xlsx = await ev.call('efficiency.export', { year: 2026, quarter: 1 });
    expect(xlsx.fileName).toBe('2026年第一季度各部门审批绩效评分.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审批绩效', '超过时限的办件', '行政成本', '计算办法']);
    expect(wb.worksheets[0]!.getRow(3).values).toEqual(expect.arrayContaining(['财政所（城关镇人民政府）', 100, 3]));
  });
});

describe('administrative cost', () => {
  it('scores by the office’s method, takes the year before from its own row, says what is missing', async () => {
    const { ev } = await office();
    const broken = await ev.call('cost.importPreview', {
      fileName: '行政成本.csv',
      base64: Buffer.from(
        '单位,年度,公用经费,三公经费,人数\nSX-FGJ,2026,-5,1,10\nSX-CZJ,2026,10,12,10\nSX-JYJ,2030,10,1,0\nSX-FGJ,2026,10,1,10\n',
      ).toString('base64'),
    });
    expect(broken.rows.map((r) => r.messages.map((m) => `${m.column}：${m.message}`).join('；'))).toEqual([
      '公用经费：不能为负数（-5）',
      '三公经费：不能超过公用经费（三公经费是公用经费的一部分）',
      '年度：“2030”应为 2000 至 2026 之间的年份；人数：“0”应为大于 0 的整数',
      '单位：与第 2 行重复（同一单位、同一年度）',
    ]);
    await ev.call('cost.import', fixtureFile('efficiency', 'sample-costs.xlsx'));
    const list = await ev.call('cost.list', { year: 2026 });
    const row = (code: string) => list.rows.find((r) => r.unitCode === code)!;
    expect(row('SX-FGJ')).toMatchObject({ share: 0.8, perStaff: 5 });
    expect(row('SX-CZJ')).toMatchObject({ share: 1, priorThree: 10 });
    expect(row('SX-JYJ')).toMatchObject({ publicFunds: 1250.5, share: 0.7 });
    expect(row('SX-CGZ-CZS')).toMatchObject({ share: null, explain: '不计分：缺少三公经费上年数' });

    const bad = await ev.attempt('cost.setMethod', {
      method: { parts: [{ measure: 'three', basis: 'budget', weight: 0.5 }], steps: [{ max: 100, share: 1 }] },
    });
    expect(!bad.ok && bad.error.message).toBe('行政成本计分办法不能保存：各项权重之和应为 1。');
    const set = await ev.call('cost.setMethod', {
      method: { parts: [{ measure: 'perStaff', basis: 'budget', weight: 1 }], steps: [{ max: 100, share: 1 }] },
    });
    expect(set.methodText).toBe('考核人均行政成本对照预算（权重100%）；不超过100%得100%，超过100%不得分');
    const after = await ev.call('cost.list', { year: 2026 });
    expect(after.rows.find((r) => r.unitCode === 'SX-FGJ')).toMatchObject({ share: 0 });
    expect(after.rows.find((r) => r.unitCode === 'SX-CGZ-CZS')).toMatchObject({ share: 1 });
    const audit = t.app.opened.sqlite.prepare(`select detail from audit_log where action = 'cost.setMethod'`).all() as {
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
  });
});
