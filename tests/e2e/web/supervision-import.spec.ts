import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { api, expect, pageSession, shot, test } from '../support/fixtures';
import { ImportWizard } from '../support/pages/import-wizard';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE');

test('监督网络 导入 Excel: 移送 from the template, a feedback dated before the transfer refused, fixed, imported', async ({
  app,
  host,
  pageErrors,
}) => {
  const session = await pageSession(app);
  await api(host, 'units.import', fixtureFile('org', 'sample-units.xlsx'), session);

  await new Shell(app).open('监督网络');
  await app.getByRole('tab', { name: '移送' }).click();
  await app.getByRole('button', { name: '导入 Excel' }).click();
  const wizard = new ImportWizard(app, '移送处理');
  const download = app.waitForEvent('download');
  await wizard.dialog.getByRole('button', { name: '下载移送处理导入模板' }).click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('移送处理导入模板.xlsx');

  // the clerk fills the template: the example row replaced by a transfer whose feedback is dated before it
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await template.path());
  const ws = wb.getWorksheet('移送处理')!;
  const head = (ws.getRow(1).values as string[]).slice(1).map((h) => h.replace('*', ''));
  const fill = (values: Record<string, string>) => {
    const row = ws.getRow(2);
    head.forEach((h, i) => (row.getCell(i + 1).value = values[h] ?? ''));
    row.commit();
  };
  const transfer = {
    移送机关: '审计部门',
    受移送机关: '示例县监察委员会',
    移送日期: day(20),
    所涉单位: 'SX-CZJ',
    事由: '专项资金违规使用',
    主要事实: '审计发现挪用专项资金 12 万元',
    移送材料: '审计报告及工作底稿',
    反馈日期: day(40),
    反馈情况: '已立案调查',
    抄送组织人事部门: '是',
  };
  fill(transfer);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-transfers-'));
  const bad = path.join(dir, '移送.xlsx');
  await wb.xlsx.writeFile(bad);

  await wizard.choose(bad);
  await wizard.expectRefused(1);
  await expect(wizard.dialog.getByText(`“反馈日期”不能早于移送日期（${day(20)}）`)).toBeVisible();
  await shot(app, 'supervision-transfers-import-errors');

  fill({ ...transfer, 反馈日期: day(5) });
  const good = path.join(dir, '移送-改.xlsx');
  await wb.xlsx.writeFile(good);
  await wizard.chooseAnother(good);
  await wizard.expectChecked({ create: 1 });
  await wizard.confirm();
  await wizard.finish();

  const row = app.getByRole('row').filter({ hasText: '专项资金违规使用' });
  await expect(row).toContainText('已反馈');
  await expect(row).toContainText('示例县财政局');
  expect(pageErrors).toEqual([]);
});
