import { AppError } from '../../contract';
import { buildCheckReport } from '../../core';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { mustPlan } from './plans';
import { readBasicSettings } from './settings';
import {
  checkById,
  checkIdsOfPlan,
  findingById,
  findingsOf,
  insertCheckRow,
  insertFindingRow,
  removeFindingRow,
  setCheckReport,
  touchCheck,
  updateCheckRow,
  updateFindingRow,
} from '../../../db/repos/checks';
import { unitById } from '../../../db/repos/org';
import { targetById } from '../../../db/repos/plans';

function checkView(ctx: HandlerContext, id: number) {
  const c = checkById(ctx.sqlite, id);
  if (!c) throw new AppError('NOT_FOUND', '没有找到这次督查，请刷新。');
  return { ...c, findings: findingsOf(ctx.sqlite, [c.id]).map(({ checkId: _c, ...f }) => f) };
}

/** Findings may change until the round's report is issued; after it, the report stands as the record. */
function requireOpen(ctx: HandlerContext, checkId: number) {
  const c = checkView(ctx, checkId);
  if (c.reportDocumentId)
    throw new AppError('RULE_VIOLATION', `督查通报（${c.reportNumber}）已印发，不能再修改这次督查的发现。`);
  return c;
}

const touch = (ctx: HandlerContext, id: number) => touchCheck(ctx.records, id);

export const checksHandlers: Handlers<
  'checks.list' | 'checks.save' | 'findings.save' | 'findings.remove' | 'checks.report'
> = {
  'checks.list': (ctx, input) => {
    mustPlan(ctx, input.planId);
    return checkIdsOfPlan(ctx.sqlite, input.planId).map((id) => checkView(ctx, id));
  },
  'checks.save': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    if (plan.state === 'draft' || plan.state === 'closed')
      throw new AppError(
        'RULE_VIOLATION',
        plan.state === 'draft' ? '方案发布后才能安排督查。' : '方案已归档，不能再安排督查。',
      );
    let id = input.id;
    if (id) {
      requireOpen(ctx, id);
      updateCheckRow(ctx.records, id, plan.id, input);
    } else id = insertCheckRow(ctx.records, plan.id, input);
    ctx.audit(`check:${id}`, { title: input.title, checkDate: input.checkDate });
    return checkView(ctx, id);
  },
  'findings.save': (ctx, input) => {
    const c = requireOpen(ctx, input.checkId);
    if (!unitById(ctx.sqlite, input.unitId)?.active)
      throw new AppError('INVALID_INPUT', '单位不存在或已停用。', {
        fields: [{ path: 'unitId', message: '单位不存在或已停用' }],
      });
    if (input.targetId) {
      const t = targetById(ctx.sqlite, input.targetId);
      if (!t || t.unitId !== input.unitId || t.planId !== c.planId)
        throw new AppError('INVALID_INPUT', '所涉目标不属于该单位或本方案。');
    }
    const row = { ...input, targetId: input.targetId ?? null };
    if (input.id) {
      if (updateFindingRow(ctx.records, input.id, c.id, row) === 0)
        throw new AppError('NOT_FOUND', '没有找到这条督查发现，请刷新。');
    } else insertFindingRow(ctx.records, c.id, row);
    touch(ctx, c.id);
    ctx.audit(`check:${c.id}`, { finding: { unitId: input.unitId, rating: input.rating } });
    return checkView(ctx, c.id);
  },
  'findings.remove': (ctx, input) => {
    const f = findingById(ctx.sqlite, input.id);
    if (!f) throw new AppError('NOT_FOUND', '没有找到这条督查发现，请刷新。');
    requireOpen(ctx, f.checkId);
    if (f.noticeId) throw new AppError('RULE_VIOLATION', '这条发现已据以发出通知书，不能删除。');
    removeFindingRow(ctx.records, input.id);
    touch(ctx, f.checkId);
    ctx.audit(`check:${f.checkId}`, { removedFinding: input.id });
    return checkView(ctx, f.checkId);
  },
  /** 督查通报: numbered and registered like every document; after it the round's findings stand. */
  'checks.report': prepared(
    async (ctx, input) => {
      const c = requireOpen(ctx, input.id);
      if (c.findings.length === 0) throw new AppError('RULE_VIOLATION', '还没有登记任何督查发现。');
      const settings = readBasicSettings(ctx);
      const issuer = settings.issuingBodies[0] || settings.unitName;
      if (!issuer)
        throw new AppError(
          'RULE_VIOLATION',
          '还没有设置发文机关名称：请系统管理员在“系统设置 → 本单位”中填写后再发文。',
        );
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'checkReport', year),
        kind: 'checkReport',
        prefix: settings.docPrefixes.checkReport,
        year,
        title: `关于${c.title}情况的通报`,
        build: (number) =>
          buildCheckReport({
            issuer,
            number,
            title: c.title,
            kind: c.kind,
            team: c.team,
            scope: c.scope,
            checkDate: c.checkDate,
            recipients: '各有关单位',
            date,
            findings: c.findings.map((f) => ({
              unit: f.unitName,
              target:
                f.targetContent && f.indicatorName ? { indicator: f.indicatorName, content: f.targetContent } : null,
              rating: f.rating,
              description: f.description,
              requiredAction: f.requiredAction,
            })),
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, findings: c.findings.length };
    },
    (ctx, input, p) => {
      const c = requireOpen(ctx, input.id);
      if (c.findings.length !== p.findings)
        throw new AppError('CONFLICT', '生成期间督查发现有变化，请重试。', { retry: true });
      const documentId = registerDocument(ctx, p.doc, { subject: `check:${c.id}`, madeBy: ctx.caller.username });
      setCheckReport(ctx.records, c.id, documentId);
      ctx.audit(`document:${p.doc.number}`, { kind: 'checkReport', check: c.id, sha256: p.doc.sha256 });
      return checkView(ctx, c.id);
    },
  ),
};
