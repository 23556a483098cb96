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
  type PlanRecord,
  indicatorsOf,
  targetsOf,
  type TargetRecord,
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
  targets: TargetRecord[],
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

/** What the letters of many units print, read once: the plan's indicators and the units' targets. */
export interface LetterFacts {
  indicators: IndicatorRecord[];
  targets: Map<number, TargetRecord[]>;
}

/** Reads the plan's indicators and the targets of `unitIds` (all units when omitted) in two queries. */
export function letterFacts(sqlite: Database.Database, planId: number, unitIds?: number[]): LetterFacts {
  const targets = new Map<number, TargetRecord[]>();
  for (const t of targetsOf(sqlite, { planId, unitIds })) {
    const list = targets.get(t.unitId);
    if (list) list.push(t);
    else targets.set(t.unitId, [t]);
  }
  return { indicators: indicatorsOf(sqlite, planId), targets };
}

/** Everything a unit's letter prints, read from the database (or from `facts` read once for many units). */
export function letterInputFor(
  sqlite: Database.Database,
  settings: Settings,
  plan: PlanRecord,
  unit: UnitFacts,
  o: { number: string; date: string },
  facts?: LetterFacts,
): { input: LetterInput; targets: TargetRecord[] } {
  const targets = facts
    ? (facts.targets.get(unit.unitId) ?? [])
    : targetsOf(sqlite, { planId: plan.id, unitId: unit.unitId });
  const indicators = facts?.indicators ?? indicatorsOf(sqlite, plan.id);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const applies = (i: IndicatorRecord) => {
    const cats = jsonIds(i.categoryIds);
    return cats.length === 0 || (unit.categoryId !== null && cats.includes(unit.categoryId));
  };
  const items: LetterItem[] = [];
  for (const i of indicators) {
    if (i.isGroup) continue;
    const mine = targets.filter((t) => t.indicatorId === i.id);
    // base items appear through the unit's targets; bonus, deduction and veto items apply to every unit they cover
    if (baseKinds.includes(i.kind) ? mine.length === 0 : !applies(i) && mine.length === 0) continue;
    items.push({
      group: (i.parentId !== null && byId.get(i.parentId)?.name) || '',
      kind: i.kind,
      indicator: i.name,
      points: i.points,
      method: paramsOf(i),
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
    targets,
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
