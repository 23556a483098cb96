import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../attachments';
import { ephemeral, senderKey, signWith } from './crypto';
import { FORMAT_VERSION, MAGIC, PACKAGE_EXT, type PackageHeader, bodyAad, signedBytes } from './format';
import { SealedWriter } from './frames';
import { type Steps, drain } from '../steps';

export interface Party {
  nodeId: string;
  name: string;
}

export interface WriteSpec {
  kind: PackageHeader['kind'];
  from: Party & { signPublic: string; signPrivate: string };
  to: Party & { boxPublic: string; unit?: { uuid: string; name: string } };
  seq: number;
  createdAt: number;
  schemaVersion: number;
  appVersion: string;
  audit: PackageHeader['audit'];
  outDir: string;
  /** Writes the body's frames, saying how far it has got; returns what it wrote, for the header. */
  body(w: SealedWriter): Steps<{ contents: Record<string, number>; files: number; fileBytes: number }>;
  packageId?: string;
}

export interface Written {
  header: PackageHeader;
  /** The finished file's name: written first under a temporary name, renamed by `commit`. */
  file: string;
  temp: string;
  sha256: string;
  sizeBytes: number;
  commit(): void;
  discard(): void;
}

/** The file name says from whom, for whom, which sequence and what kind, so a stick's folder reads at a glance. */
export function packageFileName(h: Pick<PackageHeader, 'kind' | 'seq' | 'from' | 'to' | 'packageId'>): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '').slice(0, 20) || '节点';
  const kind = h.kind === 'receipt' ? '回执' : '数据';
  const seq = String(h.seq).padStart(4, '0');
  return `${safe(h.from.name)}至${safe(h.to.name)}-${kind}-${seq}-${h.packageId.slice(0, 8)}${PACKAGE_EXT}`;
}

/**
 * Writes a package in one pass to a temporary name in `outDir`, flushes it, reads it back and checks its hash. The
 * caller renames it (`commit`) once the record of the package is committed, or removes it (`discard`).
 */
export const writePackage = (spec: WriteSpec): Written => drain(writeSteps(spec));

/** The same, step by step (the body's own steps, then the read-back a step a MiB); stopped, it leaves no file. */
export function* writeSteps(spec: WriteSpec): Steps<Written> {
  const packageId = spec.packageId ?? randomUUID();
  const eph = ephemeral();
  const key = senderKey(eph.private, eph.public, spec.to.boxPublic, packageId);
  const prefix = randomBytes(7);
  const base = {
    packageId,
    kind: spec.kind,
    seq: spec.seq,
    from: { nodeId: spec.from.nodeId, name: spec.from.name, signPublic: spec.from.signPublic },
    to: {
      nodeId: spec.to.nodeId,
      name: spec.to.name,
      boxPublic: spec.to.boxPublic,
      ...(spec.to.unit ? { unit: spec.to.unit } : {}),
    },
  };
  fs.mkdirSync(spec.outDir, { recursive: true });
  const file = path.join(spec.outDir, packageFileName(base));
  const temp = path.join(spec.outDir, `.${path.basename(file)}.${process.pid}.part`);
  const fd = fs.openSync(temp, 'w');
  const whole = createHash('sha256');
  const bodyHash = createHash('sha256');
  const put = (b: Buffer) => {
    let at = 0;
    while (at < b.length) at += fs.writeSync(fd, b, at);
    whole.update(b);
  };
  let closed = false;
  let kept = false;
  try {
    put(MAGIC);
    const w = new SealedWriter(key, prefix, bodyAad(base), (sealed) => {
      bodyHash.update(sealed);
      put(sealed);
    });
    const made = yield* spec.body(w);
    const chunks = w.finish();
    const header: PackageHeader = {
      format: FORMAT_VERSION,
      ...base,
      createdAt: spec.createdAt,
      schemaVersion: spec.schemaVersion,
      appVersion: spec.appVersion,
      audit: spec.audit,
      contents: made.contents,
      files: made.files,
      fileBytes: made.fileBytes,
      enc: {
        alg: 'X25519-HKDF-SHA256-AES-256-GCM-STREAM',
        ephemeral: eph.public,
        noncePrefix: prefix.toString('base64'),
        chunkSize: 64 * 1024,
      },
      body: { length: w.written, sha256: bodyHash.digest('hex'), plainLength: w.plainLength, chunks },
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const signed = signedBytes(json);
    put(signed.subarray(MAGIC.length));
    put(signWith(spec.from.signPrivate, signed));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    closed = true;
    const sha256 = whole.digest('hex');
    const back = yield* readBackHash(temp);
    if (back !== sha256) throw new Error('写入后读回校验不一致：U 盘可能已损坏或被拔出，请换一个 U 盘重新导出。');
    const sizeBytes = fs.statSync(temp).size;
    kept = true;
    return {
      header,
      file,
      temp,
      sha256,
      sizeBytes,
      commit: () => {
        fs.renameSync(temp, file);
        fsyncDir(spec.outDir);
      },
      discard: () => fs.rmSync(temp, { force: true }),
    };
  } finally {
    // failed or stopped by a cancel: no part of the package stays on the stick
    if (!closed) fs.closeSync(fd);
    if (!kept) fs.rmSync(temp, { force: true });
  }
}

function* readBackHash(file: string): Steps<string> {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  const total = Math.ceil(fs.fstatSync(fd).size / buf.length);
  try {
    for (let i = 0; ; i++) {
      yield { phase: '读回校验', done: i, total };
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}
