import { AppError } from '../../contract';
import { appealLate, buildServiceProof, caseLifecycle, periodEnd, periodRule } from '../../core';
import { requireStep } from '../lifecycle';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { readBasicSettings } from './settings';
import { caseViewOf, mustCase } from '../accountability/view';
import { rulesOfVersion } from '../accountability/rules';
import { checkPlanCurrent, issuerOf, planDecision } from '../accountability/issue';
import { subjectById, updateCase } from '../../../db/repos/cases';
import {
  answerAppeal,
  appealById as findAppeal,
  appealsOfCase,
  type DecisionRecord,
  decisionById,
  decisionsOf,
  insertAppeal,
  insertDecision,
  removeDecision,
  updateDecision,
} from '../../../db/repos/case-decisions';
import { voidDocument } from '../../../db/repos/documents';

/**
 * 问责决定: made with its 问责决定书, served with its 送达回证 (service starts the clocks on the working-day calendar,
 * with the periods of the rule-table version the decision stored), appealed (late appeals recorded as late, never
 * refused; an appeal does not suspend the decision), answered by a 复查 (维持 / 变更 with a new document / 撤销).
 * A served decision is never deleted, only revoked with a reason.
 */

function mustDecision(ctx: HandlerContext, id: number): DecisionRecord {
  const d = decisionById(ctx.sqlite, id);
  if (!d) throw new AppError('NOT_FOUND', '没有找到这个问责决定，请刷新。');
  return d;
}

function mustSubject(ctx: HandlerContext, id: number) {
  const s = subjectById(ctx.sqlite, id);
  if (!s) throw new AppError('NOT_FOUND', '没有找到这个被问责对象，请刷新。');
  return s;
}

const ended = ['archived', 'revoked', 'terminated'];

function periodsOf(ctx: HandlerContext, d: DecisionRecord) {
  const w = rulesOfVersion(ctx.sqlite, 'appeal_windows', d.windowsVersion);
  return (code: string) => periodRule(w.rows, code, w.title);
}

export const decisionsHandlers: Handlers<
  | 'decisions.issue'
  | 'decisions.serve'
  | 'decisions.executed'
  | 'decisions.remove'
  | 'decisions.revoke'
  | 'appeals.register'
  | 'appeals.answer'
> = {
  'decisions.issue': prepared(
    async (ctx, input) => {
      const c = mustCase(ctx, input.caseId);
      requireStep(ctx, caseLifecycle, c.state, 'decide');
      const s = mustSubject(ctx, input.subjectId);
      if (s.caseId !== c.id) throw new AppError('INVALID_INPUT', '被问责对象不属于本案。');
      return planDecision(ctx, c, s, input);
    },
    (ctx, input, p) => {
      const c = mustCase(ctx, input.caseId);
      requireStep(ctx, caseLifecycle, c.state, 'decide');
      checkPlanCurrent(ctx, p);
      const documentId = registerDocument(ctx, p.doc, { subject: `case:${c.uuid}`, madeBy: ctx.caller.username });
      const id = insertDecision(ctx.records, {
        caseId: c.id,
        subjectId: input.subjectId,
        forms: p.forms,
        facts: p.facts,
        basis: p.basis,
        body: p.body,
        decidedOn: p.decidedOn,
        formsVersion: p.formsVersion,
        windowsVersion: p.windowsVersion,
        documentId,
        supersedesId: null,
        createdBy: ctx.caller.username,
      });
      updateCase(ctx.records, c.id, { state: 'decided' });
      ctx.audit(`case:${c.id}`, { decision: id, number: p.doc.number, forms: p.forms, sha256: p.doc.sha256 });
      return caseViewOf(ctx, c.id);
    },
  ),
  'decisions.serve': prepared(
    async (ctx, input) => {
      const d = mustDecision(ctx, input.id);
      const c = mustCase(ctx, d.caseId);
      if (d.state !== 'made')
        throw new AppError(
          'RULE_VIOLATION',
          `问责决定 ${d.number} 当前为“${d.state === 'served' ? '已送达' : '已失效'}”，不能送达。`,
        );
      if (ended.includes(c.state)) throw new AppError('RULE_VIOLATION', '案件已结束，不能送达。');
      if (input.servedOn < d.decidedOn) throw new AppError('INVALID_INPUT', '送达日期不能早于决定日期。');
      if (input.servedOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '送达日期不能晚于今天。');
      const s = mustSubject(ctx, d.subjectId);
      const issuer = issuerOf(ctx);
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'serviceProof', year),
        kind: 'serviceProof',
        prefix: readBasicSettings(ctx).docPrefixes.serviceProof,
        year,
        title: `送达回证（${d.number}）`,
        build: (number) =>
          buildServiceProof({
            issuer,
            number,
            decisionNumber: d.number,
            decisionTitle: d.title,
            recipient: s.kind === 'person' ? `${s.name}（${s.unitName}${s.post ?? ''}）` : s.name,
            servedOn: input.servedOn,
            method: input.method,
            server: ctx.caller.username,
            receivedBy: input.receivedBy,
            date,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return doc;
    },
    (ctx, input, doc) => {
      const d = mustDecision(ctx, input.id);
      if (d.state !== 'made') throw new AppError('CONFLICT', '这个决定刚被送达或撤销，请刷新。');
      const c = mustCase(ctx, d.caseId);
      const period = periodsOf(ctx, d);
      const cal = calendarAround(ctx, input.servedOn);
      const serviceDocumentId = registerDocument(ctx, doc, { subject: `case:${c.uuid}`, madeBy: ctx.caller.username });
      const appealBy = periodEnd(input.servedOn, period('appeal'), cal);
      const executionBy = periodEnd(input.servedOn, period('execution_report'), cal);
      updateDecision(ctx.records, d.id, {
        state: 'served',
        servedOn: input.servedOn,
        serviceDocumentId,
        appealBy,
        executionBy,
      });
      const unserved = decisionsOf(ctx.sqlite, c.id).filter((x) => x.state === 'made');
      if (c.state === 'decided' && unserved.length === 0) {
        requireStep(ctx, caseLifecycle, c.state, 'serve');
        updateCase(ctx.records, c.id, { state: 'served' });
      }
      ctx.audit(`case:${c.id}`, { served: d.number, on: input.servedOn, appealBy, executionBy, proof: doc.number });
      return caseViewOf(ctx, c.id);
    },
  ),
  'decisions.executed': (ctx, input) => {
    const d = mustDecision(ctx, input.id);
    if (d.state !== 'served' || !d.servedOn)
      throw new AppError('RULE_VIOLATION', `问责决定 ${d.number} 尚未送达或已失效。`);
    if (input.on < d.servedOn) throw new AppError('INVALID_INPUT', '执行情况报告日期不能早于送达日期。');
    if (input.on > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '执行情况报告日期不能晚于今天。');
    updateDecision(ctx.records, d.id, { executionReportedOn: input.on });
    ctx.audit(`case:${d.caseId}`, {
      executed: d.number,
      on: input.on,
      late: d.executionBy ? input.on > d.executionBy : false,
    });
    return caseViewOf(ctx, d.caseId);
  },
  /** Only a decision not yet served may be withdrawn (its number is voided and stays used). */
  'decisions.remove': (ctx, input) => {
    const d = mustDecision(ctx, input.id);
    if (d.state !== 'made')
      throw new AppError(
        'RULE_VIOLATION',
        d.state === 'served'
          ? `问责决定 ${d.number} 已送达，不能删除；如确有错误，只能写明理由撤销，或经复查变更、撤销。`
          : `问责决定 ${d.number} 已${d.state === 'changed' ? '变更' : '撤销'}，其记录须保留，不能删除。`,
      );
    removeDecision(ctx.records, d.id);
    voidDocument(ctx.records, d.documentId, ctx.caller.username, '问责决定送达前撤回');
    const c = mustCase(ctx, d.caseId);
    if (c.state === 'decided' && !decisionsOf(ctx.sqlite, c.id).some((x) => x.state === 'made' || x.state === 'served'))
      updateCase(ctx.records, c.id, { state: 'deliberating' });
    ctx.audit(`case:${c.id}`, { removedDecision: d.number });
    return caseViewOf(ctx, c.id);
  },
  'decisions.revoke': (ctx, input) => {
    const d = mustDecision(ctx, input.id);
    if (d.state !== 'made' && d.state !== 'served')
      throw new AppError('RULE_VIOLATION', `问责决定 ${d.number} 已${d.state === 'changed' ? '变更' : '撤销'}。`);
    updateDecision(ctx.records, d.id, { state: 'revoked', revokeReason: input.reason });
    ctx.audit(`case:${d.caseId}`, { revokedDecision: d.number, reason: input.reason });
    return caseViewOf(ctx, d.caseId);
  },
  /** An appeal after the window is recorded as late, with the date it came and the window's end; never refused. */
  'appeals.register': (ctx, input) => {
    const d = mustDecision(ctx, input.decisionId);
    const c = mustCase(ctx, d.caseId);
    requireStep(ctx, caseLifecycle, c.state, 'appeal', { fields: input });
    if (d.state !== 'served' || !d.servedOn || !d.appealBy)
      throw new AppError('RULE_VIOLATION', `问责决定 ${d.number} 尚未送达或已失效，不能登记申诉。`);
    if (input.receivedOn < d.servedOn) throw new AppError('INVALID_INPUT', '收到日期不能早于送达日期。');
    if (input.receivedOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '收到日期不能晚于今天。');
    if (appealsOfCase(ctx.sqlite, c.id).some((a) => a.decisionId === d.id && a.outcome === null))
      throw new AppError('CONFLICT', `对问责决定 ${d.number} 的申诉尚未作出复查决定。`);
    const late = appealLate(input.receivedOn, d.appealBy);
    const answer = periodsOf(ctx, d)(input.kind === 'review' ? 'review_answer' : 'appeal_answer');
    const answerBy = periodEnd(input.receivedOn, answer, calendarAround(ctx, input.receivedOn));
    insertAppeal(ctx.records, {
      decisionId: d.id,
      kind: input.kind,
      receivedOn: input.receivedOn,
      late,
      grounds: input.grounds,
      answerBy,
    });
    updateCase(ctx.records, c.id, { state: 'appealed' });
    ctx.audit(`case:${c.id}`, { appeal: d.number, receivedOn: input.receivedOn, late, appealBy: d.appealBy, answerBy });
    return caseViewOf(ctx, c.id);
  },
  'appeals.answer': prepared(
    async (ctx, input) => {
      const a = appealById(ctx, input.id);
      const d = mustDecision(ctx, a.decisionId);
      const c = mustCase(ctx, d.caseId);
      requireStep(ctx, caseLifecycle, c.state, 'review', { fields: input });
      if (input.outcome !== 'changed') return null;
      const s = mustSubject(ctx, d.subjectId);
      return planDecision(ctx, c, s, {
        forms: input.forms ?? [],
        facts: d.facts,
        basis: input.basis ?? '',
        body: d.body,
        appealTo: '上一级机关',
        replaces: { id: d.id, number: d.number },
      });
    },
    (ctx, input, p) => {
      const a = appealById(ctx, input.id);
      const d = mustDecision(ctx, a.decisionId);
      const c = mustCase(ctx, d.caseId);
      requireStep(ctx, caseLifecycle, c.state, 'review', { fields: input });
      const today = todayOf(ctx.now);
      let newDecisionId: number | null = null;
      if (input.outcome === 'revoked')
        updateDecision(ctx.records, d.id, { state: 'revoked', revokeReason: `复查撤销：${input.note}` });
      if (input.outcome === 'changed' && p) {
        checkPlanCurrent(ctx, p);
        const documentId = registerDocument(ctx, p.doc, { subject: `case:${c.uuid}`, madeBy: ctx.caller.username });
        newDecisionId = insertDecision(ctx.records, {
          caseId: c.id,
          subjectId: d.subjectId,
          forms: p.forms,
          facts: p.facts,
          basis: p.basis,
          body: p.body,
          decidedOn: p.decidedOn,
          formsVersion: p.formsVersion,
          windowsVersion: p.windowsVersion,
          documentId,
          supersedesId: d.id,
          createdBy: ctx.caller.username,
        });
        updateDecision(ctx.records, d.id, { state: 'changed', revokeReason: `复查变更：${input.note}` });
      }
      answerAppeal(ctx.records, a.id, {
        outcome: input.outcome,
        outcomeOn: today,
        outcomeNote: input.note,
        newDecisionId,
      });
      ctx.audit(`case:${c.id}`, { review: d.number, outcome: input.outcome, newDecision: p?.doc.number ?? null });
      return caseViewOf(ctx, c.id);
    },
  ),
};

function appealById(ctx: HandlerContext, id: number) {
  const row = findAppeal(ctx.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', '没有找到这件申诉，请刷新。');
  if (row.outcome !== null) throw new AppError('RULE_VIOLATION', '这件申诉已作出复查决定。');
  return row;
}
