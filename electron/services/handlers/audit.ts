import { iterateAudit, queryAudit, verifyAuditChain } from '../../../db/repos/audit';
import { actionTitle, auditWorkbook } from '../excel/audit-export';
import { type Handlers, prepared } from '../handler';
import { fileStamp } from '../file-stamp';

export const auditHandlers: Handlers<'audit.list' | 'audit.verify' | 'audit.export'> = {
  'audit.list': (ctx, input) => {
    const { offset, limit, ...filter } = input;
    const { total, rows } = queryAudit(ctx.sqlite, filter, offset, limit);
    return { total, rows: rows.map((r) => ({ ...r, title: actionTitle(r.action, r.detail) })) };
  },

  'audit.verify': (ctx) => verifyAuditChain(ctx.sqlite),

  'audit.export': prepared(
    async (ctx, input) => auditWorkbook(iterateAudit(ctx.sqlite, input)),
    (ctx, input, wb) => {
      ctx.audit('audit_log', { filter: input, rows: wb.count });
      return { fileName: `审计日志-${fileStamp(ctx.now)}.xlsx`, base64: wb.buffer.toString('base64'), rows: wb.count };
    },
  ),
};
