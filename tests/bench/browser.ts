// The real UI on a bench database: the loopback host on the data folder and Debian Chromium signed in to it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { type Page, chromium } from '@playwright/test';
import { repoRoot } from '../support/tmp';

/**
 * Starts the host on `dataDir`, opens Chromium on it with the sign-in form filled for `username`; `close` stops both.
 */
export async function benchBrowser(
  dataDir: string,
  username: string,
): Promise<{ page: Page; signIn(): Promise<void>; close(): Promise<void> }> {
  const host = spawn(process.execPath, [path.join(repoRoot, 'dist/web/web.cjs'), '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    host.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /KAOPING_READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  const browser = await chromium.launch({
    executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Kaoping#2026');
  return {
    page,
    signIn: () => page.getByRole('button', { name: /^登\s*录$/ }).click(),
    close: async () => {
      await browser.close();
      host.kill('SIGTERM');
    },
  };
}
