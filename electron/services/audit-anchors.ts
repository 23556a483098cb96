import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { appendAudit, auditHashAt, auditLast, firstWrittenAfter, hasTrail } from '../../db/repos/audit';
import { selfNodeIdAsFound } from '../../db/repos/nodes';

/**
 * The end of the audit trail, kept where an edit of the database file does not reach it: a file in the data folder
 * and one in the user's profile (outside the data folder), the manifest of every backup, every exchange package, and
 * the checkpoint the auditor prints and files. A trail whose end no longer matches an anchor lost entries (or had them
 * rewritten) since the anchor was taken.
 */
export interface Anchor {
  nodeId: string;
  seq: number;
  hash: string;
  at: number;
}

export type AnchorSource = 'data-folder' | 'profile' | 'backup' | 'checkpoint' | 'exchange';

/** An anchor with where it was found, for messages. */
export interface KnownAnchor extends Anchor {
  source: AnchorSource;
  /** The backup file, for an anchor read from a backup's manifest. */
  file?: string;
}

export const GAP_ACTION = 'audit.gap';
export const GAP_ACTOR = '系统（审计日志锚点核对）';
export const ANCHOR_DIR_ENV = 'KAOPING_ANCHOR_DIR';
const DATA_FOLDER_ANCHOR = 'audit-head.json';

/** Where the profile's anchors are kept: outside every data folder. */
export function defaultAnchorDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[ANCHOR_DIR_ENV] ? path.resolve(env[ANCHOR_DIR_ENV]) : path.join(os.homedir(), '.kaoping-anchors');
}

export const sourceLabels: Record<AnchorSource, string> = {
  'data-folder': '数据文件夹中的锚点',
  profile: '用户目录中的锚点',
  backup: '备份文件中的锚点',
  checkpoint: '纸质检查点',
  exchange: '上下级回执中的锚点',
};

function readAnchor(file: string): Anchor | null {
  try {
    const a = JSON.parse(fs.readFileSync(file, 'utf8')) as Anchor;
    if (typeof a.nodeId !== 'string' || !Number.isInteger(a.seq) || !/^[0-9a-f]{64}$/.test(a.hash)) return null;
    return { nodeId: a.nodeId, seq: a.seq, hash: a.hash, at: Number(a.at) || 0 };
  } catch {
    return null;
  }
}

function writeAnchor(file: string, a: Anchor): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(a));
    fs.renameSync(tmp, file);
  } catch {
    // an anchor that could not be written leaves the older one: it still catches a trail cut before it
  }
}

export interface GapFound {
  anchor: KnownAnchor;
  headSeq: number;
  /** 'shortened': entries up to the anchor are gone; 'rewritten': the anchor's entry is there with other content. */
  kind: 'shortened' | 'rewritten';
  /** The first entry lost, when known. */
  lostFrom: number | null;
  message: string;
}

export function gapMessage(
  a: KnownAnchor,
  headSeq: number,
  replacedFrom: number | null = null,
): { kind: GapFound['kind']; message: string; lostFrom: number | null } {
  const when = a.at > 0 ? `${new Date(a.at).toLocaleString('zh-CN', { hour12: false })}，` : '';
  const by = `${sourceLabels[a.source]}${a.file ? `“${path.basename(a.file)}”` : ''}（${when}序号 ${a.seq}）`;
  // entries written after the anchor was taken, at or below its number, stand where deleted ones stood
  const from = replacedFrom !== null ? Math.min(replacedFrom, headSeq + 1) : headSeq + 1;
  if (from <= a.seq) {
    return {
      kind: 'shortened',
      lostFrom: from,
      message: `审计日志被截短：依据${by}，缺少序号 ${from} 至 ${a.seq} 的记录`,
    };
  }
  return {
    kind: 'rewritten',
    lostFrom: null,
    message: `审计日志被改写：依据${by}，序号 ${a.seq} 的记录与锚点不符，该序号及之前的记录被删除或替换过`,
  };
}

/** Checks the trail against one anchor: null when its entry is there unchanged. */
export function checkAnchor(sqlite: Database.Database, a: KnownAnchor): GapFound | null {
  // a checkpoint typed in from paper may give the hash's first 16 or more digits
  if (a.seq === 0 || auditHashAt(sqlite, a.seq)?.startsWith(a.hash)) return null;
  const headSeq = auditLast(sqlite)?.seq ?? 0;
  const replacedFrom = a.at > 0 ? firstWrittenAfter(sqlite, a.seq, a.at) : null;
  return { anchor: a, headSeq, ...gapMessage(a, headSeq, replacedFrom) };
}

/**
 * The live anchors of one data folder. `advance` is called after every call and at start: it checks the trail
 * against the anchors first, and only moves them forward over a trail that still holds them; a trail that lost its
 * end gets an entry saying so (with the range) before the anchors move on, so the loss stays in the trail.
 */
export class AnchorKeeper {
  private last: Anchor | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly profileDir: string,
  ) {}

  /** The profile's file is keyed by node and by the data folder's path: two folders never share one. */
  private files(nodeId: string): { source: AnchorSource; file: string }[] {
    const key = createHash('sha256').update(path.resolve(this.dataDir)).digest('hex').slice(0, 16);
    return [
      { source: 'data-folder', file: path.join(this.dataDir, DATA_FOLDER_ANCHOR) },
      { source: 'profile', file: path.join(this.profileDir, `${nodeId}-${key}.json`) },
    ];
  }

  /** The anchors on disk for this node. */
  known(nodeId: string): KnownAnchor[] {
    const out: KnownAnchor[] = [];
    for (const f of this.files(nodeId)) {
      const a = readAnchor(f.file);
      if (a && a.nodeId === nodeId) out.push({ ...a, source: f.source });
    }
    return out;
  }

  /** `advance` on a database as found when opening it: nothing when it has no trail or no node yet. */
  advanceAsFound(sqlite: Database.Database, now: number): GapFound[] {
    const nodeId = selfNodeIdAsFound(sqlite);
    return nodeId && hasTrail(sqlite) ? this.advance(sqlite, nodeId, now) : [];
  }

  /** Checks, records any loss, moves the anchors to the head. Returns the losses found (already in the trail). */
  advance(sqlite: Database.Database, nodeId: string, now: number): GapFound[] {
    const head = auditLast(sqlite);
    const last = this.last?.nodeId === nodeId ? this.last : null;
    if (last && head && head.seq === last.seq && head.hash === last.hash) return [];
    // the files are read once (at start, or when the node changes); after that the anchor last written is the newest
    const anchors: KnownAnchor[] = last ? [{ ...last, source: 'data-folder' }] : this.known(nodeId);
    // the newest anchor that no longer holds tells the most; older ones it explains are not repeated
    const gap = anchors
      .sort((x, y) => y.seq - x.seq)
      .map((a) => checkAnchor(sqlite, a))
      .find((g) => g !== null);
    const gaps = gap ? [gap] : [];
    for (const g of gaps) {
      appendAudit(sqlite, {
        at: now,
        actor: GAP_ACTOR,
        role: '',
        action: GAP_ACTION,
        target: 'audit_log',
        detail: {
          kind: g.kind,
          message: g.message,
          lostFrom: g.lostFrom,
          lostTo: g.anchor.seq,
          anchor: { seq: g.anchor.seq, hash: g.anchor.hash, at: g.anchor.at, source: g.anchor.source },
        },
      });
    }
    const now2 = auditLast(sqlite);
    if (now2) {
      this.last = { nodeId, seq: now2.seq, hash: now2.hash, at: now };
      for (const f of this.files(nodeId)) writeAnchor(f.file, this.last);
    }
    return gaps;
  }
}
