import { AppError } from '../../contract';
import {
  type RankKey,
  type ScoringRules,
  describeOrder,
  describeRewards,
  rankKeys,
  rewardsProblem,
  scoringRulesProblem,
} from '../../core';
import { insertPlanRules } from '../../../db/repos/plan-rules';
import { planById, type PlanRecord } from '../../../db/repos/plans';
import { drillDownWorkbook, rankingWorkbook, rewardsWorkbook } from '../excel/results-export';
import { fileStamp } from '../file-stamp';
import { todayOf } from '../org/write';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { drillDownView, resultsView } from '../scoring/results-view';
import { gradesOf, rewardExclusions, rewardRulesHistory, rewardRulesOf, rewardsOf } from '../scoring/rewards';
import { rulesLockProblem, scoringRulesHistory, scoringRulesOf, scoringRulesVersionName } from '../scoring/rules';
import { scoringUnits } from '../scoring/year';
import { resultClues } from '../../../db/repos/clues';
import { rankKeyNames } from '../../contract/channels/results';

// the contract's list and core's keys are one list: a key added to one and not the other fails to compile here
const keys: readonly RankKey[] = rankKeyNames;

function planOf(ctx: HandlerContext, id: number): PlanRecord {
  const p = planById(ctx.sqlite, id);
  if (!p) throw new AppError('NOT_FOUND', '没有找到这个考核方案，请刷新。');
  return p;
}

const file = (name: string, buffer: Buffer) => ({ fileName: name, base64: buffer.toString('base64') });

/** The plan's categories with how many of its units are in each (quotas are set per category). */
function categoriesOf(ctx: HandlerContext, plan: PlanRecord) {
  const seen = new Map<number, { id: number; name: string; units: number }>();
  for (const u of scoringUnits(ctx.sqlite, plan)) {
    const c = seen.get(u.categoryId);
    if (c) c.units++;
    else seen.set(u.categoryId, { id: u.categoryId, name: u.categoryName, units: 1 });
  }
  return [...seen.values()].sort(
    (a, b) => Number(a.id === 0) - Number(b.id === 0) || a.name.localeCompare(b.name, 'zh'),
  );
}

/** Rewards may still be set after the results are out (that is when they are paid), not once archived. */
const rewardsLock = (plan: PlanRecord): string | null =>
  plan.state === 'closed' ? '方案已归档，奖惩办法不能再修改。' : null;

export const resultsHandlers: Handlers<
  | 'results.rules'
  | 'results.saveRules'
  | 'results.get'
  | 'results.drillDown'
  | 'results.export'
  | 'results.exportDrillDown'
  | 'rewards.rules'
  | 'rewards.saveRules'
  | 'rewards.get'
  | 'rewards.export'
> = {
  'results.rules': (ctx, input) => {
    const plan = planOf(ctx, input.planId);
    const rules = scoringRulesOf(ctx.sqlite, plan);
    const history = scoringRulesHistory(ctx.sqlite, plan.id).map((v) => ({
      version: v.rules.version,
      reason: v.reason,
      savedBy: v.savedBy,
      savedAt: v.savedAt,
      rules: v.rules,
      orderWords: describeOrder(v.rules.order),
    }));
    const lockReason = rulesLockProblem(ctx.sqlite, plan);
    return {
      rules,
      saved: history[0] ? { ...history[0] } : null,
      history,
      editable: lockReason === null,
      lockReason,
      rankKeys: keys.map((key) => ({ key, words: rankKeys[key].words })),
      orderWords: describeOrder(rules.order),
      categories: categoriesOf(ctx, plan),
    };
  },
  'results.saveRules': (ctx, input) => {
    const plan = planOf(ctx, input.planId);
    const locked = rulesLockProblem(ctx.sqlite, plan);
    if (locked) throw new AppError('RULE_VIOLATION', locked);
    const rules: ScoringRules = { ...input.rules, version: 'next' };
    const bad = scoringRulesProblem(rules);
    if (bad) throw new AppError('RULE_VIOLATION', bad);
    const { version: _v, ...body } = rules;
    const n = insertPlanRules(ctx.records, ctx.sqlite, 'plan_scoring_rules', {
      planId: plan.id,
      json: JSON.stringify(body),
      reason: input.reason,
      savedBy: ctx.caller.username,
    });
    const version = scoringRulesVersionName(n);
    ctx.audit(`plan:${plan.id}`, { scoringRules: version, reason: input.reason, rules: body });
    return { version };
  },
  'results.get': (ctx, input) => {
    const plan = planOf(ctx, input.planId);
    const view = resultsView(ctx.sqlite, plan, todayOf(ctx.now));
    return { ...view, clues: resultClues(ctx.sqlite, plan.id) };
  },
  'results.drillDown': (ctx, input) =>
    drillDownView(ctx.sqlite, planOf(ctx, input.planId), input.unitId, todayOf(ctx.now)),
  // an export is audited, so its run is synchronous inside the transaction: the workbook is made before it
  'results.export': prepared(
    async (ctx, input) => {
      const plan = planOf(ctx, input.planId);
      const v = resultsView(ctx.sqlite, plan, todayOf(ctx.now));
      if (v.problems.length) throw new AppError('RULE_VIOLATION', `结果尚不能计算：${v.problems[0]}`);
      return { plan, ruleVersion: v.ruleVersion, buffer: await rankingWorkbook(plan.title, v) };
    },
    (ctx, _input, p) => {
      ctx.audit(`plan:${p.plan.id}`, { exported: 'ranking', ruleVersion: p.ruleVersion });
      return file(`考核排名-${p.plan.year}-${fileStamp(ctx.now)}.xlsx`, p.buffer);
    },
  ),
  'results.exportDrillDown': prepared(
    async (ctx, input) => {
      const plan = planOf(ctx, input.planId);
      const d = drillDownView(ctx.sqlite, plan, input.unitId, todayOf(ctx.now));
      return { plan, d, buffer: await drillDownWorkbook(plan.title, d) };
    },
    (ctx, input, p) => {
      ctx.audit(`plan:${p.plan.id}`, { exported: 'drillDown', unitId: input.unitId, ruleVersion: p.d.ruleVersion });
      return file(`得分反查-${p.d.unit.name}-${fileStamp(ctx.now)}.xlsx`, p.buffer);
    },
  ),
  'rewards.rules': (ctx, input) => {
    const plan = planOf(ctx, input.planId);
    const history = rewardRulesHistory(ctx.sqlite, plan.id).map((v) => ({
      version: v.rules.version,
      reason: v.reason,
      savedBy: v.savedBy,
      savedAt: v.savedAt,
      words: describeRewards(v.rules),
    }));
    const lockReason = rewardsLock(plan);
    const h = history[0];
    return {
      method: rewardRulesOf(ctx.sqlite, plan)?.method ?? null,
      saved: h ? { version: h.version, reason: h.reason, savedBy: h.savedBy, savedAt: h.savedAt } : null,
      history,
      editable: lockReason === null,
      lockReason,
      grades: gradesOf(scoringRulesOf(ctx.sqlite, plan)),
      exclusionRules: rewardExclusions.map((x) => ({ label: x.label, rule: x.rule })),
    };
  },
  'rewards.saveRules': (ctx, input) => {
    const plan = planOf(ctx, input.planId);
    const locked = rewardsLock(plan);
    if (locked) throw new AppError('RULE_VIOLATION', locked);
    const bad = rewardsProblem({ version: 'next', method: input.method }, gradesOf(scoringRulesOf(ctx.sqlite, plan)));
    if (bad) throw new AppError('RULE_VIOLATION', bad);
    const n = insertPlanRules(ctx.records, ctx.sqlite, 'plan_reward_rules', {
      planId: plan.id,
      json: JSON.stringify(input.method),
      reason: input.reason,
      savedBy: ctx.caller.username,
    });
    const version = rewardRulesOf(ctx.sqlite, plan)!.version;
    ctx.audit(`plan:${plan.id}`, { rewardRules: version, versionNo: n, reason: input.reason, method: input.method });
    return { version };
  },
  'rewards.get': (ctx, input) => {
    const plan = planOf(ctx, input.planId);
    const r = rewardsOf(ctx.sqlite, plan, todayOf(ctx.now));
    if (!r.ok)
      return {
        problems: r.problems,
        version: rewardRulesOf(ctx.sqlite, plan)?.version ?? '',
        words: '',
        scoringVersion: scoringRulesOf(ctx.sqlite, plan).version,
        exclusionRules: rewardExclusions.map((x) => ({ label: x.label, rule: x.rule })),
        rows: [],
        total: 0,
        paid: 0,
        excluded: 0,
        undecided: 0,
      };
    const { rules, ...rest } = r.value;
    return { problems: [], version: rules.version, ...rest };
  },
  'rewards.export': prepared(
    async (ctx, input) => {
      const plan = planOf(ctx, input.planId);
      const r = rewardsOf(ctx.sqlite, plan, todayOf(ctx.now));
      if (!r.ok) throw new AppError('RULE_VIOLATION', r.problems[0]!);
      return { plan, r: r.value, buffer: await rewardsWorkbook(plan.title, r.value) };
    },
    (ctx, _input, p) => {
      ctx.audit(`plan:${p.plan.id}`, { exported: 'rewards', version: p.r.rules.version, total: p.r.total });
      return file(`奖励核算表-${p.plan.year}-${fileStamp(ctx.now)}.xlsx`, p.buffer);
    },
  ),
};
