import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * A backup ends with its own seal: the zip comment is the SHA-256 (64 hex digits) of every byte
 * before it. Entry hashes cover the content; the seal covers the rest (headers, directory, sizes),
 * so that any flipped, cut or added byte anywhere in the file is found.
 */
export const SEAL_PLACEHOLDER = '0'.repeat(64);
const SEAL_LENGTH = 64;

async function hashPrefix(file: string, length: number): Promise<string> {
  const h = createHash('sha256');
  if (length > 0) {
    for await (const chunk of fs.createReadStream(file, { start: 0, end: length - 1 })) h.update(chunk as Buffer);
  }
  return h.digest('hex');
}

/** Writes the seal into the placeholder at the end of a freshly written backup. */
export async function sealFile(file: string): Promise<void> {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const tail = Buffer.alloc(SEAL_LENGTH);
    fs.readSync(fd, tail, 0, SEAL_LENGTH, size - SEAL_LENGTH);
    if (tail.toString('latin1') !== SEAL_PLACEHOLDER) throw new Error('backup has no seal placeholder');
    const digest = await hashPrefix(file, size - SEAL_LENGTH);
    fs.writeSync(fd, Buffer.from(digest, 'latin1'), 0, SEAL_LENGTH, size - SEAL_LENGTH);
  } finally {
    fs.closeSync(fd);
  }
}

/** True when the file's last 64 bytes are the SHA-256 of everything before them. */
export async function sealIntact(file: string): Promise<boolean> {
  const size = fs.statSync(file).size;
  if (size <= SEAL_LENGTH) return false;
  const fd = fs.openSync(file, 'r');
  let tail: string;
  try {
    const buf = Buffer.alloc(SEAL_LENGTH);
    fs.readSync(fd, buf, 0, SEAL_LENGTH, size - SEAL_LENGTH);
    tail = buf.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
  if (!/^[0-9a-f]{64}$/.test(tail)) return false;
  return (await hashPrefix(file, size - SEAL_LENGTH)) === tail;
}
