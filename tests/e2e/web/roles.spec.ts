import { api, apiSignIn, callFromPage, expect, openAs, shot, test } from '../support/fixtures';

test('an evaluator sees no accounts, backups or audit trail, and the core refuses them too', async ({ app }) => {
  await app.getByRole('menuitem', { name: '系统设置' }).click();
  await expect(app.getByText('我的账号')).toBeVisible();
  await expect(app.getByRole('tab', { name: '账号管理' })).toHaveCount(0);
  await expect(await callFromPage(app, 'users.list', {})).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: '“考评员”角色无权执行“查看账号”。' },
  });
  await expect(await callFromPage(app, 'audit.list', { offset: 0, limit: 5 })).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
  await shot(app, 'roles-evaluator-settings');
});

test('the administrator sees no case modules and no audit trail', async ({ page, host }) => {
  await openAs(page, host, 'admin');
  await expect(page.getByRole('menuitem')).toHaveText(['系统设置']);
  await expect(await callFromPage(page, 'audit.verify', {})).toMatchObject({
    error: { code: 'FORBIDDEN', message: '“系统管理员”角色无权执行“校验审计日志”。' },
  });
});

test('the auditor proves the trail untouched, filters it and exports it', async ({ page, host }) => {
  await openAs(page, host, 'auditor');
  await expect(page.getByRole('menuitem')).toHaveText(['安全审计', '系统设置']);
  await page.getByRole('button', { name: '校验审计日志' }).click();
  await expect(page.getByText(/^审计日志完好：共 \d+ 条，链条完整，与 \d+ 个锚点一致。$/)).toBeVisible();
  await expect(page.getByRole('cell', { name: '创建系统管理员' })).toBeVisible();
  await page.getByPlaceholder('操作人').fill('guanli');
  await page.getByRole('button', { name: /筛\s*选/ }).click();
  await expect(page.locator('.ant-pagination-total-text')).toHaveText(/^共 \d+ 条$/);
  await expect(page.getByRole('cell', { name: 'guanli' }).first()).toBeVisible();
  await shot(page, 'roles-auditor');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^审计日志-\d{8}-\d{6}\.xlsx$/);
});

test('the auditor prints a checkpoint, and a checkpoint the trail no longer holds is reported', async ({
  page,
  host,
}) => {
  await openAs(page, host, 'auditor');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '打印检查点' }).click();
  expect((await download).suggestedFilename()).toMatch(/^审计日志检查点-\d{8}-\d{6}-序号\d+\.docx$/);
  const paper = page.getByRole('form', { name: '核对纸质检查点' });
  await paper.getByLabel('序号').fill('1');
  await paper.getByLabel('校验值').fill('0000 0000 0000 0000');
  await paper.getByRole('button', { name: /核\s*对/ }).click();
  await expect(page.getByText('审计日志曾被删除或改写')).toBeVisible();
  await expect(page.getByText(/依据纸质检查点（序号 1）.*序号 1 的记录与锚点不符/)).toBeVisible();
  await shot(page, 'audit-checkpoint-mismatch');
});

test('the auditor finds the calls refused to others, with who and why', async ({ page, host }) => {
  const admin = await apiSignIn(host, 'admin');
  await expect(api(host, 'audit.list', { offset: 0, limit: 5 }, admin)).rejects.toThrow(/无权执行/);
  await openAs(page, host, 'auditor');
  await page.getByRole('checkbox', { name: '仅被拒绝的调用' }).check();
  await page.getByRole('button', { name: /筛\s*选/ }).click();
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('共 1 条');
  const row = page.getByRole('row', { name: /被拒绝的调用：查看审计日志/ });
  await expect(row.getByRole('cell', { name: 'guanli' })).toBeVisible();
  await expect(row.getByText('拒绝：“系统管理员”角色无权执行“查看审计日志”。')).toBeVisible();
});
