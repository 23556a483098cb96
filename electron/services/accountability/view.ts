import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../contract';
import type { caseView } from '../../contract/channels/cases';
import { allowedActions, caseLifecycle, type FormEffect, formEffects } from '../../core';
import type { HandlerContext } from '../handler';
import { rulesOfVersion } from './rules';
import { cluesOfCase, type ClueRecord } from '../../../db/repos/clues';
import { caseById, caseByUuid, type CaseRecord, personNow, subjectsOf } from '../../../db/repos/cases';
import { appealsOfCase, type DecisionRecord, decisionsOf } from '../../../db/repos/case-decisions';

/** A case as the screen shows it: subjects (with where a person is now), decisions with their effects, appeals. */

export type CaseView = z.output<typeof caseView>;

/** The effects of a decision, from the version of the forms table it stored. */
export function decisionEffects(
  sqlite: Database.Database,
  d: Pick<DecisionRecord, 'forms' | 'formsVersion' | 'decidedOn'>,
): FormEffect[] {
  return formEffects(d.forms, rulesOfVersion(sqlite, 'accountability_forms', d.formsVersion).rows, d.decidedOn);
}

export function decisionOut(sqlite: Database.Database, d: DecisionRecord) {
  const rules = [
    rulesOfVersion(sqlite, 'accountability_forms', d.formsVersion).title,
    rulesOfVersion(sqlite, 'appeal_windows', d.windowsVersion).title,
  ];
  const effects = decisionEffects(sqlite, d).map((e) => ({
    form: e.form,
    effectUntil: e.effectUntil,
    promotionBarUntil: e.promotionBarUntil,
    noExcellent: e.noExcellent,
    basis: e.basis,
  }));
  return { ...d, rules, effects };
}

export function clueOut(sqlite: Database.Database, c: ClueRecord) {
  const k = c.caseUuid ? caseByUuid(sqlite, c.caseUuid) : undefined;
  return { ...c, caseId: k?.id ?? null, caseTitle: k?.title ?? null };
}

export function mustCase(ctx: Pick<HandlerContext, 'sqlite'>, id: number): CaseRecord {
  const c = caseById(ctx.sqlite, id);
  if (!c) throw new AppError('NOT_FOUND', '没有找到这个问责案件，请刷新。');
  return c;
}

export function caseViewOf(ctx: Pick<HandlerContext, 'sqlite' | 'caller'>, id: number): CaseView {
  const c = mustCase(ctx, id);
  const subjects = subjectsOf(ctx.sqlite, c.id).map(({ uuid: _u, caseId: _c, isLeader: _l, ...s }) => {
    const now = s.personId ? personNow(ctx.sqlite, s.personId) : undefined;
    return { ...s, movedTo: now && now.unitId !== s.unitId ? `${now.unitName}${now.post ?? ''}` : null };
  });
  return {
    ...c,
    subjects,
    decisions: decisionsOf(ctx.sqlite, c.id).map((d) => decisionOut(ctx.sqlite, d)),
    appeals: appealsOfCase(ctx.sqlite, c.id),
    clues: cluesOfCase(ctx.sqlite, c.uuid).map((x) => clueOut(ctx.sqlite, x)),
    actions: allowedActions(caseLifecycle, c.state, 'evaluator'),
  };
}
