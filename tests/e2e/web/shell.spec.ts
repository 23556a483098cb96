import { expect, shot, test, waitReady } from '../support/fixtures';
import { Shell } from '../support/pages/shell';

const modules = [
  '领导看板',
  '组织人员',
  '目标管理',
  '进展督查',
  // the heading of the scoring group, shown open with its modules under it
  '考评计分',
  '评分录入',
  '结果与奖惩',
  '结果公示',
  '审批效率与行政成本',
  '规则表',
  '责任追究',
  '监督网络',
  '档案',
  '数据交换',
  '系统设置',
];
/** Wave 2's modules, each with a tab it opens with (no module is a placeholder any more). */
const wave2: [string, string][] = [
  ['责任追究', '问责线索'],
  ['监督网络', '投诉'],
  ['档案', '人员档案'],
  ['数据交换', '导出与导入'],
];

test('the Chinese shell shows its modules to an evaluator, and each opens on its own page', async ({
  app,
  pageErrors,
}) => {
  const shell = new Shell(app);
  for (const m of modules) await expect(shell.module(m)).toBeVisible();
  await expect(shell.module('安全审计')).toHaveCount(0);
  await expect(app.getByText('考评 · 目标管理与责任追究')).toBeVisible();
  await expect(shell.userMenu).toContainText('李考评');
  await expect(shell.userMenu).toContainText('考评员');
  await shot(app, 'shell-start');

  // a 考评员 starts on the overdue board
  await expect(app.getByRole('heading', { name: '进展督查', level: 3 })).toBeVisible();
  await expect(app.getByText('3 个工作日内到期')).toBeVisible();
  await shell.open('组织人员');
  await expect(app.getByText('单位（0）')).toBeVisible();
  await shell.open('目标管理');
  await expect(
    app.getByText('还没有考核方案。先新建本年度的方案（可复制上一年度），再设置指标和各单位目标。'),
  ).toBeVisible();
  await shell.open('进展督查');
  await app.getByRole('tab', { name: '季度进展' }).click();
  await expect(app.getByText('还没有进入执行阶段的考核方案（责任书全部签订后开始填报季度进展）。')).toBeVisible();
  await shell.open('结果公示');
  await expect(app.getByText('方案进入“考核评分”阶段后，才能冻结结果并公示。')).toBeVisible();
  for (const [m, tab] of wave2) {
    await shell.open(m);
    await expect(app.getByRole('tab', { name: tab, exact: true })).toBeVisible();
    await expect(app.getByText(`${m}（建设中）`)).toHaveCount(0);
  }
  expect(pageErrors).toEqual([]);
});

test('the module shown survives a reload (hash route) within the signed-in tab, and the page title is Chinese', async ({
  app,
}) => {
  await new Shell(app).open('责任追究');
  await expect(app).toHaveURL(/#\/cases$/);
  await app.reload();
  await waitReady(app);
  await expect(app.getByRole('heading', { name: '责任追究', level: 3 })).toBeVisible();
  await expect(app).toHaveTitle('考评');
});

test('opened without the token, the page says in Chinese why it cannot open', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByText('考评无法打开')).toBeVisible();
  await expect(page.getByText('访问凭据缺失或无效，请使用启动时显示的地址重新打开。')).toBeVisible();
  await shot(page, 'shell-no-token');
});
