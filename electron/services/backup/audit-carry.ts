import type Database from 'better-sqlite3';
import { auditHashAt, auditLast, auditRows, replaceAuditRows, verifyAuditChain } from '../../../db/repos/audit';

type Head = { seq: number; hash: string } | null;

/** What a restore did with the audit trail: the restored database never has a shorter trail than the live one. */
export interface AuditCarry {
  /** How the backup's trail relates to this installation's. */
  relation: 'prefix' | 'longer' | 'diverged' | 'foreign';
  /** Whose trail the restored database keeps. */
  kept: 'live' | 'backup';
  backupHead: Head;
  liveHead: Head;
  /** Where the two trails first differ, when they do. */
  divergesAt: number | null;
  /** The entries whose recorded operations the restore undid (they stay in the trail), when there are any. */
  rolledBack: { from: number; to: number } | null;
  /** What the auditor reads in the restore's entry. */
  summary: string;
}

/** The first sequence number at which the backup's trail differs from the live one (null: it never does). */
function firstDifference(live: Database.Database, copy: Database.Database): number | null {
  for (const row of auditRows(copy)) if (auditHashAt(live, row.seq) !== row.hash) return row.seq;
  return null;
}

/**
 * Before a restored copy replaces the live database, gives it the longer of the two trails, so that a restore never
 * shortens the audit history: an old genuine backup brings back old data but not an old trail, and a backup whose
 * trail was cut or edited (then resealed) is told apart by its hashes and its trail is not taken. Only a new
 * installation adopting another one's backup takes the backup's trail; the restore's entry records the head it
 * replaced.
 */
export function carryAuditForward(live: Database.Database, copy: Database.Database, foreign: boolean): AuditCarry {
  const liveHead = auditLast(live);
  const backupHead = auditLast(copy);
  const copyIntact = verifyAuditChain(copy).ok;
  const base = { backupHead, liveHead, divergesAt: null, rolledBack: null };
  if (foreign) {
    const n = liveHead ? liveHead.seq : 0;
    return {
      ...base,
      relation: 'foreign',
      kept: 'backup',
      summary:
        `新安装采用备份中的审计日志（至序号 ${backupHead?.seq ?? 0}）` +
        (n > 0 ? `；本机原有的 ${n} 条记录（至序号 ${n}，校验值 ${liveHead!.hash.slice(0, 16)}…）不再保留` : ''),
    };
  }
  const divergesAt = copyIntact ? firstDifference(live, copy) : 1;
  const b = backupHead?.seq ?? 0;
  const l = liveHead?.seq ?? 0;
  if (divergesAt === null && b <= l) {
    replaceAuditRows(copy, live);
    return {
      ...base,
      relation: 'prefix',
      kept: 'live',
      rolledBack: l > b ? { from: b + 1, to: l } : null,
      summary:
        `数据恢复到备份时的状态（审计日志至序号 ${b}）` +
        (l > b ? `；序号 ${b + 1} 至 ${l} 所记的操作被回退，这些审计记录全部保留` : '；备份之后没有新的操作'),
    };
  }
  if (divergesAt === null || (divergesAt > l && copyIntact)) {
    // the backup's trail holds all of this one and more: this installation's trail had lost its newest entries
    return {
      ...base,
      relation: 'longer',
      kept: 'backup',
      summary:
        `备份中的审计日志（至序号 ${b}）比本机的（至序号 ${l}）更长，已采用备份中的审计日志，本机的记录都包含在内；` +
        `本机审计日志在恢复前缺少序号 ${l + 1} 至 ${b} 的记录`,
    };
  }
  replaceAuditRows(copy, live);
  return {
    ...base,
    relation: 'diverged',
    kept: 'live',
    divergesAt,
    rolledBack: l >= divergesAt ? { from: divergesAt, to: l } : null,
    summary:
      `备份中的审计日志与本机记录自序号 ${divergesAt} 起不一致（备份中的审计日志可能被改动），未采用；` +
      `已保留本机的审计日志（至序号 ${l}）。备份的审计日志至序号 ${b}` +
      (backupHead ? `，校验值 ${backupHead.hash.slice(0, 16)}…` : ''),
  };
}
