import { AppError } from '../../contract';
import {
  type PlanStateName,
  buildResultsBulletin,
  buildResultsPublicity,
  bulletinTitle,
  chineseDate,
  drillDown,
  planMoveProblem,
  publicationLifecycle,
  publicationStateOn,
  publicityPeriod,
  publicityTitle,
  rankingOf,
} from '../../core';
import { type PlanRecord, setPlanState } from '../../../db/repos/plans';
import {
  insertPublicationRow,
  latestSnapshot,
  objectionsOf,
  setPublicationNotified,
  snapshotByNo,
} from '../../../db/repos/publication';
import { calendarAround } from '../calendar-days';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { requireStep } from '../lifecycle';
import { todayOf } from '../org/write';
import { planPublication, publicationFacts, publicationViewOf } from '../scoring/publication';
import { freezeResults, readSnapshot } from '../scoring/snapshots';
import { FROZEN_MESSAGE } from '../scoring/guard';
import { mustPlan } from './plans';
import { readBasicSettings } from './settings';

/** Freezing a plan's results, its 公示 and its 通报 (objections: objections.ts). */

export function viewOf(ctx: HandlerContext, plan: PlanRecord) {
  const today = todayOf(ctx.now);
  return publicationViewOf(ctx.sqlite, plan, {
    today,
    days: calendarAround(ctx, today),
    contact: readBasicSettings(ctx).publicityContact,
  });
}

function issuerOf(ctx: HandlerContext): string {
  const settings = readBasicSettings(ctx);
  const issuer = settings.issuingBodies[0] || settings.unitName;
  if (!issuer)
    throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请在“系统设置 → 公文与责任书”中填写后再发文。');
  return issuer;
}

/** The plan moves by the same rule as plans.setState: its lifecycle and what its results and 公示 stand at. */
function movePlan(ctx: HandlerContext, plan: PlanRecord, to: PlanStateName) {
  const problem = planMoveProblem(plan.state, to, {
    pointsProblems: [],
    units: 0,
    signedLetters: 0,
    publication: publicationFacts(ctx.sqlite, plan, todayOf(ctx.now)),
  });
  if (problem) throw new AppError('RULE_VIOLATION', problem);
  setPlanState(ctx.records, plan.id, to);
  ctx.audit(`plan:${plan.year}`, { from: plan.state, to });
}

function latestOrRefuse(ctx: HandlerContext, plan: PlanRecord) {
  const head = latestSnapshot(ctx.sqlite, plan.id);
  if (!head) throw new AppError('RULE_VIOLATION', '公布结果前须先冻结评分结果。');
  return head;
}

/** Refuses a 公示 the plan is not ready for (before rendering it, and again in the write). */
function requireOpenable(ctx: HandlerContext, plan: PlanRecord) {
  if (planPublication(ctx.sqlite, plan.id))
    throw new AppError('CONFLICT', `${plan.year}年度的考核结果已经公示，不能再次公示。`);
  if (plan.state !== 'scoring')
    throw new AppError(
      'RULE_VIOLATION',
      `方案当前为“${plan.state === 'results' ? '结果已公布' : '非考核评分'}”阶段，不能印发考核结果公示。`,
    );
  return latestOrRefuse(ctx, plan);
}

export const publicationHandlers: Handlers<
  | 'publications.get'
  | 'publications.snapshot'
  | 'publications.unit'
  | 'publications.freeze'
  | 'publications.open'
  | 'publications.notify'
> = {
  'publications.get': (ctx, input) => viewOf(ctx, mustPlan(ctx, input.planId)),
  'publications.snapshot': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const head = snapshotByNo(ctx.sqlite, plan.id, input.no);
    if (!head) throw new AppError('NOT_FOUND', `没有第 ${input.no} 次冻结的结果，请刷新。`);
    const s = readSnapshot(ctx.sqlite, head);
    const units = new Map(s.scores.units.map((u) => [u.unitId, u]));
    const grades = new Map(s.scores.grades.map((g) => [g.unitId, g.grade]));
    const byCategory = new Map<number, { name: string; rows: unknown[] }>();
    for (const r of [...s.scores.ranks].sort((a, b) => a.categoryId - b.categoryId || a.position - b.position)) {
      const u = units.get(r.unitId)!;
      let c = byCategory.get(r.categoryId);
      if (!c) byCategory.set(r.categoryId, (c = { name: u.categoryName, rows: [] }));
      c.rows.push({
        unitId: u.unitId,
        rank: r.rank,
        unit: u.name,
        base: u.base,
        bonus: u.bonus,
        deduction: u.deduction,
        total: u.total,
        vetoed: u.vetoed,
        complete: u.complete,
        grade: grades.get(u.unitId) ?? '待定',
      });
    }
    return {
      no: head.no,
      unitCount: head.unitCount,
      reason: head.reason,
      incompleteReason: head.incompleteReason,
      madeBy: head.madeBy,
      madeAt: head.madeAt,
      order: s.scores.order,
      ruleVersion: s.scores.basis.ruleVersion,
      indicatorVersion: s.scores.basis.indicatorVersion,
      ruleTables: s.ruleTables,
      categories: [...byCategory.values()] as never,
    };
  },
  'publications.unit': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const head = snapshotByNo(ctx.sqlite, plan.id, input.no);
    if (!head) throw new AppError('NOT_FOUND', `没有第 ${input.no} 次冻结的结果，请刷新。`);
    const s = readSnapshot(ctx.sqlite, head);
    const u = s.scores.units.find((x) => x.unitId === input.unitId);
    if (!u) throw new AppError('NOT_FOUND', '该单位不在这次冻结的结果中。');
    const d = drillDown(u, s.rules);
    return {
      unit: u.name,
      summary: d.summary,
      lines: d.lines.map((l) => ({
        indicatorId: l.indicatorId,
        targetId: l.targetId,
        name: l.name,
        kind: l.kind,
        method: l.method,
        points: l.points,
        input: l.input as Record<string, unknown> | null,
        earned: l.earned,
        source: l.source,
        explanation: l.explanation,
      })),
    };
  },
  'publications.freeze': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const frozen = latestSnapshot(ctx.sqlite, plan.id);
    if (frozen) throw new AppError('RULE_VIOLATION', `评分结果已冻结（第 ${frozen.no} 次），${FROZEN_MESSAGE}。`);
    if (plan.state !== 'scoring')
      throw new AppError('RULE_VIOLATION', '只有处于“考核评分”阶段的方案才能冻结评分结果。');
    const r = freezeResults(ctx.sqlite, ctx.records, plan, {
      by: ctx.caller.username,
      incompleteReason: input.incompleteReason,
      today: todayOf(ctx.now),
    });
    if (!r.ok) {
      if (r.incomplete) {
        const names = r.incomplete.slice(0, 5).join('、') + (r.incomplete.length > 5 ? ' 等' : '');
        throw new AppError(
          'RULE_VIOLATION',
          `还有 ${r.incomplete.length} 个单位的基础指标未全部评分（${names}），未评分的按 0 分计；确需冻结的，请写明原因。`,
          { fields: [{ path: 'incompleteReason', message: '请写明在未全部评分时冻结的原因' }] },
        );
      }
      throw new AppError('RULE_VIOLATION', `评分结果有问题，不能冻结：${r.problems.slice(0, 5).join('；')}`);
    }
    ctx.audit(`plan:${plan.year}`, {
      snapshot: r.head.no,
      reason: r.head.reason,
      units: r.head.unitCount,
      ...(r.head.incompleteReason ? { incompleteReason: r.head.incompleteReason } : {}),
    });
    return viewOf(ctx, plan);
  },
  /** 公示: the latest snapshot's ranking, the period in working days; publishes the plan's results. */
  'publications.open': prepared(
    async (ctx, input) => {
      const plan = mustPlan(ctx, input.planId);
      const head = requireOpenable(ctx, plan);
      const today = todayOf(ctx.now);
      if (input.startDate < today)
        throw new AppError('INVALID_INPUT', '公示开始日期不能早于今天。', {
          fields: [{ path: 'startDate', message: '不能早于今天' }],
        });
      const period = publicityPeriod(input.startDate, input.workingDays, calendarAround(ctx, input.startDate));
      const settings = readBasicSettings(ctx);
      const contact = {
        phone: input.phone ?? settings.publicityContact.phone,
        address: input.address ?? settings.publicityContact.address,
      };
      if (!contact.phone && !contact.address)
        throw new AppError('INVALID_INPUT', '请填写异议受理电话或地址（可在“系统设置 → 公文与责任书”中设置默认值）。', {
          fields: [{ path: 'phone', message: '请填写受理电话或地址' }],
        });
      const issuer = issuerOf(ctx);
      const s = readSnapshot(ctx.sqlite, head);
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'publicity', plan.year),
        kind: 'publicity',
        prefix: settings.docPrefixes.publicity,
        year: plan.year,
        title: publicityTitle(plan.year),
        build: (number) =>
          buildResultsPublicity({
            issuer,
            number,
            year: plan.year,
            planTitle: plan.title,
            categories: rankingOf(s.scores),
            period: { startDate: period.start, endDate: period.end, workingDays: input.workingDays },
            ...contact,
            date: today,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, snapshotId: head.id, period, contact };
    },
    (ctx, input, p) => {
      const plan = mustPlan(ctx, input.planId);
      const head = requireOpenable(ctx, plan);
      if (head.id !== p.snapshotId)
        throw new AppError('CONFLICT', '生成期间冻结的结果有变化，请重试。', { retry: true });
      const documentId = registerDocument(ctx, p.doc, { subject: `plan:${plan.year}`, madeBy: ctx.caller.username });
      const id = insertPublicationRow(ctx.records, {
        subjectKind: 'plan_results',
        subjectId: plan.id,
        title: p.doc.title,
        startDate: p.period.start,
        endDate: p.period.end,
        workingDays: input.workingDays,
        ...p.contact,
        snapshotId: head.id,
        publicityDocumentId: documentId,
      });
      ctx.auditEach(`document:${p.doc.number}`, { kind: 'publicity', publication: id, sha256: p.doc.sha256 });
      ctx.auditEach(`publication:${id}`, { snapshot: head.no, start: p.period.start, end: p.period.end });
      movePlan(ctx, plan, 'results');
      return viewOf(ctx, mustPlan(ctx, plan.id));
    },
  ),
  /** 通报 after the period: every objection answered and every upheld one re-scored; the latest snapshot's ranking. */
  'publications.notify': prepared(
    async (ctx, input) => {
      const { plan, pub } = requireNotifiable(ctx, input.planId);
      const head = latestOrRefuse(ctx, plan);
      const s = readSnapshot(ctx.sqlite, head);
      const objections = objectionsOf(ctx.sqlite, pub.id);
      const settings = readBasicSettings(ctx);
      const issuer = issuerOf(ctx);
      const today = todayOf(ctx.now);
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'resultsBulletin', plan.year),
        kind: 'resultsBulletin',
        prefix: settings.docPrefixes.resultsBulletin,
        year: plan.year,
        title: bulletinTitle(plan.year),
        build: (number) =>
          buildResultsBulletin({
            issuer,
            number,
            year: plan.year,
            planTitle: plan.title,
            recipients: '各被考核单位',
            categories: rankingOf(s.scores),
            period: pub,
            objections: {
              received: objections.length,
              upheld: objections.filter((o) => o.outcome === 'upheld').length,
            },
            rewards: input.rewards || null,
            date: today,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, snapshotId: head.id };
    },
    (ctx, input, p) => {
      const { plan, pub } = requireNotifiable(ctx, input.planId);
      if (latestOrRefuse(ctx, plan).id !== p.snapshotId)
        throw new AppError('CONFLICT', '生成期间冻结的结果有变化，请重试。', { retry: true });
      const documentId = registerDocument(ctx, p.doc, { subject: `plan:${plan.year}`, madeBy: ctx.caller.username });
      setPublicationNotified(ctx.records, pub.id, documentId);
      ctx.audit(`publication:${pub.id}`, {
        bulletin: p.doc.number,
        sha256: p.doc.sha256,
        rewards: input.rewards ?? null,
      });
      return viewOf(ctx, plan);
    },
  ),
};

function requireNotifiable(ctx: HandlerContext, planId: number) {
  const plan = mustPlan(ctx, planId);
  const pub = planPublication(ctx.sqlite, plan.id);
  if (!pub) throw new AppError('RULE_VIOLATION', '考核结果尚未公示，不能印发通报。');
  const today = todayOf(ctx.now);
  const state = publicationStateOn(pub, today);
  if (state === 'open')
    throw new AppError('RULE_VIOLATION', `公示期至${chineseDate(pub.endDate)}，期满后才能印发通报。`);
  requireStep(ctx, publicationLifecycle, state, 'notify', { subject: '考核结果' });
  const facts = publicationFacts(ctx.sqlite, plan, today).publication!;
  if (facts.unanswered.length)
    throw new AppError('RULE_VIOLATION', `还有异议未答复（${facts.unanswered.join('、')}），答复后才能印发通报。`);
  if (facts.rescoring.length)
    throw new AppError(
      'RULE_VIOLATION',
      `异议成立后的重新评分尚未冻结（${facts.rescoring.join('、')}），完成后才能印发通报。`,
    );
  return { plan, pub };
}
