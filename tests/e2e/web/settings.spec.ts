import { api, apiSignIn, callFromPage, expect, openAs, shot, test, waitReady } from '../support/fixtures';

test.beforeEach(async ({ page, host }) => {
  await openAs(page, host, 'admin');
});

test('the administrator sets the unit and document settings; they persist and show in the header', async ({ page }) => {
  await expect(page.getByRole('menuitem')).toHaveText(['系统设置']);
  const name = page.getByLabel('本单位名称');
  await expect(name).toHaveValue('');
  await name.fill('示例县人民政府目标考评办公室');
  await page.getByPlaceholder('例如：某某县人民政府目标考评办公室').fill('示例县人民政府目标考评办公室');
  await page.getByLabel('问询通知书代字').fill('示考询');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.locator('header').getByText('示例县人民政府目标考评办公室')).toBeVisible();
  await shot(page, 'settings-saved');

  await page.reload();
  await waitReady(page);
  await expect(page.getByLabel('本单位名称')).toHaveValue('示例县人民政府目标考评办公室');
  await expect(page.getByLabel('问询通知书代字')).toHaveValue('示考询');
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
