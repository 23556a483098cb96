import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { RenderPool, workerScript } from '../../../electron/services/documents/pool';
import { sampleLetter } from '../../support/sample-letter';
import type { OfficialDocument } from '../../../electron/core';
import { tempDir } from '../../support/tmp';
import { docxParts } from '../../support/docx';

let pool: RenderPool | null = null;
afterEach(() => pool?.close());

describe('the render pool', () => {
  it('renders letters on worker threads: a docx with the unit’s name, whose hash is the one reported', async () => {
    pool = new RenderPool(2);
    expect(pool.threaded).toBe(true);
    const units = ['财政局', '城关镇人民政府', '发展和改革局'];
    const out = await Promise.all(units.map((unit) => pool!.run({ kind: 'letter', input: sampleLetter(3, { unit }) })));
    for (const [i, r] of out.entries()) {
      expect(Buffer.from(r.bytes).subarray(0, 2).toString()).toBe('PK');
      expect(createHash('sha256').update(r.bytes).digest('hex')).toBe(r.sha256);
      expect((await docxParts(Buffer.from(r.bytes))).get('word/document.xml')).toContain(units[i]);
      expect(JSON.parse(r.model)).toMatchObject({ issuers: expect.any(Array) });
    }
  });

  it('a worker that dies fails the task it held with a message, and the next task gets a new worker', async () => {
    const t = tempDir();
    const file = path.join(t.dir, 'dies.cjs');
    // dies on its first task, answers the next ones as an empty result
    fs.writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads');
       const flag = ${JSON.stringify(path.join(t.dir, 'died'))};
       parentPort.on('message', (m) => {
         if (!require('node:fs').existsSync(flag)) { require('node:fs').writeFileSync(flag, ''); process.exit(7); }
         parentPort.postMessage({ id: m.id, bytes: new Uint8Array([80, 75]), sha256: 'x', model: '{}' });
       });`,
    );
    pool = new RenderPool(1, { file });
    const task = { kind: 'letter' as const, input: sampleLetter(1) };
    await expect(pool.run(task)).rejects.toThrow('排版线程意外退出（退出码 7）');
    expect((await pool.run(task)).model).toBe('{}');
    t.cleanup();
  });

  it('the bundled worker renders on its own (nothing outside the bundle, no TypeScript loader)', async () => {
    const t = tempDir();
    const { build } = await import('esbuild');
    // @ts-expect-error -- a build script without types
    const { targets } = (await import('../../../build/scripts/esbuild-targets.mjs')) as {
      targets: Record<string, object>;
    };
    const outfile = path.join(t.dir, 'render-worker.cjs');
    await build({ ...targets.renderWorker, outfile, sourcemap: false, logLevel: 'silent' });
    pool = new RenderPool(1, { file: outfile });
    const r = await pool.run({ kind: 'letter', input: sampleLetter(2, { unit: '财政局' }) });
    expect((await docxParts(Buffer.from(r.bytes))).get('word/document.xml')).toContain('财政局');
    t.cleanup();
  });

  it('binds 100 letters of 35 targets of 770 characters each within a worker’s heap, also from models', async () => {
    pool = new RenderPool(2);
    const long = '推进重点项目建设'.repeat(96) + '完成';
    const input = sampleLetter(35, { unit: '城关镇' });
    for (const it of input.items) for (const x of it.targets) x.content = long;
    const letters = await Promise.all(
      Array.from({ length: 100 }, (_, i) => pool!.run({ kind: 'letter', input: { ...input, unit: `第${i + 1}单位` } })),
    );
    const volume = await pool.run({ kind: 'volume', title: '合订本', letters: letters.map((l) => l.bytes) });
    const docs = letters.map((l) => JSON.parse(l.model) as OfficialDocument);
    const again = await pool.run({ kind: 'combined', title: '合订本', docs });
    const xml = (await docxParts(Buffer.from(volume.bytes))).get('word/document.xml')!;
    expect(xml).toContain('第100单位');
    expect((await docxParts(Buffer.from(again.bytes))).get('word/document.xml')).toBe(xml);
    // a guard against a hang, not a speed target (the bench measures speed): a busy machine took over a minute
  }, 240_000);

  it('finds its worker code (the TypeScript source here, the bundle in a build)', () => {
    expect(workerScript()?.file).toMatch(/render-worker\.ts$/);
  });
});
