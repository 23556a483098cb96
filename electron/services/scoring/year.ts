import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  type ScoreEntry,
  type ScoringRules,
  type ScoringUnit,
  type YearScores,
  isAutoSource,
  scoreYear,
} from '../../core';
import { lettersOf } from '../../../db/repos/letters';
import { unitFacts } from '../../../db/repos/org';
import { indicatorsOf, type PlanRecord, targetUnitIds } from '../../../db/repos/plans';
import { jsonIds, paramsOf } from '../plans/letter-input';
import { todayOf } from '../org/write';
import { scoringRulesOf } from './rules';
import {
  collectEntries,
  type RuleTableVersion,
  ruleTablesOf,
  type SourceContext,
  type SourceIndicator,
} from './sources';

/** Units without a category are ranked together under this name. */
export const UNCATEGORISED = { id: 0, name: '未分类' };

/** The plan's leaf indicators as the scoring reads them, and a version that changes when any of them does. */
export function scoringIndicators(
  sqlite: Database.Database,
  planId: number,
): { list: SourceIndicator[]; version: string } {
  const rows = indicatorsOf(sqlite, planId, { counts: false }).filter((i) => !i.isGroup);
  const list = rows.map((i): SourceIndicator => ({
    id: i.id,
    name: i.name,
    kind: i.kind,
    points: i.points,
    params: paramsOf(i),
    categoryIds: jsonIds(i.categoryIds),
    autoSource: i.autoSource !== null && isAutoSource(i.autoSource) ? i.autoSource : null,
    scoringBody: i.scoringBody,
  }));
  const hash = createHash('sha256');
  for (const i of list)
    hash.update(JSON.stringify([i.id, i.name, i.kind, i.points, i.params, i.categoryIds, i.autoSource]));
  return { list, version: hash.digest('hex').slice(0, 12) };
}

/** The units the plan assesses (those with targets or a letter), each in its category. */
export function scoringUnits(sqlite: Database.Database, plan: PlanRecord): ScoringUnit[] {
  const ids = new Set([...targetUnitIds(sqlite, plan.id), ...lettersOf(sqlite, plan.id).map((l) => l.unitId)]);
  return unitFacts(sqlite)
    .filter((u) => ids.has(u.unitId))
    .map((u) => ({
      id: u.unitId,
      code: u.code,
      name: u.name,
      categoryId: u.categoryId ?? UNCATEGORISED.id,
      categoryName: u.categoryName ?? UNCATEGORISED.name,
    }));
}

export interface YearInputs {
  ctx: SourceContext;
  entries: ScoreEntry[];
  indicatorVersion: string;
  /** The editable rule tables the automatic points were counted with. */
  ruleTables: RuleTableVersion[];
}

/** Everything a year's computation reads, from every registered source. */
export function yearInputs(sqlite: Database.Database, plan: PlanRecord, today = todayOf(Date.now())): YearInputs {
  const { list, version } = scoringIndicators(sqlite, plan.id);
  const ctx: SourceContext = { sqlite, plan, indicators: list, units: scoringUnits(sqlite, plan), today };
  return { ctx, entries: collectEntries(ctx), indicatorVersion: version, ruleTables: ruleTablesOf(ctx) };
}

/**
 * The plan's scores, ranks and grades as the data stand now (not frozen), or the problems that stop them. A handler
 * passes `today` from its clock (todayOf(ctx.now)): overdue notices and rectification are counted as of that day.
 */
export function computeYear(
  sqlite: Database.Database,
  plan: PlanRecord,
  rules: ScoringRules = scoringRulesOf(sqlite, plan),
  today?: string,
): ReturnType<typeof scoreYear> & { inputs: YearInputs } {
  const inputs = yearInputs(sqlite, plan, today);
  const r = scoreYear(inputs.ctx.indicators, inputs.ctx.units, inputs.entries, rules, inputs.indicatorVersion);
  return Object.assign(r, { inputs });
}

export type { YearScores };
