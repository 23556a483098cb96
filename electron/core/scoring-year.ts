/** The whole computation in one call: checks, scores, ranks and grades, with the basis it used. */

import {
  type ScoreEntry,
  type ScoringBasis,
  type ScoringIndicator,
  type ScoringRules,
  type ScoringUnit,
  type UnitScore,
  computeScores,
} from './scoring';
import { scoringProblems, scoringRulesProblem } from './scoring-check';
import { type GradedUnit, type RankedUnit, assignGrades, describeOrder, rankWithinCategory } from './scoring-rank';

export interface YearScores {
  basis: ScoringBasis;
  /** The ranking rule in words. */
  order: string;
  units: UnitScore[];
  ranks: RankedUnit[];
  grades: GradedUnit[];
  /** Grades a quota could not decide (ties at its boundary), for a person to settle. */
  gradeProblems: string[];
}

/** Refuses bad input with its problems (nothing computed), or scores, ranks and grades every unit. */
export function scoreYear(
  indicators: ScoringIndicator[],
  units: ScoringUnit[],
  entries: ScoreEntry[],
  rules: ScoringRules,
  indicatorVersion: string,
): { ok: false; problems: string[] } | { ok: true; value: YearScores } {
  const ruleProblem = scoringRulesProblem(rules);
  const problems = ruleProblem ? [ruleProblem] : scoringProblems(indicators, units, entries);
  if (problems.length) return { ok: false, problems };
  const scored = computeScores(indicators, units, entries, rules, indicatorVersion);
  const ranks = rankWithinCategory(scored.units, rules.order);
  const { grades, problems: gradeProblems } = assignGrades(scored.units, ranks, rules);
  return {
    ok: true,
    value: {
      basis: scored.basis,
      order: describeOrder(rules.order),
      units: scored.units,
      ranks,
      grades,
      gradeProblems,
    },
  };
}
