import { expect, shot, test, waitReady } from '../support/fixtures';

test('setting the unit name saves through the core, shows in the header and survives a reload', async ({ app }) => {
  await app.getByRole('menuitem', { name: '系统设置' }).click();
  const name = app.getByLabel('本单位名称');
  await expect(name).toHaveValue('');
  await name.fill('示例县人民政府目标考评办公室');
  await app.getByRole('button', { name: /保\s*存/ }).click();
  await expect(app.getByText('已保存')).toBeVisible();
  await expect(app.locator('header').getByText('示例县人民政府目标考评办公室')).toBeVisible();
  await expect(app.getByText('浏览器模式（本机）')).toBeVisible();
  await shot(app, 'settings-saved');

  await app.reload();
  await waitReady(app);
  await expect(app.getByLabel('本单位名称')).toHaveValue('示例县人民政府目标考评办公室');
});

test('an empty name is stopped in the form with a Chinese message and nothing is saved', async ({ app }) => {
  await app.getByRole('menuitem', { name: '系统设置' }).click();
  await app.getByLabel('本单位名称').fill('   ');
  await app.getByRole('button', { name: /保\s*存/ }).click();
  await expect(app.getByText('请填写本单位名称')).toBeVisible();
  await shot(app, 'settings-validation');
  await app.reload();
  await waitReady(app);
  await expect(app.getByText('（尚未设置本单位名称）')).toBeVisible();
});

test("the core's refusal reaches the user in Chinese when the form is bypassed", async ({ app }) => {
  // a renderer is untrusted: the same call with a 61-character name must be refused by the core
  const result = await app.evaluate(async () => {
    const token = sessionStorage.getItem('kaoping.token') ?? '';
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kaoping-token': token },
      body: JSON.stringify({ channel: 'settings.update', input: { unitName: '长'.repeat(61) } }),
    });
    return res.json();
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '填写的内容有误（unitName）：本单位名称不能超过 60 个字' } });
});
