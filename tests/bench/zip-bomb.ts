// Figures for refusing a zip bomb in an Excel import (#12, point 5): a 600 KB .xlsx whose sheet inflates to
// 600 MB took 16 s and 1.4 GB before it was called "not a valid Excel file". Targets: under 1 s, under 100 MB.
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { TEST_SCRYPT, asRole } from '../support/app';
import { repoRoot, tempDir } from '../support/tmp';
import { bombWorkbook } from '../support/zip-bomb';
import { time } from './stats';

type Report = (name: string, samples: number[], extra?: string) => void;

const MiB = 1024 * 1024;
const REPEAT = 5;

/** The most resident memory and heap (JS, external, array buffers) above where they stood, sampled each ms. */
async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ rss: number; heap: number; value: T }> {
  const heapNow = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const rss0 = process.memoryUsage.rss();
  const heap0 = heapNow();
  let rss = rss0;
  let heap = heap0;
  const sample = () => {
    rss = Math.max(rss, process.memoryUsage.rss());
    heap = Math.max(heap, heapNow());
  };
  const timer = setInterval(sample, 1);
  try {
    const value = await fn();
    sample();
    return { rss: rss - rss0, heap: heap - heap0, value };
  } finally {
    clearInterval(timer);
  }
}

export async function benchZipBomb(report: Report): Promise<void> {
  const t = tempDir();
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: 'bench',
    log: silentLogger,
    scrypt: TEST_SCRYPT,
  });
  const kpy = asRole('evaluator', 'bench');
  const cases = [
    ['honest headers', await bombWorkbook(600)],
    // the headers say 4 KB: nothing to refuse until the counted bytes pass the limit
    ['headers that lie', await bombWorkbook(600, { declaredSize: 4096 })],
  ] as const;
  for (const [label, bomb] of cases) {
    const input = { fileName: 'bomb.xlsx', base64: bomb.toString('base64') };
    const times: number[] = [];
    let rss = 0;
    let heap = 0;
    let message = '';
    for (let i = 0; i < REPEAT; i++) {
      const m = await peakGrowth(() => time(() => app.callAs(kpy, 'cli', 'units.importPreview', input)));
      const [dt, r] = m.value;
      if (r.ok) throw new Error('the bomb was not refused');
      message = r.error.message;
      times.push(dt);
      rss = Math.max(rss, m.rss);
      heap = Math.max(heap, m.heap);
    }
    report(
      `refuse ${(bomb.length / 1024).toFixed(0)} KB → 600 MB xlsx, ${label}`,
      times,
      `peak +${(rss / MiB).toFixed(1)} MB RSS, +${(heap / MiB).toFixed(1)} MB heap (targets 1 s, 100 MB)`,
    );
    console.log(`  → ${message}`);
  }
  app.close();
  t.cleanup();
}
