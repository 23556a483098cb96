import { expect, openAs, shot, signInUi, test } from '../support/fixtures';
import { TIMEOUTS } from '../support/timeouts';

test('backup and restore round trip: the data comes back and everyone signs in again', async ({ page, host }) => {
  await openAs(page, host, 'admin');
  await page.getByLabel('本单位名称').fill('备份时的单位名称');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  // the backup is written, then read back whole and its checksums verified
  await expect(page.getByText(/^已备份并校验：考评备份-\d{8}-\d{6}\.kpbak/)).toBeVisible({
    timeout: TIMEOUTS.fileCheck,
  });
  await expect(page.getByRole('row', { name: /手动备份/ })).toHaveCount(1);

  await page.getByRole('tab', { name: '本单位与系统' }).click();
  await page.getByLabel('本单位名称').fill('后来改错的名称');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('header').getByText('后来改错的名称')).toBeVisible();

  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page
    .getByRole('row', { name: /手动备份/ })
    .getByRole('button', { name: '检查并恢复…' })
    .click();
  const dialog = page.getByRole('dialog', { name: '检查备份' });
  await expect(dialog.getByText('备份时的单位名称')).toBeVisible({ timeout: TIMEOUTS.fileCheck });
  await expect(dialog.getByText('完整，来自本机')).toBeVisible();
  await shot(page, 'backup-inspect');
  await dialog.getByRole('button', { name: '用此备份恢复' }).click();
  // a safety backup of the live data first, then the swap and reopening
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('已从备份恢复', { timeout: TIMEOUTS.fileCheck });
  await page.getByRole('button', { name: '重新登录' }).click();
  await expect(page.getByText('数据已从备份恢复，请重新登录。')).toBeVisible();
  await signInUi(page, 'guanli');
  await expect(page.locator('header').getByText('备份时的单位名称')).toBeVisible();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByRole('row', { name: /恢复前自动保留/ })).toHaveCount(1);
  await shot(page, 'backup-after-restore');
});

test('a path that is not a backup is refused in Chinese and nothing changes', async ({ page, host }) => {
  await openAs(page, host, 'admin');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByPlaceholder(/备份文件的完整路径/).fill('/etc/hostname');
  await page.getByRole('button', { name: '检查备份' }).click();
  await expect(
    page.getByText('“hostname”不是考评备份文件，或文件已损坏（不完整、被截断或内容被改动），未做任何改动。'),
  ).toBeVisible();
});
