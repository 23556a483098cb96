import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentPath } from '../attachments';
import { checkedPath } from '../documents/issue';

/**
 * Files that travel with rows: every travelling table with a `sha256` column names a file by its SHA-256. The
 * document register keeps its files by kind, year and file name (documents/issue.ts); everything else lives in the
 * content-addressed attachment store. Where a file goes follows from the row, never from a name in the package.
 */
export const carriesFile = (fields: Record<string, unknown>) => typeof fields.sha256 === 'string';

export function fileLocation(dataDir: string, table: string, fields: Record<string, unknown>): string {
  const sha = String(fields.sha256);
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`校验值“${sha.slice(0, 70)}”格式不对`);
  if (table === 'documents') {
    return checkedPath(dataDir, {
      kind: String(fields.kind),
      year: Number(fields.year),
      fileName: String(fields.file_name),
      number: String(fields.number ?? ''),
    });
  }
  return attachmentPath(dataDir, sha);
}

/** A name shown to people: refused when it could be read as a path anywhere (.., absolute, drive, link-like). */
export function unsafeName(name: string): string | null {
  if (name.length === 0 || name.length > 255) return '名称为空或过长';
  if (/[\\/]/.test(name)) return '名称中含有路径分隔符';
  if (name === '.' || name === '..' || name.includes('..')) return '名称中含有“..”';
  if (/^[a-zA-Z]:/.test(name)) return '名称以盘符开头';
  if ([...name].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) return '名称中含有控制字符';
  return null;
}

/** Copies a verified staged file to its place, durably, unless the same content is there already. */
export function placeFile(staged: string, dest: string, sha256: string, dry: boolean): 'placed' | 'same' | 'different' {
  if (fs.existsSync(dest)) {
    const h = createHash('sha256');
    const fd = fs.openSync(dest, 'r');
    const buf = Buffer.alloc(1 << 20);
    try {
      for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
    return h.digest('hex') === sha256 ? 'same' : 'different';
  }
  if (dry) return 'placed';
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.${process.pid}.xch`;
  fs.copyFileSync(staged, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, dest);
  return 'placed';
}
