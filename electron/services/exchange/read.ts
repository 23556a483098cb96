import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CHUNK, TAG, recipientKey, verifyWith } from './crypto';
import { LIMITS, MAGIC, type PackageHeader, TRAILER, bodyAad, headerSchema, signedBytes } from './format';
import { openBody } from './frames';
import type { Steps } from '../steps';

/**
 * The checks of EXCHANGE.md in their order, each stopping at the first failure before anything untrusted is used:
 * size → known sender key → signature → addressed to this node → not imported before → sequence → schema → body hash →
 * decryption (every chunk authenticated before its bytes are kept). What passes is a decrypted body file that the
 * validation (apply.ts) then reads.
 */
export const STAGES = [
  'size',
  'format',
  'key',
  'signature',
  'recipient',
  'duplicate',
  'replay',
  'schema',
  'hash',
  'decryption',
  'validation',
  'conflict',
] as const;
export type Stage = (typeof STAGES)[number];

export const stageLabels: Record<Stage, string> = {
  size: '大小检查',
  format: '格式检查',
  key: '发送方密钥',
  signature: '签名',
  recipient: '收件方',
  duplicate: '重复导入',
  replay: '重放与顺序',
  schema: '数据结构版本',
  hash: '内容校验值',
  decryption: '解密',
  validation: '记录校验',
  conflict: '记录冲突',
};

export class Refusal extends Error {
  constructor(
    readonly stage: Stage,
    message: string,
  ) {
    super(message);
  }
}

export interface KnownKey {
  nodeId: string;
  status: 'trusted' | 'replaced' | 'revoked';
}

/** What the reader asks of the database, so it stays free of it. */
export interface ReadContext {
  selfNodeId: string;
  selfBox: { public: string; private: string };
  schemaVersion: number;
  keyOf(signPublic: string): KnownKey | null;
  nodeName(nodeId: string): string | null;
  alreadyImported(packageId: string): boolean;
  lastSeq(sender: string, kind: PackageHeader['kind']): number;
}

export interface Opened {
  header: PackageHeader;
  /** The decrypted body, in the staging folder; the caller removes it. */
  plainFile: string;
  sizeBytes: number;
  sha256: string;
  /** A gap in the sender's sequence (packages missing in between), reported, not refused. */
  gap: number;
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = fs.readSync(fd, b, got, len - got, pos + got);
    if (n === 0) break;
    got += n;
  }
  if (got !== len) throw new Refusal('size', '文件在读取中途变短，可能仍在复制或 U 盘已拔出');
  return b;
}

/** Reads the header and checks everything that does not need the body. */
export function checkHeader(fd: number, size: number, ctx: ReadContext): { header: PackageHeader; json: Buffer } {
  if (size < MAGIC.length + TRAILER + 2) throw new Refusal('size', `文件只有 ${size} 字节，不是完整的数据包`);
  if (size > LIMITS.fileBytes) throw new Refusal('size', `文件有 ${(size / 2 ** 30).toFixed(1)} GB，超过数据包上限`);
  if (!readAt(fd, 0, MAGIC.length).equals(MAGIC)) throw new Refusal('format', '不是考评系统的数据交换包（文件头不对）');
  const trailer = readAt(fd, size - TRAILER, TRAILER);
  const headerLen = trailer.readUInt32BE(0);
  if (headerLen > LIMITS.headerBytes || headerLen > size - MAGIC.length - TRAILER)
    throw new Refusal('size', '数据包的说明部分长度不对：文件被截断、追加了内容或已损坏');
  const json = readAt(fd, size - TRAILER - headerLen, headerLen);
  let header: PackageHeader;
  try {
    header = headerSchema.parse(JSON.parse(json.toString('utf8')));
  } catch {
    throw new Refusal('format', '数据包的说明部分无法识别：文件被截断、改动或已损坏');
  }
  const bodyLength = size - MAGIC.length - TRAILER - headerLen;
  const b = header.body;
  const fullChunks = (b.chunks - 1) * (CHUNK + TAG);
  if (
    b.length !== bodyLength ||
    b.chunks > Math.ceil(LIMITS.plainBytes / CHUNK) + 1 ||
    bodyLength <= fullChunks - 1 ||
    bodyLength - fullChunks < TAG ||
    bodyLength - fullChunks > CHUNK + TAG ||
    b.plainLength !== bodyLength - b.chunks * TAG
  )
    throw new Refusal(
      'size',
      `数据包长度与其说明不符（应为 ${b.length} 字节，实为 ${bodyLength}）：文件被截断或追加了内容`,
    );
  const totalRecords = Object.values(header.contents).reduce((a, n) => a + n, 0);
  if (b.plainLength > LIMITS.plainBytes || totalRecords > LIMITS.records || header.files > LIMITS.files)
    throw new Refusal('size', '数据包声明的内容超过上限（记录数、附件数或解开后的大小），已拒绝');

  const key = ctx.keyOf(header.from.signPublic);
  const name = ctx.nodeName(header.from.nodeId);
  if (!key || !name)
    throw new Refusal('key', `发送方“${header.from.name.slice(0, 40)}”的密钥本机不认识：请先导入并核对对方的注册文件`);
  if (key.nodeId !== header.from.nodeId) throw new Refusal('key', '数据包所用密钥不属于它声称的发送方');
  if (key.status === 'revoked') throw new Refusal('key', `发送方“${name}”的这把密钥已被吊销，用它签名的数据包一律拒收`);
  if (key.status === 'replaced')
    throw new Refusal('key', `发送方“${name}”已更换密钥，这个数据包用的是旧密钥，请对方用新密钥重新导出`);
  const sig = trailer.subarray(4);
  if (!verifyWith(header.from.signPublic, signedBytes(json), sig))
    throw new Refusal('signature', `数据包的签名不对：内容在签名后被改动，或并非“${name}”所发`);
  if (header.to.nodeId !== ctx.selfNodeId)
    throw new Refusal('recipient', `这个数据包是发给“${header.to.name.slice(0, 40)}”的，不是发给本机的`);
  if (header.to.boxPublic !== ctx.selfBox.public)
    throw new Refusal('recipient', '这个数据包是用本机已更换的旧密钥加密的，请对方导入本机新的注册文件后重新导出');
  if (ctx.alreadyImported(header.packageId)) throw new Refusal('duplicate', '这个数据包已经导入过，本次未做任何改动');
  const last = ctx.lastSeq(header.from.nodeId, header.kind);
  if (header.seq <= last)
    throw new Refusal(
      'replay',
      `数据包序号 ${header.seq} 不大于已收到的第 ${last} 号：这是重放或顺序颠倒的旧数据包，已拒收`,
    );
  if (header.schemaVersion > ctx.schemaVersion)
    throw new Refusal(
      'schema',
      `数据包来自更新版本的软件（数据结构第 ${header.schemaVersion} 版，本机为第 ${ctx.schemaVersion} 版），请升级软件后再导入`,
    );
  return { header, json };
}

/**
 * All checks up to decryption; the decrypted body is written to `stagingDir` and its path returned. It says how far
 * the decryption has got (a step a chunk); a caller that stops it leaves no file behind.
 */
export function* openPackageSteps(file: string, ctx: ReadContext, stagingDir: string): Steps<Opened> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new Refusal('size', `无法打开文件“${path.basename(file)}”`);
  }
  const plainFile = path.join(
    stagingDir,
    `body-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.bin`,
  );
  let kept = false;
  try {
    const size = fs.fstatSync(fd).size;
    const { header } = checkHeader(fd, size, ctx);
    const key = recipientKey(ctx.selfBox.private, ctx.selfBox.public, header.enc.ephemeral, header.packageId);
    fs.mkdirSync(stagingDir, { recursive: true });
    const out = fs.openSync(plainFile, 'w');
    const bodyHash = createHash('sha256');
    const whole = createHash('sha256').update(MAGIC);
    let opened;
    try {
      opened = yield* openBody(
        (pos, len) => readAt(fd, pos, len),
        { offset: MAGIC.length, length: header.body.length, chunks: header.body.chunks },
        key,
        Buffer.from(header.enc.noncePrefix, 'base64'),
        bodyAad(header),
        (sealed) => {
          bodyHash.update(sealed);
          whole.update(sealed);
        },
        (plain) => {
          let at = 0;
          while (at < plain.length) at += fs.writeSync(out, plain, at);
        },
      );
    } finally {
      fs.closeSync(out);
    }
    if (bodyHash.digest('hex') !== header.body.sha256)
      throw new Refusal('hash', '数据包内容的校验值不对：内容在导出后被改动或 U 盘上的文件已损坏');
    if (!opened.ok || opened.plainLength !== header.body.plainLength)
      throw new Refusal('decryption', '数据包无法解密：它不是为本机加密的，或内容被改动、截断、调换了顺序');
    whole.update(readAt(fd, MAGIC.length + header.body.length, size - MAGIC.length - header.body.length));
    const gap = header.seq - ctx.lastSeq(header.from.nodeId, header.kind) - 1;
    kept = true;
    return { header, plainFile, sizeBytes: size, sha256: whole.digest('hex'), gap };
  } finally {
    // refused, failed or stopped by a cancel: no decrypted byte stays on disk
    if (!kept) fs.rmSync(plainFile, { force: true });
    fs.closeSync(fd);
  }
}
