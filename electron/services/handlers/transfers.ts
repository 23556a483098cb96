import { transfersWorkbook, registerExport } from '../excel/register-export';
import { AppError } from '../../contract';
import { buildTransferLetter, deadlineState, transferLifecycle, workingDaysBetween } from '../../core';
import { type Log, transferFields, writeFeedback, writeTransfer } from '../supervision/register-writes';
import { transferBody } from '../../vocab';
import { requireStep } from '../lifecycle';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import { readBasicSettings } from './settings';
import { cluesOfSources, fileClue } from '../../../db/repos/clues';
import { listTransfers, setTransferDocument, type TransferRecord, transferById } from '../../../db/repos/transfers';

function views(ctx: HandlerContext, rows: TransferRecord[]) {
  const today = todayOf(ctx.now);
  const cal = calendarAround(ctx, today);
  const clues = cluesOfSources(
    ctx.sqlite,
    'transfer',
    rows.map((r) => r.uuid),
  );
  return rows.map((r) => ({
    ...r,
    deadlineState: r.state === 'sent' ? deadlineState(today, r.feedbackDue, cal) : null,
    daysLeft: r.state === 'sent' ? workingDaysBetween(today, r.feedbackDue, cal) : null,
    clueId: clues.get(r.uuid)?.id ?? null,
  }));
}

function must(ctx: HandlerContext, id: number) {
  const t = transferById(ctx.sqlite, id);
  if (!t) throw new AppError('NOT_FOUND', '没有找到这件移送，请刷新。');
  return t;
}
const view = (ctx: HandlerContext, id: number) => views(ctx, [must(ctx, id)])[0]!;

export const transfersHandlers: Handlers<
  | 'transfers.list'
  | 'transfers.export'
  | 'transfers.save'
  | 'transfers.feedback'
  | 'transfers.issue'
  | 'transfers.toClue'
> = {
  'transfers.list': (ctx) => views(ctx, listTransfers(ctx.sqlite)),
  'transfers.export': registerExport(
    'transfers',
    '移送处理',
    (ctx) => views(ctx, listTransfers(ctx.sqlite)),
    transfersWorkbook,
  ),
  'transfers.save': (ctx, input) => {
    const existing = input.id ? must(ctx, input.id) : undefined;
    if (existing) requireStep(ctx, transferLifecycle, existing.state, 'edit');
    const { id: _id, ...draft } = input;
    const log: Log = (target, detail) => ctx.audit(target, detail);
    const id = writeTransfer(ctx, transferFields(ctx, { ...draft, personId: draft.personId ?? null }), log, existing);
    return view(ctx, id);
  },
  'transfers.feedback': (ctx, input) => {
    const t = must(ctx, input.id);
    requireStep(ctx, transferLifecycle, t.state, 'feedback', { fields: input });
    writeFeedback(ctx, t, input, (target, detail) => ctx.audit(target, detail));
    return view(ctx, t.id);
  },
  /** The 移送处理书, numbered in the register (代字 of 移送处理书 in 系统设置), once per transfer. */
  'transfers.issue': prepared(
    async (ctx, input) => {
      const t = must(ctx, input.id);
      requireStep(ctx, transferLifecycle, t.state, 'edit');
      if (t.documentId) throw new AppError('CONFLICT', `这件移送已印发移送处理书（${t.number}）。`);
      const settings = readBasicSettings(ctx);
      const issuer = settings.issuingBodies[0] || settings.unitName;
      if (!issuer)
        throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请在“系统设置 → 公文与责任书”中填写后再发文。');
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'transfer', year),
        kind: 'transfer',
        prefix: settings.docPrefixes.transfer,
        year,
        title: `关于移送${t.unitName}${t.personName ?? ''}${t.subject}问题线索的函`,
        build: (number) =>
          buildTransferLetter({
            issuer,
            number,
            to: t.toBody,
            fromBody: transferBody.label(t.fromBody),
            unit: t.unitName,
            person: t.personName,
            subject: t.subject,
            facts: t.facts,
            materials: t.materials,
            feedbackDue: t.feedbackDue,
            copyPersonnel: t.copyPersonnel,
            date,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc };
    },
    (ctx, input, p) => {
      const t = must(ctx, input.id);
      if (t.documentId) throw new AppError('CONFLICT', `这件移送已印发移送处理书（${t.number}）。`);
      const documentId = registerDocument(ctx, p.doc, { subject: `transfer:${t.id}`, madeBy: ctx.caller.username });
      setTransferDocument(ctx.records, t.id, documentId);
      ctx.audit(`document:${p.doc.number}`, { kind: 'transfer', transfer: t.id, sha256: p.doc.sha256 });
      return view(ctx, t.id);
    },
  ),
  'transfers.toClue': (ctx, input) => {
    const t = must(ctx, input.id);
    requireStep(ctx, transferLifecycle, t.state, 'escalate');
    const clue = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'transfer',
      sourceUuid: t.uuid,
      sourceLabel: `${transferBody.label(t.fromBody)}移送（${t.transferredOn}${t.number ? `，${t.number}` : ''}）`,
      unitId: t.unitId,
      personId: t.personId,
      summary: `${t.subject}：${t.facts.length > 180 ? `${t.facts.slice(0, 180)}…` : t.facts}`,
      receivedOn: todayOf(ctx.now),
      createdBy: ctx.caller.username,
    });
    if (!clue.created) throw new AppError('CONFLICT', '这件移送已转为问责线索。');
    ctx.audit(`transfer:${t.id}`, { clue: clue.id });
    return view(ctx, t.id);
  },
};
