import zlib from 'node:zlib';

/**
 * A small zip writer and reader for the document engine. The writer stores entries already compressed: the parts
 * that are the same in every file are deflated once and kept, which neither the docx package's zipping nor yazl
 * (it compresses what it is given, and cannot take deflated data) allows. The reader reads the .docx files the
 * engine (or the docx package) wrote. No zip64, no encryption, no data descriptors: none of those files has them.
 */

export interface ZipEntry {
  name: string;
  /** The data, deflated (raw DEFLATE, method 8). */
  deflated: Buffer;
  crc: number;
  size: number;
}

export function deflateEntry(name: string, data: Buffer, level = zlib.constants.Z_DEFAULT_COMPRESSION): ZipEntry {
  return { name, deflated: zlib.deflateRawSync(data, { level }), crc: zlib.crc32(data), size: data.length };
}

/** MS-DOS date and time of a moment, local time as zip tools read it. */
function dosTime(d: Date): [time: number, date: number] {
  return [
    (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  ];
}

export function writeZip(entries: ZipEntry[], when = new Date()): Buffer {
  const [time, date] = dosTime(when);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    local.copy(dir, 6, 4, 30); // version needed … name length, as in the local header
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.deflated);
    central.push(dir, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dirSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

const notZip = () => new Error('不是有效的 .docx 文件（无法读取其压缩包结构）');

export interface ZipFileEntry {
  crc: number;
  size: number;
  /** Its data, inflated. */
  read(): Buffer;
}

/** A zip's entries by name, each inflated only when read. */
export function readZip(zip: Buffer): Map<string, ZipFileEntry> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw notZip();
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, ZipFileEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw notZip();
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw notZip();
    const from = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(from, from + packed);
    if (data.length !== packed || (method !== 0 && method !== 8)) throw notZip();
    out.set(name, {
      crc,
      size,
      read() {
        const bytes = method === 8 ? zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }) : data;
        if (bytes.length !== size || zlib.crc32(bytes) !== crc) throw notZip();
        return bytes;
      },
    });
    at += 46 + skip;
  }
  return out;
}
