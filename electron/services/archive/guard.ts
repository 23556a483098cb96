import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../../contract';

/**
 * Zip archives from outside (Excel workbooks now, exchange packages later) are walked here before anything
 * else reads them, so that a small file that inflates to gigabytes (a "zip bomb") is refused within the
 * limits instead of filling memory. Nothing inflated is kept: memory stays small whatever the file says.
 *
 * - The entry count is read from the end record and refused before a single entry is read.
 * - Every entry's declared size, and their sum, is refused before anything is inflated.
 * - Declared sizes can lie, so the bytes that actually come out are counted while streaming, across all
 *   entries (overlapping entries included), and the walk stops the moment the total passes the limit.
 * - A name repeated, or (strictNames) one that could leave a folder: absolute, "..", backslashes.
 *
 * Zip readers disagree on malformed archives (how many directory records to read, where the directory
 * starts), so a second reader handed the same bytes could see entries this one never counted. Callers
 * that pass the archive on (Excel) keep the compressed data (keepCompressed) and hand the next reader the
 * archive rebuilt from the checked entries (write.ts) instead of the bytes they were given.
 */
export interface ZipLimits {
  /** Most entries (files and folders) the archive may hold. */
  maxEntries: number;
  /** Most bytes all entries together may inflate to: declared, and as counted while inflating. */
  maxExpandedBytes: number;
}

export interface GuardOptions extends ZipLimits {
  /** Refuse names that could leave a folder when extracted: absolute, "..", backslashes. */
  strictNames?: boolean;
  /** Keep each entry's compressed data, to rebuild the archive as checked. */
  keepCompressed?: boolean;
}

export type ZipRefusal =
  | { kind: 'entries'; limit: number }
  | { kind: 'expanded'; limitBytes: number }
  /** Unsafe (strictNames) or repeated. */
  | { kind: 'name'; name: string }
  /** Not a zip, truncated, encrypted, an unknown compression, a size that does not match its data. */
  | { kind: 'damaged'; detail: string };

export interface CheckedEntry {
  name: string;
  method: 0 | 8;
  crc32: number;
  /** Bytes the entry inflated to, as counted. */
  size: number;
  /** The data as stored in the archive, when keepCompressed; else null. */
  compressed: Buffer | null;
}

export type ZipCheck = { ok: true; entries: CheckedEntry[] } | { ok: false; refusal: ZipRefusal };

class Refused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal.kind);
  }
}

const damaged = (detail: string) => new Refused({ kind: 'damaged', detail });

function openZip(source: Buffer | string): Promise<yauzl.ZipFile> {
  // sizes are checked here, by counting, so that a lie past the limit is reported as that and not as a mismatch
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, z?: yauzl.ZipFile) => (e || !z ? reject(e ?? new Error('no zip')) : resolve(z));
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

/** The central directory's records, without reading any data. */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on('error', reject);
    zip.on('end', () => resolve(list));
    zip.on('entry', (entry: yauzl.Entry) => {
      list.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function openRaw(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, { decodeFileData: false }, (e, s) =>
      e || !s ? reject(e ?? new Error('no stream')) : resolve(s),
    ),
  );
}

function entryName(entry: yauzl.Entry, strict: boolean): string {
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, strict);
  if (strict && yauzl.validateFileName(name) !== null) throw new Refused({ kind: 'name', name });
  return name;
}

/** An entry this small (compressed, and as declared) is read whole and inflated in one call: no stream each. */
const SMALL_COMPRESSED = 64 * 1024;
const SMALL_DECLARED = 1024 * 1024;

async function readRaw(zip: yauzl.ZipFile, entry: yauzl.Entry, source: Buffer | string): Promise<Buffer> {
  if (typeof source !== 'string') {
    // bounds are checked by yauzl against the archive's size
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    return source.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of await openRaw(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What a small entry inflates to, never more than it declares; null when it holds more (a lie). */
function inflatedSize(entry: yauzl.Entry, data: Buffer): number | null {
  if (entry.compressionMethod === 0) return data.length;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) }).length;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw damaged((e as Error).message);
  }
}

interface Walk {
  zip: yauzl.ZipFile;
  source: Buffer | string;
  limitBytes: number;
  keep: boolean;
}

/** Inflates one entry into nothing, counting; `room` is what is left of the limit. */
async function expand(
  { zip, source, limitBytes, keep }: Walk,
  entry: yauzl.Entry,
  room: number,
): Promise<{ size: number; compressed: Buffer | null }> {
  if (entry.generalPurposeBitFlag & 0x1) throw damaged('encrypted entry');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw damaged(`compression method ${entry.compressionMethod}`);
  if (entry.compressedSize <= SMALL_COMPRESSED && entry.uncompressedSize <= SMALL_DECLARED) {
    const data = await readRaw(zip, entry, source);
    const size = inflatedSize(entry, data);
    if (size !== null) {
      if (size > room) throw new Refused({ kind: 'expanded', limitBytes });
      if (size !== entry.uncompressedSize) throw damaged(`size ${size} declared ${entry.uncompressedSize}`);
      return { size, compressed: keep ? data : null };
    }
    // it holds more than it says: count it as it streams, below
  }
  const raw = await openRaw(zip, entry);
  const kept: Buffer[] = [];
  let size = 0;
  const stages: (Readable | Transform | Writable)[] = [raw];
  if (keep)
    stages.push(
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          kept.push(chunk);
          cb(null, chunk);
        },
      }),
    );
  if (entry.compressionMethod === 8) stages.push(zlib.createInflateRaw({ chunkSize: 64 * 1024 }));
  stages.push(
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        cb(size > room ? new Refused({ kind: 'expanded', limitBytes }) : null);
      },
    }),
  );
  try {
    await pipeline(stages);
  } catch (e) {
    if (e instanceof Refused) throw e;
    throw damaged((e as Error).message);
  }
  if (size !== entry.uncompressedSize) throw damaged(`size ${size} declared ${entry.uncompressedSize}`);
  return { size, compressed: keep ? Buffer.concat(kept) : null };
}

/** Walks a zip (its bytes, or a file path) within the limits; see the top of this file. */
export async function guardZip(source: Buffer | string, opts: GuardOptions): Promise<ZipCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch (e) {
    return { ok: false, refusal: { kind: 'damaged', detail: (e as Error).message } };
  }
  try {
    if (zip.entryCount > opts.maxEntries) throw new Refused({ kind: 'entries', limit: opts.maxEntries });
    const listed = await listEntries(zip).catch((e: Error) => {
      throw damaged(e.message);
    });
    const expandedRefusal = new Refused({ kind: 'expanded', limitBytes: opts.maxExpandedBytes });
    let declared = 0;
    const names = new Set<string>();
    const named = listed.map((entry) => {
      declared += entry.uncompressedSize;
      if (declared > opts.maxExpandedBytes) throw expandedRefusal;
      const name = entryName(entry, opts.strictNames ?? false);
      if (names.has(name)) throw new Refused({ kind: 'name', name });
      names.add(name);
      return { entry, name };
    });
    const walk: Walk = { zip, source, limitBytes: opts.maxExpandedBytes, keep: opts.keepCompressed ?? false };
    const entries: CheckedEntry[] = [];
    let expanded = 0;
    for (const { entry, name } of named) {
      const { size, compressed } = await expand(walk, entry, opts.maxExpandedBytes - expanded);
      expanded += size;
      entries.push({ name, method: entry.compressionMethod as 0 | 8, crc32: entry.crc32, size, compressed });
    }
    return { ok: true, entries };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    return { ok: false, refusal: { kind: 'damaged', detail: (e as Error).message } };
  } finally {
    zip.close();
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * The user's message for a refusal by the limits (too many entries, too large once inflated); null for
 * the others, whose wording depends on what the file was meant to be (an Excel file, a package …).
 */
export function limitError(fileName: string, refusal: ZipRefusal): AppError | null {
  if (refusal.kind === 'expanded')
    return new AppError(
      'TOO_LARGE',
      `文件“${fileName}”展开后超过 ${mb(refusal.limitBytes)} MB（可能是损坏或恶意构造的文件），未读取。`,
    );
  if (refusal.kind === 'entries')
    return new AppError('TOO_LARGE', `文件“${fileName}”包含的条目过多（超过 ${refusal.limit} 个），未读取。`);
  return null;
}
