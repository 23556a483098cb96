import fs from 'node:fs';
import { autoBackups, lastAutoBackupAt, removeBackupRow } from '../../../db/repos/backups';
import { appendAudit } from '../../../db/repos/audit';
import type { App } from '../app';
import { createBackup } from './create';
import { backupsDir, recordBackup } from '../handlers/backup';
import { readBasicSettings } from '../handlers/settings';

export const SCHEDULER_ACTOR = '系统（自动备份）';

/**
 * Makes an automatic backup when the last one is older than the configured interval, then keeps
 * only the newest `backupKeep` automatic backups. Returns the file made, or null.
 */
export async function runDueBackup(app: App, now: number): Promise<string | null> {
  // a restore or a package import holds the database: the next tick tries again
  if (app.busy()) return null;
  const { db, sqlite } = app.opened;
  const s = readBasicSettings({ db });
  if (s.autoBackupHours <= 0) return null;
  const last = lastAutoBackupAt(db);
  if (last !== undefined && now - last < s.autoBackupHours * 3_600_000) return null;
  try {
    const b = await createBackup({
      sqlite,
      dataDir: app.env.dataDir,
      outDir: backupsDir(app.env.dataDir),
      kind: 'auto',
      by: SCHEDULER_ACTOR,
      appVersion: app.env.appVersion,
      nodeId: app.env.nodeId,
      unitName: s.unitName,
      now,
    });
    // a package import may have begun while the backup was being written: its row waits until the database is free
    while (app.busy()) await new Promise((r) => setTimeout(r, 500));
    const current = app.opened;
    current.sqlite.transaction(() => {
      recordBackup(current, b);
      appendAudit(current.sqlite, {
        at: now,
        actor: SCHEDULER_ACTOR,
        role: '',
        action: 'backup.auto',
        target: `backup:${b.fileName}`,
        detail: { file: b.file, sha256: b.sha256 },
      });
    })();
    for (const old of autoBackups(current.db).slice(s.backupKeep)) {
      fs.rmSync(old.file, { force: true });
      removeBackupRow(current.db, old.id);
    }
    return b.file;
  } catch (e) {
    app.log.error('automatic backup failed', e);
    return null;
  }
}

/** Checks every ten minutes (and once shortly after start) whether an automatic backup is due. */
export function startBackupScheduler(app: App, everyMs = 10 * 60_000): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void runDueBackup(app, Date.now()).finally(() => (running = false));
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
