import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract';
import { insertBackupRow, recordedBackupFiles } from '../../../db/repos/backups';
import { countUsers } from '../../../db/repos/users';
import { createBackup } from '../backup/create';
import { BACKUP_EXT, type BackupSummary, summaryOf } from '../backup/format';
import { readBackup, requireFinished } from '../backup/read';
import type { RestoreOutcome } from '../backup/restore';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { readBasicSettings } from './settings';
import { workTag } from '../leftovers';

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

export function recordBackup(ctx: Pick<HandlerContext, 'db'>, b: BackupSummary & { sha256: string }): void {
  insertBackupRow(ctx.db, b);
}

export function backupNow(ctx: HandlerContext, kind: 'manual' | 'auto' | 'pre-restore' | 'pre-import', dir?: string) {
  return createBackup({
    sqlite: ctx.sqlite,
    dataDir: ctx.env.dataDir,
    outDir: dir ?? backupsDir(ctx.env.dataDir),
    kind,
    by: ctx.caller.username,
    appVersion: ctx.env.appVersion,
    nodeId: ctx.env.nodeId,
    unitName: readBasicSettings(ctx).unitName,
    now: ctx.now,
  });
}

/** What the auditor reads of a restore: the file, the safety copy, and what the restore rolled back. */
function restoreDetail(file: string, o: RestoreOutcome) {
  return {
    file,
    safetyBackup: o.safetyBackup,
    backupMadeAt: o.restored.createdAt,
    summary: o.audit.summary,
    trail: o.audit.relation,
    rolledBack: o.audit.rolledBack,
    backupHead: o.audit.backupHead,
    headBefore: o.audit.liveHead,
  };
}

export const backupHandlers: Handlers<
  'backup.list' | 'backup.create' | 'backup.inspect' | 'backup.restore' | 'backup.restoreNew'
> = {
  'backup.list': async (ctx) => {
    const dir = backupsDir(ctx.env.dataDir);
    const recorded = new Set(recordedBackupFiles(ctx.db));
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(BACKUP_EXT)) : [];
    const out = [];
    for (const f of files) {
      const file = path.join(dir, f);
      try {
        // listing reads only what it must: the full check happens on inspect and restore
        const r = await readBackup(file, { manifestOnly: true });
        out.push({ ...summaryOf(file, r.manifest, r.sizeBytes), recorded: recorded.has(file) });
      } catch {
        // a damaged file is left out of the list; inspecting it by path says why
      }
    }
    return { dir, backups: out.sort((a, b) => b.createdAt - a.createdAt) };
  },

  'backup.create': prepared(
    (ctx, input) => backupNow(ctx, 'manual', input.dir),
    (ctx, _input, b) => {
      recordBackup(ctx, b);
      ctx.audit(`backup:${b.fileName}`, { file: b.file, sizeBytes: b.sizeBytes, sha256: b.sha256 });
      const { sha256: _sha, ...summary } = b;
      return summary;
    },
  ),

  'backup.inspect': async (ctx, input) => {
    requireFinished(input.file);
    // the same check a restore makes: every entry, the database opened and its register against the files
    const tmpRoot = path.join(ctx.env.dataDir, 'tmp');
    fs.mkdirSync(tmpRoot, { recursive: true });
    const work = fs.mkdtempSync(path.join(tmpRoot, workTag('restore')));
    let r: Awaited<ReturnType<typeof readBackup>>;
    try {
      r = await readBackup(input.file, { extractDir: work });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    return {
      ...summaryOf(input.file, r.manifest, r.sizeBytes),
      sameInstallation: r.manifest.nodeId === ctx.env.nodeId,
    };
  },

  'backup.restore': prepared(
    (ctx, input) => ctx.app.restore(input.file, ctx.caller),
    (ctx, input, outcome) => {
      ctx.audit(`backup:${outcome.restored.fileName}`, restoreDetail(input.file, outcome));
      return { ...outcome, auditSummary: outcome.audit.summary };
    },
  ),

  'backup.restoreNew': prepared(
    async (ctx, input) => {
      if (countUsers(ctx.db) > 0)
        throw new AppError('FORBIDDEN', '本机已有账号，请登录后在“系统设置—备份与恢复”中恢复。');
      return ctx.app.restore(input.file, ctx.caller, { allowForeign: true });
    },
    (ctx, input, outcome) => {
      ctx.audit(`backup:${outcome.restored.fileName}`, {
        ...restoreDetail(input.file, outcome),
        newInstallation: true,
      });
      return { ...outcome, auditSummary: outcome.audit.summary };
    },
  ),
};
