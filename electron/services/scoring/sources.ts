import type Database from 'better-sqlite3';
import type { AutoSourceName, ScoreEntry, ScoringIndicator, ScoringUnit } from '../../core';
import type { PlanRecord } from '../../../db/repos/plans';
import { enteredSource } from './source-entered';
import { noticesSource } from './source-notices';
import { progressSource } from './source-progress';
import { rectificationSource } from './source-rectification';
import { costSource } from './source-cost';
import { efficiencySource } from './source-efficiency';
import { complaintsSource } from './source-complaints';
import { accountabilitySource } from './source-accountability';

/**
 * The sources of a plan's score entries, in one list: what the scoring bodies entered, and each kind of record the
 * system already keeps that turns into points (automatic points, each entry naming the records it came from).
 * A register added later (accountability, complaints) adds its key to vocab autoSource and its source here; nothing
 * else changes.
 */

/** A leaf indicator of the plan with where its points come from (null: entered by its scoring body). */
export type SourceIndicator = ScoringIndicator & { autoSource: AutoSourceName | null; scoringBody: string };

export interface SourceContext {
  sqlite: Database.Database;
  plan: PlanRecord;
  /** The plan's leaf indicators, in the plan's order. */
  indicators: SourceIndicator[];
  units: ScoringUnit[];
  /** The day the computation is made (ISO), from the app's clock: what is overdue is overdue as of it. */
  today: string;
}

export interface ScoreSource {
  /** 'entered' for the bodies' entries, else the autoSource key of the indicators it feeds. */
  key: AutoSourceName | 'entered';
  label: string;
  /** One entry per unit × indicator it feeds (or per target where the indicator is scored per target). */
  collect(ctx: SourceContext): ScoreEntry[];
  /** The editable rule table (name and version) the source turns records into points with, if any. */
  ruleTable?(sqlite: Database.Database): RuleTableVersion;
}

/** Which version of an editable rule table produced a result (kept with a frozen result). */
export interface RuleTableVersion {
  name: string;
  version: string;
}

/** Every source; each of the others' modules adds one line here. */
export const scoreSources: ScoreSource[] = [
  enteredSource,
  progressSource,
  noticesSource,
  rectificationSource,
  efficiencySource,
  costSource,
  complaintsSource,
  accountabilitySource,
];

/** The entries of every source for the plan; a source only feeds indicators that name it. */
export function collectEntries(ctx: SourceContext): ScoreEntry[] {
  const out: ScoreEntry[] = [];
  for (const s of scoreSources) {
    const fed =
      s.key === 'entered'
        ? new Set(ctx.indicators.filter((i) => i.autoSource === null).map((i) => i.id))
        : new Set(ctx.indicators.filter((i) => i.autoSource === s.key).map((i) => i.id));
    if (fed.size === 0) continue;
    for (const e of s.collect(ctx)) if (fed.has(e.indicatorId)) out.push(e);
  }
  return out;
}

/** The rule tables the sources that feed this plan used, each once. */
export function ruleTablesOf(ctx: SourceContext): RuleTableVersion[] {
  const used = new Set<string>(ctx.indicators.map((i) => i.autoSource ?? 'entered'));
  const seen = new Map<string, RuleTableVersion>();
  for (const s of scoreSources) {
    if (!s.ruleTable || !used.has(s.key)) continue;
    const t = s.ruleTable(ctx.sqlite);
    seen.set(t.name, t);
  }
  return [...seen.values()];
}
