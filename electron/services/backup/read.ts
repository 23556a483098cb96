import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { AppError } from '../../contract';
import { storageError } from './errors';
import { sealIntact } from './seal';
import { APPLICATION_ID } from '../../../db';
import { registeredFiles } from '../../../db/repos/documents';
import {
  BACKUP_EXT,
  DB_ENTRY,
  DOCUMENTS_PREFIX,
  ENTRY_NAME,
  MANIFEST,
  MAX_ENTRY_BYTES,
  MAX_MANIFEST_BYTES,
  type Manifest,
  manifestSchema,
} from './format';

const NOT_A_BACKUP = (name: string) =>
  `“${name}”不是考评备份文件，或文件已损坏（不完整、被截断或内容被改动），未做任何改动。`;
const DAMAGED = (name: string, what: string) => `备份文件“${name}”已损坏：${what}。未做任何改动。`;

function open(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: false },
      (e, z) => (e || !z ? reject(e ?? new Error('no zip')) : resolve(z)),
    ),
  );
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (e, s) => (e || !s ? reject(e ?? new Error('no stream')) : resolve(s))),
  );
}

function freeBytes(dir: string): number {
  try {
    const st = fs.statfsSync(dir);
    return st.bavail * st.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export interface ReadBackupResult {
  manifest: Manifest;
  sizeBytes: number;
  /** Where the database was extracted, when an extract folder was given. */
  dbFile: string | null;
  attachmentFiles: { sha256: string; file: string }[];
  /** Extracted documents: the entry name (documents/<kind>/<year>/<file>) and where it lies. */
  documentFiles: { entry: string; file: string }[];
}

/**
 * Reads and verifies a backup before anything is trusted: only the expected entry names (no
 * paths, no "..", no links), sizes within limits, every entry's SHA-256 against the manifest,
 * and, when extracted, the database's integrity_check and application id.
 */
/**
 * Only a finished backup may be inspected or restored: one the writer read back, checked and renamed to
 * .kpbak. A .partial was never checked, even when a killed writer happened to finish its bytes.
 */
export function requireFinished(file: string): void {
  const name = path.basename(file);
  if (!name.endsWith('.partial')) return; // any other name is judged by its content (readBackup)
  throw new AppError(
    'INVALID_INPUT',
    `“${name}”是没有写完的备份（写备份时程序被中断），不能用于恢复；请选择以 ${BACKUP_EXT} 结尾的备份文件。`,
  );
}

export async function readBackup(
  file: string,
  opts: { extractDir?: string; manifestOnly?: boolean } = {},
): Promise<ReadBackupResult> {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `找不到备份文件“${file}”。`);
  }
  if (!stat.isFile() || stat.size === 0) throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
  if (!opts.manifestOnly && !(await sealIntact(file))) throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
  let zip: yauzl.ZipFile;
  try {
    zip = await open(file);
  } catch {
    throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
  }
  let manifestBytes: Buffer | null = null;
  const hashes = new Map<string, { sha256: string; size: number }>();
  const attachmentFiles: { sha256: string; file: string }[] = [];
  const documentFiles: { entry: string; file: string }[] = [];
  let dbFile: string | null = null;
  let total = 0;
  // never fill the disk that holds the live data: leave 256 MB free
  const room = opts.extractDir ? freeBytes(opts.extractDir) - 256 * 1024 * 1024 : Number.POSITIVE_INFINITY;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          if (
            !ENTRY_NAME.test(entry.fileName) ||
            hashes.has(entry.fileName) ||
            (entry.fileName === MANIFEST && manifestBytes)
          ) {
            throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
          }
          const limit = entry.fileName === MANIFEST ? MAX_MANIFEST_BYTES : MAX_ENTRY_BYTES;
          if (entry.uncompressedSize > limit)
            throw new AppError('INVALID_INPUT', DAMAGED(name, `条目 ${entry.fileName} 大小超出限制`));
          total += entry.uncompressedSize;
          if (opts.extractDir && total > room) {
            throw new AppError(
              'STORAGE',
              `磁盘空间不足以检查这份备份（需要约 ${Math.ceil(total / 1024 / 1024)} MB），未做任何改动。`,
            );
          }
          const stream = await openEntry(zip, entry);
          const h = createHash('sha256');
          const chunks: Buffer[] = [];
          let size = 0;
          let target: fs.WriteStream | null = null;
          if (opts.extractDir && entry.fileName !== MANIFEST) {
            const out =
              entry.fileName === DB_ENTRY
                ? path.join(opts.extractDir, DB_ENTRY)
                : path.join(opts.extractDir, entry.fileName);
            fs.mkdirSync(path.dirname(out), { recursive: true });
            target = fs.createWriteStream(out, { flags: 'wx' });
            // a write error (disk full) arrives through the write callback below; never as a crash
            target.on('error', () => undefined);
            if (entry.fileName === DB_ENTRY) dbFile = out;
            else if (entry.fileName.startsWith(DOCUMENTS_PREFIX))
              documentFiles.push({ entry: entry.fileName, file: out });
            else attachmentFiles.push({ sha256: entry.fileName.slice('attachments/'.length), file: out });
          }
          await pipeline(
            stream,
            new Writable({
              write(chunk: Buffer, _enc, cb) {
                size += chunk.length;
                if (size > limit)
                  return cb(new AppError('INVALID_INPUT', DAMAGED(name, `条目 ${entry.fileName} 大小超出限制`)));
                h.update(chunk);
                if (entry.fileName === MANIFEST) chunks.push(chunk);
                if (target) target.write(chunk, cb);
                else cb();
              },
              final(cb) {
                if (target) target.end(cb);
                else cb();
              },
            }),
          );
          if (entry.fileName === MANIFEST) {
            manifestBytes = Buffer.concat(chunks);
            if (opts.manifestOnly) return resolve();
          } else hashes.set(entry.fileName, { sha256: h.digest('hex'), size });
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (['ENOSPC', 'EDQUOT', 'EIO', 'EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException).code ?? '')) {
      throw storageError(e, '检查备份', opts.extractDir ?? path.dirname(file));
    }
    throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
  } finally {
    zip.close();
  }

  if (!manifestBytes) throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse((manifestBytes as Buffer).toString('utf8')));
  } catch {
    throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
  }
  if (opts.manifestOnly) return { manifest, sizeBytes: stat.size, dbFile: null, attachmentFiles, documentFiles };
  const db = hashes.get(DB_ENTRY);
  if (!db || db.sha256 !== manifest.db.sha256 || db.size !== manifest.db.size) {
    throw new AppError('INVALID_INPUT', DAMAGED(name, '数据库内容与备份清单的校验值不符'));
  }
  const listed = new Map(manifest.attachments.map((a) => [a.sha256, a.size]));
  const docs = new Map(manifest.documents.map((d) => [d.path, d]));
  for (const [entryName, h] of hashes) {
    if (entryName === DB_ENTRY) continue;
    if (entryName.startsWith(DOCUMENTS_PREFIX)) {
      const d = docs.get(entryName);
      if (!d || d.sha256 !== h.sha256 || d.size !== h.size)
        throw new AppError('INVALID_INPUT', DAMAGED(name, `公文文件 ${entryName.split('/').pop()} 的内容与校验值不符`));
      docs.delete(entryName);
      continue;
    }
    const sha = entryName.slice('attachments/'.length);
    if (h.sha256 !== sha || listed.get(sha) !== h.size)
      throw new AppError('INVALID_INPUT', DAMAGED(name, `附件 ${sha.slice(0, 12)}… 的内容与校验值不符`));
    listed.delete(sha);
  }
  if (listed.size > 0) throw new AppError('INVALID_INPUT', DAMAGED(name, `缺少 ${listed.size} 个附件`));
  if (docs.size > 0) throw new AppError('INVALID_INPUT', DAMAGED(name, `缺少 ${docs.size} 份公文文件`));

  if (dbFile) {
    const check = new Database(dbFile, { readonly: true });
    try {
      if (check.pragma('application_id', { simple: true }) !== APPLICATION_ID)
        throw new AppError('INVALID_INPUT', NOT_A_BACKUP(name));
      if (check.pragma('integrity_check', { simple: true }) !== 'ok')
        throw new AppError('INVALID_INPUT', DAMAGED(name, '数据库完整性检查未通过'));
      if (manifest.formatVersion >= 2) requireRegisterHeld(name, manifest, registeredFiles(check));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('INVALID_INPUT', DAMAGED(name, '数据库无法打开'));
    } finally {
      check.close();
    }
  }
  return { manifest, sizeBytes: stat.size, dbFile, attachmentFiles, documentFiles };
}

/**
 * The backup's own register names every file it should hold: each registered document is either in the backup with
 * the register's SHA-256, or listed as missing when it was made. Anything else is a backup whose parts do not belong
 * together.
 */
function requireRegisterHeld(name: string, m: Manifest, register: ReturnType<typeof registeredFiles>): void {
  const held = new Map(m.documents.map((d) => [d.path, d.sha256]));
  const missing = new Set(m.missingDocuments.map((d) => d.number));
  for (const r of register) {
    const sha = held.get(`${DOCUMENTS_PREFIX}${r.kind}/${r.year}/${r.fileName}`);
    if (sha === r.sha256 || (sha === undefined && missing.has(r.number))) continue;
    throw new AppError('INVALID_INPUT', DAMAGED(name, `公文 ${r.number} 的文件与备份中的登记不符`));
  }
}
