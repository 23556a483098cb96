// The real UI on a bench database: the loopback host on the data folder and Debian Chromium signed in to it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import { repoRoot } from '../support/tmp';

/** Debian Chromium with the e2e fixtures' arguments. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * Starts the host on `dataDir`, opens Chromium on it with the sign-in form filled for `username`; `close` stops both.
 */
export async function benchBrowser(
  dataDir: string,
  username: string,
): Promise<{
  page: Page;
  signIn(): Promise<void>;
  /** Signs in and returns the ms from the sign-in call's answer (the password checked) to `text` shown. */
  signInTo(text: string): Promise<number>;
  close(): Promise<void>;
}> {
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
  const browser = await launchBenchChromium();
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Kaoping#2026');
  return {
    page,
    signIn: () => page.getByRole('button', { name: /^登\s*录$/ }).click(),
    signInTo: async (text) => {
      // both moments stamped in the page: when the answer reached the renderer, and the first frame showing `text`
      await page.evaluate(() => {
        const w = globalThis as unknown as { __signedInAt?: number; fetch: typeof fetch };
        const plain = w.fetch.bind(globalThis);
        w.fetch = async (url, init) => {
          const res = await plain(url, init);
          if (typeof init?.body === 'string' && init.body.includes('"auth.login"')) w.__signedInAt = performance.now();
          return res;
        };
      });
      await page.getByRole('button', { name: /^登\s*录$/ }).click();
      const shown = await page.waitForFunction(
        (t) => {
          const g = globalThis as unknown as { __signedInAt?: number; document: { body: { innerText: string } } };
          return g.__signedInAt !== undefined && g.document.body.innerText.includes(t)
            ? performance.now() - g.__signedInAt
            : false;
        },
        text,
        { polling: 'raf', timeout: 120_000 },
      );
      return (await shown.jsonValue()) as number;
    },
    close: async () => {
      await browser.close();
      host.kill('SIGTERM');
    },
  };
}
