import { expect, openAs, shot, test } from '../support/fixtures';
import { Shell } from '../support/pages/shell';
import { clickUntil } from '../support/select';

test('an evaluator edits 单位扣分规则 into version 2 with a reason; the history shows the change; a leader reads', async ({
  app,
  browser,
  host,
  pageErrors,
}) => {
  await new Shell(app).open('规则表');
  await expect(app.getByTestId('rule-version')).toHaveText('第 1 版');
  await expect(app.getByTestId('rule-rows')).toContainText('问询、督办通知逾期未回复');
  await shot(app, 'rule-tables-v1');

  await app.getByTestId('rule-edit').click();
  const points = app.getByLabel('第4行分值');
  await points.fill('1');
  // a row the automatic points read cannot be deleted
  await expect(app.getByLabel('删除第4行')).toBeDisabled();
  await app.getByTestId('rule-save').click();
  const dialog = app.getByRole('dialog');
  await clickUntil(dialog.getByRole('button', { name: '保存新版本' }), dialog.getByText('请填写修改理由'));
  await dialog.getByLabel('修改理由').fill('依据县考评委第3次会议决定调整');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(app.getByTestId('rule-version')).toHaveText('第 2 版');
  await expect(app.getByText('已保存为新版本；此前计算的结果仍保留原版本')).toBeVisible();

  await app.getByRole('tab', { name: '修改历史' }).click();
  const history = app.getByTestId('rule-history');
  await expect(history).toContainText('依据县考评委第3次会议决定调整');
  await expect(history).toContainText('问询、督办通知逾期未回复：分值 0.5 → 1');
  await expect(history).toContainText('初始版本，共 7 条规则。');
  await shot(app, 'rule-tables-history');

  const leader = await browser.newPage();
  await openAs(leader, host, 'leader');
  await new Shell(leader).open('规则表');
  await expect(leader.getByTestId('rule-version')).toHaveText('第 2 版');
  await expect(leader.getByTestId('rule-edit')).toHaveCount(0);
  await leader.close();
  expect(pageErrors).toEqual([]);
});
