import path from 'node:path';
import { expect, repoRoot, shot, test } from '../support/fixtures';
import { ImportWizard } from '../support/pages/import-wizard';
import { Shell } from '../support/pages/shell';

const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/org', name);

test(
  'import wizard: broken units are named row by row and nothing is written; the sample then imports, and ' +
    'people follow',
  async ({ app }) => {
    await new Shell(app).open('组织人员');
    await expect(app.getByText('还没有单位。可新建，或用“导入”从 Excel 导入单位名单。')).toBeVisible();

    await app.getByRole('button', { name: '导 入' }).click();
    const units = new ImportWizard(app, '单位');
    await units.choose(fixture('broken-units.xlsx'));
    await units.expectRefused(11);
    await expect(
      units.dialog.getByText('“上级单位代码”找不到单位代码为“NOPE”的单位（数据库和本文件中都没有）'),
    ).toBeVisible();
    await expect(units.dialog.getByText('已忽略隐藏的工作表“旧数据”。')).toBeVisible();
    await shot(app, 'org-import-errors');

    await units.chooseAnother(fixture('sample-units.xlsx'));
    await units.expectChecked({ create: 8 });
    await units.confirm();
    await units.finish();

    await expect(app.getByText('单位（8）')).toBeVisible();
    await app.getByRole('button', { name: '导入人员' }).click();
    await new ImportWizard(app, '人员').importFile(fixture('sample-people.xlsx'), { create: 10 });

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
  },
);
