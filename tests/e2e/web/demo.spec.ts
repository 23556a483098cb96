import fs from 'node:fs';
import { expect, shot, signInUi, startHost, test, waitReady } from '../support/fixtures';
import { TIMEOUTS } from '../support/timeouts';

// the host is started here with --demo: a first start seeds the county through the normal channels
test.describe.configure({ timeout: TIMEOUTS.hostStart + 120_000 });

test('演示数据 opens beside the real folder, seeded, and says so on the sign-in screen and in the shell', async ({
  page,
  pageErrors,
}) => {
  const host = await startHost({ seed: 'none', args: ['--demo'] });
  try {
    expect(host.url).toBeTruthy();
    await page.goto(host.url);
    await expect(page.getByText(/^演示数据 — 本程序正以演示模式运行/)).toBeVisible();
    await shot(page, 'demo-sign-in');
    await signInUi(page, '演示管理员', 'Yanshi#2026demo');
    await waitReady(page);
    await expect(page.getByTestId('demo-tag')).toBeVisible();
    await expect(page.getByText(/^演示数据 — 本程序正以演示模式运行/)).toBeVisible();
    await shot(page, 'demo-shell');
    // the folder the host was given holds no database: the demonstration lives beside it
    expect(fs.existsSync(`${host.dataDir}-演示数据`)).toBe(true);
    expect(fs.existsSync(`${host.dataDir}/kaoping.db`)).toBe(false);
    expect(pageErrors).toEqual([]);
  } finally {
    await host.stop();
    fs.rmSync(host.dataDir, { recursive: true, force: true });
    fs.rmSync(`${host.dataDir}-演示数据`, { recursive: true, force: true });
  }
});
