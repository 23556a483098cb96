/**
 * Writes a zip from entries whose data is already compressed: the archive the guard checked, rebuilt so
 * that the next reader sees exactly those entries and nothing else (see guard.ts for why). Plain zip only
 * (no zip64): callers are bounded far below 4 GB and 65,535 entries.
 */
export interface RawZipEntry {
  /** The entry's name, written as UTF-8. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc32: number;
  /** Bytes the entry inflates to, as written in its headers. */
  size: number;
  /** The entry's data as stored in the archive (raw deflate for method 8). */
  compressed: Buffer;
}

const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: deflate, folders
const DOS_DATE_1980_01_01 = 0x0021;
const MAX_32 = 0xffffffff;

export function writeZip(entries: readonly RawZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new Error('too many entries for a plain zip');
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    if (e.size > MAX_32 || e.compressed.length > MAX_32 || offset > MAX_32) throw new Error('entry too large');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(e.crc32 >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    local.copy(record, 8, 6, 28); // flags, method, time, date, crc, sizes, name length
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, e.compressed);
    central.push(record, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(central);
  if (offset > MAX_32) throw new Error('archive too large');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
