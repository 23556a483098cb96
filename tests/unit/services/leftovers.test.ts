import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanLeftovers } from '../../../electron/services/leftovers';
import { asRole, testApp } from '../../support/app';
import { repoRoot, tempDir } from '../../support/tmp';

const run = promisify(execFile);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const list = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('a backup (or a package import) killed part way', () => {
  it('leaves an unfinished file restore refuses; the next start removes it and the plaintext copy', async () => {
    const t = await testApp();
    await t.app.callAs(asRole('evaluator'), 'web', 'units.create', {
      code: 'K01',
      name: '被备份的单位',
      kind: 'department',
    });
    t.app.close();
    // killed after the whole file was written and flushed, before it was read back and named
    const child = run(process.execPath, ['--import', 'tsx', 'tests/support/backup-child.ts', t.dir], {
      cwd: repoRoot,
      env: { ...process.env, KAOPING_FAULT: 'backup:before-rename:kill' },
    });
    await expect(child).rejects.toMatchObject({ signal: 'SIGKILL' });
    const partials = list(path.join(t.dir, 'backups')).filter((f) => f.endsWith('.partial'));
    expect(partials).toHaveLength(1);
    const work = list(path.join(t.dir, 'tmp'));
    expect(work.filter((w) => w.startsWith('backup-'))).toHaveLength(1);
    // the killed process's work folder holds a plaintext copy of the database
    expect(list(path.join(t.dir, 'tmp', work[0]!)).length).toBeGreaterThan(0);
    // someone copies the unfinished file away before the app starts again
    const copy = path.join(tempDir().dir, partials[0]!);
    fs.copyFileSync(path.join(t.dir, 'backups', partials[0]!), copy);

    const again = await testApp({ dir: t.dir });
    cleanups.push(() => again.close());
    expect(list(path.join(t.dir, 'tmp'))).toEqual([]);
    expect(list(path.join(t.dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const before = again.app.opened.sqlite.prepare('select count(*) as n from units').get();
    for (const [channel, input] of [
      ['backup.inspect', { file: copy }],
      ['backup.restore', { file: copy, confirm: true }],
    ] as const) {
      const r = await again.app.callAs(asRole('admin'), 'web', channel, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!r.ok) expect(r.error.message).toContain('是没有写完的备份（写备份时程序被中断），不能用于恢复');
    }
    expect(again.app.opened.sqlite.prepare('select count(*) as n from units').get()).toEqual(before);
    // the data is whole, and a new backup is made and finished as usual
    const made = await again.app.callAs(asRole('admin'), 'web', 'backup.create', {});
    expect(made.ok).toBe(true);
  });
});

describe('cleaning at start', () => {
  it('keeps what a live process is writing and removes what a dead one left', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const dead = (await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])).stdout;
    const tmp = path.join(t.dir, 'tmp');
    const backups = path.join(t.dir, 'backups');
    fs.mkdirSync(tmp, { recursive: true });
    fs.mkdirSync(backups, { recursive: true });
    for (const d of [`backup-${process.pid}-a`, `backup-${dead}-b`, `restore-${dead}-c`, 'backup-old'])
      fs.mkdirSync(path.join(tmp, d));
    for (const f of [
      `考评备份.kpbak.${process.pid}.partial`,
      `考评备份-2.kpbak.${dead}.partial`,
      '考评备份-3.kpbak',
      'old.kpbak.partial',
    ])
      fs.writeFileSync(path.join(backups, f), 'x');
    // a package import killed part way left its decrypted body and a staged attachment
    const staging = path.join(t.dir, 'exchange-staging');
    fs.mkdirSync(staging);
    const sha = 'a'.repeat(64);
    for (const f of [`body-${dead}-1-x.bin`, `${sha}.${dead}.stage`, `body-${process.pid}-2-y.bin`, 'notes.txt'])
      fs.writeFileSync(path.join(staging, f), 'x');
    const removed = cleanLeftovers(t.dir);
    expect(list(tmp)).toEqual([`backup-${process.pid}-a`]);
    expect(list(backups).sort()).toEqual(['考评备份-3.kpbak', `考评备份.kpbak.${process.pid}.partial`].sort());
    expect(list(staging).sort()).toEqual([`body-${process.pid}-2-y.bin`, 'notes.txt'].sort());
    expect(removed).toHaveLength(7);
  });
});
