import { api, ensureAccount, expect, PASSWORD, shot, signInUi, test, waitReady } from '../support/fixtures';

test('first start asks for the administrator, with the password policy; there is no default account', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText('首次使用：创建系统管理员')).toBeVisible();
  await page.getByLabel('用户名').fill('guanli');
  await page.getByLabel('姓名').fill('王管理');
  await page.getByLabel('密码', { exact: true }).fill('password');
  await page.getByLabel('再次输入密码').fill('password1');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByText('须包含大写字母、小写字母、数字、符号中的至少三类')).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await shot(page, 'auth-setup');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  await page.getByRole('button', { name: '创建并登录' }).click();
  await waitReady(page);
  await expect(page.getByTestId('user-menu')).toContainText('王管理');
});

test('a wrong password and an unknown user get the same message; the right one signs in', async ({ page, host }) => {
  await ensureAccount(host, 'leader');
  await page.goto(host.url);
  await page.getByLabel('用户名').fill('user-leader');
  await page.getByLabel('密码').fill('Wrong#2026');
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page.getByText('用户名或密码错误。')).toBeVisible();
  await page.getByLabel('用户名').fill('nobody');
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page.getByText('用户名或密码错误。')).toBeVisible();
  await shot(page, 'auth-login-refused');
  await signInUi(page, 'user-leader');
  await expect(page.getByTestId('user-menu')).toContainText('赵领导');
});

test('locking hides every piece of data until the password is given again', async ({ app }) => {
  await app.getByTestId('user-menu').click();
  await app.getByRole('menuitem', { name: '锁定屏幕' }).click();
  await expect(app.getByText('屏幕已锁定')).toBeVisible();
  await expect(app.getByRole('menu')).toHaveCount(0);
  await expect(app.getByText('组织人员')).toHaveCount(0);
  await shot(app, 'auth-locked');
  await app.getByLabel('密码').fill('Wrong#2026');
  await app.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(app.getByText('用户名或密码错误。')).toBeVisible();
  await app.getByLabel('密码').fill(PASSWORD);
  await app.getByRole('button', { name: /解\s*锁/ }).click();
  await waitReady(app);
  await expect(app.getByRole('menuitem', { name: '组织人员' })).toBeVisible();
});

test('the screen locks by itself after the idle period', async ({ page, host }) => {
  const username = await ensureAccount(host, 'evaluator');
  await page.goto(host.url);
  await signInUi(page, username);
  // fake the page's clock only now, so signing in runs on real timers; then ten and a half idle minutes pass
  await page.clock.install();
  await page.clock.fastForward('10:30');
  await expect(page.getByText('屏幕已锁定')).toBeVisible();
});

test('an account made by the administrator must change its initial password first', async ({ page, host }) => {
  await ensureAccount(host, 'admin');
  const admin = (await api<{ sessionId: string }>(host, 'auth.login', { username: 'guanli', password: PASSWORD })).sessionId;
  await api(host, 'users.create', { username: 'xinren', displayName: '新同事', role: 'evaluator', password: 'Initial#2026' }, admin);
  await page.goto(host.url);
  await signInUi(page, 'xinren', 'Initial#2026');
  const dialog = page.getByRole('dialog', { name: '请先修改初始密码' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('初始密码').fill('Initial#2026');
  await dialog.getByLabel('新密码', { exact: true }).fill('Anquan#2026ok');
  await dialog.getByLabel('再次输入新密码').fill('Anquan#2026ok');
  await shot(page, 'auth-forced-change');
  await dialog.getByRole('button', { name: /修\s*改/ }).click();
  await expect(page.getByText('密码已修改')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await signInUi(page, 'xinren', 'Anquan#2026ok');
});
