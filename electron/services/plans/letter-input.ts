import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { methodParams } from '../../contract/channels/plans';
import {
  type LetterInput,
  type LetterItem,
  type MethodParams,
  baseKinds,
  basePointsProblem,
  cents,
  defaultParams,
} from '../../core';
import {
  type IndicatorKindValue,
  type IndicatorRecord,
  type LetterTarget,
  type PlanRecord,
  indicatorKinds,
  indicatorsOf,
  letterTargetsOf,
  personName,
  targetLeaderNames,
} from '../../../db/repos/plans';
import type { UnitFacts } from '../../../db/repos/org';
import type { Settings } from '../handlers/settings';
import {
  type LetterHeader,
  type LetterPrint,
  type PrintedIndicator,
  fingerprintV1,
  fingerprintV2,
  headerPart,
  indicatorsPart,
  targetsDigest,
  unitPart,
} from './letter-fingerprint';

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

/** What a unit's targets add up to, as its letter's checks and its row in the list need them. */
export interface TargetTally {
  /** The kinds it was worked out with (PlanFacts.kindsKey): kept while they are. */
  kindsKey: string;
  count: number;
  /** Base points (common and specific), in cents. */
  base: number;
  /** Business targets without a named leader. */
  noLeader: number;
}

/** What stops a unit's letter (blockers) and what the office should know (warnings). */
export function letterProblems(
  plan: PlanRecord,
  unit: UnitFacts,
  tally: TargetTally,
): { blockers: string[]; warnings: string[] } {
  const blockers: string[] = [];
  const warnings: string[] = [];
  if (tally.count === 0) blockers.push('没有目标任务');
  else {
    const p = basePointsProblem(plan.totalPoints, tally.base);
    if (p) blockers.push(p);
  }
  if (!unit.head) warnings.push('未设单位主要负责人（人员中勾选“单位主要负责人”），签字栏留空');
  // common items (作风, 效能, 形象) are the unit's as a whole; a business target needs a named leader
  if (tally.noLeader) warnings.push(`${tally.noLeader} 项业务目标未指定责任领导`);
  return { blockers, warnings };
}

/** An indicator as every letter prints it, worked out once for all units: the item's part, and its categories. */
interface LetterIndicator {
  i: IndicatorRecord;
  printed: PrintedIndicator;
  categories: number[];
}

/**
 * A unit's targets as read, by indicator; their digest and tally are worked out when first asked and kept with them
 * (a target written gives its unit a new UnitTargets).
 */
export interface UnitTargets {
  all: LetterTarget[];
  byIndicator: Map<number, LetterTarget[]>;
  digest?: string;
  tally?: TargetTally;
}

/** What the letters of a plan share, read once: the indicators they print, every indicator's kind. */
export interface PlanFacts {
  indicators: LetterIndicator[];
  kinds: Map<number, IndicatorKindValue>;
  /** The kinds as one text: a tally worked out with the same kinds is kept. */
  kindsKey: string;
}

/**
 * What the letters of many units print, read once: the plan's indicators (their methods parsed once), the units'
 * targets, by unit and indicator, and their leaders' names. A list of 2,000 units' letters is worked out from these.
 */
export interface LetterFacts extends PlanFacts {
  targets: Map<number, UnitTargets>;
  /** Names by person id, as far as read; a leader not in it is looked up when asked. */
  leaders: Map<number, string | null>;
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

/** Reads the plan's indicators. */
export function planFacts(sqlite: Database.Database, planId: number): PlanFacts {
  const all = indicatorsOf(sqlite, planId, { counts: false });
  const byId = new Map(all.map((i) => [i.id, i]));
  const indicators = all
    .filter((i) => !i.isGroup)
    .map((i) => ({
      i,
      // the keys in the order earlier releases printed them: the v1 fingerprint hashes the item as one JSON text
      printed: {
        group: (i.parentId !== null && byId.get(i.parentId)?.name) || '',
        kind: i.kind,
        indicator: i.name,
        points: i.points,
        method: paramsOf(i),
        standard: i.standard,
        scoringBody: i.scoringBody,
      },
      categories: jsonIds(i.categoryIds),
    }));
  const kinds = indicatorKinds(sqlite, planId);
  return { indicators, kinds, kindsKey: JSON.stringify([...kinds]) };
}

/** Reads what the letters of `unitIds` (all units when omitted) print: the plan's facts and the units' targets. */
export function letterFacts(sqlite: Database.Database, planId: number, unitIds?: number[]): LetterFacts {
  return {
    ...planFacts(sqlite, planId),
    targets: targetsByUnit(sqlite, planId, unitIds),
    leaders: targetLeaderNames(sqlite, planId, unitIds),
  };
}

/** A unit's targets with their indicators' kinds (a target whose indicator is gone is not the letter's). */
export const kindedTargets = (facts: Pick<PlanFacts, 'kinds'>, mine: UnitTargets | undefined) =>
  (mine?.all ?? []).flatMap((t) => {
    const kind = facts.kinds.get(t.indicatorId);
    return kind ? [{ ...t, kind }] : [];
  });

const noTargets: TargetTally = { kindsKey: '', count: 0, base: 0, noLeader: 0 };

/** A unit's targets added up, kept with them while the kinds are the same. */
function tallyOf(facts: PlanFacts, mine: UnitTargets | undefined): TargetTally {
  if (!mine) return noTargets;
  if (mine.tally?.kindsKey === facts.kindsKey) return mine.tally;
  const tally = { kindsKey: facts.kindsKey, count: 0, base: 0, noLeader: 0 };
  for (const t of mine.all) {
    const kind = facts.kinds.get(t.indicatorId);
    if (!kind) continue;
    tally.count++;
    if (baseKinds.includes(kind)) tally.base += cents(t.points);
    if (kind === 'specific' && t.leaderId === null) tally.noLeader++;
  }
  return (mine.tally = tally);
}

/** What one call works out once for all the letters it looks at: the facts, the header, hashes of shared parts. */
export interface LetterRun {
  sqlite: Database.Database;
  settings: Settings;
  plan: PlanRecord;
  facts: LetterFacts;
  /** The header and its hash, when first asked (a plan without an issuer set throws then). */
  header?: { value: LetterHeader; hash: string };
  /** The hash of each set of printed indicators, by their ids. */
  indicatorHashes: Map<string, string>;
  /**
   * Each unit's own part of its fingerprint, by the targets it was worked out from: given by a caller that keeps it
   * while the units and people are unchanged (the letters list), so a change to the plan hashes it not again.
   */
  own?: Map<number, { from: UnitTargets | undefined; hash: string }>;
}

export const letterRun = (
  sqlite: Database.Database,
  settings: Settings,
  plan: PlanRecord,
  facts: LetterFacts,
  own?: LetterRun['own'],
): LetterRun => ({ sqlite, settings, plan, facts, indicatorHashes: new Map(), own });

function headerOf(run: LetterRun): { value: LetterHeader; hash: string } {
  if (run.header) return run.header;
  const { settings, plan } = run;
  const issuer = settings.issuingBodies[0] || settings.unitName;
  if (!issuer)
    throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请系统管理员在“系统设置 → 本单位”中填写后再生成。');
  const value: LetterHeader = {
    issuer,
    year: plan.year,
    planTitle: plan.title,
    basis: plan.basis,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    total: plan.totalPoints,
    partyA: settings.letterPartyA || issuer,
    clauses: settings.letterClauses,
    copyTo: null,
  };
  return (run.header = { value, hash: headerPart(value) });
}

function leaderOf(run: LetterRun, id: number | null): string | null {
  if (id === null) return null;
  let name = run.facts.leaders.get(id);
  if (name === undefined) run.facts.leaders.set(id, (name = personName(run.sqlite, id)));
  return name;
}

/** The indicators a unit's letter prints, in order. */
function printedOf(run: LetterRun, unit: UnitFacts): LetterIndicator[] {
  const mine = run.facts.targets.get(unit.unitId);
  return run.facts.indicators.filter(({ i, categories }) => {
    const has = !!mine?.byIndicator.has(i.id);
    const applies = categories.length === 0 || (unit.categoryId !== null && categories.includes(unit.categoryId));
    // base items appear through the unit's targets; bonus, deduction and veto items apply to every unit they cover
    return baseKinds.includes(i.kind) ? has : applies || has;
  });
}

/** Everything a unit's letter prints. */
export function letterInputOf(run: LetterRun, unit: UnitFacts, o: { number: string; date: string }): LetterInput {
  const mine = run.facts.targets.get(unit.unitId);
  const items: LetterItem[] = printedOf(run, unit).map(({ i, printed }) => ({
    ...printed,
    targets: (mine?.byIndicator.get(i.id) ?? []).map((t) => ({
      content: t.content,
      targetValue: t.targetValue,
      measureUnit: t.measureUnit,
      points: t.points,
      leader: leaderOf(run, t.leaderId),
      isKey: t.isKey,
      isMajor: t.isMajor,
    })),
  }));
  const h = headerOf(run).value;
  // the keys in the order earlier releases built them: the v1 fingerprint hashes this object as one JSON text
  return {
    issuer: h.issuer,
    number: o.number,
    year: h.year,
    planTitle: h.planTitle,
    basis: h.basis,
    periodStart: h.periodStart,
    periodEnd: h.periodEnd,
    total: h.total,
    partyA: h.partyA,
    unit: unit.name,
    head: unit.head,
    items,
    clauses: h.clauses,
    date: o.date,
    copyTo: h.copyTo,
  };
}

/** What a row of the letters list says of what a unit's letter would print now (not the letter itself). */
export interface LetterNow extends LetterPrint {
  targets: number;
  /** The base points of the unit's targets (common and specific). */
  points: number;
  blockers: string[];
  warnings: string[];
}

const noDigest = targetsDigest([]);

function ownPart(run: LetterRun, unit: UnitFacts, mine: UnitTargets | undefined): string {
  const kept = run.own?.get(unit.unitId);
  if (kept && kept.from === mine) return kept.hash;
  if (mine && mine.digest === undefined) mine.digest = targetsDigest(mine.all);
  const hash = unitPart(
    unit,
    mine?.digest ?? noDigest,
    (mine?.all ?? []).map((t) => leaderOf(run, t.leaderId)),
  );
  run.own?.set(unit.unitId, { from: mine, hash });
  return hash;
}

/** What a unit's letter would print now: its fingerprint (the one place it is worked out), what blocks it. */
export function letterNow(run: LetterRun, unit: UnitFacts): LetterNow {
  const mine = run.facts.targets.get(unit.unitId);
  const printed = printedOf(run, unit);
  const key = printed.map((p) => p.i.id).join(',');
  let indicators = run.indicatorHashes.get(key);
  if (indicators === undefined)
    run.indicatorHashes.set(key, (indicators = indicatorsPart(printed.map((p) => p.printed))));
  const tally = tallyOf(run.facts, mine);
  return {
    targets: tally.count,
    points: tally.base / 100,
    ...letterProblems(run.plan, unit, tally),
    fingerprint: fingerprintV2(headerOf(run).hash, indicators, ownPart(run, unit, mine)),
    v1: () => fingerprintV1(letterInputOf(run, unit, { number: '', date: '' })),
  };
}
