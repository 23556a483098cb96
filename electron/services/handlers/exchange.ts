import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../contract';
import { keysOf, lastSeq, listNodes, listPackages, trustedKey, unitByUuid } from '../../../db/repos/exchange';
import { type ImportOutcome, importSteps } from '../exchange/import';
import { stageLabels } from '../exchange/read';
import { RegistrationError } from '../exchange/registration';
import {
  ExchangeError,
  type XchEnv,
  acceptRegistration,
  ensureSelfKeys,
  exportSteps,
  exportRegistration,
  inspectRegistration,
  replaceSelfKeys,
  revokePeer,
  acceptRevocation,
  bindPeerUnit,
} from '../exchange/service';
import { type HandlerContext, type Handlers, stepped } from '../handler';
import type { Steps } from '../steps';
import { recordArrivedRectifications, recordArrivedReplies } from './notices-arrived';
import { readBasicSettings } from './settings';

/** What everyone else is told while a package is written or read (the database is held for it). */
export const BUSY = {
  export: '正在导出数据包（打包、加密、写入 U 盘并读回校验），请等它完成后再操作。',
  inspect: '正在试导入数据包（核对签名、解密并逐条检查），请等它完成后再操作。',
  import: '正在导入数据包（核对签名、解密并逐条写入），请等它完成后再操作。',
};

function xenv(ctx: HandlerContext): XchEnv {
  return {
    sqlite: ctx.sqlite,
    dataDir: ctx.env.dataDir,
    nodeId: ctx.env.nodeId,
    selfName: readBasicSettings(ctx).unitName || '本机',
    schemaVersion: ctx.env.schemaVersion,
    appVersion: ctx.env.appVersion,
    now: ctx.now,
    by: ctx.caller.username,
  };
}

/** A bound child's unit; one deleted since is still named, so the office sees what to fix. */
function unitView(ctx: HandlerContext, uuid: string): { id: number | null; name: string } {
  const u = unitByUuid(ctx.sqlite, uuid);
  return u ? { id: u.id, name: u.name } : { id: null, name: '（该单位已删除）' };
}

/** Expected refusals of the exchange become the caller's Chinese message; anything else stays an internal error. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    return said(e);
  }
}

/** The same for work done in steps (a package written or read while the job shows how far it has got). */
function* guardedSteps<T>(g: Steps<T>): Steps<T> {
  try {
    return yield* g;
  } catch (e) {
    return said(e);
  }
}

function said(e: unknown): never {
  if (e instanceof RegistrationError || e instanceof ExchangeError) throw new AppError('RULE_VIOLATION', e.message);
  if (e instanceof Error && /ENOENT|EACCES|EPERM|ENOSPC|EROFS|EIO/.test(String((e as NodeJS.ErrnoException).code)))
    throw new AppError('STORAGE', `无法读写“${(e as NodeJS.ErrnoException).path ?? ''}”：${storageWhy(e)}`);
  throw e;
}

function storageWhy(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return '文件或文件夹不存在（U 盘是否已拔出？）';
    case 'ENOSPC':
      return 'U 盘空间不足';
    case 'EROFS':
      return 'U 盘是只读的';
    default:
      return '没有权限或设备出错';
  }
}

function outcomeView(o: ImportOutcome) {
  return {
    status: o.status,
    stage: o.stage,
    stageLabel: o.stage ? stageLabels[o.stage] : null,
    message: o.message,
    header: o.header,
    summary: o.summary,
    gap: o.gap,
    receiptFile: o.receipt?.file ?? null,
  };
}

const parseJson = (s: string | null): Record<string, unknown> => {
  try {
    return s ? (JSON.parse(s) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Where a package may go: removable drives first (mounted sticks), then the user's folders. */
function drives(): { path: string; label: string; removable: boolean }[] {
  const out: { path: string; label: string; removable: boolean }[] = [];
  const extra = process.env.KAOPING_REMOVABLE_DIRS?.split(path.delimiter).filter(Boolean) ?? [];
  for (const d of extra) out.push({ path: d, label: `可移动磁盘（${path.basename(d) || d}）`, removable: true });
  if (process.platform === 'win32') {
    for (const l of 'DEFGHIJKLMNOPQRSTUVWXYZ') {
      const p = `${l}:\\`;
      if (fs.existsSync(p)) out.push({ path: p, label: `${l} 盘`, removable: l !== 'C' && l !== 'D' });
    }
  } else {
    const user = os.userInfo().username;
    for (const root of [`/media/${user}`, `/run/media/${user}`, '/media', '/mnt']) {
      if (!fs.existsSync(root)) continue;
      for (const name of fs.readdirSync(root)) {
        const p = path.join(root, name);
        if (name !== user && fs.statSync(p).isDirectory())
          out.push({ path: p, label: `可移动磁盘（${name}）`, removable: true });
      }
    }
  }
  out.push({ path: path.join(os.homedir(), 'Desktop'), label: '桌面', removable: false });
  out.push({ path: os.homedir(), label: '用户文件夹', removable: false });
  const seen = new Set<string>();
  return out
    .filter((d) => !seen.has(d.path) && (seen.add(d.path), true))
    .sort((a, b) => Number(b.removable) - Number(a.removable));
}

export const exchangeHandlers: Handlers<
  | 'exchange.overview'
  | 'exchange.drives'
  | 'exchange.registrationExport'
  | 'exchange.registrationInspect'
  | 'exchange.registrationAccept'
  | 'exchange.bindUnit'
  | 'exchange.replaceKeys'
  | 'exchange.revoke'
  | 'exchange.revocationImport'
  | 'exchange.export'
  | 'exchange.inspect'
  | 'exchange.import'
> = {
  'exchange.overview': (ctx) => {
    const e = xenv(ctx);
    const self = trustedKey(ctx.sqlite, e.nodeId) ?? ensureSelfKeys(ctx.sqlite, e.nodeId, e.now);
    const packages = listPackages(ctx.sqlite);
    const all = listNodes(ctx.sqlite);
    const selfUnit = all.find((n) => n.isSelf)?.unitUuid ?? null;
    const names = new Map(all.map((n) => [n.id, n.name]));
    const nodes = all
      .filter((n) => !n.isSelf && n.relation !== 'self')
      .map((n) => {
        const key = keysOf(ctx.sqlite, n.id)[0];
        const last = (dir: 'out' | 'in') => {
          const p = packages.find((x) => x.peerNode === n.id && x.direction === dir && x.kind === 'data');
          return p
            ? { seq: p.seq, at: p.at }
            : lastSeq(ctx.sqlite, n.id, dir, 'data')
              ? { seq: lastSeq(ctx.sqlite, n.id, dir, 'data'), at: 0 }
              : null;
        };
        return {
          id: n.id,
          name: n.name,
          relation: n.relation as 'parent' | 'child',
          fingerprint: key?.fingerprint ?? null,
          keyStatus: key?.status ?? ('none' as const),
          lastSent: last('out'),
          lastReceived: last('in'),
          awaitingReceipt: packages.filter(
            (p) => p.peerNode === n.id && p.direction === 'out' && p.kind === 'data' && !p.receiptAt,
          ).length,
          unit: n.unitUuid ? unitView(ctx, n.unitUuid) : null,
        };
      });
    return {
      self: {
        nodeId: e.nodeId,
        name: e.selfName,
        fingerprint: self.fingerprint,
        keySince: self.createdAt,
        unit: selfUnit ? unitView(ctx, selfUnit) : null,
      },
      nodes,
      packages: packages.map((p) => ({
        packageId: p.packageId,
        direction: p.direction,
        kind: p.kind,
        peerNode: p.peerNode,
        peerName: names.get(p.peerNode) ?? p.peerNode.slice(0, 8),
        seq: p.seq,
        at: p.at,
        fileName: p.fileName,
        sizeBytes: p.sizeBytes,
        contents: parseJson(p.contents),
        receiptAt: p.receiptAt,
        receiptStatus: p.receiptStatus,
        receiptMessage: p.receiptDetail ? String(parseJson(p.receiptDetail).message ?? p.receiptDetail) : null,
        by: p.by,
      })),
    };
  },
  'exchange.drives': () => drives(),
  'exchange.registrationExport': (ctx, input) => {
    const r = guarded(() => exportRegistration(xenv(ctx), input.dir));
    ctx.audit(r.file, { fingerprint: r.fingerprint });
    return r;
  },
  'exchange.registrationInspect': (ctx, input) => {
    const i = guarded(() => inspectRegistration(xenv(ctx), input.file));
    return {
      nodeId: i.reg.nodeId,
      name: i.reg.name,
      fingerprint: i.reg.fingerprint,
      knownAs: i.known && i.known.relation !== 'self' ? i.known.relation : null,
      sameKeys: i.same,
      replacesKnownKey: i.replacesKnown,
    };
  },
  'exchange.registrationAccept': (ctx, input) => {
    const r = guarded(() =>
      acceptRegistration(xenv(ctx), input.file, input.relation, input.fingerprint, input.unitId ?? null),
    );
    ctx.audit(r.node.nodeId, {
      name: r.node.name,
      relation: input.relation,
      fingerprint: r.fingerprint,
      changed: r.changed,
      unitId: input.unitId ?? null,
    });
    return { name: r.node.name, fingerprint: r.fingerprint, changed: r.changed };
  },
  'exchange.bindUnit': (ctx, input) => {
    const unitName = guarded(() => bindPeerUnit(xenv(ctx), input.nodeId, input.unitId));
    ctx.audit(input.nodeId, { unitId: input.unitId, unitName });
    return { unitName };
  },
  'exchange.replaceKeys': (ctx, input) => {
    const r = guarded(() => replaceSelfKeys(xenv(ctx), input.dir, input.compromised ?? false));
    ctx.audit(ctx.env.nodeId, {
      old: r.old,
      fingerprint: r.fingerprint,
      file: r.file,
      compromised: input.compromised ?? false,
      revocationFile: r.revocationFile,
    });
    return r;
  },
  'exchange.revocationImport': (ctx, input) => {
    const r = guarded(() => acceptRevocation(xenv(ctx), input.file));
    ctx.audit(input.file, r);
    return r;
  },
  'exchange.revoke': (ctx, input) => {
    const revoked = guarded(() => revokePeer(xenv(ctx), input.nodeId));
    if (revoked === 0) throw new AppError('NOT_FOUND', '这个节点没有可吊销的密钥');
    ctx.audit(input.nodeId, { revoked });
    return { revoked };
  },
  'exchange.export': stepped(BUSY.export, function* (ctx, input) {
    const w = yield* guardedSteps(exportSteps(xenv(ctx), input.nodeId, input.dir));
    ctx.onAbort(w.discard);
    ctx.afterCommit(w.commit);
    ctx.audit(w.header.packageId, { to: input.nodeId, seq: w.header.seq, contents: w.header.contents, file: w.file });
    return {
      file: w.file,
      seq: w.header.seq,
      contents: w.header.contents,
      files: w.header.files,
      sizeBytes: w.sizeBytes,
      sha256: w.sha256,
    };
  }),
  'exchange.inspect': stepped(BUSY.inspect, function* (ctx, input) {
    return outcomeView(yield* guardedSteps(importSteps(xenv(ctx), input.file, false)));
  }),
  'exchange.import': stepped(BUSY.import, function* (ctx, input) {
    const o = yield* guardedSteps(importSteps(xenv(ctx), input.file, true, input.receiptDir));
    const replied = o.status === 'accepted' ? recordArrivedReplies(ctx) : 0;
    const rectified = o.status === 'accepted' ? recordArrivedRectifications(ctx) : 0;
    if (o.receipt) {
      ctx.onAbort(o.receipt.discard);
      ctx.afterCommit(o.receipt.commit);
    }
    ctx.audit(o.header?.packageId ?? input.file, {
      status: o.status,
      stage: o.stage,
      message: o.message,
      from: o.header?.from ?? null,
      seq: o.header?.seq ?? null,
      senderAudit: o.header?.audit ?? null,
      totals: o.summary.totals,
      ...(replied ? { noticesReplied: replied } : {}),
      ...(rectified ? { rectificationsDone: rectified } : {}),
    });
    // what the units' replies and reports changed here, said with the import's own message
    const recorded = [
      replied ? `${replied} 份通知书记为已回复待审核` : '',
      rectified ? `${rectified} 个整改事项记为已完成待核验` : '',
    ].filter(Boolean);
    return outcomeView(recorded.length ? { ...o, message: `${o.message}；${recorded.join('，')}` } : o);
  }),
};
