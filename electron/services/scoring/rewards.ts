import type Database from 'better-sqlite3';
import {
  type RewardExclusion,
  type RewardMethod,
  type RewardRow,
  type RewardRules,
  type ScoringRules,
  computeRewards,
  describeRewards,
  rewardsProblem,
} from '../../core';
import type { PlanRecord } from '../../../db/repos/plans';
import { latestPlanRules, planRulesHistory, type PlanRulesVersion } from '../../../db/repos/plan-rules';
import type { PlanResults } from './results';
import { latestResults } from './results-view';
import { scoringRulesOf } from './rules';
import { accountabilityExclusion } from './source-accountability';

/**
 * A reason some units get no reward, read from a register: the 一票否决 items of the results now; the accountability
 * decisions (#17) add theirs here, as the score sources do in sources.ts. Every source is always applied.
 */
export interface ExclusionSource {
  key: string;
  label: string;
  /** The rule in words, shown on the rewards screen and the finance sheet. */
  rule: string;
  collect(ctx: { sqlite: Database.Database; plan: PlanRecord; results: PlanResults }): RewardExclusion[];
}

const vetoExclusion: ExclusionSource = {
  key: 'veto',
  label: '一票否决',
  rule: '发生一票否决事项的单位不予奖励',
  collect: ({ results }) =>
    results.scores.units
      .filter((u) => u.vetoed)
      .map((u) => {
        const lines = u.lines.filter((l) => l.input && 'vetoed' in l.input && l.input.vetoed);
        return {
          unitId: u.unitId,
          source: '一票否决',
          reason: `发生一票否决事项（${lines.map((l) => l.name).join('、')}）`,
          refs: lines.flatMap((l) => l.refs ?? []),
        };
      }),
};

/** Every exclusion source; each register that takes a unit out of the rewards adds one line here. */
export const rewardExclusions: ExclusionSource[] = [vetoExclusion, accountabilityExclusion];

export const rewardRulesVersionName = (n: number): string => `奖惩办法第${n}版`;

const rulesOfVersion = (v: PlanRulesVersion): RewardRules => ({
  version: rewardRulesVersionName(v.versionNo),
  method: JSON.parse(v.json) as RewardMethod,
});

/** The plan's reward rule, or null until the office sets one (there is no sensible default amount). */
export function rewardRulesOf(sqlite: Database.Database, plan: Pick<PlanRecord, 'id'>): RewardRules | null {
  const v = latestPlanRules(sqlite, 'plan_reward_rules', plan.id);
  return v ? rulesOfVersion(v) : null;
}

export const rewardRulesHistory = (sqlite: Database.Database, planId: number) =>
  planRulesHistory(sqlite, 'plan_reward_rules', planId).map((v) => ({ ...v, rules: rulesOfVersion(v) }));

/** Every grade the scoring rules can give, each once: the reward table must price each. */
export function gradesOf(r: ScoringRules): string[] {
  const g = r.grading;
  const named =
    g.by === 'threshold'
      ? g.steps.map((s) => s.grade)
      : [...g.perCategory.flatMap((c) => c.steps), ...g.otherwise].map((s) => s.grade);
  return [...new Set([...named, g.rest, g.vetoGrade])];
}

export interface PlanRewards {
  rules: RewardRules;
  words: string;
  scoringVersion: string;
  exclusionRules: { label: string; rule: string }[];
  rows: RewardRow[];
  total: number;
  paid: number;
  excluded: number;
  undecided: number;
}

/** The plan's rewards from its results (resultsOf), or why there are none yet. */
export function rewardsOf(
  sqlite: Database.Database,
  plan: PlanRecord,
  today: string,
): { ok: true; value: PlanRewards } | { ok: false; problems: string[] } {
  const rules = rewardRulesOf(sqlite, plan);
  if (!rules) return { ok: false, problems: ['尚未设置奖惩办法，请先在“奖惩办法”中设置'] };
  const scoring = scoringRulesOf(sqlite, plan);
  const bad = rewardsProblem(rules, gradesOf(scoring));
  if (bad) return { ok: false, problems: [`${rules.version}：${bad}`] };
  const r = latestResults(sqlite, plan, today);
  if (!r.ok) return r;
  const s = r.value.scores;
  const byId = new Map(s.units.map((u) => [u.unitId, u]));
  const grades = new Map(s.grades.map((g) => [g.unitId, g.grade]));
  // listed as the ranking screen lists them: categories by name (未分类 last), each in rank order
  const ranks = [...s.ranks].sort((a, b) => {
    const x = byId.get(a.unitId)!;
    const y = byId.get(b.unitId)!;
    return (
      Number(x.categoryId === 0) - Number(y.categoryId === 0) ||
      x.categoryName.localeCompare(y.categoryName, 'zh') ||
      a.position - b.position
    );
  });
  const units = ranks.map((k) => {
    const u = byId.get(k.unitId)!;
    return {
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      categoryName: u.categoryName,
      total: u.total,
      grade: grades.get(u.unitId) ?? null,
    };
  });
  const exclusions = rewardExclusions.flatMap((x) => x.collect({ sqlite, plan, results: r.value }));
  return {
    ok: true,
    value: {
      rules,
      words: describeRewards(rules),
      scoringVersion: s.basis.ruleVersion,
      exclusionRules: rewardExclusions.map((x) => ({ label: x.label, rule: x.rule })),
      ...computeRewards(units, rules, exclusions),
    },
  };
}
