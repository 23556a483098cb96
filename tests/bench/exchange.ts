// Exchange figures (issue #20): a county's quarter — 100,000 records and 200 MB of evidence — exported and imported,
// each time divided by the time to read the package file once; and the process's peak memory.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type App, startApp } from '../../electron/services/app';
import {
  type XchEnv,
  acceptRegistration,
  exportData,
  exportRegistration,
} from '../../electron/services/exchange/service';
import { silentLogger } from '../../electron/services/logger';
import { TEST_SCRYPT } from '../support/app';
import { craft, recipientOf, senderOf } from '../support/exchange-craft';
import { FRAME } from '../../electron/services/exchange/format';
import { seedOrg } from '../support/seed';
import { repoRoot, tempDir } from '../support/tmp';
import { note } from './figures';
import { ms, time } from './stats';

const env = (app: App, name: string): XchEnv => ({
  sqlite: app.opened.sqlite,
  dataDir: app.env.dataDir,
  nodeId: app.env.nodeId,
  selfName: name,
  schemaVersion: app.env.schemaVersion,
  appVersion: 'bench',
  now: Date.now(),
  by: 'bench',
});

function readOnce(file: string): number {
  const t0 = performance.now();
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
  fs.closeSync(fd);
  return performance.now() - t0;
}

interface ChildOutcome {
  ms: number;
  status: string;
  message: string;
  rssBeforeMb: number;
  peakMb: number;
}

/** An import or dry run in a process of its own (exchange-child.ts). */
function child(dataDir: string, mode: 'import' | 'inspect', file: string): ChildOutcome {
  const out = execFileSync(
    process.execPath,
    [
      // experiments: BENCH_CHILD_ARGS="--max-old-space-size=48" (is the peak the heap?), "--cpu-prof" (where time goes)
      ...(process.env.BENCH_CHILD_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      'tests/bench/exchange-child.ts',
      dataDir,
      mode,
      file,
    ],
    {
      cwd: repoRoot,
      maxBuffer: 16 * 2 ** 20,
    },
  );
  return JSON.parse(out.toString('utf8')) as ChildOutcome;
}

export async function benchExchange(opts: { records?: number; evidenceMb?: number } = {}): Promise<void> {
  const people = Math.round(((opts.records ?? 100_000) - 2000) / 2);
  const evidenceMb = opts.evidenceMb ?? 200;
  const t = tempDir();
  const start = (sub: string) =>
    startApp({
      dataDir: path.join(t.dir, sub),
      appRoot: repoRoot,
      appVersion: 'bench',
      log: silentLogger,
      scrypt: TEST_SCRYPT,
    });
  fs.mkdirSync(path.join(t.dir, 'city'));
  fs.mkdirSync(path.join(t.dir, 'county'));
  const usb = path.join(t.dir, 'usb');
  const city = await start('city');
  const county = await start('county');
  let closed = false;
  try {
    const ce = env(city, '示例市考评办');
    const ke = env(county, '示例县考评办');
    const up = exportRegistration(ke, usb);
    const down = exportRegistration(ce, usb);
    city.opened.sqlite.transaction(() => acceptRegistration(ce, up.file, 'child', up.fingerprint))();
    county.opened.sqlite.transaction(() => acceptRegistration(ke, down.file, 'parent', down.fingerprint))();
    seedOrg(city.opened.sqlite, { units: 2000, people }, city.env.nodeId);

    // records: the export through the function the channel calls; the import in a process of its own (below)
    const [exportMs, w] = await time(async () =>
      city.opened.sqlite.transaction(() => exportData(ce, county.env.nodeId, usb))(),
    );
    w.commit();
    const records = Object.values(w.header.contents).reduce((a, n) => a + n, 0);

    // evidence: 200 MB of files sealed for the county
    let files = Array.from({ length: Math.ceil(evidenceMb / 10) }, () => randomBytes(10 * 2 ** 20));
    const [sealMs, file] = await time(async () =>
      craft({
        from: senderOf(city),
        to: recipientOf(county),
        seq: 2,
        outDir: usb,
        schemaVersion: city.env.schemaVersion,
        body: (wr) => {
          for (const f of files) {
            const sha256 = createHash('sha256').update(f).digest('hex');
            wr.frame(FRAME.file, Buffer.from(JSON.stringify({ sha256, size: f.length, name: '佐证材料.pdf' })));
            for (let at = 0; at < f.length; at += 60_000) wr.frame(FRAME.data, f.subarray(at, at + 60_000));
          }
          wr.frame(FRAME.end, Buffer.alloc(0));
          return { contents: {}, files: files.length, fileBytes: files.length * f0(files) };
        },
      }),
    );
    files = [];
    // the county's installation imports in a process of its own, as the office's PC does: its time and its memory
    county.close();
    closed = true;
    const readMs = readOnce(w.file);
    const imp = child(path.join(t.dir, 'county'), 'import', w.file);
    if (imp.status !== 'accepted') throw new Error(`bench import refused: ${imp.message}`);
    note(
      `exchange: ${records} records, ${(w.sizeBytes / 2 ** 20).toFixed(1)} MB package: export ${ms(exportMs)} ` +
        `(${(exportMs / readMs).toFixed(1)}× one read), ` +
        `import ${ms(imp.ms)} (${(imp.ms / readMs).toFixed(1)}× one read; one read ${ms(readMs)}, from the page ` +
        `cache), import process peak RSS ${imp.peakMb.toFixed(0)} MB (${imp.rssBeforeMb.toFixed(0)} MB before it)`,
      ['exchange: export 100k records', exportMs, 'ms'],
      ['exchange: import 100k records', imp.ms, 'ms'],
      ['exchange: records package read once', readMs, 'ms'],
      ['exchange: import process peak RSS', imp.peakMb, 'MB'],
    );
    const size = fs.statSync(file).size;
    const readBig = readOnce(file);
    const open = child(path.join(t.dir, 'county'), 'inspect', file);
    if (open.status !== 'checked') throw new Error(`bench evidence refused: ${open.message}`);
    note(
      `exchange: ${(size / 2 ** 20).toFixed(0)} MB evidence: ` +
        `seal ${ms(sealMs)} (${(sealMs / readBig).toFixed(1)}× one read), ` +
        `check+decrypt+verify ${ms(open.ms)} (${(open.ms / readBig).toFixed(1)}× one read), one read ${ms(readBig)}; ` +
        `that process's peak RSS ${open.peakMb.toFixed(0)} MB (${open.rssBeforeMb.toFixed(0)} MB before it)`,
      ['exchange: seal 200 MB evidence', sealMs, 'ms'],
      ['exchange: open 200 MB evidence', open.ms, 'ms'],
      ['exchange: evidence process peak RSS', open.peakMb, 'MB'],
    );

    // the worst case for the importing process's memory: a package that changes every row the county already holds
    // (until the import ends, its savepoint keeps the old content of every page it changes)
    const now = Date.now();
    for (const [table, column] of [
      ['people', 'post'],
      ['person_posts', 'duties'],
    ] as const)
      city.opened.sqlite
        .prepare(
          `update ${table} set ${column} = coalesce(${column}, '') || '（调整）', version = version + 1, updated_at = ?`,
        )
        .run(now);
    const changed = city.opened.sqlite.transaction(() => exportData(ce, county.env.nodeId, usb))();
    changed.commit();
    const upd = child(path.join(t.dir, 'county'), 'import', changed.file);
    if (upd.status !== 'accepted') throw new Error(`bench update refused: ${upd.message}`);
    note(
      `exchange: every row changed (${(changed.sizeBytes / 2 ** 20).toFixed(1)} MB package): import ${ms(upd.ms)}, ` +
        `import process peak RSS ${upd.peakMb.toFixed(0)} MB (${upd.rssBeforeMb.toFixed(0)} MB before it)`,
      ['exchange: import 100k changed records', upd.ms, 'ms'],
      ['exchange: changed-records import peak RSS', upd.peakMb, 'MB'],
    );
  } finally {
    city.close();
    if (!closed) county.close();
    t.cleanup();
  }
}

const f0 = (files: Buffer[]) => files[0]?.length ?? 0;
