import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../contract';
import { UPLOAD_LIMITS, type UploadKind, tooLargeMessage } from '../contract/upload-limits';
import type { HandlerContext } from './handler';
import { workTag } from './leftovers';

/** An upload is kept this long for the channel that takes it (a preview and then its import). */
export const UPLOAD_TTL_MS = 2 * 60 * 60 * 1000;
/** A user's uploads beyond this many: the oldest goes. */
export const UPLOADS_PER_USER = 10;

interface Entry {
  id: string;
  file: string;
  kind: UploadKind;
  userId: number;
  fileName: string;
  size: number;
  at: number;
}

/** The transfer stopped early: the browser closed, the network dropped, the program was stopped. */
const INTERRUPTED = '文件上传中断，未接收；请重新选择文件上传。';

/**
 * Files sent as files: streamed into the data folder's tmp (a folder of this process, swept at the next start if it
 * dies), cut off at the kind's limit, then handed to a channel by id. Only the user who uploaded a file may use it.
 */
export class UploadStore {
  private readonly entries = new Map<string, Entry>();
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(dataDir, 'tmp', `${workTag('uploads')}${randomBytes(4).toString('hex')}`);
  }

  /**
   * Streams a file in. A declared size past the limit is refused before a byte is read; a stream that passes it is
   * cut off there. Whatever stops it early leaves no file behind.
   */
  async receive(
    source: Readable,
    o: { kind: UploadKind; fileName: string; userId: number; declaredSize?: number },
  ): Promise<{ uploadId: string; size: number }> {
    const limit = UPLOAD_LIMITS[o.kind].bytes;
    if ((o.declaredSize ?? 0) > limit) throw new AppError('TOO_LARGE', tooLargeMessage(o.kind, o.fileName));
    this.sweep();
    fs.mkdirSync(this.dir, { recursive: true });
    const id = randomBytes(18).toString('base64url');
    const file = path.join(this.dir, id);
    const part = `${file}.part`;
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > limit) done(new AppError('TOO_LARGE', tooLargeMessage(o.kind, o.fileName)));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, fs.createWriteStream(part, { flags: 'wx' }));
      if (o.declaredSize !== undefined && size !== o.declaredSize) throw new AppError('INVALID_INPUT', INTERRUPTED);
      if (size === 0) throw new AppError('INVALID_INPUT', `文件“${o.fileName}”是空的，未接收。`);
      fs.renameSync(part, file);
    } catch (e) {
      fs.rmSync(part, { force: true });
      if (e instanceof AppError) throw e;
      throw new AppError('INVALID_INPUT', INTERRUPTED);
    }
    this.entries.set(id, { id, file, kind: o.kind, userId: o.userId, fileName: o.fileName, size, at: this.now() });
    this.trim(o.userId);
    return { uploadId: id, size };
  }

  /** The bytes of an upload, for the user who sent it and the kind it was sent as. */
  bytes(id: string, userId: number | null, kind: UploadKind): Buffer {
    const e = this.entries.get(id);
    if (!e || e.userId !== userId || e.kind !== kind || this.now() - e.at > UPLOAD_TTL_MS)
      throw new AppError('NOT_FOUND', '上传的文件已过期或不存在，请重新选择文件。');
    try {
      return fs.readFileSync(e.file);
    } catch {
      this.entries.delete(id);
      throw new AppError('NOT_FOUND', '上传的文件已过期或不存在，请重新选择文件。');
    }
  }

  /** How many files are held now (tests). */
  get size(): number {
    return this.entries.size;
  }

  private drop(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    fs.rmSync(e.file, { force: true });
  }

  private sweep(): void {
    for (const e of [...this.entries.values()]) if (this.now() - e.at > UPLOAD_TTL_MS) this.drop(e.id);
  }

  private trim(userId: number): void {
    const mine = [...this.entries.values()].filter((e) => e.userId === userId).sort((a, b) => a.at - b.at);
    for (const e of mine.slice(0, Math.max(0, mine.length - UPLOADS_PER_USER))) this.drop(e.id);
  }

  /** Removes every held file (the app closing). */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A channel's file: inline bytes (command line, tests) checked against the kind's limit, or the caller's own upload.
 */
export function fileBytes(
  ctx: HandlerContext,
  input: { fileName: string; uploadId?: string; base64?: string },
  kind: UploadKind,
): Buffer {
  if (input.uploadId) return ctx.app.uploads.bytes(input.uploadId, ctx.caller.userId, kind);
  const bytes = Buffer.from(input.base64 ?? '', 'base64');
  if (bytes.length > UPLOAD_LIMITS[kind].bytes) throw new AppError('TOO_LARGE', tooLargeMessage(kind, input.fileName));
  return bytes;
}
