import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PASSWORD, api, apiSignIn, expect, openAs, shot, startHost, test } from '../support/fixtures';
import { TIMEOUTS } from '../support/timeouts';

// Two installations (two host processes, two data folders) and a stick between them: the county's evaluator trusts
// the city by fingerprint on the 数据交换 page, previews the city's package (the dry run) and imports it.
test('a county trusts its city by fingerprint, previews the city package and imports it', async ({ page, host }) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-usb-'));
  const city = await startHost({ seed: 'none' });
  try {
    const cityAdmin = (
      await api<{ sessionId: string }>(city, 'auth.setup', {
        username: 'shiguanli',
        displayName: '市管理员',
        password: PASSWORD,
      })
    ).sessionId;
    await api(city, 'settings.update', { unitName: '示例市考评办' }, cityAdmin);
    const cityReg = await api<{ file: string; fingerprint: string }>(
      city,
      'exchange.registrationExport',
      { dir: usb },
      cityAdmin,
    );

    await openAs(page, host, 'evaluator');
    await page.getByRole('menuitem', { name: '数据交换' }).click();
    await page.getByRole('tab', { name: '节点与指纹' }).click();
    await expect(page.getByTestId('self-fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}/);
    await page.getByPlaceholder(/注册文件（\.kpreg）/).fill(cityReg.file);
    await page.getByRole('button', { name: /读\s*取/ }).click();
    await expect(page.getByText(`“示例市考评办”的指纹：${cityReg.fingerprint}`)).toBeVisible();
    await page.getByText('上级', { exact: true }).click();
    await page.getByPlaceholder('XXXX-XXXX-XXXX-XXXX-XXXX').fill('0000-0000-0000-0000-0000');
    await page.getByRole('button', { name: '核对一致，信任' }).click();
    await expect(page.getByText('核对的指纹与注册文件不一致：请与对方办公室重新核对，未做任何改动')).toBeVisible();
    await page.getByPlaceholder('XXXX-XXXX-XXXX-XXXX-XXXX').fill(cityReg.fingerprint);
    await page.getByRole('button', { name: '核对一致，信任' }).click();
    await expect(page.getByRole('row', { name: /示例市考评办.*已信任/ })).toBeVisible();
    await shot(page, 'exchange-nodes');

    const county = await apiSignIn(host, 'evaluator');
    const countyReg = await api<{ file: string; fingerprint: string }>(
      host,
      'exchange.registrationExport',
      { dir: usb },
      county,
    );
    await api(
      city,
      'exchange.registrationAccept',
      { file: countyReg.file, relation: 'child', fingerprint: countyReg.fingerprint },
      cityAdmin,
    );
    const overview = await api<{ nodes: { id: string }[] }>(city, 'exchange.overview', {}, cityAdmin);
    const sent = await api<{ file: string }>(
      city,
      'exchange.export',
      { nodeId: overview.nodes[0]!.id, dir: usb },
      cityAdmin,
    );

    await page.getByRole('tab', { name: '导出与导入' }).click();
    await page.getByPlaceholder(/数据包路径/).fill(sent.file);
    await page.getByRole('button', { name: '试导入（预览）' }).click();
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByText(/可以导入：新增 \d+/)).toBeVisible({ timeout: TIMEOUTS.fileCheck });
    await expect(preview.getByText('示例市考评办')).toBeVisible();
    await shot(page, 'exchange-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(preview.getByText(/已导入：新增 \d+/)).toBeVisible({ timeout: TIMEOUTS.fileCheck });
    await page.getByRole('tab', { name: '收发记录与回执' }).click();
    await expect(page.getByRole('row', { name: /收到.*示例市考评办.*数据包/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /发出.*示例市考评办.*回执/ })).toBeVisible();
    await shot(page, 'exchange-record');
  } finally {
    await city.stop();
    fs.rmSync(city.dataDir, { recursive: true, force: true });
    fs.rmSync(usb, { recursive: true, force: true });
  }
});
