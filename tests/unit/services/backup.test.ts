import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Entry } from 'yauzl';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../electron/services/attachments';
import { runDueBackup } from '../../../electron/services/backup/scheduler';
import { recentAudit } from '../../../db/repos/audit';
import { addUser, signIn, snapshotRows, testApp, type TestApp } from '../../support/app';
import { sized } from '../../support/full';
import { rowHashes } from '../../support/rows';
import { seedOrg } from '../../support/seed';
import { repoRoot, tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  delete process.env.KAOPING_FAULT;
});

async function app(): Promise<TestApp & { admin: string }> {
  const t = await testApp();
  cleanups.push(() => t.close());
  await addUser(t.app, 'guanli', 'admin');
  const admin = await signIn(t.app, 'guanli');
  return { ...t, admin };
}

async function withData(t: TestApp & { admin: string }) {
  seedOrg(t.app.opened.sqlite, { units: 40, people: 300 });
  await t.app.call(t.admin, 'web', 'settings.update', { unitName: '甲县考评办', idleLockMinutes: 15 });
  await t.app.call(t.admin, 'web', 'calendar.set', { date: '2026-10-01', kind: 'holiday', note: '国庆节' });
  // one attachment in the content-addressed store
  const bytes = Buffer.from('佐证材料：第三季度进展照片');
  const { createHash } = await import('node:crypto');
  const h = createHash('sha256').update(bytes).digest('hex');
  fs.mkdirSync(path.dirname(attachmentPath(t.dir, h)), { recursive: true });
  fs.writeFileSync(attachmentPath(t.dir, h), bytes);
  return h;
}

async function backup(t: TestApp & { admin: string }, input: { dir?: string } = {}) {
  const r = await t.app.call(t.admin, 'web', 'backup.create', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as { file: string; counts: Record<string, number>; attachments: number };
}

const LIVE_ONLY = ['audit_log', 'backups'];

describe('backup', () => {
  it(
    'writes a verified backup with the database, the attachments and ' + 'what it holds; records and audits it',
    async () => {
      const t = await app();
      await withData(t);
      const b = await backup(t);
      expect(path.dirname(b.file)).toBe(path.join(t.dir, 'backups'));
      expect(path.basename(b.file)).toMatch(/^考评备份-\d{8}-\d{6}\.kpbak$/);
      expect(fs.readdirSync(path.dirname(b.file)).filter((f) => f.endsWith('.partial'))).toEqual([]);
      expect(b.counts).toMatchObject({ units: 40, people: 300, users: 1, calendar_days: 1 });
      expect(b.attachments).toBe(1);
      expect(t.app.opened.sqlite.prepare('select kind, created_by from backups').all()).toEqual([
        { kind: 'manual', created_by: 'guanli' },
      ]);
      expect(recentAudit(t.app.opened.sqlite, 1)[0]).toMatchObject({ action: 'backup.create', actor: 'guanli' });
      const inspect = await t.app.call(t.admin, 'web', 'backup.inspect', { file: b.file });
      expect(inspect).toMatchObject({
        ok: true,
        value: { sameInstallation: true, unitName: '甲县考评办', counts: { people: 300 } },
      });
    },
  );

  it('restores byte-for-byte equal data (row hashes), keeping the current data as a backup first', async () => {
    const t = await app();
    const attachment = await withData(t);
    const atBackup = rowHashes(t.app.opened.sqlite, LIVE_ONLY);
    const b = await backup(t);

    // the office keeps working, then something goes wrong
    await t.app.call(t.admin, 'web', 'settings.update', { unitName: '改错的名称' });
    await t.app.call(t.admin, 'web', 'calendar.set', { date: '2026-10-08', kind: 'holiday', note: '' });
    t.app.opened.sqlite.exec('delete from person_posts; delete from people where id > 10;');
    fs.rmSync(attachmentPath(t.dir, attachment));
    const changed = rowHashes(t.app.opened.sqlite, LIVE_ONLY);
    expect(changed).not.toEqual(atBackup);

    const r = await t.app.call(t.admin, 'web', 'backup.restore', { file: b.file, confirm: true });
    expect(r).toMatchObject({
      ok: true,
      value: { restored: { file: b.file }, safetyBackup: expect.stringMatching(/恢复前\.kpbak$/) },
    });
    expect(rowHashes(t.app.opened.sqlite, LIVE_ONLY)).toEqual(atBackup);
    expect(fs.readFileSync(attachmentPath(t.dir, attachment), 'utf8')).toBe('佐证材料：第三季度进展照片');
    // everybody signs in again; the trail of the restored data says what happened
    expect(await t.app.call(t.admin, 'web', 'system.info', {})).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const [stale, restored] = recentAudit(t.app.opened.sqlite, 2);
    expect(restored).toMatchObject({ action: 'backup.restore', actor: 'guanli' });
    // the ended session's call is recorded as a refused one, by nobody signed in
    expect(stale).toMatchObject({ action: 'refused:system.info', actor: '（未登录）', role: '' });

    // the safety backup holds the data as it was just before the restore
    const safety = (r as { value: { safetyBackup: string } }).value.safetyBackup;
    const admin = await signIn(t.app, 'guanli');
    const back = await t.app.call(admin, 'web', 'backup.restore', { file: safety, confirm: true });
    expect(back.ok).toBe(true);
    expect(rowHashes(t.app.opened.sqlite, LIVE_ONLY)).toEqual(changed);
  });

  it('makes automatic backups at the configured interval and keeps only the newest', async () => {
    const t = await app();
    await t.app.call(t.admin, 'web', 'settings.update', { autoBackupHours: 24, backupKeep: 2 });
    const day = 24 * 3_600_000;
    const t0 = Date.UTC(2026, 0, 5, 2);
    const first = await runDueBackup(t.app, t0);
    expect(first).toMatch(/自动\.kpbak$/);
    expect(await runDueBackup(t.app, t0 + 3_600_000)).toBeNull();
    const second = await runDueBackup(t.app, t0 + day + 1);
    const third = await runDueBackup(t.app, t0 + 2 * day + 2);
    expect([second, third].every(Boolean)).toBe(true);
    expect(fs.existsSync(first!)).toBe(false);
    expect(t.app.opened.sqlite.prepare("select count(*) n from backups where kind = 'auto'").get()).toEqual({ n: 2 });
    expect(recentAudit(t.app.opened.sqlite, 1)[0]).toMatchObject({ actor: '系统（自动备份）', action: 'backup.auto' });
    await t.app.call(t.admin, 'web', 'settings.update', { autoBackupHours: 0 });
    expect(await runDueBackup(t.app, t0 + 10 * day)).toBeNull();
  });

  it('reports a full disk in Chinese, leaves no half-written file and the live data intact', async () => {
    const t = await app();
    await withData(t);
    const before = rowHashes(t.app.opened.sqlite);
    process.env.KAOPING_FAULT = 'backup:write:enospc';
    const r = await t.app.call(t.admin, 'web', 'backup.create', {});
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'STORAGE',
        message: expect.stringMatching(/^磁盘空间不足，备份未完成，已删除未写完的文件。当前数据没有受到影响。/),
      },
    });
    expect(fs.readdirSync(path.join(t.dir, 'backups'))).toEqual([]);
    expect(fs.readdirSync(path.join(t.dir, 'tmp'))).toEqual([]);
    expect(rowHashes(t.app.opened.sqlite)).toEqual(before);
  });

  it('says so when the target folder cannot be written', async () => {
    const t = await app();
    const ro = tempDir();
    cleanups.push(ro.cleanup);
    const file = path.join(ro.dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await t.app.call(t.admin, 'web', 'backup.create', { dir: path.join(file, 'sub') });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', message: expect.stringMatching(/不存在|没有权限/) },
    });
  });
});

describe('restore refuses, before touching anything', () => {
  async function refused(t: TestApp & { admin: string }, file: string, message: RegExp) {
    const before = snapshotRows(t.app);
    const r = await t.app.call(t.admin, 'web', 'backup.restore', { file, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect(snapshotRows(t.app)).toBe(before);
    const dir = path.join(t.dir, 'backups');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.includes('恢复前')) : []).toEqual([]);
    // and the app still answers
    expect(await t.app.call(t.admin, 'web', 'settings.get', {})).toMatchObject({ ok: true });
  }

  async function copyWith(t: TestApp & { admin: string }, change: (bytes: Buffer) => Buffer): Promise<string> {
    const b = await backup(t);
    const out = path.join(t.dir, `changed-${Math.random().toString(36).slice(2)}.kpbak`);
    fs.writeFileSync(out, change(fs.readFileSync(b.file)));
    return out;
  }

  it.each([
    ['truncated to half', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['truncated by one byte', (b: Buffer) => b.subarray(0, b.length - 1)],
    ['empty', () => Buffer.alloc(0)],
    ['with bytes appended', (b: Buffer) => Buffer.concat([b, Buffer.from('追加的内容')])],
  ])('a backup %s', async (_l, change) => {
    const t = await app();
    await withData(t);
    await refused(t, await copyWith(t, change), /不是考评备份文件，或文件已损坏|已损坏/);
  });

  it('a backup with a bit flipped anywhere (sampled through the file)', async () => {
    const t = await app();
    await withData(t);
    const b = await backup(t);
    const bytes = fs.readFileSync(b.file);
    // spread through the file, plus the first and the last bytes (headers, directory, seal)
    const spread = sized(48, 480);
    const positions = [
      0,
      1,
      30,
      ...Array.from({ length: spread }, (_, i) => Math.floor(((i + 0.5) / spread) * bytes.length)),
      bytes.length - 70,
      bytes.length - 22,
      bytes.length - 1,
    ];
    for (const [i, at] of positions.entries()) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 1 << (i % 8);
      const f = path.join(t.dir, `flip-${i}.kpbak`);
      fs.writeFileSync(f, flipped);
      await refused(t, f, /不是考评备份文件|已损坏/);
      fs.rmSync(f);
    }
  });

  it('a backup from another installation', async () => {
    const a = await app();
    const other = await app();
    await withData(other);
    const b = await backup(other);
    await refused(a, b.file, /来自另一台安装/);
  });

  it('a file that is not a backup, and a zip that is not ours', async () => {
    const t = await app();
    const txt = path.join(t.dir, 'notes.kpbak');
    fs.writeFileSync(txt, '这不是备份');
    await refused(t, txt, /不是考评备份文件/);
    const zip = path.join(t.dir, 'other.kpbak');
    await new Promise<void>((resolve) => {
      const z = new yazl.ZipFile();
      z.addBuffer(Buffer.from('<w:document/>'), 'word/document.xml');
      z.end();
      z.outputStream.pipe(fs.createWriteStream(zip)).on('close', resolve);
    });
    await refused(t, zip, /不是考评备份文件/);
    await refused(t, path.join(t.dir, 'missing.kpbak'), /找不到备份文件/);
  });

  it('a backup with an extra, unexpected entry', async () => {
    const t = await app();
    const b = await backup(t);
    // rebuild the zip with one more entry next to the genuine ones
    const yauzl = (await import('yauzl')).default;
    const out = path.join(t.dir, 'extra.kpbak');
    await new Promise<void>((resolve, reject) => {
      const z = new yazl.ZipFile();
      yauzl.open(b.file, { lazyEntries: true }, (e, src) => {
        if (e || !src) return reject(e);
        src.on('entry', (entry: Entry) =>
          src.openReadStream(entry, (err, s) => {
            if (err || !s) return reject(err);
            const chunks: Buffer[] = [];
            s.on('data', (c: Buffer) => chunks.push(c));
            s.on('end', () => {
              z.addBuffer(Buffer.concat(chunks), entry.fileName);
              src.readEntry();
            });
          }),
        );
        src.on('end', () => {
          z.addBuffer(Buffer.from('#!/bin/sh'), 'attachments/run.sh');
          z.end();
          z.outputStream.pipe(fs.createWriteStream(out)).on('close', resolve);
        });
        src.readEntry();
      });
    });
    await refused(t, out, /不是考评备份文件/);
  });

  it('while another program holds the database open', async () => {
    const t = await app();
    await withData(t);
    const b = await backup(t);
    const other = new Database(path.join(t.dir, 'kaoping.db'));
    other.prepare('select count(*) from units').get();
    try {
      const r = await t.app.call(t.admin, 'web', 'backup.restore', { file: b.file, confirm: true });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/正被另一个考评窗口或命令行使用/) },
      });
      expect(await t.app.call(t.admin, 'web', 'settings.get', {})).toMatchObject({
        ok: true,
        value: { unitName: '甲县考评办' },
      });
    } finally {
      other.close();
    }
  });
});

describe('a restore killed part way', () => {
  const run = promisify(execFile);
  it.each([
    ['after the safety backup', 'restore:after-safety:kill', 'old'],
    ['just before the swap', 'restore:before-swap:kill', 'old'],
    ['between moving the live file aside and putting the restored one in place', 'restore:mid-swap:kill', 'old'],
    ['just after the swap', 'restore:after-swap:kill', 'new'],
  ] as const)('%s leaves the data whole (%s… %s)', async (_label, fault, expected) => {
    const t = await app();
    await withData(t);
    const atBackup = rowHashes(t.app.opened.sqlite, LIVE_ONLY);
    const b = await backup(t);
    await t.app.call(t.admin, 'web', 'settings.update', { unitName: '恢复前的名称' });
    t.app.opened.sqlite.exec('delete from people where id > 100');
    const current = rowHashes(t.app.opened.sqlite, LIVE_ONLY);
    t.app.close();
    const child = run(process.execPath, ['--import', 'tsx', 'tests/support/restore-child.ts', t.dir, b.file], {
      cwd: repoRoot,
      env: { ...process.env, KAOPING_FAULT: fault },
    });
    await expect(child).rejects.toMatchObject({ signal: 'SIGKILL' });
    const reopened = await testApp({ dir: t.dir });
    cleanups.push(() => reopened.app.close());
    expect(reopened.app.opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(rowHashes(reopened.app.opened.sqlite, LIVE_ONLY)).toEqual(expected === 'old' ? current : atBackup);
    expect(fs.existsSync(path.join(t.dir, 'kaoping.db.before-restore'))).toBe(false);
  });
});
