import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, apiSignIn, expect, openAs, shot, signInUi, test } from '../support/fixtures';
import { chooseOption } from '../support/select';
import { anotherOffice } from '../support/office';
import { TIMEOUTS } from '../support/timeouts';

test.use({ hostEnv: { KAOPING_FAULT: 'steps:slow' } });

// Two installations (two host processes, two data folders) and a stick between them: the county's evaluator trusts
// the city by fingerprint on the 数据交换 page, previews the city's package (the dry run) and imports it.
test('a county trusts its city by fingerprint, previews the city package and imports it', async ({ page, host }) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-usb-'));
  const cityOffice = await anotherOffice('示例市考评办', usb);
  const city = cityOffice.host;
  try {
    const { admin: cityAdmin, reg: cityReg } = cityOffice;

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
    // the dry run runs in the background, each step slow here (KAOPING_FAULT steps:slow): the window says which step
    // and how far, and a cancel keeps nothing
    await page.getByRole('button', { name: '试导入（预览）' }).click();
    const window = page.getByRole('dialog', { name: '试导入数据包' });
    await expect(window.getByTestId('package-phase')).toContainText(
      /(打开数据包|核对并解密|逐条校验（试导入）)：\d+ \/ \d+/,
    );
    await window.getByRole('button', { name: /^取\s*消$/ }).click();
    await expect(window.getByText('已取消试导入，本机数据未改动。')).toBeVisible({ timeout: TIMEOUTS.fileCheck });
    await shot(page, 'exchange-cancelled');
    await window.getByRole('button', { name: '关 闭' }).click();
    await expect(page.getByTestId('import-preview')).toHaveCount(0);

    await page.getByRole('button', { name: '试导入（预览）' }).click();
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByText(/可以导入：新增 \d+/)).toBeVisible({ timeout: TIMEOUTS.fileCheck });
    await expect(preview.getByText('示例市考评办')).toBeVisible();
    await shot(page, 'exchange-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByRole('dialog', { name: '导入数据包' }).getByTestId('package-phase')).toContainText(
      /(打开数据包|核对并解密|逐条校验并写入)：\d+ \/ \d+/,
    );
    await shot(page, 'exchange-working');
    await expect(preview.getByText(/已导入：新增 \d+/)).toBeVisible({ timeout: TIMEOUTS.fileCheck });
    await page.getByRole('tab', { name: '收发记录与回执' }).click();
    await expect(page.getByRole('row', { name: /收到.*示例市考评办.*数据包/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /发出.*示例市考评办.*回执/ })).toBeVisible();
    await shot(page, 'exchange-record');
  } finally {
    await cityOffice.close();
    fs.rmSync(usb, { recursive: true, force: true });
  }
});

// The county's evaluator trusts its 财政局's own PC as a child and says whose it is: packages to it carry that unit's
// records only, and the table says so.
test('a department PC is trusted as a child and bound to its unit', async ({ page, host }) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-usb-'));
  const deptOffice = await anotherOffice('示例县财政局', usb);
  try {
    const deptReg = deptOffice.reg;
    const county = await apiSignIn(host, 'evaluator');
    await api(host, 'units.create', { code: 'SX-CZJ', name: '示例县财政局', kind: 'department' }, county);

    await openAs(page, host, 'evaluator');
    await page.getByRole('menuitem', { name: '数据交换' }).click();
    await page.getByRole('tab', { name: '节点与指纹' }).click();
    await page.getByPlaceholder(/注册文件（\.kpreg）/).fill(deptReg.file);
    await page.getByRole('button', { name: /读\s*取/ }).click();
    await expect(page.getByText(`“示例县财政局”的指纹：${deptReg.fingerprint}`)).toBeVisible();
    await page.getByText('下级', { exact: true }).click();
    await page.getByPlaceholder('XXXX-XXXX-XXXX-XXXX-XXXX').fill(deptReg.fingerprint);
    await page.getByRole('button', { name: '核对一致，信任' }).click();
    const row = page.getByRole('row', { name: /示例县财政局.*已信任/ });
    await expect(row.getByText('下级考评办（全部）')).toBeVisible();
    await row.getByRole('button', { name: '更改' }).click();
    const dialog = page.getByRole('dialog', { name: '“示例县财政局”是哪个单位的电脑？' });
    await chooseOption(
      page,
      dialog.getByRole('combobox'),
      '示例县财政局',
      dialog.locator('.ant-select-content[title="示例县财政局"]'),
      '财政',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText(/今后发给它的数据包只含“示例县财政局”的目标/)).toBeVisible();
    await expect(row.getByText('只含“示例县财政局”')).toBeVisible();
    await shot(page, 'exchange-unit-bound');

    // the department's PC trusts the county and imports its first package: from then on it is the 财政局's own PC
    // (unit mode), says so in its header, and keeps the calendar the county sends down
    const countyReg = await api<{ file: string; fingerprint: string }>(
      host,
      'exchange.registrationExport',
      { dir: usb },
      county,
    );
    await api(
      deptOffice.host,
      'exchange.registrationAccept',
      { file: countyReg.file, relation: 'parent', fingerprint: countyReg.fingerprint },
      deptOffice.admin,
    );
    const nodes = await api<{ nodes: { id: string; name: string }[] }>(host, 'exchange.overview', {}, county);
    const deptNode = nodes.nodes.find((n) => n.name === '示例县财政局')!.id;
    const down = await api<{ file: string }>(host, 'exchange.export', { nodeId: deptNode, dir: usb }, county);
    const imported = await api<{ status: string }>(
      deptOffice.host,
      'exchange.import',
      { file: down.file, confirm: true },
      deptOffice.admin,
    );
    expect(imported.status).toBe('accepted');
    await page.goto(deptOffice.host.url);
    await signInUi(page, 'qitaguanli');
    await expect(page.getByTestId('unit-mode-tag')).toHaveText('单位模式：示例县财政局');
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByRole('tab', { name: '工作日历' }).click();
    await expect(page.getByTestId('calendar-from-above')).toContainText('节假日与调休由上级考评办设定');
    await expect(page.getByRole('button', { name: /添\s*加/ })).toBeHidden();
    await expect(page.getByRole('button', { name: '从文件导入' })).toHaveCount(0);
    await shot(page, 'exchange-unit-mode');
  } finally {
    await deptOffice.close();
    fs.rmSync(usb, { recursive: true, force: true });
  }
});
