import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
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
    // the file comes back with a 错误说明 column, for the clerk to fix and upload again
    const marked = app.waitForEvent('download');
    await units.dialog.getByRole('button', { name: '下载标注错误的文件' }).click();
    expect((await marked).suggestedFilename()).toBe('broken-units-错误说明.xlsx');

    await units.chooseAnother(fixture('sample-units.xlsx'));
    await units.expectChecked({ create: 8 });
    await units.confirm();
    await units.finish();

    await expect(app.getByText('单位（8）')).toBeVisible();
    await app.getByRole('button', { name: '导入人员' }).click();
    await new ImportWizard(app, '人员').importFile(fixture('sample-people.xlsx'), { create: 10 });

    // a personnel list as offices keep it: 任职时间 2013.04, and a number cell 2013.1 whose reading the clerk picks
    const dated = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-people-')), '人员名单.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRows([
      ['姓名', '单位代码', '职务', '任职时间'],
      ['周立新', 'SX-FGJ', '科员', '2013.04'],
      ['吴晓东', 'SX-FGJ', '科员', 2013.1],
    ]);
    await wb.xlsx.writeFile(dated);
    await app.getByRole('button', { name: '导入人员' }).click();
    const people = new ImportWizard(app, '人员');
    await people.choose(dated);
    await expect(
      people.dialog.getByText('有 1 个任职日期可能是 1 月，也可能是 10 月，请确认按哪种读法导入'),
    ).toBeVisible();
    await expect(people.dialog.getByText(/按当月 1 日保存/)).toBeVisible();
    await expect(people.confirmButton).toBeDisabled();
    await people.dialog.getByText('按 10 月读（原为 2013.10，Excel 省去了末尾的 0）').click();
    await expect(people.dialog.getByText(/已按您的确认读作 2013年10月/)).toBeVisible();
    await people.confirm();
    await people.finish();

    await app.getByRole('tree').getByText('示例县发展和改革局', { exact: true }).click();
    await expect(app.getByText('共 5 人')).toBeVisible();
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
