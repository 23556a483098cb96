import { auditHead, iterateAudit, queryAudit } from '../../../db/repos/audit';
import { recordedBackupFiles } from '../../../db/repos/backups';
import { AppError } from '../../contract';
import type { KnownAnchor } from '../audit-anchors';
import { backupAnchors, backupFilesIn, verifyTrail } from '../audit-verify';
import { renderCheckpoint } from '../documents/checkpoint';
import { actionTitle, auditWorkbook } from '../excel/audit-export';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileStamp } from '../file-stamp';
import { backupsDir } from './backup';
import { echoedHeads } from '../../../db/repos/exchange';
import { readBasicSettings } from './settings';

/** Every anchor this installation knows of its trail's end, and the checkpoints typed in from paper. */
async function knownAnchors(ctx: HandlerContext, checkpoints: { seq: number; hash: string }[]) {
  const nodeId = ctx.env.nodeId;
  const files = [...backupFilesIn(backupsDir(ctx.env.dataDir)), ...recordedBackupFiles(ctx.db)];
  const anchors: KnownAnchor[] = [
    ...ctx.app.anchors.known(nodeId),
    ...(await backupAnchors(files, nodeId)),
    ...checkpoints.map((c) => ({ nodeId, ...c, at: 0, source: 'checkpoint' as const })),
    // the heads this node's packages carried, as the receiving level echoed them back in its receipts (#20)
    ...echoedHeads(ctx.sqlite).map((h) => ({ nodeId, ...h, source: 'exchange' as const })),
  ];
  return anchors;
}

const localTime = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });

export const auditHandlers: Handlers<'audit.list' | 'audit.verify' | 'audit.export' | 'audit.checkpoint'> = {
  'audit.list': (ctx, input) => {
    const { offset, limit, ...filter } = input;
    const { total, rows } = queryAudit(ctx.sqlite, filter, offset, limit);
    return { total, rows: rows.map((r) => ({ ...r, title: actionTitle(r.action, r.detail) })) };
  },

  'audit.verify': async (ctx, input) => verifyTrail(ctx.sqlite, await knownAnchors(ctx, input.checkpoints)),

  'audit.export': prepared(
    async (ctx, input) => auditWorkbook(iterateAudit(ctx.sqlite, input)),
    (ctx, input, wb) => {
      ctx.audit('audit_log', { filter: input, rows: wb.count });
      return { fileName: `审计日志-${fileStamp(ctx.now)}.xlsx`, base64: wb.buffer.toString('base64'), rows: wb.count };
    },
  ),

  'audit.checkpoint': prepared(
    async (ctx) => {
      const head = auditHead(ctx.sqlite);
      if (!head) throw new AppError('RULE_VIOLATION', '审计日志还没有任何记录，无需打印检查点。');
      const v = verifyTrail(ctx.sqlite, await knownAnchors(ctx, []));
      const bytes = await renderCheckpoint({
        unitName: readBasicSettings(ctx).unitName,
        nodeId: ctx.env.nodeId,
        madeAt: localTime(ctx.now),
        madeBy: ctx.caller.username,
        seq: head.seq,
        count: head.count,
        hash: head.hash,
        chainOk: v.ok,
        findings: [...(v.broken ? [v.broken.message] : []), ...v.losses.map((l) => l.message)],
        demo: ctx.env.demo,
      });
      return { head, bytes };
    },
    (ctx, _input, p) => {
      // the checkpoint's own entry follows the head it prints
      ctx.audit('audit_log', { checkpoint: { seq: p.head.seq, hash: p.head.hash } });
      return {
        fileName: `审计日志检查点-${fileStamp(ctx.now)}-序号${p.head.seq}.docx`,
        base64: p.bytes.toString('base64'),
        seq: p.head.seq,
        hash: p.head.hash,
      };
    },
  ),
};
