import fs from 'node:fs';
import { sampleYear } from '../support/sample-year';
import { api, apiSignIn, expect, openAs, shot, test } from '../support/fixtures';
import { TIMEOUTS } from '../support/timeouts';
import { chooseOption } from '../support/select';

/**
 * The leader's dashboard (issue #16 item 7): a 领导 signs in and lands on it; while the year runs it shows the
 * quarterly trend and says why there is no ranking yet; once the office starts scoring it draws the ranking, the
 * heat map and the grades; a chart is saved as a PNG and printed alone.
 */
test('a leader lands on the dashboard, sees the year’s charts, exports one as PNG and prints one', async ({
  page,
  host,
  pageErrors,
}) => {
  test.setTimeout(300_000);
  const s = await apiSignIn(host, 'evaluator');
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const plan = await sampleYear(host, s, { year });
  for (const l of await api<{ unitId: number }[]>(host, 'letters.list', { planId: plan.id }, s)) {
    await api(host, 'letters.generate', { planId: plan.id, unitId: l.unitId }, s);
    await api(
      host,
      'letters.sign',
      { planId: plan.id, unitId: l.unitId, signedDate: today, partyASigner: '张县长', partyBSigner: '负责人' },
      s,
    );
  }
  await api(host, 'plans.setState', { id: plan.id, to: 'signed' }, s);
  // some targets report each quarter so far, a little behind and ahead of the even pace
  for (let q = 1; q <= quarter; q++) {
    const rows = await api<{ targetId: number }[]>(host, 'reports.list', { planId: plan.id, quarter: q }, s);
    for (const [i, r] of rows.slice(0, 10).entries()) {
      const saved = await api<{ reportId: number }>(
        host,
        'reports.save',
        {
          targetId: r.targetId,
          quarter: q,
          completionRate: Math.min(100, q * 25 + (i % 3) * 8 - 8),
          narrative: '按节点推进',
        },
        s,
      );
      await api(host, 'reports.submit', { reportId: saved.reportId }, s);
    }
  }

  await openAs(page, host, 'leader');
  await expect(page.getByRole('heading', { name: '领导看板', level: 3 })).toBeVisible({ timeout: TIMEOUTS.signIn });
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toHaveAttribute('data-ready', '1');
  await expect(page.getByText('该方案尚未进入考核评分阶段，还没有考评结果')).toBeVisible();
  await expect(page.getByRole('figure', { name: '季度完成趋势' }).locator('canvas')).toHaveCount(1);
  await expect(page.getByRole('figure', { name: '分类排名' })).toHaveCount(0);
  await shot(page, 'dashboard-before-scoring');

  // the office starts scoring: the leader's next look has the ranking, the heat map and the grades
  await api(host, 'plans.setState', { id: plan.id, to: 'scoring' }, s);
  await page.reload();
  await expect(dashboard).toHaveAttribute('data-ready', '1', { timeout: TIMEOUTS.signIn });
  for (const name of ['季度完成趋势', '等次分布', '分类排名', '指标得分率'])
    await expect(page.getByRole('figure', { name }).locator('canvas')).toHaveCount(1);
  await expect(page.getByText(/尚有 \d+ 个单位有指标未评分，排名和等次为暂定。/)).toBeVisible();
  await expect(page.getByText('实时计算结果（尚未冻结）')).toBeVisible();
  await shot(page, 'dashboard-scoring');

  // another category: the ranking and the heat map are drawn again for it
  const category = page.getByRole('combobox', { name: '考核类别' });
  await category.click();
  const second = page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1);
  const secondTitle = (await second.getAttribute('title')) ?? '';
  const secondName = secondTitle.replace(/（.*$/, '');
  const field = page.locator('.ant-select').filter({ has: category });
  await chooseOption(page, category, secondTitle, field.locator(`.ant-select-content[title="${secondTitle}"]`));
  await expect(dashboard).toHaveAttribute('data-ready', '1');
  await expect(page.getByRole('figure', { name: '分类排名' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('export-分类排名').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`示例县${year}年度目标管理考核方案（${secondName}）－分类排名.png`);
  const bytes = fs.readFileSync(await file.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // 打印: the chart alone on a print page; the dialog is the browser's, so its call is recorded instead
  await page.evaluate(() => {
    const w = window as unknown as { printed?: string[] };
    window.print = () => {
      w.printed = Array.from(document.querySelectorAll<HTMLImageElement>('.kaoping-chart-print img'), (i) => i.src);
    };
  });
  await page.getByTestId('print-等次分布').click();
  await page.waitForFunction(() => (window as unknown as { printed?: string[] }).printed !== undefined);
  const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed);
  expect(printed).toHaveLength(1);
  expect(printed[0]).toMatch(/^data:image\/png;base64,/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('img', { name: '等次分布' })).toBeVisible();
  await expect(page.getByRole('menu')).toBeHidden();
  await shot(page, 'dashboard-print');
  expect(pageErrors).toEqual([]);
});
