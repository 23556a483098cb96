import type Database from 'better-sqlite3';
import type { YearScores } from '../../core';
import type { PlanRecord } from '../../../db/repos/plans';
import { computeYear, type YearInputs } from './year';

/** What the results screens, the charts and the rewards read: the frozen result if there is one, else as of now. */
export interface PlanResults {
  /** Null while the result is computed live; else the number of the snapshot shown (1, 2 … after objections). */
  snapshotNo: number | null;
  scores: YearScores;
  ruleTables: YearInputs['ruleTables'];
}

export type ResultsOrProblems = { ok: true; value: PlanResults } | { ok: false; problems: string[] };

/**
 * The plan's results as they stand; a frozen plan's come from its latest snapshot (services/scoring/publication).
 * `today` is the caller's clock (todayOf(ctx.now)): what is overdue is counted as of it.
 */
export function resultsOf(sqlite: Database.Database, plan: PlanRecord, today: string): ResultsOrProblems {
  const r = computeYear(sqlite, plan, undefined, today);
  if (!r.ok) return r;
  return { ok: true, value: { snapshotNo: null, scores: r.value, ruleTables: r.inputs.ruleTables } };
}
