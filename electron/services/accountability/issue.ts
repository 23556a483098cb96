import { AppError } from '../../contract';
import { buildDecisionDocument, decisionProblem, decisionTitle, periodRule, periodWords } from '../../core';
import { faultCategory, faultDegree, responsibilityType } from '../../vocab';
import { discardUnlessCommitted, documentsDir, prepareDocument, type PreparedDocument } from '../documents/issue';
import type { HandlerContext } from '../handler';
import { todayOf } from '../org/write';
import { readBasicSettings } from '../handlers/settings';
import { rulesNow } from './rules';
import { decisionEffects } from './view';
import { type CaseRecord, type SubjectRecord } from '../../../db/repos/cases';
import { liveDecisionsOnPerson } from '../../../db/repos/case-decisions';

/**
 * Makes a 问责决定书 (before the write's transaction): refused without facts, basis or form, with a form the table
 * does not list or that does not fit the subject, or when the same facts already have a decision on the person.
 */

export interface DecisionPlan {
  doc: PreparedDocument;
  formsVersion: number;
  windowsVersion: number;
  facts: string;
  basis: string;
  body: string;
  forms: string[];
  decidedOn: string;
}

export function issuerOf(ctx: HandlerContext): string {
  const settings = readBasicSettings(ctx);
  const issuer = settings.issuingBodies[0] || settings.unitName;
  if (!issuer)
    throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请系统管理员在“系统设置 → 本单位”中填写后再发文。');
  return issuer;
}

export async function planDecision(
  ctx: HandlerContext,
  c: CaseRecord,
  s: SubjectRecord,
  input: {
    forms: string[];
    facts: string;
    basis: string;
    body: string;
    appealTo: string;
    replaces?: { id: number; number: string };
  },
): Promise<DecisionPlan> {
  const forms = rulesNow(ctx.sqlite, 'accountability_forms');
  const windows = rulesNow(ctx.sqlite, 'appeal_windows');
  const issuer = issuerOf(ctx);
  const body = input.body.trim() || issuer;
  const problem = decisionProblem({ subjectKind: s.kind, ...input, body }, forms.rows, `“${forms.title}”`);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  if (s.kind === 'person' && s.statementState === 'pending')
    throw new AppError('RULE_VIOLATION', `${s.name}的陈述申辩尚未登记：请登记陈述申辩，或在期限届满后记录未陈述申辩。`);
  if (s.personId) {
    const same = liveDecisionsOnPerson(ctx.sqlite, s.personId).filter(
      (d) => d.id !== input.replaces?.id && (d.subjectId === s.id || d.facts.trim() === input.facts.trim()),
    );
    if (same.length)
      throw new AppError(
        'CONFLICT',
        `已就同一事实对${s.name}作出问责决定（${same[0]!.number}），不能再作第二个决定；如需改变，请通过复查变更或撤销原决定。`,
      );
  }
  const decidedOn = todayOf(ctx.now);
  const year = Number(decidedOn.slice(0, 4));
  const appeal = periodRule(windows.rows, 'appeal', windows.title);
  const effects = decisionEffectsOf(ctx, input.forms, forms.version, decidedOn);
  const doc = await prepareDocument({
    sqlite: ctx.sqlite,
    demo: ctx.env.demo,
    outDir: documentsDir(ctx.env.dataDir, 'decision', year),
    kind: 'decision',
    prefix: readBasicSettings(ctx).docPrefixes.decision,
    year,
    title: decisionTitle(s),
    build: (number) =>
      buildDecisionDocument({
        issuer,
        number,
        subject: { kind: s.kind, name: s.name, unitName: s.unitName, post: s.post, rank: s.rank },
        category: faultCategory.label(c.faultCategory),
        degree: c.degree ? faultDegree.label(c.degree) : null,
        responsibility: s.responsibility ? responsibilityType.label(s.responsibility) : null,
        facts: input.facts,
        basis: input.basis,
        forms: effects.map((e) => ({ form: e.form, basis: e.basis, effectUntil: e.effectUntil })),
        statement:
          s.kind === 'person'
            ? s.statementState === 'given'
              ? `${s.name}在陈述申辩中提出：${s.statement ?? ''}`
              : (s.statement ?? '')
            : '',
        appeal: {
          to: input.appealTo,
          period: periodWords(appeal),
          review: '',
          ruleName: `${windows.title}“${appeal.item}”`,
        },
        body,
        date: decidedOn,
        replaces: input.replaces ? input.replaces.number : null,
      }),
  });
  discardUnlessCommitted(ctx, doc);
  return {
    doc,
    formsVersion: forms.version,
    windowsVersion: windows.version,
    facts: input.facts.trim(),
    basis: input.basis.trim(),
    body,
    forms: input.forms,
    decidedOn,
  };
}

const decisionEffectsOf = (ctx: HandlerContext, forms: string[], formsVersion: number, decidedOn: string) =>
  decisionEffects(ctx.sqlite, { forms, formsVersion, decidedOn });

/** The versions a prepared decision used must still be in force when it is written. */
export function checkPlanCurrent(ctx: HandlerContext, p: DecisionPlan): void {
  if (
    rulesNow(ctx.sqlite, 'accountability_forms').version !== p.formsVersion ||
    rulesNow(ctx.sqlite, 'appeal_windows').version !== p.windowsVersion
  )
    throw new AppError('CONFLICT', '生成期间问责规则表已修改，请重试。', { retry: true });
}
