import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRows } from '../../../db/repos/audit';
import { runDueBackup } from '../../../electron/services/backup/scheduler';
import { asRole, testApp, type TestApp } from '../../support/app';
import { editDatabase, rewriteBackup } from '../../support/backup-files';
import { tempDir } from '../../support/tmp';

/**
 * A restore brings back old data, never an old audit trail: the entries made after the backup stay, the auditor
 * reads what the restore rolled back, and a backup whose trail was cut or edited and resealed does not replace the
 * trail. Deleting the safety copy afterwards changes none of it.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const admin = asRole('admin', 'guanli');
const auditor = asRole('auditor', 'shenji');

async function office(): Promise<TestApp> {
  const t = await testApp();
  cleanups.push(() => t.close());
  return t;
}

async function call<T>(t: TestApp, channel: string, input: unknown, as = admin): Promise<T> {
  const r = await t.app.callAs(as, 'web', channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

async function units(t: TestApp, from: number, n: number) {
  for (let i = from; i < from + n; i++)
    await call(t, 'units.create', { code: `DW-${i}`, name: `单位${i}`, kind: 'department' }, asRole('evaluator'));
}

const trail = (t: TestApp) => [...auditRows(t.app.opened.sqlite)].map((r) => `${r.seq}:${r.hash}`);

/** A copy of the backup whose database was edited with plain SQLite, then resealed as the app would. */
async function forge(file: string, edit: (db: Database.Database) => void): Promise<string> {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  const forged = path.join(dir.dir, '考评备份-改.kpbak');
  await rewriteBackup(file, forged, (name, bytes) => (name === 'kaoping.db' ? editDatabase(bytes, edit) : bytes));
  return forged;
}

type Entry = { action: string; detail: string };
async function lastRestore(t: TestApp) {
  const r = await call<{ rows: Entry[] }>(t, 'audit.list', { action: 'backup.restore', offset: 0, limit: 5 }, auditor);
  return JSON.parse(r.rows[0]!.detail) as {
    summary: string;
    trail: string;
    rolledBack: { from: number; to: number } | null;
  };
}

describe('a restore never shortens the audit trail', () => {
  it('restoring an old genuine backup keeps every entry made after it, and says what it rolled back', async () => {
    const t = await office();
    await units(t, 1, 3);
    const b = await call<{ file: string; auditHead: number }>(t, 'backup.create', {});
    await units(t, 4, 5);
    const before = trail(t);
    expect(before.length).toBeGreaterThan(b.auditHead + 4);

    const out = await call<{ safetyBackup: string; auditSummary: string }>(t, 'backup.restore', {
      file: b.file,
      confirm: true,
    });
    // the data went back: the later units are gone
    const names = await call<{ code: string }[]>(t, 'units.list', {}, asRole('evaluator'));
    expect(names.map((u) => u.code)).not.toContain('DW-4');
    // the trail did not: every entry is there, the restore's own entry after them
    const after = trail(t);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    // (the backup's own entry comes right after the head it holds)
    expect(out.auditSummary).toContain(`序号 ${b.auditHead + 1} 至 ${before.length} 所记的操作被回退`);
    const entry = await lastRestore(t);
    expect(entry).toMatchObject({ trail: 'prefix', rolledBack: { from: b.auditHead + 1, to: before.length } });
    expect(await call(t, 'audit.verify', {}, auditor)).toMatchObject({ ok: true, count: after.length });

    // removing the safety copy (outside the app: there is no way inside it) takes nothing from the trail
    fs.rmSync(out.safetyBackup);
    expect(trail(t)).toEqual(after);
  });

  it('a backup with its newest audit entries deleted and a name changed, resealed, leaves the trail', async () => {
    const t = await office();
    await units(t, 1, 6);
    const b = await call<{ file: string }>(t, 'backup.create', {});
    const before = trail(t);
    const forged = await forge(b.file, (db) => {
      db.exec('drop trigger audit_log_no_delete');
      db.exec('delete from audit_log where seq > 3');
      db.exec("update units set name = '改过的名字' where code = 'DW-1'");
    });
    const out = await call<{ auditSummary: string }>(t, 'backup.restore', { file: forged, confirm: true });
    // (opening the copy put its dropped protection back, with an entry of its own: the trails differ from there)
    expect(out.auditSummary).toContain('已保留本机的审计日志');
    const after = trail(t);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(await call(t, 'audit.verify', {}, auditor)).toMatchObject({ ok: true });
    // the deletion protection came back with the kept trail
    expect(() => t.app.opened.sqlite.exec('delete from audit_log where seq = 1')).toThrow(/append-only/);
  });

  it('a backup whose audit entries were edited is told apart, and the trail here is kept', async () => {
    const t = await office();
    await units(t, 1, 4);
    const b = await call<{ file: string }>(t, 'backup.create', {});
    const forged = await forge(b.file, (db) => {
      db.exec('drop trigger audit_log_no_update');
      db.exec("update audit_log set actor = '别人' where seq = 2");
    });
    const before = trail(t);
    const out = await call<{ auditSummary: string }>(t, 'backup.restore', { file: forged, confirm: true });
    expect(out.auditSummary).toContain('备份中的审计日志与本机记录自序号 1 起不一致');
    expect(trail(t).slice(0, before.length)).toEqual(before);
    expect((await lastRestore(t)).trail).toBe('diverged');
    expect(await call(t, 'audit.verify', {}, auditor)).toMatchObject({ ok: true });
  });

  it('keeps the safety copy of every restore when automatic backups are pruned', async () => {
    const t = await office();
    await call(t, 'settings.update', { autoBackupHours: 1, backupKeep: 1 });
    const b = await call<{ file: string }>(t, 'backup.create', {});
    const out = await call<{ safetyBackup: string }>(t, 'backup.restore', { file: b.file, confirm: true });
    const hour = 3_600_000;
    for (let i = 1; i <= 3; i++) expect(await runDueBackup(t.app, Date.now() + i * 2 * hour)).not.toBeNull();
    expect(fs.existsSync(out.safetyBackup)).toBe(true);
    const autos = fs.readdirSync(path.join(t.dir, 'backups')).filter((f) => f.includes('-自动'));
    expect(autos).toHaveLength(1);
  });
});
