import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { channelNames } from '../../../electron/contract';
import { repoRoot, screenshotDir } from '../support/fixtures';

// Started by tests/e2e/electron/run-smoke.mjs, which sets KAOPING_ELECTRON to the binary it found.
const executablePath = process.env.KAOPING_ELECTRON ?? '';

test('the Electron app starts secured, on its own data folder, and shows the Chinese shell', async () => {
  expect(executablePath, 'run through npm run test:electron').not.toBe('');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-electron-'));
  const app = await electron.launch({
    executablePath,
    args: [path.join(repoRoot, 'dist/main/main.cjs'), '--data-dir', dataDir, '--no-sandbox'],
    cwd: repoRoot,
  });
  try {
    const win = await app.firstWindow();
    // a fresh data folder: first start asks for the administrator, then the shell opens
    await expect(win.getByText('首次使用：创建系统管理员')).toBeVisible({ timeout: 30_000 });
    expect(new URL(win.url()).origin).toBe('app://kaoping');
    await win.getByLabel('用户名').fill('guanli');
    await win.getByLabel('姓名').fill('王管理');
    await win.getByLabel('密码', { exact: true }).fill('Kaoping#2026');
    await win.getByLabel('再次输入密码').fill('Kaoping#2026');
    await win.getByRole('button', { name: '创建并登录' }).click();
    await expect(win.locator('html[data-kaoping-ready="1"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(win.getByRole('menuitem', { name: '系统设置' })).toBeVisible();

    // the renderer has no Node and sees exactly one function per channel
    const exposed = await win.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      keys: Object.keys((window as unknown as { kaoping: object }).kaoping).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.keys).toEqual([...channelNames].sort());

    // the database lives in the data folder given on the command line
    expect(fs.existsSync(path.join(dataDir, 'kaoping.db'))).toBe(true);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await win.screenshot({ path: path.join(screenshotDir, 'electron-shell.png') });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
