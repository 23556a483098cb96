import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract';
import { attachmentPath, fsyncDir, fsyncFile, sha256File } from '../attachments';
import { faultPoint } from '../fault';
import { workTag } from '../leftovers';
import { storageError } from './errors';
import type { AuditCarry } from './audit-carry';
import { type BackupSummary, summaryOf } from './format';
import { readBackup, requireFinished } from './read';

/**
 * Finishes what a restore killed between its two renames left: the live file moved aside and the
 * restored one not yet in place. Called before the database is opened.
 */
export function recoverInterruptedRestore(dbFile: string): 'recovered' | 'cleaned' | 'none' {
  const aside = `${dbFile}.before-restore`;
  if (!fs.existsSync(aside)) return 'none';
  if (!fs.existsSync(dbFile)) {
    fs.renameSync(aside, dbFile);
    return 'recovered';
  }
  fs.rmSync(aside, { force: true });
  return 'cleaned';
}

export interface RestoreOutcome {
  restored: BackupSummary;
  safetyBackup: string;
  /** What became of the audit trail: never shorter than before. */
  audit: AuditCarry;
}

export interface RestoreSteps {
  dataDir: string;
  dbFile: string;
  nodeId: string;
  schemaVersion: number;
  /** A brand-new installation (no accounts yet) may adopt a backup from another one. */
  allowForeign: boolean;
  /** Backs the current data up first; returns the file. */
  safetyBackup(): Promise<string>;
  /** Closes the live connection (and reports whether anything else still holds the file). */
  close(): void;
  /** Opens the database file again (migrating an older backup). */
  reopen(): Promise<void>;
  /**
   * Opens and migrates the extracted copy where it lies, before anything live is touched; returns its schema version.
   */
  prepareCopy(file: string): Promise<number>;
  /** Gives the prepared copy the longer of the two audit trails (see audit-carry.ts). */
  carryAudit(file: string): AuditCarry;
}

/**
 * Replaces the live database with a backup. Everything that can fail is checked before the live
 * data is touched; the swap itself is one rename on the same disk, so a process killed at any
 * point leaves either the old database or the new one, whole.
 */
export async function restoreBackup(file: string, s: RestoreSteps): Promise<RestoreOutcome> {
  requireFinished(file);
  const work = fs.mkdtempSync(path.join(s.dataDir, 'tmp', workTag('restore')));
  let closed = false;
  try {
    const read = await readBackup(file, { extractDir: work });
    const m = read.manifest;
    if (!s.allowForeign && m.nodeId !== s.nodeId) {
      throw new AppError(
        'RULE_VIOLATION',
        `此备份来自另一台安装（${m.unitName || '未设置单位名称'}，节点 ${m.nodeId.slice(0, 8)}），不能恢复到本机，未做任何改动。`,
      );
    }
    if (m.schemaVersion > s.schemaVersion) {
      throw new AppError(
        'RULE_VIOLATION',
        `此备份由更新版本的考评系统创建（数据结构版本 ${m.schemaVersion}），请先升级程序。未做任何改动。`,
      );
    }
    // the copy must open and migrate here, in the work folder, or nothing live is touched
    await s.prepareCopy(read.dbFile!);
    const safety = await s.safetyBackup();
    faultPoint('restore:after-safety:kill');
    const audit = s.carryAudit(read.dbFile!);

    // attachments are content-addressed: adding the backup's files never changes an existing one
    try {
      for (const a of read.attachmentFiles) {
        const dest = attachmentPath(s.dataDir, a.sha256);
        if (fs.existsSync(dest)) continue;
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(a.file, `${dest}.partial`);
        fsyncFile(`${dest}.partial`);
        fs.renameSync(`${dest}.partial`, dest);
      }
      // documents by their register's path: a file already there with the same content stays as it is; one that
      // differs is replaced (the safety backup above holds it)
      // (readBackup has checked each extracted file against the manifest: its hash is known)
      const shaOf = new Map(m.documents.map((d) => [d.path, d.sha256]));
      for (const d of read.documentFiles) {
        const dest = path.join(s.dataDir, ...d.entry.split('/'));
        if (fs.existsSync(dest) && (await sha256File(dest)).sha256 === shaOf.get(d.entry)) continue;
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(d.file, `${dest}.partial`);
        fsyncFile(`${dest}.partial`);
        fs.renameSync(`${dest}.partial`, dest);
        fsyncDir(path.dirname(dest));
      }
    } catch (e) {
      throw storageError(e, '恢复', s.dataDir);
    }

    fsyncFile(read.dbFile!);
    faultPoint('restore:before-swap:kill');
    s.close();
    closed = true;
    for (const side of ['-wal', '-shm']) {
      if (fs.existsSync(s.dbFile + side)) {
        throw new AppError('CONFLICT', '数据库正被另一个考评窗口或命令行使用，请先关闭它们再恢复。未做任何改动。');
      }
    }
    // the live file is moved aside, not deleted, until the restored one has opened
    const aside = `${s.dbFile}.before-restore`;
    fs.rmSync(aside, { force: true });
    fs.renameSync(s.dbFile, aside);
    faultPoint('restore:mid-swap:kill');
    fs.renameSync(read.dbFile!, s.dbFile);
    fsyncDir(path.dirname(s.dbFile));
    faultPoint('restore:after-swap:kill');
    try {
      await s.reopen();
    } catch (e) {
      fs.renameSync(aside, s.dbFile);
      fsyncDir(path.dirname(s.dbFile));
      throw new AppError(
        'STORAGE',
        `恢复后的数据库无法打开（${(e as Error).message}），已换回原来的数据，未做任何改动。`,
      );
    }
    closed = false;
    fs.rmSync(aside, { force: true });
    return { restored: summaryOf(file, m, read.sizeBytes), safetyBackup: safety, audit };
  } finally {
    if (closed) {
      const aside = `${s.dbFile}.before-restore`;
      if (!fs.existsSync(s.dbFile) && fs.existsSync(aside)) fs.renameSync(aside, s.dbFile);
      await s.reopen();
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}
