import ExcelJS from 'exceljs';
import { api, expect, pageSession, shot, test } from '../support/fixtures';
import { ResultsPage } from '../support/pages/results';
import { Shell } from '../support/pages/shell';
import { sampleYear } from '../support/sample-year';

/**
 * Entry by the scoring bodies is another part of #16 and not on main yet, so the sample year's items are scored only
 * where an automatic source feeds them: here 依法行政 counts overdue notices (none: full marks, with the rule table's
 * version). The rest stay 尚未评完 at 0 points — enough to see the ranking, a quota that ties every unit (said, with
 * the units named), the drill-down with its sources, the rules' versions and the rewards with their exports.
 */
test('results of a sample year: rules saved as a version, quota ties named, drill-down and rewards exported', async ({
  app,
  host,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  const s = await pageSession(app);
  const plan = await sampleYear(host, s, { publish: false });
  type Indicator = { id: number; name: string; isGroup: boolean; [k: string]: unknown };
  const got = await api<{ indicators: Indicator[] }>(host, 'plans.get', { id: plan.id }, s);
  const law = got.indicators.find((i) => i.name === '依法行政')!;
  const keep = ['id', 'parentId', 'kind', 'name', 'points', 'params', 'standard', 'scoringBody', 'categoryIds'];
  await api(
    host,
    'indicators.save',
    { ...Object.fromEntries(keep.map((k) => [k, law[k]])), planId: plan.id, autoSource: 'notice_overdue' },
    s,
  );
  await api(host, 'plans.setState', { id: plan.id, to: 'published' }, s);
  const results = new ResultsPage(app);
  await new Shell(app).open('结果与奖惩');

  // the ranking with the default rules: nothing is scored yet
  await expect(app.getByTestId('results-basis')).toContainText('按默认规则');
  const first = await api<{ categories: { categoryName: string; units: { name: string }[] }[] }>(
    host,
    'results.get',
    { planId: plan.id },
    s,
  );
  // the largest category: 30% and 40% of its units make at least one place to fill
  const category = [...first.categories].sort((a, b) => b.units.length - a.units.length)[0]!;
  await results.category(category.categoryName).click();
  const unit = category.units[0]!.name;
  await expect(results.row(unit).getByText('尚未评完')).toBeVisible();
  await expect(results.row(unit).getByText('未达标')).toBeVisible();
  // a unit not yet fully scored is not offered as a low score for a 问责线索, whatever the 低分线
  await expect(app.getByLabel('低分线')).toHaveValue('60');
  await expect(results.row(unit).getByRole('button', { name: '转为问责线索' })).toHaveCount(0);
  await shot(app, 'results-ranking-defaults');

  // 计分规则: grades by quota, saved as version 1 with its reason
  await results.tab('计分规则').click();
  await expect(app.getByTestId('rules-version')).toContainText('默认规则');
  await app.getByTestId('grading-by').getByText('按各类别名额').click();
  await expect(app.getByTestId('quota-otherwise')).toBeVisible();
  await app.getByLabel('修改原因').fill('经县考评委员会决定按名额定等');
  await app.getByTestId('rules-save').click();
  await expect(app.getByText('已保存为计分规则第1版')).toBeVisible();
  await expect(app.getByRole('row', { name: /计分规则第1版.*经县考评委员会决定按名额定等/ })).toBeVisible();
  await shot(app, 'results-rules');

  // every unit ties at 0: the quota cannot be met, and the warning names the units
  await results.tab('排名与等次').click();
  await expect(app.getByTestId('results-basis')).toContainText('按计分规则第1版');
  await expect(app.getByTestId('results-basis')).toContainText('单位扣分规则');
  const warning = app.getByTestId('grade-problem').filter({ hasText: category.categoryName });
  await expect(warning).toContainText('请人工决定');
  await expect(warning).toContainText(`涉及单位：${category.units.map((u) => u.name).join('、')}`);
  await results.category(category.categoryName).click();
  await expect(results.row(unit).getByText('待定')).toBeVisible();
  await shot(app, 'results-ranking-quota-ties');

  // 得分反查 of one unit, and its export
  await results.row(unit).getByRole('button', { name: '得分反查' }).click();
  await expect(results.drawer.getByTestId('drill-summary')).toContainText('尚有指标未评分');
  await expect(results.drawer.getByText('尚未评分，暂计 0 分').first()).toBeVisible();
  const lawRow = results.drawer.getByRole('row', { name: /依法行政/ });
  await expect(lawRow).toContainText('未发现扣分事项，得满分：5 分');
  await expect(lawRow).toContainText('逾期未回复 0 件、逾期回复 0 件');
  // the drawer has slid fully in
  await expect(results.drawer.getByRole('button', { name: /导出反查表/ })).toBeInViewport({ ratio: 1 });
  await shot(app, 'results-drill-down');
  const drill = await results.download(results.drawer.getByRole('button', { name: /导出反查表/ }));
  expect(drill.name).toMatch(/^得分反查-.+\.xlsx$/);
  const wd = new ExcelJS.Workbook();
  await wd.xlsx.load(drill.bytes as unknown as ArrayBuffer);
  const summary = await results.drawer.getByTestId('drill-summary').innerText();
  expect(String(wd.getWorksheet('得分反查')!.getRow(3).getCell(1).value)).toBe(summary.trim());
  await app.keyboard.press('Escape');
  await expect(results.drawer).toBeHidden();

  const ranking = await results.download(app.getByRole('button', { name: /导出排名/ }));
  const wr = new ExcelJS.Workbook();
  await wr.xlsx.load(ranking.bytes as unknown as ArrayBuffer);
  expect(wr.worksheets.map((w) => w.name)).toEqual([...first.categories.map((c) => c.categoryName), '说明']);

  // 奖惩: by grade coefficient; units whose grade is 待定 are not paid until it is settled
  await results.tab('奖惩核算').click();
  await expect(app.getByText('尚未设置奖惩办法，请先在“奖惩办法”中设置')).toBeVisible();
  await app.getByTestId('rewards-edit').click();
  const form = app.getByTestId('reward-rules');
  await form.getByRole('spinbutton', { name: '奖励基数' }).fill('20000');
  await form.getByLabel('修改原因').fill('按县财政年度预算');
  await app.getByTestId('rewards-save').click();
  await expect(app.getByText('已保存为奖惩办法第1版')).toBeVisible();
  await expect(app.getByTestId('rewards-words')).toContainText('奖励基数 20000.00 元');
  await expect(app.getByText('不予奖励：发生一票否决事项的单位不予奖励')).toBeVisible();
  await expect(app.getByRole('row', { name: new RegExp(`${unit}.*等次待人工决定，暂不核算`) })).toBeVisible();
  await shot(app, 'results-rewards');
  const finance = await results.download(app.getByRole('button', { name: /导出财务核算表/ }));
  const wf = new ExcelJS.Workbook();
  await wf.xlsx.load(finance.bytes as unknown as ArrayBuffer);
  const ws = wf.getWorksheet('奖励核算')!;
  expect(String(ws.getRow(1).getCell(1).value)).toBe(`示例县2026年度目标管理考核方案奖励核算表`);
  expect(pageErrors).toEqual([]);
});
