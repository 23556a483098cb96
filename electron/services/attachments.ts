import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract';
import { UPLOAD_LIMITS } from '../contract/upload-limits';
import { storageError } from './backup/errors';

/** The content-addressed file store: <dataDir>/attachments/<first two hex>/<sha256>. */
export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

export function attachmentPath(dataDir: string, sha256: string): string {
  return path.join(attachmentsDir(dataDir), sha256.slice(0, 2), sha256);
}

export function listAttachments(dataDir: string): { sha256: string; file: string }[] {
  const root = attachmentsDir(dataDir);
  if (!fs.existsSync(root)) return [];
  const out: { sha256: string; file: string }[] = [];
  for (const sub of fs.readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const name of fs.readdirSync(path.join(root, sub))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(sub))
        out.push({ sha256: name, file: path.join(root, sub, name) });
    }
  }
  return out.sort((a, b) => a.sha256.localeCompare(b.sha256));
}

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), size };
}

/** Writes a file durably: temporary name, fsync, rename, fsync of the folder. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; its rename is already durable enough
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Evidence files are kept as they are, whatever their type, up to this size. */
export const MAX_ATTACHMENT_BYTES = UPLOAD_LIMITS.attachment.bytes;

/**
 * Stores bytes in the content-addressed store and returns their SHA-256. The same content is stored once;
 * an empty or oversized file is refused with the reason. Written under a temporary name, fsynced, renamed.
 */
export function storeAttachment(dataDir: string, bytes: Buffer, name: string): { sha256: string; size: number } {
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', `附件“${name}”是空文件，未保存。`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `附件“${name}”有 ${(bytes.length / 2 ** 20).toFixed(1)} MB，超过 ${MAX_ATTACHMENT_BYTES / 2 ** 20} MB 的上限；请压缩或拆分后再上传。`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = attachmentPath(dataDir, sha256);
  if (fs.existsSync(file) && verifies(file, sha256)) return { sha256, size: bytes.length };
  const dir = path.dirname(file);
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fsyncFile(temp);
    fs.renameSync(temp, file);
    fsyncDir(dir);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw storageError(e, '保存附件', dir);
  }
  return { sha256, size: bytes.length };
}

function verifies(file: string, sha256: string): boolean {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex') === sha256;
}

/** Reads an attachment back, refusing bytes that no longer match their address (altered or damaged on disk). */
export function readAttachment(dataDir: string, sha256: string, name: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('INVALID_INPUT', `附件“${name}”的编号不正确。`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(attachmentPath(dataDir, sha256));
  } catch {
    throw new AppError('NOT_FOUND', `附件“${name}”的文件不在数据文件夹中，可能已被移走或删除；请从备份恢复。`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new AppError('STORAGE', `附件“${name}”的内容与保存时不一致，可能已被改动或损坏，已拒绝打开；请从备份恢复。`);
  }
  return bytes;
}

/** A stored file's display name: no path separators or characters Windows refuses, at most 120 characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n\t]/g, '').slice(0, 120) || '附件';
}
