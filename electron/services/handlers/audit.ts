import { iterateAudit, queryAudit, verifyAuditChain } from '../../../db/repos/audit';
import { actionTitle, auditWorkbook } from '../excel/audit-export';
import { type Handlers, prepared } from '../handler';

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export const auditHandlers: Handlers<'audit.list' | 'audit.verify' | 'audit.export'> = {
  'audit.list': (ctx, input) => {
    const { offset, limit, ...filter } = input;
    const { total, rows } = queryAudit(ctx.sqlite, filter, offset, limit);
    return { total, rows: rows.map((r) => ({ ...r, title: actionTitle(r.action) })) };
  },

  'audit.verify': (ctx) => verifyAuditChain(ctx.sqlite),

  'audit.export': prepared(
    async (ctx, input) => auditWorkbook(iterateAudit(ctx.sqlite, input)),
    (ctx, input, wb) => {
      ctx.audit('audit_log', { filter: input, rows: wb.count });
      return { fileName: `审计日志-${stamp(ctx.now)}.xlsx`, base64: wb.buffer.toString('base64'), rows: wb.count };
    },
  ),
};
