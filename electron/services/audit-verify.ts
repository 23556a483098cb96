import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { iterateAudit, verifyAuditChain } from '../../db/repos/audit';
import { GAP_ACTION, type KnownAnchor, checkAnchor } from './audit-anchors';
import { BACKUP_EXT } from './backup/format';
import { readBackup } from './backup/read';

export interface TrailLoss {
  message: string;
  /** When the app found it and wrote it into the trail; null for a loss found only now, by this check. */
  recordedAt: number | null;
}

interface RecordedGap {
  at: number;
  lostFrom: number | null;
  lostTo: number;
  message: string;
}

function recordedGaps(sqlite: Database.Database): RecordedGap[] {
  const out: RecordedGap[] = [];
  for (const row of iterateAudit(sqlite, { action: GAP_ACTION })) {
    try {
      const d = JSON.parse(row.detail) as { lostFrom: number | null; lostTo: number; message: string };
      out.push({ at: row.at, lostFrom: d.lostFrom, lostTo: d.lostTo, message: d.message });
    } catch {
      out.push({
        at: row.at,
        lostFrom: null,
        lostTo: row.seq,
        message: `序号 ${row.seq} 之前的审计记录曾被删除或改写`,
      });
    }
  }
  return out;
}

/** An anchor taken before a loss the trail already records, within its range, is explained by it. */
const explained = (a: KnownAnchor, gaps: RecordedGap[]) =>
  gaps.some((g) => a.at <= g.at && a.seq <= g.lostTo && (g.lostFrom === null || a.seq >= g.lostFrom));

/** The audit anchors in the manifests of this node's backups (the backups folder and every recorded backup). */
export async function backupAnchors(files: string[], nodeId: string): Promise<KnownAnchor[]> {
  const out: KnownAnchor[] = [];
  for (const file of new Set(files)) {
    try {
      const { manifest: m } = await readBackup(file, { manifestOnly: true });
      if (m.nodeId === nodeId && m.audit) out.push({ nodeId, ...m.audit, at: m.createdAt, source: 'backup', file });
    } catch {
      // a damaged or missing backup holds no anchor we can trust
    }
  }
  return out;
}

export function backupFilesIn(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(BACKUP_EXT))
        .map((f) => path.join(dir, f))
    : [];
}

/**
 * Verifies the trail: the chain entry by entry, then its end against every anchor known (the two anchor files, the
 * backups' manifests, the checkpoints typed in from paper), and the losses the app found earlier and wrote into the
 * trail. Any of them makes the result not ok, each with its range.
 */
export function verifyTrail(sqlite: Database.Database, anchors: KnownAnchor[]) {
  const chain = verifyAuditChain(sqlite);
  const gaps = recordedGaps(sqlite);
  const losses: TrailLoss[] = gaps.map((g) => ({ message: g.message, recordedAt: g.at }));
  const seen = new Set<string>();
  for (const a of [...anchors].sort((x, y) => y.seq - x.seq)) {
    const gap = checkAnchor(sqlite, a);
    if (!gap || explained(a, gaps)) continue;
    const key = `${gap.kind}:${gap.headSeq}`;
    if (seen.has(key) && a.source !== 'checkpoint') continue; // an older anchor of the same cut adds nothing
    seen.add(key);
    losses.push({ message: gap.message, recordedAt: null });
  }
  return { ...chain, ok: chain.ok && losses.length === 0, losses, anchorsChecked: anchors.length };
}
