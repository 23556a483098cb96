import path from 'node:path';
import { api, apiSignIn, expect, pageSession, repoRoot, shot, test } from '../support/fixtures';
import { ImportWizard } from '../support/pages/import-wizard';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';
import { chooseOption } from '../support/select';

const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/efficiency', name);

test('审批效率: the office imports a quarter’s approval cases and sees each unit’s on-time rate and late cases', async ({
  app,
  host,
  pageErrors,
}) => {
  // the county's units, two towns' 财政所, 春节 on the calendar, the issuing body and the year's cost figures
  const session = await pageSession(app);
  const admin = await apiSignIn(host, 'admin');
  await api(host, 'settings.update', { unitName: '示例县人民政府目标考评办公室' }, admin);
  for (let d = 15; d <= 23; d++)
    await api(host, 'calendar.set', { date: `2026-02-${d}`, kind: 'holiday', note: '春节' }, admin);
  for (const date of ['2026-02-14', '2026-02-28'])
    await api(host, 'calendar.set', { date, kind: 'workday', note: '调休' }, admin);
  await api(host, 'settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] }, session);
  await api(host, 'units.import', fixtureFile('org', 'sample-units.xlsx'), session);
  const units = await api<{ id: number; code: string }[]>(host, 'units.list', {}, session);
  for (const [code, parent] of [
    ['SX-CGZ-CZS', 'SX-CGZ'],
    ['SX-DHX-CZS', 'SX-DHX'],
  ])
    await api(
      host,
      'units.create',
      { code, name: '财政所', kind: 'other', parentId: units.find((u) => u.code === parent)!.id },
      session,
    );
  await api(host, 'cost.import', fixtureFile('efficiency', 'sample-costs.xlsx'), session);

  await new Shell(app).open('审批效率与行政成本');
  const year = app.getByTestId('efficiency-year');
  await chooseOption(app, year, '2026 年', year.locator('.ant-select-content[title="2026 年"]'));
  await app.getByText('一季度', { exact: true }).click();
  await expect(app.getByText('本期没有受理的审批办件。请导入审批办件（按受理日期归入季度）。')).toBeVisible();

  await app.getByTestId('import-approvals').click();
  const wizard = new ImportWizard(app, '审批办件');
  await wizard.choose(fixture('broken-approvals.xlsx'));
  await wizard.expectRefused(8);
  await expect(wizard.dialog.getByText(/有 2 个单位名为“财政所”/)).toBeVisible();
  await wizard.chooseAnother(fixture('sample-approvals.xlsx'));
  await wizard.expectChecked({ create: 8 });
  await wizard.confirm();
  await wizard.finish();

  const table = app.getByTestId('efficiency-units');
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(row('示例县发展和改革局')).toContainText('66.67%');
  await expect(row('示例县财政局')).toContainText('50%');
  await expect(row('财政所（城关镇人民政府）')).toContainText('100%');
  // the drill-down: the unit's case over its limit
  await row('示例县发展和改革局')
    .getByRole('button', { name: /展开行|Expand row/ })
    .click();
  await expect(table.getByText('FG-002')).toBeVisible();
  await shot(app, 'efficiency-units');

  await app.getByRole('tab', { name: /超过时限的办件/ }).click();
  await expect(app.getByText('会计代理记账许可')).toBeVisible();
  await app.getByRole('tab', { name: /年度行政成本/ }).click();
  await expect(app.getByTestId('cost-method')).toContainText('公用经费对照预算（权重50%）');
  await expect(app.getByText('不计分：缺少三公经费上年数')).toBeVisible();
  await shot(app, 'efficiency-costs');

  await app.getByTestId('efficiency-publish').click();
  await expect(app.getByText(/^已生成 考评效〔\d{4}〕1号$/)).toBeVisible();
  await expect(app.getByRole('dialog', { name: /关于公布2026年第一季度各部门审批绩效评分的通报/ })).toBeVisible();
  await shot(app, 'efficiency-report-preview');
  expect(pageErrors).toEqual([]);
});
