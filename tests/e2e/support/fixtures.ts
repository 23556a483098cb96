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

/**
 * The shell has rendered and the core answered: the readiness signal, no sleeps. Signing in costs
 * an OWASP-strength scrypt on the host, which a loaded two-core machine can make slow.
 */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-kaoping-ready="1"]')).toHaveCount(1, { timeout: 45_000 });
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export const PASSWORD = 'Kaoping#2026';

/** Calls the host's API from the test process, as a script would. */
export async function api<T = unknown>(host: WebHostProcess, channel: string, input: unknown, session?: string): Promise<T> {
  const token = new URL(host.url).hash.replace('#token=', '');
  const res = await fetch(`${host.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kaoping-token': token, 'x-kaoping-session': session ?? '' },
    body: JSON.stringify({ channel, input }),
  });
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value;
}

/** Creates the administrator (first start) and, for other roles, an account ready to sign in. */
export async function ensureAccount(host: WebHostProcess, role: 'admin' | 'evaluator' | 'clerk' | 'leader' | 'auditor'): Promise<string> {
  const status = await api<{ needsSetup: boolean }>(host, 'auth.status', {});
  if (status.needsSetup) await api(host, 'auth.setup', { username: 'guanli', displayName: '王管理', password: PASSWORD });
  if (role === 'admin') return 'guanli';
  const admin = (await api<{ sessionId: string }>(host, 'auth.login', { username: 'guanli', password: PASSWORD })).sessionId;
  const username = `user-${role}`;
  const names: Record<string, string> = { evaluator: '李考评', clerk: '张录入', leader: '赵领导', auditor: '孙审计' };
  await api(host, 'users.create', { username, displayName: names[role], role, password: 'Initial#2026' }, admin);
  const s = (await api<{ sessionId: string }>(host, 'auth.login', { username, password: 'Initial#2026' })).sessionId;
  await api(host, 'auth.changePassword', { oldPassword: 'Initial#2026', newPassword: PASSWORD }, s);
  await api(host, 'auth.logout', {}, s);
  await api(host, 'auth.logout', {}, admin);
  return username;
}

/** Calls the API from inside the page with its own token and session, as a tampered renderer could. */
export function callFromPage(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([c, i]) => {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-kaoping-token': sessionStorage.getItem('kaoping.token') ?? '',
          'x-kaoping-session': sessionStorage.getItem('kaoping.session') ?? '',
        },
        body: JSON.stringify({ channel: c, input: i }),
      });
      return res.json();
    },
    [channel, input] as const,
  );
}

/** Signs in through the login form and waits for the shell. */
export async function signInUi(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await waitReady(page);
}

interface Fixtures {
  host: WebHostProcess;
  /** Console errors and page errors seen during the test; a clean page has none. */
  pageErrors: string[];
  /** The app signed in as an evaluator (考评员), the role that sees every work module. */
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
    const username = await ensureAccount(host, 'evaluator');
    await page.goto(host.url);
    await signInUi(page, username);
    await use(page);
  },
});

export { expect };
