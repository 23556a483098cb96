import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the real renderer in Debian's Chromium through the loopback host
 * (tests/e2e/web); the Electron smoke spec (tests/e2e/electron) needs an Electron binary
 * and is started by `npm run test:electron`, which says so plainly when there is none.
 *
 * Timeouts are sized for a two-core CI machine, and for one shared with other runs: the slow
 * steps (host start, sign-in, file checks, documents) have their own waits in
 * tests/e2e/support/timeouts.ts, and fixtures their own time, so a test's budget is its steps'.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  // the accounts every test's data folder starts from, made once per run
  globalSetup: './tests/e2e/support/global-setup.ts',
  // the longest ordinary test takes about 15 s alone; long flows set their own
  timeout: 120_000,
  // a UI reaction: a render after a call that reads or writes a few rows
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // two at a time on two cores: a test mostly waits (on the host's scrypt, on a render), so two
  // overlap well; measured under load average 10, the suite took 4.9 min with two and 6.4 with one
  workers: 2,
  // the JSON keeps each test's duration, for finding where the time goes
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  reportSlowTests: { max: 5, threshold: 30_000 },
  use: {
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    // DOM snapshots for a failure's trace, without the screencast that costs CPU on every paint
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'web', testDir: 'tests/e2e/web' },
    { name: 'electron', testDir: 'tests/e2e/electron' },
  ],
});
