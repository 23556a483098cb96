import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
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
    await expect(win.locator('html[data-kaoping-ready="1"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(win.getByRole('menuitem', { name: '系统设置' })).toBeVisible();
    expect(new URL(win.url()).origin).toBe('app://kaoping');

    // the renderer has no Node and sees exactly one function per channel
    const exposed = await win.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      keys: Object.keys((window as unknown as { kaoping: object }).kaoping).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.keys).toEqual(['settings.get', 'settings.update', 'system.info']);

    // the database lives in the data folder given on the command line
    expect(fs.existsSync(path.join(dataDir, 'kaoping.db'))).toBe(true);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await win.screenshot({ path: path.join(screenshotDir, 'electron-shell.png') });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
