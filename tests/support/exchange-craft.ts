import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { App } from '../../electron/services/app';
import { trustedKey } from '../../db/repos/exchange';
import { makeKeyPairs, signWith } from '../../electron/services/exchange/crypto';
import { FRAME, MAGIC, type PackageHeader, TRAILER, signedBytes } from '../../electron/services/exchange/format';
import type { SealedWriter } from '../../electron/services/exchange/frames';
import { writePackage } from '../../electron/services/exchange/write';

/**
 * Hostile packages made the way an attacker who holds a sender's key would make them: validly signed, so that they
 * pass the early checks and reach the later ones (recipient, replay, schema, hash, decryption, validation).
 */
export interface Sender {
  nodeId: string;
  name: string;
  signPublic: string;
  signPrivate: string;
}

export function senderOf(app: App, name = '示例市考评办'): Sender {
  const nodeId = app.env.nodeId;
  const k = trustedKey(app.opened.sqlite, nodeId)!;
  return { nodeId, name, signPublic: k.signPublic, signPrivate: k.signPrivate! };
}

export function recipientOf(app: App, name = '示例县考评办') {
  const k = trustedKey(app.opened.sqlite, app.env.nodeId)!;
  return { nodeId: app.env.nodeId, name, boxPublic: k.boxPublic };
}

export interface CraftSpec {
  from: Sender;
  to: { nodeId: string; name: string; boxPublic: string };
  seq: number;
  outDir: string;
  schemaVersion: number;
  kind?: PackageHeader['kind'];
  body(w: SealedWriter): { contents: Record<string, number>; files: number; fileBytes: number };
}

export function craft(s: CraftSpec): string {
  const w = writePackage({
    kind: s.kind ?? 'data',
    from: s.from,
    to: s.to,
    seq: s.seq,
    createdAt: Date.now(),
    schemaVersion: s.schemaVersion,
    appVersion: 'craft',
    audit: null,
    outDir: s.outDir,
    // a crafted body writes its frames at once: nothing to say meanwhile
    // eslint-disable-next-line require-yield
    body: function* (w) {
      return s.body(w);
    },
  });
  w.commit();
  return w.file;
}

export const json = (v: unknown) => Buffer.from(JSON.stringify(v));

/** Body: the given records (and files), with an end frame and honest counts. */
export function records(rows: { t: string }[], files: { name: string; bytes: Buffer; sha256?: string }[] = []) {
  return (w: SealedWriter) => {
    let fileBytes = 0;
    for (const f of files) {
      const sha256 = f.sha256 ?? createHash('sha256').update(f.bytes).digest('hex');
      w.frame(FRAME.file, json({ sha256, size: f.bytes.length, name: f.name }));
      for (let at = 0; at < f.bytes.length; at += 60_000) w.frame(FRAME.data, f.bytes.subarray(at, at + 60_000));
      fileBytes += f.bytes.length;
    }
    const contents: Record<string, number> = {};
    for (const r of rows) {
      w.frame(FRAME.record, json(r));
      contents[r.t] = (contents[r.t] ?? 0) + 1;
    }
    w.frame(FRAME.end, Buffer.alloc(0));
    return { contents, files: files.length, fileBytes };
  };
}

/** Rewrites a package's header and signs it again with the sender's key (the body stays as it was). */
export function resign(file: string, out: string, signPrivate: string, edit: (h: PackageHeader) => void): string {
  const bytes = fs.readFileSync(file);
  const headerLen = bytes.readUInt32BE(bytes.length - TRAILER);
  const headerAt = bytes.length - TRAILER - headerLen;
  const header = JSON.parse(bytes.subarray(headerAt, headerAt + headerLen).toString('utf8')) as PackageHeader;
  edit(header);
  const jsonBytes = Buffer.from(JSON.stringify(header));
  const signed = signedBytes(jsonBytes);
  fs.writeFileSync(
    out,
    Buffer.concat([bytes.subarray(0, headerAt), signed.subarray(MAGIC.length), signWith(signPrivate, signed)]),
  );
  return out;
}

/** A sender nobody registered. */
export function stranger(): Sender {
  const k = makeKeyPairs();
  return { nodeId: 'stranger-node', name: '冒名节点', signPublic: k.signPublic, signPrivate: k.signPrivate };
}

export const someBoxKey = () => makeKeyPairs().boxPublic;
export const noise = (n: number) => randomBytes(n);
