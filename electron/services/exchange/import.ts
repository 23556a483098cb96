import fs from 'node:fs';
import path from 'node:path';
import { exchangeOrder } from '../../../db/records-exchange';
import {
  ackSentRows,
  insertPackage,
  lastSeq,
  markReceipt,
  nodeById,
  packageById,
  setPeerUnit,
  unitByUuid,
} from '../../../db/repos/exchange';
import { type ImportSummary, Invalid, applyData, emptySummary, readReceipt } from './apply';
import { FRAME, type PackageHeader, type ReceiptBody } from './format';
import { type Stage, Refusal, openPackageSteps } from './read';
import { type XchEnv, auditOf, ensureSelfKeys, peerFor, readContext, stagingDir } from './service';
import { type Written, writePackage } from './write';
import { faultPoint } from '../fault';
import type { Steps } from '../steps';

export interface ImportOutcome {
  status: 'accepted' | 'refused' | 'checked';
  stage: Stage | null;
  message: string;
  header:
    | (Pick<PackageHeader, 'packageId' | 'kind' | 'seq' | 'createdAt' | 'contents' | 'files' | 'audit'> & {
        from: string;
        fromName: string;
      })
    | null;
  summary: ImportSummary;
  /** Packages missing before this one from the same sender. */
  gap: number;
  receipt: Written | null;
}

const headerView = (h: PackageHeader): NonNullable<ImportOutcome['header']> => ({
  packageId: h.packageId,
  kind: h.kind,
  seq: h.seq,
  createdAt: h.createdAt,
  contents: h.contents,
  files: h.files,
  audit: h.audit,
  from: h.from.nodeId,
  fromName: h.from.name,
});

export function describeSummary(s: ImportSummary): string {
  const t = s.totals;
  return `新增 ${t.created}，更新 ${t.updated}，不变 ${t.unchanged}，冲突 ${t.conflicts}，错误 ${t.errors}`;
}

/**
 * Checks a package file and, when `commit`, imports it in the caller's transaction (a write handler's): all of it or
 * nothing. Without `commit` it is the dry run: the same checks and the same summary, nothing kept. A data package
 * imported, or refused for its records, answers with a receipt written to `receiptDir` (renamed after commit by the
 * caller's `afterCommit`). It goes step by step — decryption a step a chunk, then the records (apply.ts) — and,
 * stopped between steps, leaves nothing.
 */
export function* importSteps(env: XchEnv, file: string, commit: boolean, receiptDir?: string): Steps<ImportOutcome> {
  const staging = stagingDir(env.dataDir);
  yield { phase: '打开数据包', done: 0, total: 1 };
  let opened;
  try {
    opened = yield* openPackageSteps(file, readContext(env), staging);
  } catch (e) {
    if (e instanceof Refusal)
      return {
        status: 'refused',
        stage: e.stage,
        message: e.message,
        header: null,
        summary: emptySummary(),
        gap: 0,
        receipt: null,
      };
    throw e;
  }
  const h = opened.header;
  const peer = nodeById(env.sqlite, h.from.nodeId)!;
  const out = (status: ImportOutcome['status'], stage: Stage | null, message: string, summary = emptySummary()) => ({
    status,
    stage,
    message,
    header: headerView(h),
    summary,
    gap: opened.gap,
    receipt: null as Written | null,
  });
  const record = (contents: unknown, detail?: string) =>
    insertPackage(env.sqlite, {
      packageId: h.packageId,
      direction: 'in',
      kind: h.kind,
      peerNode: h.from.nodeId,
      seq: h.seq,
      at: env.now,
      createdAt: h.createdAt,
      fileName: path.basename(file),
      sha256: opened.sha256,
      sizeBytes: opened.sizeBytes,
      contents: JSON.stringify(contents),
      auditHead: JSON.stringify(h.audit),
      receiptAt: null,
      receiptStatus: detail ? 'accepted' : null,
      receiptDetail: detail ?? null,
      by: env.by,
    });
  try {
    if (h.kind === 'receipt') {
      let r: ReceiptBody;
      try {
        r = readReceipt(opened.plainFile);
      } catch (e) {
        if (e instanceof Invalid) return out('refused', 'validation', e.message);
        throw e;
      }
      const sent = packageById(env.sqlite, r.forPackage);
      if (!sent || sent.direction !== 'out' || sent.peerNode !== h.from.nodeId)
        return out('refused', 'validation', '回执所对应的数据包不是本机发给该节点的');
      const msg = `“${peer.name}”${r.status === 'accepted' ? '已接收' : '拒收了'}第 ${r.forSeq} 号数据包：${r.message}`;
      if (!commit) return out('checked', null, msg);
      markReceipt(env.sqlite, sent.packageId, env.now, r.status, JSON.stringify(r));
      if (r.status === 'accepted') ackSentRows(env.sqlite, h.from.nodeId, sent.packageId);
      record({ receiptFor: r.forPackage, status: r.status });
      return out('accepted', null, msg);
    }
    let applied;
    try {
      applied = yield* applyData({
        sqlite: env.sqlite,
        header: h,
        plainFile: opened.plainFile,
        stagingDir: staging,
        dataDir: env.dataDir,
        order: exchangeOrder(env.sqlite),
        selfNode: env.nodeId,
        senderIsParent: peer.relation === 'parent',
        senderUnit: peer.relation === 'child' && peer.unitUuid ? senderUnit(env, peer.unitUuid) : null,
        commit,
      });
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const o = out('refused', 'validation', `${e.message}；整个数据包未导入`);
      if (commit) o.receipt = writeReceipt(env, h, 'refused', o.message, {}, receiptDir ?? path.dirname(file));
      return o;
    }
    const s = applied.summary;
    const clean = s.totals.errors === 0 && s.totals.conflicts === 0;
    const stage: Stage | null = s.totals.errors > 0 ? 'validation' : s.totals.conflicts > 0 ? 'conflict' : null;
    const message = clean
      ? `${commit ? '已导入' : '可以导入'}：${describeSummary(s)}`
      : `有${[
          s.totals.errors > 0 ? `错误 ${s.totals.errors} 条` : '',
          s.totals.conflicts > 0 ? `冲突 ${s.totals.conflicts} 条` : '',
        ]
          .filter(Boolean)
          .join('、')}，整个数据包未导入，本机数据未改动`;
    if (!commit) return out(clean ? 'checked' : 'refused', stage, message, s);
    const counts = Object.fromEntries(Object.entries(s.totals));
    const o = out(applied.committed ? 'accepted' : 'refused', stage, message, s);
    faultPoint('exchange:before-commit:kill');
    if (applied.committed) {
      record({ tables: h.contents, files: h.files, summary: s.totals }, message);
      // the parent says this installation is one unit's: from now on only that unit's reports go up
      if (peer.relation === 'parent' && h.to.unit) setPeerUnit(env.sqlite, env.nodeId, h.to.unit.uuid, true);
    }
    o.receipt = writeReceipt(
      env,
      h,
      applied.committed ? 'accepted' : 'refused',
      message,
      counts,
      receiptDir ?? path.dirname(file),
    );
    return o;
  } finally {
    fs.rmSync(opened.plainFile, { force: true });
  }
}

/** The receipt (回执) package for the sender: what was accepted and what not, and its audit head as it arrived. */
function writeReceipt(
  env: XchEnv,
  h: PackageHeader,
  status: 'accepted' | 'refused',
  message: string,
  counts: Record<string, number>,
  dir: string,
): Written {
  const { peer, key } = peerFor(env, h.from.nodeId);
  const self = ensureSelfKeys(env.sqlite, env.nodeId, env.now);
  const seq = lastSeq(env.sqlite, peer.id, 'out', 'receipt') + 1;
  const body: ReceiptBody = {
    forPackage: h.packageId,
    forSeq: h.seq,
    status,
    message,
    counts,
    auditHeadReceived: h.audit,
  };
  const w = writePackage({
    kind: 'receipt',
    from: { nodeId: env.nodeId, name: env.selfName, signPublic: self.signPublic, signPrivate: self.signPrivate! },
    to: { nodeId: peer.id, name: peer.name, boxPublic: key.boxPublic },
    seq,
    createdAt: env.now,
    schemaVersion: env.schemaVersion,
    appVersion: env.appVersion,
    audit: auditOf(env.sqlite),
    outDir: dir,
    // eslint-disable-next-line require-yield -- a receipt is one frame: nothing to say meanwhile
    body: function* (wr) {
      wr.frame(FRAME.receipt, Buffer.from(JSON.stringify(body)));
      wr.frame(FRAME.end, Buffer.alloc(0));
      return { contents: {}, files: 0, fileBytes: 0 };
    },
  });
  insertPackage(env.sqlite, {
    packageId: w.header.packageId,
    direction: 'out',
    kind: 'receipt',
    peerNode: peer.id,
    seq,
    at: env.now,
    createdAt: env.now,
    fileName: path.basename(w.file),
    sha256: w.sha256,
    sizeBytes: w.sizeBytes,
    contents: JSON.stringify({ receiptFor: h.packageId, status }),
    auditHead: JSON.stringify(w.header.audit),
    receiptAt: null,
    receiptStatus: null,
    receiptDetail: null,
    by: env.by,
  });
  return w;
}

/** The unit whose installation the sender is (a deleted unit: id -1, so nothing of it is accepted). */
function senderUnit(env: XchEnv, uuid: string): { id: number; name: string } {
  return unitByUuid(env.sqlite, uuid) ?? { id: -1, name: '（已删除的单位）' };
}
