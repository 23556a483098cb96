import type Database from 'better-sqlite3';
import { caseState, faultCategory } from '../../vocab';
import { listCases } from '../../../db/repos/cases';
import { decisionFacts } from '../../../db/repos/case-decisions';

/** Cases of a year by state and by fault category; the decisions in force by form and by unit. */

interface Count {
  key: string;
  label: string;
  n: number;
}

function counted(keys: string[], label: (k: string) => string, order?: readonly string[]): Count[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  const all = order ? [...order, ...[...m.keys()].filter((k) => !order.includes(k))] : [...m.keys()];
  return all.map((k) => ({ key: k, label: label(k), n: m.get(k) ?? 0 })).filter((c) => order || c.n > 0);
}

export function caseStatsOf(sqlite: Database.Database, year: number) {
  const cases = listCases(sqlite, { year });
  const decisions = decisionsInForce(sqlite, year);
  return {
    year,
    cases: cases.length,
    decisions: decisions.length,
    byState: counted(
      cases.map((c) => c.state),
      (k) => caseState.label(k as never),
      caseState.values,
    ),
    byCategory: counted(
      cases.map((c) => c.faultCategory),
      (k) => faultCategory.label(k as never),
      faultCategory.values,
    ),
    byForm: counted(
      decisions.flatMap((d) => d.forms),
      (k) => k,
    ).sort((a, b) => b.n - a.n),
    byUnit: counted(
      decisions.map((d) => d.unitName),
      (k) => k,
    ).sort((a, b) => b.n - a.n),
  };
}

/** The decisions of a year that stand (made or served; changed and revoked ones left out). */
export const decisionsInForce = (sqlite: Database.Database, year: number) =>
  decisionFacts(sqlite, { from: `${year}-01-01`, to: `${year}-12-31`, states: ['made', 'served'] });
