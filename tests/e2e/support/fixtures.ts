import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

export interface WebHostProcess {
  url: string;
  dataDir: string;
  origin: string;
  stop(): Promise<void>;
}

/** Starts the built loopback host on a fresh data folder and waits for its KAOPING_READY line. */
export async function startHost(dataDir?: string): Promise<WebHostProcess> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'dist/web/web.cjs'), '--data-dir', dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /KAOPING_READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => reject(new Error(`web host exited ${code}: ${err}`)));
  });
  return {
    url,
    dataDir: dir,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The shell has rendered and the core answered: the readiness signal, no sleeps. */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-kaoping-ready="1"]')).toHaveCount(1);
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

interface Fixtures {
  host: WebHostProcess;
  /** Console errors and page errors seen during the test; a clean page has none. */
  pageErrors: string[];
  app: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture arguments from this pattern
  host: async ({}, use) => {
    const h = await startHost();
    await use(h);
    await h.stop();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await use(errors);
  },
  app: async ({ page, host, pageErrors }, use) => {
    void pageErrors;
    await page.goto(host.url);
    await waitReady(page);
    await use(page);
  },
});

export { expect };
