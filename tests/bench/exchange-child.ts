// One installation importing (or dry-running) a package in a process of its own, through the channel the office
// uses: the time it takes and the process's peak memory, without what the bench's own preparation holds.
// tests/bench/exchange.ts runs it: `node --import tsx tests/bench/exchange-child.ts <data dir> <import|inspect> <file>`
import fs from 'node:fs';
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';

function highWaterMark(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

const [dataDir, mode, file] = process.argv.slice(2) as [string, 'import' | 'inspect', string];
const app = await startApp({
  dataDir,
  appRoot: process.cwd(),
  appVersion: 'bench',
  log: silentLogger,
  scrypt: { log2N: 10, r: 8, p: 1 },
});
try {
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = await app.callAs(
    { userId: null, username: 'bench', role: 'evaluator' },
    'cli',
    mode === 'import' ? 'exchange.import' : 'exchange.inspect',
    mode === 'import' ? { file, confirm: true } : { file },
  );
  const ms = performance.now() - t0;
  // the import runs on the main thread, so the process's high-water mark is the import's peak: VmHWM (Linux), which
  // starts afresh with this program; getrusage's maxRSS would keep the forking bench's size, not this process's own
  const peak = highWaterMark();
  const status = r.ok
    ? (r.value as { status: string; message: string })
    : { status: 'failed', message: r.error.message };
  process.stdout.write(
    JSON.stringify({
      ms,
      status: status.status,
      message: status.message,
      rssBeforeMb: before / 2 ** 20,
      peakMb: peak / 2 ** 20,
    }),
  );
} finally {
  app.close();
}
