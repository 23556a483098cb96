import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { AppError } from '../../contract';
import { APPLICATION_ID } from '../../../db';
import { appliedMigrationCount, tableCounts } from '../../../db/repos/backups';
import { auditHead } from '../../../db/repos/audit';
import { registeredFiles } from '../../../db/repos/documents';
import { listAttachments, fsyncDir, fsyncFile, sha256File } from '../attachments';
import { checkedPath } from '../documents/issue';
import { faultPoint } from '../fault';
import { workTag } from '../leftovers';
import { storageError } from './errors';
import {
  BACKUP_EXT,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DB_ENTRY,
  DOCUMENTS_PREFIX,
  MANIFEST,
  type Manifest,
  summaryOf,
} from './format';
import { readBackup } from './read';
import { SEAL_PLACEHOLDER, sealFile } from './seal';
import { fileStamp } from '../file-stamp';

export interface CreateBackupOptions {
  sqlite: Database.Database;
  dataDir: string;
  outDir: string;
  kind: Manifest['kind'];
  by: string;
  appVersion: string;
  nodeId: string;
  unitName: string;
  now: number;
}

const kindSuffix: Record<Manifest['kind'], string> = {
  manual: '',
  auto: '-自动',
  'pre-restore': '-恢复前',
  'pre-import': '-导入前',
};

function writeZip(
  file: string,
  manifest: Manifest,
  dbFile: string,
  attachments: { sha256: string; file: string }[],
  documents: { entry: string; file: string }[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const out = fs.createWriteStream(file, { flags: 'wx' });
    out.on('error', reject);
    out.on('close', resolve);
    zip.outputStream.on('error', reject);
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST, { compress: true });
    zip.addFile(dbFile, DB_ENTRY, { compress: true });
    for (const a of attachments) zip.addFile(a.file, `attachments/${a.sha256}`, { compress: false });
    // a .docx is a zip already: stored as it is
    for (const d of documents) zip.addFile(d.file, d.entry, { compress: false });
    zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false });
    zip.outputStream.pipe(out);
  });
}

/**
 * Makes a verified backup: a consistent snapshot by SQLite's backup API (never a file copy),
 * integrity_check on the snapshot, the attachments with their hashes checked, written under a
 * temporary name, read back and checked entry by entry, fsynced, and only then renamed.
 */
export async function createBackup(o: CreateBackupOptions) {
  const tmpRoot = path.join(o.dataDir, 'tmp');
  fs.mkdirSync(tmpRoot, { recursive: true });
  const work = fs.mkdtempSync(path.join(tmpRoot, workTag('backup')));
  let partial: string | null = null;
  try {
    try {
      fs.mkdirSync(o.outDir, { recursive: true });
    } catch (e) {
      throw storageError(e, '备份', o.outDir);
    }
    const snapshot = path.join(work, DB_ENTRY);
    await o.sqlite.backup(snapshot);
    const snap = new Database(snapshot, { readonly: true });
    let counts: Record<string, number>;
    let registered: ReturnType<typeof registeredFiles>;
    let head: Manifest['audit'];
    try {
      const check = snap.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new AppError('STORAGE', `当前数据库完整性检查未通过（${String(check)}），未生成备份。请联系技术支持。`);
      if (snap.pragma('application_id', { simple: true }) !== APPLICATION_ID)
        throw new Error('snapshot lost its application id');
      counts = tableCounts(snap);
      registered = registeredFiles(snap);
      head = auditHead(snap);
    } finally {
      snap.close();
    }
    const dbHash = await sha256File(snapshot);
    const attachments = listAttachments(o.dataDir);
    const hashed: Manifest['attachments'] = [];
    for (const a of attachments) {
      const h = await sha256File(a.file);
      if (h.sha256 !== a.sha256) {
        throw new AppError(
          'STORAGE',
          `附件存储中的文件 ${a.sha256.slice(0, 12)}… 内容已损坏（与其校验值不符），未生成备份。`,
        );
      }
      hashed.push({ sha256: a.sha256, size: h.size });
    }
    const docs = await registeredDocuments(o.dataDir, registered);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      kind: o.kind,
      createdAt: o.now,
      createdBy: o.by,
      appVersion: o.appVersion,
      schemaVersion: schemaVersionOf(snapshot),
      nodeId: o.nodeId,
      unitName: o.unitName,
      counts,
      db: dbHash,
      attachments: hashed,
      documents: docs.held.map(({ entry, sha256, size }) => ({ path: entry, sha256, size })),
      missingDocuments: docs.missing,
      audit: head,
    };
    let name = `考评备份-${fileStamp(o.now)}${kindSuffix[o.kind]}`;
    for (let i = 2; fs.existsSync(path.join(o.outDir, name + BACKUP_EXT)); i++)
      name = `考评备份-${fileStamp(o.now)}${kindSuffix[o.kind]}-${i}`;
    const final = path.join(o.outDir, name + BACKUP_EXT);
    partial = `${final}.${process.pid}.partial`;
    try {
      await writeZip(partial, manifest, snapshot, attachments, docs.held);
      await sealFile(partial);
      faultPoint('backup:write:enospc');
      fsyncFile(partial);
      faultPoint('backup:before-rename:kill');
    } catch (e) {
      throw storageError(e, '备份', o.outDir);
    }
    const check = await readBackup(partial);
    if (check.manifest.db.sha256 !== dbHash.sha256)
      throw new AppError('STORAGE', '备份写入后读回校验不符，已放弃这份备份。当前数据没有受到影响。');
    fs.renameSync(partial, final);
    partial = null;
    fsyncDir(o.outDir);
    return { ...summaryOf(final, manifest, fs.statSync(final).size), sha256: (await sha256File(final)).sha256 };
  } finally {
    if (partial) fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The files of the register in the snapshot, each read and checked against the register's SHA-256. A file that is
 * missing or altered is not copied (it would restore as the wrong paper) but named in the manifest, so the backup is
 * still made and the loss is on record.
 */
async function registeredDocuments(dataDir: string, registered: ReturnType<typeof registeredFiles>) {
  const held: { entry: string; file: string; sha256: string; size: number }[] = [];
  const missing: Manifest['missingDocuments'] = [];
  const seen = new Set<string>();
  for (const d of registered) {
    let file: string;
    try {
      file = checkedPath(dataDir, d);
    } catch {
      missing.push({ number: d.number, path: d.fileName, reason: 'altered' });
      continue;
    }
    const entry = `${DOCUMENTS_PREFIX}${d.kind}/${d.year}/${d.fileName}`;
    if (seen.has(entry)) continue;
    seen.add(entry);
    let h: { sha256: string; size: number };
    try {
      h = await sha256File(file);
    } catch {
      missing.push({ number: d.number, path: entry, reason: 'missing' });
      continue;
    }
    if (h.sha256 !== d.sha256) missing.push({ number: d.number, path: entry, reason: 'altered' });
    else held.push({ entry, file, ...h });
  }
  return { held, missing };
}

function schemaVersionOf(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return appliedMigrationCount(db);
  } finally {
    db.close();
  }
}
