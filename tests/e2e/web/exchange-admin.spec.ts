import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confirmDialog } from '../support/confirm';
import { anotherOffice } from '../support/office';
import { api, apiSignIn, expect, openAs, shot, test } from '../support/fixtures';

// The administrator keeps the installation's exchange keys in 系统设置 → 交换密钥: the city's key leaked, so the city
// replaces it as compromised; the county's administrator imports the revocation file and sees the key revoked.
test('a leaked key: the city revokes and replaces it, the county imports the revocation file', async ({
  page,
  host,
}) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-usb-'));
  const cityOffice = await anotherOffice('示例市考评办', usb);
  const city = cityOffice.host;
  try {
    const { admin: cityAdmin, reg: cityReg } = cityOffice;
    const county = await apiSignIn(host, 'evaluator');
    await api(
      host,
      'exchange.registrationAccept',
      { file: cityReg.file, relation: 'parent', fingerprint: cityReg.fingerprint },
      county,
    );
    const replaced = await api<{ revocationFile: string; fingerprint: string }>(
      city,
      'exchange.replaceKeys',
      { dir: usb, compromised: true, confirm: true },
      cityAdmin,
    );

    await openAs(page, host, 'admin');
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByRole('tab', { name: '交换密钥' }).click();
    await expect(page.getByTestId('self-fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}/);
    await expect(page.getByRole('row', { name: /示例市考评办.*已信任/ })).toBeVisible();
    await page.getByPlaceholder(/注册文件（\.kpreg）或吊销文件/).fill(replaced.revocationFile);
    await page.getByRole('button', { name: '导入吊销文件' }).click();
    const dialog = page.getByRole('dialog');
    await confirmDialog(dialog, dialog.getByText('文件中的密钥将被吊销，用它签名的数据包今后一律拒收。'), '导入并吊销');
    await expect(page.getByText(/已吊销“示例市考评办”的密钥/)).toBeVisible();
    await expect(page.getByRole('row', { name: /示例市考评办.*已吊销/ })).toBeVisible();
    // the admin also has the buttons for the installation's own keys
    await expect(page.getByRole('button', { name: '密钥可能泄露' })).toBeVisible();
    await shot(page, 'exchange-admin-keys');
  } finally {
    await cityOffice.close();
    fs.rmSync(usb, { recursive: true, force: true });
  }
});
