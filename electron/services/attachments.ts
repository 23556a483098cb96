import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(sub)) out.push({ sha256: name, file: path.join(root, sub, name) });
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
