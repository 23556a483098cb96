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

  // 审计: a file of two sheets, the audit and its 整改事项; the preview names each row's sheet
  const audits = new ExcelJS.Workbook();
  audits.addWorksheet('审计发现').addRows([
    ['审计类型', '被审计单位', '审计期间', '报告文号', '报告日期', '主要问题', '问题金额（元）'],
    ['专项资金', 'SX-JYJ', '2025年度', '示审〔2026〕9号', day(10), '学生资助资金发放不及时', '5000'],
  ]);
  audits.addWorksheet('整改事项').addRows([
    ['报告文号', '责任单位', '事项', '完成时限'],
    ['示审〔2026〕9号', 'SX-JYJ', '建立资助资金发放台账', '2099-12-31'],
  ]);
  const auditFile = path.join(dir, '审计.xlsx');
  await audits.xlsx.writeFile(auditFile);
  await app.getByRole('tab', { name: '审计' }).click();
  await app.getByRole('button', { name: '导入 Excel' }).click();
  const auditWizard = new ImportWizard(app, '审计发现');
  await auditWizard.choose(auditFile);
  await auditWizard.expectChecked({ create: 2 });
  await expect(auditWizard.dialog.getByRole('columnheader', { name: '工作表' })).toBeVisible();
  await expect(auditWizard.dialog.getByRole('row').filter({ hasText: '整改事项' })).toContainText('新增');
  await shot(app, 'supervision-audits-import');
  await auditWizard.confirm();
  await auditWizard.finish();
  await expect(app.getByRole('row').filter({ hasText: '学生资助资金发放不及时' })).toContainText('5,000.00');
  expect(pageErrors).toEqual([]);
});
