import { api, apiSignIn, ensureAccount, expect, PASSWORD, shot, test, waitReady } from '../support/fixtures';
import { Shell } from '../support/pages/shell';
import { SignInPage } from '../support/pages/sign-in';
import { TIMEOUTS } from '../support/timeouts';

test.describe('on a first start', () => {
  test.use({ seed: 'none' });

  test('first start asks for the administrator, with the password policy; there is no default account', async ({
    page,
    host,
  }) => {
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
    await expect(new Shell(page).userMenu).toContainText('王管理');
  });
});

test('a wrong password and an unknown user get the same message; the right one signs in', async ({ page, host }) => {
  const username = await ensureAccount(host, 'leader');
  await page.goto(host.url);
  const form = new SignInPage(page);
  await form.attempt(username, 'Wrong#2026');
  await form.expectRefused();
  await form.username.fill('nobody');
  await form.submit.click();
  await form.expectRefused();
  await shot(page, 'auth-login-refused');
  await form.signIn(username);
  await expect(new Shell(page).userMenu).toContainText('赵领导');
});

test('locking hides every piece of data until the password is given again', async ({ app }) => {
  const shell = new Shell(app);
  await shell.chooseFromUserMenu('锁定屏幕');
  await expect(app.getByText('屏幕已锁定')).toBeVisible();
  await expect(app.getByRole('menu')).toHaveCount(0);
  await expect(app.getByText('组织人员')).toHaveCount(0);
  await shot(app, 'auth-locked');
  await app.getByLabel('密码').fill('Wrong#2026');
  await app.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(app.getByText('用户名或密码错误。')).toBeVisible({ timeout: TIMEOUTS.signIn });
  await app.getByLabel('密码').fill(PASSWORD);
  await app.getByRole('button', { name: /解\s*锁/ }).click();
  await waitReady(app);
  await expect(shell.module('组织人员')).toBeVisible();
});

test('the screen locks by itself after the idle period', async ({ app }) => {
  // fake the page's clock only now, so signing in ran on real timers; then ten and a half idle minutes pass
  await app.clock.install();
  await app.clock.fastForward('10:30');
  await expect(app.getByText('屏幕已锁定')).toBeVisible();
});

test('an account made by the administrator must change its initial password first', async ({ page, host }) => {
  await ensureAccount(host, 'admin');
  const admin = await apiSignIn(host, 'admin');
  await api(
    host,
    'users.create',
    { username: 'xinren', displayName: '新同事', role: 'evaluator', password: 'Initial#2026' },
    admin,
  );
  await page.goto(host.url);
  const form = new SignInPage(page);
  await form.signIn('xinren', 'Initial#2026');
  const dialog = page.getByRole('dialog', { name: '请先修改初始密码' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('初始密码').fill('Initial#2026');
  await dialog.getByLabel('新密码', { exact: true }).fill('Anquan#2026ok');
  await dialog.getByLabel('再次输入新密码').fill('Anquan#2026ok');
  await shot(page, 'auth-forced-change');
  await dialog.getByRole('button', { name: /修\s*改/ }).click();
  // the old password is checked and the new one hashed: two scrypts on the host
  await expect(page.getByText('密码已修改')).toBeVisible({ timeout: TIMEOUTS.signIn });
  await expect(dialog).toHaveCount(0);
  await new Shell(page).chooseFromUserMenu('退出登录');
  await form.signIn('xinren', 'Anquan#2026ok');
});
