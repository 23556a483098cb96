import { api, apiSignIn, callFromPage, expect, openAs, shot, test, waitReady } from '../support/fixtures';

test.beforeEach(async ({ page, host }) => {
  await openAs(page, host, 'admin');
});

test('the administrator sets the unit’s name and the clocks; they persist and show in the header', async ({ page }) => {
  await expect(page.getByRole('menuitem')).toHaveText(['系统设置']);
  // 三员分立, said on screen: the documents' content is the evaluator's
  await expect(page.getByText('系统管理员设置本单位名称、级别和安全与备份')).toBeVisible();
  await expect(page.getByLabel('问询通知书代字')).toHaveCount(0);
  const name = page.getByLabel('本单位名称');
  await expect(name).toHaveValue('');
  await name.fill('示例县人民政府目标考评办公室');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.locator('header').getByText('示例县人民政府目标考评办公室')).toBeVisible();
  await shot(page, 'settings-saved');

  await page.reload();
  await waitReady(page);
  await expect(page.getByLabel('本单位名称')).toHaveValue('示例县人民政府目标考评办公室');
});

test('the evaluator sets the documents’ content; the new unit name reaches his header without a new sign-in', async ({
  browser,
  host,
}) => {
  const page = await browser.newPage();
  await openAs(page, host, 'evaluator');
  await expect(page.locator('header').getByText('（尚未设置本单位名称）')).toBeVisible();
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await expect(page.getByText('考评员设置公文与目标责任书的内容')).toBeVisible();
  await page.getByPlaceholder('例如：某某县人民政府目标考评办公室').fill('示例县人民政府目标考评办公室');
  await page.getByLabel('问询通知书代字').fill('示考询');
  await page.getByLabel('甲方签字人').fill('张县长');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await shot(page, 'settings-business');

  const admin = await apiSignIn(host, 'admin');
  await api(host, 'settings.update', { unitName: '示例县人民政府目标考评办公室' }, admin);
  // the evaluator comes back to his window: the header reads the name again
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.locator('header').getByText('示例县人民政府目标考评办公室')).toBeVisible();
  await page.reload();
  await waitReady(page);
  await expect(page.getByLabel('问询通知书代字')).toHaveValue('示考询');
  await expect(page.getByLabel('甲方签字人')).toHaveValue('张县长');
  await page.close();
});

test('an empty name is stopped in the form with a Chinese message and nothing is saved', async ({ page, host }) => {
  await page.getByLabel('本单位名称').fill('   ');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('请填写本单位名称')).toBeVisible();
  await shot(page, 'settings-validation');
  const s = await apiSignIn(host, 'admin');
  expect(await api(host, 'settings.get', {}, s)).toMatchObject({ unitName: '' });
});

test("the core's refusal reaches the user in Chinese when the form is bypassed", async ({ page }) => {
  // a renderer is untrusted: the same call with a 61-character name must be refused by the core
  const result = await callFromPage(page, 'settings.update', { unitName: '长'.repeat(61) });
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '填写的内容有误：本单位名称不能超过 60 个字' },
  });
});
