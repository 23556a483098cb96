import path from 'node:path';
import { expect, repoRoot, shot, test } from '../support/fixtures';

const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/org', name);

test('import wizard: broken units are named row by row and nothing is written; the sample then imports, and people follow', async ({ app }) => {
  await app.getByRole('menuitem', { name: '组织人员' }).click();
  await expect(app.getByText('还没有单位。可新建，或用“导入”从 Excel 导入单位名单。')).toBeVisible();

  await app.getByRole('button', { name: '导 入' }).click();
  const wizard = app.getByRole('dialog', { name: '导入单位' });
  await wizard.locator('input[type=file]').setInputFiles(fixture('broken-units.xlsx'));
  await expect(wizard.getByText('有 11 行错误，请按下表修改文件后重新选择。这次不会导入任何内容。')).toBeVisible();
  await expect(wizard.getByText('“上级单位代码”找不到单位代码为“NOPE”的单位（数据库和本文件中都没有）')).toBeVisible();
  await expect(wizard.getByText('已忽略隐藏的工作表“旧数据”。')).toBeVisible();
  await expect(wizard.getByRole('button', { name: /确认导入/ })).toBeDisabled();
  await shot(app, 'org-import-errors');

  await wizard.getByRole('button', { name: '重新选择文件' }).click();
  await wizard.locator('input[type=file]').setInputFiles(fixture('sample-units.xlsx'));
  await expect(wizard.getByText('检查通过：新增 8，更新 0，不变 0。')).toBeVisible();
  await wizard.getByRole('button', { name: /确认导入（新增 8，更新 0）/ }).click();
  await expect(wizard.getByText('导入完成')).toBeVisible();
  await wizard.getByRole('button', { name: '完 成' }).click();

  await expect(app.getByText('单位（8）')).toBeVisible();
  await app.getByRole('button', { name: '导入人员' }).click();
  const people = app.getByRole('dialog', { name: '导入人员' });
  await people.locator('input[type=file]').setInputFiles(fixture('sample-people.xlsx'));
  await expect(people.getByText('检查通过：新增 10，更新 0，不变 0。')).toBeVisible();
  await people.getByRole('button', { name: /确认导入/ }).click();
  await expect(people.getByText('导入完成')).toBeVisible();
  await people.getByRole('button', { name: '完 成' }).click();

  await app.getByRole('tree').getByText('示例县发展和改革局', { exact: true }).click();
  await expect(app.getByText('共 3 人')).toBeVisible();
  await expect(app.getByRole('cell', { name: '王建国' })).toBeVisible();
  await app.getByPlaceholder('按名称、简称或代码查找').fill('东河');
  await expect(app.getByRole('tree').getByText('东河乡人民政府')).toBeVisible();
  await expect(app.getByRole('tree').getByText('示例县财政局')).toHaveCount(0);
  await app.getByPlaceholder('按名称、简称或代码查找').fill('');
  await shot(app, 'org-tree-people');

  await app.getByRole('cell', { name: '王建国' }).click();
  const drawer = app.getByRole('dialog', { name: '人员：王建国' });
  await expect(drawer.getByText('已登记：110105********002X（填写则替换）')).toBeVisible();
  await expect(drawer.getByText('示例县发展和改革局 · 局长')).toBeVisible();
  await shot(app, 'org-person');
});
