import { auditsWorkbook, registerExport } from '../excel/register-export';
import { AppError } from '../../contract';
import { auditFindingLifecycle, buildAuditNotice, wanYuan } from '../../core';
import { addItem, writeAudit } from '../supervision/register-writes';
import { auditKind } from '../../vocab';
import { requireStep } from '../lifecycle';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { readBasicSettings } from './settings';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import { rectRowOf } from './rectify';
import { cluesOfSources, fileClue } from '../../../db/repos/clues';
import type { RectRecord } from '../../../db/repos/notices';
import {
  type AuditRecord,
  auditFindingById,
  auditItems,
  closeAuditFinding,
  listAuditFindings,
} from '../../../db/repos/audit-findings';

export function itemViews(ctx: HandlerContext, items: Map<number, RectRecord[]>) {
  const today = todayOf(ctx.now);
  const cal = calendarAround(ctx, today);
  return (id: number) => (items.get(id) ?? []).map((r) => rectRowOf(r, today, cal));
}

function auditViews(ctx: HandlerContext, rows: AuditRecord[]) {
  const items = itemViews(
    ctx,
    auditItems(
      ctx.sqlite,
      rows.map((r) => r.id),
    ),
  );
  const clues = cluesOfSources(
    ctx.sqlite,
    'audit_finding',
    rows.map((r) => r.uuid),
  );
  return rows.map((r) => ({ ...r, items: items(r.id), clueId: clues.get(r.uuid)?.id ?? null }));
}

function mustAudit(ctx: HandlerContext, id: number) {
  const a = auditFindingById(ctx.sqlite, id);
  if (!a) throw new AppError('NOT_FOUND', '没有找到这项审计，请刷新。');
  return a;
}
const auditView = (ctx: HandlerContext, id: number) => auditViews(ctx, [mustAudit(ctx, id)])[0]!;

export const summary = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

export const webRegistersHandlers: Handlers<
  | 'audits.list'
  | 'audits.export'
  | 'audits.save'
  | 'audits.addItem'
  | 'audits.close'
  | 'audits.notice'
  | 'audits.toClue'
> = {
  'audits.list': (ctx) => auditViews(ctx, listAuditFindings(ctx.sqlite)),
  'audits.export': registerExport(
    'audits',
    '审计发现',
    (ctx) => auditViews(ctx, listAuditFindings(ctx.sqlite)),
    auditsWorkbook,
  ),
  'audits.save': (ctx, input) => {
    const existing = input.id ? mustAudit(ctx, input.id) : undefined;
    if (existing) requireStep(ctx, auditFindingLifecycle, existing.state, 'edit');
    const fields = {
      kind: input.kind,
      unitId: input.unitId,
      personId: input.personId ?? null,
      period: input.period,
      reportNo: input.reportNo || null,
      reportedOn: input.reportedOn,
      findings: input.findings,
      amountCents: Math.round(input.amount * 100),
      result: input.result || null,
    };
    const id = writeAudit(ctx, fields, (target, detail) => ctx.audit(target, detail), existing);
    return auditView(ctx, id);
  },
  'audits.addItem': (ctx, input) => {
    const a = mustAudit(ctx, input.auditId);
    requireStep(ctx, auditFindingLifecycle, a.state, 'addItem');
    const { auditId: _a, ...it } = input;
    addItem(ctx, { auditFindingId: a.id }, it, a.reportedOn, (target, detail) => ctx.audit(target, detail));
    return auditView(ctx, a.id);
  },
  /** Closed once every rectification item is verified (rectify.verify). */
  'audits.close': (ctx, input) => {
    const a = auditView(ctx, input.id);
    requireStep(ctx, auditFindingLifecycle, a.state, 'close');
    const open = a.items.filter((i) => i.state !== 'verified');
    if (open.length) throw new AppError('RULE_VIOLATION', `还有 ${open.length} 个整改事项未核验通过，不能办结。`);
    closeAuditFinding(ctx.records, a.id);
    ctx.audit(`audit_finding:${a.id}`, { closed: true });
    return auditView(ctx, a.id);
  },
  'audits.toClue': (ctx, input) => {
    const a = mustAudit(ctx, input.id);
    requireStep(ctx, auditFindingLifecycle, a.state, 'escalate');
    const clue = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'audit_finding',
      sourceUuid: a.uuid,
      sourceLabel: `${auditKind.label(a.kind)}审计（${a.period}${a.reportNo ? `，${a.reportNo}` : ''}）`,
      unitId: a.unitId,
      personId: a.personId,
      summary: summary(a.findings),
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    if (!clue.created) throw new AppError('CONFLICT', '这项审计已转为问责线索。');
    ctx.audit(`audit_finding:${a.id}`, { clue: clue.id });
    return auditView(ctx, a.id);
  },
  /** 绩效审计结果公告: every audit reported in the year, with how far its rectification has come; numbered. */
  'audits.notice': prepared(
    async (ctx, input) => {
      const rows = auditViews(ctx, listAuditFindings(ctx.sqlite)).filter((a) =>
        a.reportedOn.startsWith(`${input.year}-`),
      );
      if (rows.length === 0) throw new AppError('RULE_VIOLATION', `${input.year}年度还没有登记审计结果，无需公告。`);
      const settings = readBasicSettings(ctx);
      const issuer = settings.issuingBodies[0] || settings.unitName;
      if (!issuer) throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请在“系统设置”中填写后再发文。');
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'auditNotice', year),
        kind: 'auditNotice',
        prefix: settings.docPrefixes.auditNotice,
        year,
        title: `${input.year}年度绩效审计结果公告`,
        build: (number) =>
          buildAuditNotice({
            issuer,
            number,
            year: input.year,
            date,
            lines: rows
              .slice()
              .reverse()
              .map((a) => ({
                unit: a.unitName,
                kind: auditKind.label(a.kind),
                period: a.period,
                findings: a.findings,
                amount: wanYuan(a.amountCents),
                result: a.result ?? '',
                rectified: a.items.length
                  ? `整改事项${a.items.length}项，已核验${a.items.filter((i) => i.state === 'verified').length}项`
                  : '无整改事项',
              })),
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, count: rows.length };
    },
    (ctx, input, p) => {
      const documentId = registerDocument(ctx, p.doc, { subject: `audits:${input.year}`, madeBy: ctx.caller.username });
      ctx.audit(`document:${p.doc.number}`, { kind: 'auditNotice', year: input.year, sha256: p.doc.sha256 });
      return { number: p.doc.number, documentId, count: p.count };
    },
  ),
};
