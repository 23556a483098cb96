import fs from 'node:fs';
import { CHUNK, TAG, openChunk, sealChunk } from './crypto';
import { LIMITS } from './format';
import type { Steps } from '../steps';

/**
 * The body's two layers: frames (type ‖ u32 length ‖ payload) in a plaintext stream, sealed in chunks of 64 KiB. The
 * writer keeps one chunk in memory; the reader one chunk and one frame, whatever the package's size.
 */

export class SealedWriter {
  private buf = Buffer.alloc(CHUNK);
  private used = 0;
  private index = 0;
  plainLength = 0;
  written = 0;

  constructor(
    private readonly key: Buffer,
    private readonly prefix: Buffer,
    private readonly aad: Buffer,
    private readonly out: (sealed: Buffer) => void,
  ) {}

  private write(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) {
      if (this.used === CHUNK) this.flush(false);
      const n = Math.min(CHUNK - this.used, bytes.length - at);
      bytes.copy(this.buf, this.used, at, at + n);
      this.used += n;
      at += n;
    }
    this.plainLength += bytes.length;
  }

  private flush(final: boolean): void {
    const sealed = sealChunk(this.key, this.prefix, this.aad, this.index++, final, this.buf.subarray(0, this.used));
    this.used = 0;
    this.written += sealed.length;
    this.out(sealed);
  }

  frame(type: number, payload: Buffer): void {
    const head = Buffer.alloc(5);
    head[0] = type;
    head.writeUInt32BE(payload.length, 1);
    this.write(head);
    this.write(payload);
  }

  /** Seals what is left as the final chunk (an empty one when the last chunk was full). */
  finish(): number {
    this.flush(true);
    return this.index;
  }
}

/** Opens the sealed body chunk by chunk from `fd` at `offset`, writing each authenticated chunk's plaintext out. */
export interface OpenResult {
  ok: boolean;
  plainLength: number;
}

/** Yields after every chunk: a 200 MB package is some 3,200 steps. */
export function* openBody(
  read: (pos: number, len: number) => Buffer,
  body: { offset: number; length: number; chunks: number },
  key: Buffer,
  prefix: Buffer,
  aad: Buffer,
  onChunk: (sealed: Buffer) => void,
  out: (plain: Buffer) => void,
): Steps<OpenResult> {
  let pos = body.offset;
  const end = body.offset + body.length;
  let plainLength = 0;
  let ok = true;
  for (let i = 0; i < body.chunks; i++) {
    const final = i === body.chunks - 1;
    const len = final ? end - pos : CHUNK + TAG;
    yield { phase: '核对并解密', done: i, total: body.chunks };
    const sealed = read(pos, len);
    pos += len;
    onChunk(sealed);
    if (!ok) continue; // keep hashing so the hash check still reports first
    const plain = openChunk(key, prefix, aad, i, final, sealed);
    if (!plain || (!final && plain.length !== CHUNK)) {
      ok = false;
      continue;
    }
    plainLength += plain.length;
    out(plain);
  }
  return { ok, plainLength };
}

/** How much of the body file is read at once: a record is a few hundred bytes, so one read serves thousands. */
const BLOCK = 1 << 20;

/**
 * Reads frames back from a decrypted (authenticated) body file, one at a time, from blocks of 1 MiB (a frame larger
 * than a block is read whole). A frame's payload is a view of its block: used before the next frame is read.
 */
export class FrameReader {
  private pos = 0;
  private block = Buffer.alloc(0);
  /** The file offset of the block's first byte. */
  private blockAt = 0;
  private readonly size: number;
  constructor(private readonly fd: number) {
    this.size = fs.fstatSync(fd).size;
  }

  private read(len: number): Buffer {
    if (this.pos + len > this.blockAt + this.block.length) this.fill(len);
    const from = this.pos - this.blockAt;
    const got = Math.min(len, this.block.length - from);
    this.pos += got;
    if (got !== len) throw new FrameError('数据包内容在一条记录中间结束');
    return this.block.subarray(from, from + len);
  }

  /** A new block from the current position, at least `len` long where the file has it (never reused: see above). */
  private fill(len: number): void {
    const want = Math.min(Math.max(BLOCK, len), this.size - this.pos);
    const b = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const n = fs.readSync(this.fd, b, got, want - got, this.pos + got);
      if (n === 0) break;
      got += n;
    }
    this.block = b.subarray(0, got);
    this.blockAt = this.pos;
  }

  next(): { type: number; payload: Buffer } | null {
    if (this.pos >= this.size) return null;
    const head = this.read(5);
    const type = head[0]!;
    const len = head.readUInt32BE(1);
    if (len > LIMITS.frameBytes) throw new FrameError(`一条记录有 ${len} 字节，超过上限 ${LIMITS.frameBytes}`);
    return { type, payload: this.read(len) };
  }
}

export class FrameError extends Error {}
