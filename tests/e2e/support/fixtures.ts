import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  ACCOUNTS_TEMPLATE_ENV,
  ADMIN,
  INITIAL_PASSWORD,
  PASSWORD,
  accountNames,
  type AccountRole,
  usernameOf,
} from './accounts';
import { SignInPage } from './pages/sign-in';
import { waitReady } from './ready';
import { TIMEOUTS } from './timeouts';

export { PASSWORD, waitReady };
export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
const webHost = path.join(repoRoot, 'dist/web/web.cjs');

export interface WebHostProcess {
  url: string;
  dataDir: string;
  origin: string;
  /** The accounts the data folder was started with (see accounts.ts); none on a first start. */
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * Starts the built loopback host and waits for its KAOPING_READY line. The data folder is fresh;
 * with `seed: 'accounts'` it starts from the run's accounts template, else it is a first start.
 * Copies share one installation id: a test of two installations starts one of them unseeded.
 */
export async function startHost(
  opts: { dataDir?: string; seed?: 'accounts' | 'none'; env?: Record<string, string>; args?: string[] } = {},
): Promise<WebHostProcess> {
  if (!fs.existsSync(webHost)) throw new Error(`${webHost} is missing: run npm run build first`);
  const dir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-e2e-'));
  const seeded = opts.seed === 'accounts';
  if (seeded) {
    const template = process.env[ACCOUNTS_TEMPLATE_ENV];
    if (!template)
      throw new Error(
        `${ACCOUNTS_TEMPLATE_ENV} is not set: the global setup (tests/e2e/support/global-setup.ts) did not run`,
      );
    fs.copyFileSync(template, path.join(dir, 'kaoping.db'));
  }
  const child: ChildProcess = spawn(process.execPath, [webHost, '--data-dir', dir, ...(opts.args ?? [])], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
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
    seeded,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Calls the host's API from the test process, as a script would. */
export async function api<T = unknown>(
  host: WebHostProcess,
  channel: string,
  input: unknown,
  session?: string,
): Promise<T> {
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

/** Signs in over the API and returns the session id (one scrypt on the host). */
export async function apiSignIn(host: WebHostProcess, role: AccountRole): Promise<string> {
  return (await api<{ sessionId: string }>(host, 'auth.login', { username: usernameOf(role), password: PASSWORD }))
    .sessionId;
}

/** The session the page signed in with, for setting up data over the API as the same user. */
export function pageSession(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('kaoping.session') ?? '');
}

/**
 * The account of a role, ready to sign in with PASSWORD: on a seeded host it is already there;
 * on a first start the administrator is created, and the others by the administrator.
 */
export async function ensureAccount(host: WebHostProcess, role: AccountRole): Promise<string> {
  const username = usernameOf(role);
  if (host.seeded) return username;
  const status = await api<{ needsSetup: boolean }>(host, 'auth.status', {});
  if (status.needsSetup) await api(host, 'auth.setup', { ...ADMIN, password: PASSWORD });
  if (role === 'admin') return username;
  const admin = await apiSignIn(host, 'admin');
  await api(
    host,
    'users.create',
    { username, displayName: accountNames[role], role, password: INITIAL_PASSWORD },
    admin,
  );
  const s = (await api<{ sessionId: string }>(host, 'auth.login', { username, password: INITIAL_PASSWORD })).sessionId;
  await api(host, 'auth.changePassword', { oldPassword: INITIAL_PASSWORD, newPassword: PASSWORD }, s);
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
  await new SignInPage(page).signIn(username, password);
}

/** Opens the host's address and signs in as the role's account. */
export async function openAs(page: Page, host: WebHostProcess, role: AccountRole): Promise<void> {
  const username = await ensureAccount(host, role);
  await page.goto(host.url);
  await signInUi(page, username);
}

interface Options {
  /** What the data folder starts with: the accounts of every role (default), or nothing (a first start). */
  seed: 'accounts' | 'none';
  /** The host's extra environment (a fault point that makes it slow, KAOPING_FAULT). */
  hostEnv: Record<string, string>;
}

interface Fixtures {
  host: WebHostProcess;
  /** Console errors and page errors seen during the test; a clean page has none. */
  pageErrors: string[];
  /** The app signed in as an evaluator (考评员), the role that sees every work module. */
  app: Page;
}

export const test = base.extend<Fixtures & Options>({
  seed: ['accounts', { option: true }],
  hostEnv: [{}, { option: true }],
  // fixtures get their own time, so a slow start on a loaded machine does not eat the test's
  host: [
    async ({ seed, hostEnv }, use) => {
      const h = await startHost({ seed, env: hostEnv });
      await use(h);
      await h.stop();
      fs.rmSync(h.dataDir, { recursive: true, force: true });
    },
    { timeout: TIMEOUTS.hostStart },
  ],
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await use(errors);
  },
  app: [
    async ({ page, host, pageErrors }, use) => {
      void pageErrors;
      await openAs(page, host, 'evaluator');
      await use(page);
    },
    // the page loads and the sign-in's scrypt runs
    { timeout: TIMEOUTS.signIn + 15_000 },
  ],
});

export { expect };
