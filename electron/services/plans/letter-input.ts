import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { AppError } from '../../contract';
import { methodParams } from '../../contract/channels/plans';
import {
  type IndicatorKindName,
  type LetterInput,
  type LetterItem,
  type MethodParams,
  baseKinds,
  defaultParams,
  unitPointsProblem,
} from '../../core';
import {
  type IndicatorRecord,
  type LetterTarget,
  type PlanRecord,
  indicatorsOf,
  letterTargetsOf,
} from '../../../db/repos/plans';
import type { UnitFacts } from '../../../db/repos/org';
import type { Settings } from '../handlers/settings';

export function paramsOf(i: Pick<IndicatorRecord, 'method' | 'params'>): MethodParams {
  try {
    const p = methodParams.safeParse(JSON.parse(i.params));
    if (p.success && p.data.method === i.method) return p.data as MethodParams;
  } catch {
    // a damaged value falls back to the method's defaults
  }
  return Object.hasOwn(defaultParams, i.method)
    ? defaultParams[i.method as MethodParams['method']]
    : defaultParams.judgement;
}

export const jsonIds = (text: string): number[] => {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
};

/** What stops a unit's letter (blockers) and what the office should know (warnings). */
export function letterProblems(
  plan: PlanRecord,
  unit: UnitFacts,
  targets: Pick<LetterTarget, 'points' | 'kind' | 'leaderId'>[],
): { blockers: string[]; warnings: string[] } {
  const blockers: string[] = [];
  const warnings: string[] = [];
  if (targets.length === 0) blockers.push('没有目标任务');
  else {
    const p = unitPointsProblem(
      plan.totalPoints,
      targets.map((t) => ({ points: t.points, kind: t.kind as IndicatorKindName })),
    );
    if (p) blockers.push(p);
  }
  if (!unit.head) warnings.push('未设单位主要负责人（人员中勾选“单位主要负责人”），签字栏留空');
  // common items (作风, 效能, 形象) are the unit's as a whole; a business target needs a named leader
  const noLeader = targets.filter((t) => t.leaderId === null && t.kind === 'specific').length;
  if (noLeader) warnings.push(`${noLeader} 项业务目标未指定责任领导`);
  return { blockers, warnings };
}

/** An indicator as every letter prints it, worked out once for all units: its group's name, method, categories. */
interface LetterIndicator {
  i: IndicatorRecord;
  group: string;
  method: MethodParams;
  categories: number[];
}

/**
 * What the letters of many units print, read once: the plan's indicators (their methods parsed once) and the units'
 * targets, by unit and indicator. A list of 2,000 units' letters is worked out from these in memory.
 */
export interface LetterFacts {
  indicators: LetterIndicator[];
  targets: Map<number, { all: LetterTarget[]; byIndicator: Map<number, LetterTarget[]> }>;
}

/** The targets of `unitIds` (all units when omitted), by unit and indicator. */
export function targetsByUnit(sqlite: Database.Database, planId: number, unitIds?: number[]): LetterFacts['targets'] {
  const targets: LetterFacts['targets'] = new Map();
  for (const t of letterTargetsOf(sqlite, planId, unitIds)) {
    let unit = targets.get(t.unitId);
    if (!unit) targets.set(t.unitId, (unit = { all: [], byIndicator: new Map() }));
    unit.all.push(t);
    const list = unit.byIndicator.get(t.indicatorId);
    if (list) list.push(t);
    else unit.byIndicator.set(t.indicatorId, [t]);
  }
  return targets;
}

/** Reads the plan's indicators and the targets of `unitIds` (all units when omitted) in two queries. */
export function letterFacts(sqlite: Database.Database, planId: number, unitIds?: number[]): LetterFacts {
  const targets = targetsByUnit(sqlite, planId, unitIds);
  const all = indicatorsOf(sqlite, planId, { counts: false });
  const byId = new Map(all.map((i) => [i.id, i]));
  const indicators = all
    .filter((i) => !i.isGroup)
    .map((i) => ({
      i,
      group: (i.parentId !== null && byId.get(i.parentId)?.name) || '',
      method: paramsOf(i),
      categories: jsonIds(i.categoryIds),
    }));
  return { indicators, targets };
}

/** Everything a unit's letter prints, read from the database (or from `facts` read once for many units). */
export function letterInputFor(
  sqlite: Database.Database,
  settings: Settings,
  plan: PlanRecord,
  unit: UnitFacts,
  o: { number: string; date: string },
  facts: LetterFacts = letterFacts(sqlite, plan.id, [unit.unitId]),
): { input: LetterInput; targets: LetterTarget[] } {
  const mineAll = facts.targets.get(unit.unitId);
  const items: LetterItem[] = [];
  for (const { i, group, method, categories } of facts.indicators) {
    const mine = mineAll?.byIndicator.get(i.id) ?? [];
    const applies = categories.length === 0 || (unit.categoryId !== null && categories.includes(unit.categoryId));
    // base items appear through the unit's targets; bonus, deduction and veto items apply to every unit they cover
    if (baseKinds.includes(i.kind) ? mine.length === 0 : !applies && mine.length === 0) continue;
    items.push({
      group,
      kind: i.kind,
      indicator: i.name,
      points: i.points,
      method,
      standard: i.standard,
      scoringBody: i.scoringBody,
      targets: mine.map((t) => ({
        content: t.content,
        targetValue: t.targetValue,
        measureUnit: t.measureUnit,
        points: t.points,
        leader: t.leaderName,
        isKey: t.isKey,
        isMajor: t.isMajor,
      })),
    });
  }
  const issuer = settings.issuingBodies[0] || settings.unitName;
  if (!issuer)
    throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请系统管理员在“系统设置 → 本单位”中填写后再生成。');
  return {
    targets: mineAll?.all ?? [],
    input: {
      issuer,
      number: o.number,
      year: plan.year,
      planTitle: plan.title,
      basis: plan.basis,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      total: plan.totalPoints,
      partyA: settings.letterPartyA || issuer,
      unit: unit.name,
      head: unit.head,
      items,
      clauses: settings.letterClauses,
      date: o.date,
      copyTo: null,
    },
  };
}

/** A fingerprint of what a letter prints apart from its number and date: any change to it makes the letter stale. */
export function letterFingerprint(input: LetterInput): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...input, number: '', date: '' }))
    .digest('hex');
}
