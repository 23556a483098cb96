import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract';
import { attachmentPath, fsyncDir, fsyncFile } from '../attachments';
import { faultPoint } from '../fault';
import { storageError } from './errors';
import { type BackupSummary, summaryOf } from './format';
import { readBackup } from './read';

export interface RestoreOutcome {
  restored: BackupSummary;
  safetyBackup: string;
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
}

/**
 * Replaces the live database with a backup. Everything that can fail is checked before the live
 * data is touched; the swap itself is one rename on the same disk, so a process killed at any
 * point leaves either the old database or the new one, whole.
 */
export async function restoreBackup(file: string, s: RestoreSteps): Promise<RestoreOutcome> {
  const work = fs.mkdtempSync(path.join(s.dataDir, 'tmp', 'restore-'));
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
      throw new AppError('RULE_VIOLATION', `此备份由更新版本的考评系统创建（数据结构版本 ${m.schemaVersion}），请先升级程序。未做任何改动。`);
    }
    const safety = await s.safetyBackup();
    faultPoint('restore:after-safety:kill');

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
    fs.renameSync(read.dbFile!, s.dbFile);
    fsyncDir(path.dirname(s.dbFile));
    faultPoint('restore:after-swap:kill');
    await s.reopen();
    closed = false;
    return { restored: summaryOf(file, m, read.sizeBytes), safetyBackup: safety };
  } finally {
    if (closed) await s.reopen();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
