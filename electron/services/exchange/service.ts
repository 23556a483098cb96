import path from 'node:path';
import type Database from 'better-sqlite3';
import { auditHead } from '../../../db/repos/audit';
import {
  type KeyRow,
  addKey,
  insertPackage,
  keyBySignPublic,
  lastReplacedKey,
  otherParent,
  lastSeq,
  nodeById,
  packageById,
  recordSentRow,
  retireKeys,
  revokeKey,
  setPeerUnit,
  trustedKey,
  unitById,
  unitByUuid,
  upsertPeer,
} from '../../../db/repos/exchange';
import { exchangeOrder, rowsForPeer } from '../../../db/records-exchange';
import { unitCondition, unitUpScope } from '../../../db/exchange-scope';
import { notSentDown, notSentUp } from '../../../db/schema/exchange';
import { fingerprint, makeKeyPairs } from './crypto';
import { FRAME, type PackageHeader } from './format';
import { carriesFile, fileLocation } from './files';
import type { ReadContext } from './read';
import {
  makeRegistration,
  makeRevocation,
  readRegistration,
  readRevocation,
  registrationFileName,
  RegistrationError,
  revocationFileName,
  writeDurably,
} from './registration';
import { type Written, writeSteps } from './write';
import { type Steps, drain } from '../steps';
import fs from 'node:fs';

/** What the exchange needs of the installation, for one call. */
export interface XchEnv {
  sqlite: Database.Database;
  dataDir: string;
  nodeId: string;
  selfName: string;
  schemaVersion: number;
  appVersion: string;
  now: number;
  by: string;
}

export class ExchangeError extends Error {}

export const stagingDir = (dataDir: string) => path.join(dataDir, 'exchange-staging');

/** This node's key pairs, made on first use (at setup: startApp calls it). */
export function ensureSelfKeys(sqlite: Database.Database, nodeId: string, now: number): KeyRow {
  const k = trustedKey(sqlite, nodeId);
  if (k?.signPrivate) return k;
  const pairs = makeKeyPairs();
  addKey(sqlite, { nodeId, ...pairs, fingerprint: fingerprint(pairs.signPublic, pairs.boxPublic), createdAt: now });
  return trustedKey(sqlite, nodeId)!;
}

/**
 * New key pairs for this node; the old ones sign the handover in the next registration file. When the old key leaked
 * (`compromised`), it is revoked instead: a revocation file signed by it goes with the new registration file, and the
 * registration carries no handover, so each office compares the new fingerprint before trusting it.
 */
export function replaceSelfKeys(
  env: XchEnv,
  dir: string,
  compromised = false,
): { file: string; fingerprint: string; old: string; revocationFile: string | null } {
  const old = ensureSelfKeys(env.sqlite, env.nodeId, env.now);
  let revocationFile: string | null = null;
  if (compromised) {
    const bytes = makeRevocation(
      {
        nodeId: env.nodeId,
        name: env.selfName,
        signPublic: old.signPublic,
        revokedAt: env.now,
        reason: '密钥可能已泄露',
      },
      old.signPrivate!,
    );
    revocationFile = writeDurably(dir, revocationFileName(env.selfName, env.nodeId, env.now), bytes);
  }
  retireKeys(env.sqlite, env.nodeId, compromised ? 'revoked' : 'replaced', env.now);
  return { ...exportRegistration(env, dir), old: old.fingerprint, revocationFile };
}

/**
 * Reads a peer's revocation file and revokes the key it names. It needs no fingerprint check: it can only take trust
 * away, and only the holder of the key could have signed it.
 */
export function acceptRevocation(env: XchEnv, file: string): { name: string; fingerprint: string; revoked: boolean } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new RegistrationError(`无法读取文件“${path.basename(file)}”`);
  }
  const rev = readRevocation(bytes);
  if (rev.nodeId === env.nodeId) throw new RegistrationError('这是本机自己的吊销文件，应交给上级或下级导入');
  const key = keyBySignPublic(env.sqlite, rev.signPublic);
  const node = nodeById(env.sqlite, rev.nodeId);
  if (!key || key.nodeId !== rev.nodeId || !node)
    throw new RegistrationError(`本机没有登记过“${rev.name}”的这把密钥，无需吊销`);
  const changed = revokeKey(env.sqlite, rev.signPublic, env.now) > 0;
  return { name: node.name, fingerprint: key.fingerprint, revoked: changed };
}

function registrationOf(env: XchEnv, k: KeyRow, previous: KeyRow | null) {
  const bytes = makeRegistration(
    { nodeId: env.nodeId, name: env.selfName, signPublic: k.signPublic, boxPublic: k.boxPublic, createdAt: env.now },
    k.signPrivate!,
    previous?.signPrivate ? { signPublic: previous.signPublic, signPrivate: previous.signPrivate } : null,
  );
  return { bytes, fingerprint: k.fingerprint };
}

/** Writes this node's registration file to `dir` (a stick); a replaced key's handover goes with the newest. */
export function exportRegistration(env: XchEnv, dir: string): { file: string; fingerprint: string } {
  const k = ensureSelfKeys(env.sqlite, env.nodeId, env.now);
  const r = registrationOf(env, k, lastReplacedKey(env.sqlite, env.nodeId));
  return {
    file: writeDurably(dir, registrationFileName(env.selfName, env.nodeId, env.now), r.bytes),
    fingerprint: r.fingerprint,
  };
}

export function inspectRegistration(env: XchEnv, file: string) {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new RegistrationError(`无法读取文件“${path.basename(file)}”`);
  }
  const reg = readRegistration(bytes);
  if (reg.nodeId === env.nodeId) throw new RegistrationError('这是本机自己的注册文件，应交给上级或下级导入');
  const known = nodeById(env.sqlite, reg.nodeId);
  const current = known ? trustedKey(env.sqlite, reg.nodeId) : null;
  const same = current?.signPublic === reg.signPublic && current.boxPublic === reg.boxPublic;
  const replacesKnown = !!current && !same && reg.previous?.signPublic === current.signPublic;
  return { reg, known, current, same, replacesKnown };
}

/**
 * Trusts the node of a registration file, after the fingerprint the user compared with the other office: a new peer
 * becomes the parent or a child; a known peer with new keys has its old ones marked replaced.
 */
export function acceptRegistration(
  env: XchEnv,
  file: string,
  relation: 'parent' | 'child',
  confirmed: string,
  unitId: number | null = null,
) {
  const i = inspectRegistration(env, file);
  if (unitId !== null && relation !== 'child')
    throw new RegistrationError('只有下级可以指定为某个单位的安装；上级不能指定单位');
  const unit = unitId === null ? null : unitById(env.sqlite, unitId);
  if (unitId !== null && !unit) throw new RegistrationError('没有这个单位，或它已被删除');
  const norm = (s: string) => s.replace(/[^0-9A-F]/gi, '').toUpperCase();
  if (norm(confirmed) !== norm(i.reg.fingerprint))
    throw new RegistrationError('核对的指纹与注册文件不一致：请与对方办公室重新核对，未做任何改动');
  if (i.known && i.known.relation !== relation)
    throw new RegistrationError(
      `“${i.known.name}”已登记为${i.known.relation === 'parent' ? '上级' : '下级'}，不能改为另一种关系`,
    );
  if (relation === 'parent') {
    const other = otherParent(env.sqlite, i.reg.nodeId);
    if (other) throw new RegistrationError(`本机已有上级“${other}”，一个节点只能有一个上级`);
  }
  if (i.same) {
    if (unit) setPeerUnit(env.sqlite, i.reg.nodeId, unit.uuid);
    return { node: i.reg, fingerprint: i.reg.fingerprint, changed: false };
  }
  if (keyBySignPublic(env.sqlite, i.reg.signPublic))
    throw new RegistrationError('这把密钥曾被更换或吊销，不能再次信任');
  upsertPeer(env.sqlite, i.reg.nodeId, i.reg.name, relation, env.now);
  if (unit) setPeerUnit(env.sqlite, i.reg.nodeId, unit.uuid);
  retireKeys(env.sqlite, i.reg.nodeId, 'replaced', env.now);
  addKey(env.sqlite, {
    nodeId: i.reg.nodeId,
    signPublic: i.reg.signPublic,
    boxPublic: i.reg.boxPublic,
    signPrivate: null,
    boxPrivate: null,
    fingerprint: i.reg.fingerprint,
    createdAt: env.now,
  });
  return { node: i.reg, fingerprint: i.reg.fingerprint, changed: true };
}

/**
 * Binds a child to the unit whose installation it is (a department or township PC): packages to it then carry only
 * what concerns that unit. `null` makes it a lower-level office again, which receives everything it does not own.
 */
export function bindPeerUnit(env: XchEnv, nodeId: string, unitId: number | null): string | null {
  const unit = unitId === null ? null : unitById(env.sqlite, unitId);
  if (unitId !== null && !unit) throw new ExchangeError('没有这个单位，或它已被删除');
  const n = nodeById(env.sqlite, nodeId);
  if (!n || n.isSelf) throw new ExchangeError('没有这个下级节点');
  if (n.relation !== 'child') throw new ExchangeError(`“${n.name}”是本机的上级，不能指定为某个单位的安装`);
  setPeerUnit(env.sqlite, nodeId, unit?.uuid ?? null);
  return unit?.name ?? null;
}

export function revokePeer(env: XchEnv, nodeId: string): number {
  if (nodeId === env.nodeId) throw new ExchangeError('本机的密钥请用“更换密钥”');
  return retireKeys(env.sqlite, nodeId, 'revoked', env.now);
}

/** The reader's view of this database. */
export function readContext(env: XchEnv): ReadContext {
  const self = ensureSelfKeys(env.sqlite, env.nodeId, env.now);
  return {
    selfNodeId: env.nodeId,
    selfBox: { public: self.boxPublic, private: self.boxPrivate! },
    schemaVersion: env.schemaVersion,
    keyOf: (s) => keyBySignPublic(env.sqlite, s),
    nodeName: (id) => {
      const n = nodeById(env.sqlite, id);
      return n && !n.isSelf ? n.name : null;
    },
    alreadyImported: (id) => !!packageById(env.sqlite, id),
    lastSeq: (sender, kind) => lastSeq(env.sqlite, sender, 'in', kind),
  };
}

export function peerFor(env: XchEnv, peerId: string) {
  const peer = nodeById(env.sqlite, peerId);
  if (!peer || peer.isSelf) throw new ExchangeError('没有这个上级或下级节点，请先导入并核对它的注册文件');
  const key = trustedKey(env.sqlite, peerId);
  if (!key) throw new ExchangeError(`“${peer.name}”没有可信的密钥（已吊销或更换）：请先导入它新的注册文件`);
  return { peer, key };
}

/** Common header parts of a package from this node. */
function sender(env: XchEnv) {
  const k = ensureSelfKeys(env.sqlite, env.nodeId, env.now);
  return { nodeId: env.nodeId, name: env.selfName, signPublic: k.signPublic, signPrivate: k.signPrivate! };
}

export function auditOf(sqlite: Database.Database): PackageHeader['audit'] {
  const h = auditHead(sqlite);
  return h ? { seq: h.seq, hash: h.hash, count: h.count } : null;
}

const wireValue = (v: unknown) =>
  Buffer.isBuffer(v) ? { $b64: v.toString('base64') } : typeof v === 'bigint' ? Number(v) : v;

/**
 * Writes a data package for a peer (call inside the write's transaction: the package and the rows it carries are
 * recorded in it; the file is renamed from its temporary name after commit by the caller).
 */
export const exportData = (env: XchEnv, peerId: string, outDir: string): Written =>
  drain(exportSteps(env, peerId, outDir));

/** The same, step by step: a step every 256 records and every file, then the read-back (write.ts). */
export function* exportSteps(env: XchEnv, peerId: string, outDir: string): Steps<Written> {
  const { peer, key } = peerFor(env, peerId);
  const seq = lastSeq(env.sqlite, peerId, 'out', 'data') + 1;
  const toParent = peer.relation === 'parent';
  const unit = toParent || !peer.unitUuid ? null : unitByUuid(env.sqlite, peer.unitUuid);
  if (!toParent && peer.unitUuid && unit === null)
    throw new ExchangeError(`“${peer.name}”对应的单位在本机已不存在：请在“节点与指纹”中重新指定它对应的单位`);
  const unitId = unit?.id ?? null;
  // this installation is one unit's (unit mode): only what that unit may report goes up
  const selfUnit = toParent ? (nodeById(env.sqlite, env.nodeId)?.unitUuid ?? null) : null;
  const order = exchangeOrder(env.sqlite);
  const sent: { tbl: string; uuid: string; version: number }[] = [];
  const written = yield* writeSteps({
    kind: 'data',
    from: sender(env),
    to: {
      nodeId: peer.id,
      name: peer.name,
      boxPublic: key.boxPublic,
      ...(unit && peer.unitUuid ? { unit: { uuid: peer.unitUuid, name: unit.name } } : {}),
    },
    seq,
    createdAt: env.now,
    schemaVersion: env.schemaVersion,
    appVersion: env.appVersion,
    audit: auditOf(env.sqlite),
    outDir,
    body: function* (w) {
      const contents: Record<string, number> = {};
      const filesDone = new Set<string>();
      let fileBytes = 0;
      let count = 0;
      for (const [i, s] of order.entries()) {
        const step = () => ({ phase: `读出记录并加密写入（已写 ${count} 条）`, done: i, total: order.length });
        yield step();
        if (!toParent && notSentDown.includes(s.table)) continue;
        if (toParent && notSentUp.includes(s.table)) continue;
        if (selfUnit && !unitUpScope[s.table]) continue;
        const scope = unitId === null ? undefined : unitCondition(s.table, unitId);
        if (scope === null) continue;
        for (const r of rowsForPeer(env.sqlite, s, env.nodeId, peerId, toParent, scope)) {
          if (carriesFile(r.fields) && r.deletedAt === null && !filesDone.has(String(r.fields.sha256))) {
            const sha = String(r.fields.sha256);
            const file = fileLocation(env.dataDir, s.table, r.fields);
            fileBytes += writeFileFrames(w, file, sha);
            filesDone.add(sha);
            yield step();
          }
          const f: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(r.fields)) f[k] = wireValue(v);
          const wire = {
            t: s.table,
            u: r.uuid,
            o: r.owner,
            v: r.version,
            c: r.createdAt,
            m: r.updatedAt,
            d: r.deletedAt,
            f,
          };
          w.frame(FRAME.record, Buffer.from(JSON.stringify(wire)));
          contents[s.table] = (contents[s.table] ?? 0) + 1;
          sent.push({ tbl: s.table, uuid: r.uuid, version: r.version });
          if (++count % 256 === 0) yield step();
        }
      }
      w.frame(FRAME.end, Buffer.alloc(0));
      return { contents, files: filesDone.size, fileBytes };
    },
  });
  for (const s of sent) recordSentRow(env.sqlite, written.header.packageId, s.tbl, s.uuid, s.version);
  insertPackage(env.sqlite, {
    packageId: written.header.packageId,
    direction: 'out',
    kind: 'data',
    peerNode: peerId,
    seq,
    at: env.now,
    createdAt: env.now,
    fileName: path.basename(written.file),
    sha256: written.sha256,
    sizeBytes: written.sizeBytes,
    contents: JSON.stringify({ tables: written.header.contents, files: written.header.files }),
    auditHead: JSON.stringify(written.header.audit),
    receiptAt: null,
    receiptStatus: null,
    receiptDetail: null,
    by: env.by,
  });
  return written;
}

function writeFileFrames(w: { frame(t: number, p: Buffer): void }, file: string, sha256: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new ExchangeError(`要发送的文件“${path.basename(file)}”在本机找不到，数据包未生成：请先在备份中找回该文件`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    w.frame(FRAME.file, Buffer.from(JSON.stringify({ sha256, size, name: path.basename(file) })));
    const buf = Buffer.alloc(60 * 1024);
    let total = 0;
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) {
      w.frame(FRAME.data, buf.subarray(0, n));
      total += n;
    }
    if (total !== size) throw new ExchangeError(`文件“${path.basename(file)}”在读取时变化了，请重试`);
    return size;
  } finally {
    fs.closeSync(fd);
  }
}
