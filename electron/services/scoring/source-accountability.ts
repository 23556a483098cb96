import { cents, formatPoints, itemsFor, type RecordRef, type ScoreEntry } from '../../core';
import { decisionFacts, type DecisionFact } from '../../../db/repos/case-decisions';
import { decisionEffects } from '../accountability/view';
import { ruleRow, rulesInForce } from './rule-table';
import type { ScoreSource, SourceContext } from './sources';
import { unitDeductionsTable } from './deductions';

/**
 * 问责决定 into a unit's automatic points: each served decision in force, decided within the plan's period, whose form
 * the forms table (the version the decision stored) marks 计入单位扣分, priced by the 单位扣分规则 in force — a
 * leadership-team member (行政首长 or leader) per 人次 at 领导班子成员被问责, other staff at 一般工作人员被问责, a unit
 * itself at 发生重大问题.
 */

export type Priced = 'accountability_leader' | 'accountability_staff' | 'major_problem';

export interface UnitDecision {
  decision: DecisionFact;
  code: Priced;
}

/** The decisions that count against units in a period, each with the row of 单位扣分规则 that prices it. */
export function unitDecisions(ctx: Pick<SourceContext, 'sqlite'>, from: string, to: string): UnitDecision[] {
  const out: UnitDecision[] = [];
  for (const d of decisionFacts(ctx.sqlite, { from, to, states: ['served'] })) {
    if (!decisionEffects(ctx.sqlite, d).some((e) => e.unitDeduction)) continue;
    const code: Priced =
      d.subjectKind === 'unit'
        ? 'major_problem'
        : d.isHead || d.isLeader
          ? 'accountability_leader'
          : 'accountability_staff';
    out.push({ decision: d, code });
  }
  return out;
}

function entries(ctx: SourceContext): ScoreEntry[] {
  const fed = ctx.indicators.filter((i) => i.autoSource === 'accountability');
  if (fed.length === 0) return [];
  const rules = rulesInForce(ctx.sqlite, 'unit_deductions');
  const price = (code: Priced) => Number(ruleRow(rules, code).points);
  const byUnit = new Map<number, UnitDecision[]>();
  for (const u of unitDecisions(ctx, ctx.plan.periodStart, ctx.plan.periodEnd)) {
    const list = byUnit.get(u.decision.unitId);
    if (list) list.push(u);
    else byUnit.set(u.decision.unitId, [u]);
  }
  const out: ScoreEntry[] = [];
  for (const unit of ctx.units) {
    const list = byUnit.get(unit.id) ?? [];
    const sum = list.reduce((s, u) => s + cents(price(u.code)), 0);
    const refs: RecordRef[] = list.map((u) => ({
      type: 'case_decisions',
      id: u.decision.id,
      label: `${u.decision.number} ${u.decision.subjectName}（${u.decision.forms.join('、')}）`,
    }));
    const words = list.map((u) => `${u.decision.subjectName} ${formatPoints(price(u.code))} 分`).join('，');
    for (const it of itemsFor(fed, unit.categoryId)) {
      const base = it.kind === 'common' || it.kind === 'specific';
      if (it.params.method === 'per_occurrence') {
        out.push({
          unitId: unit.id,
          indicatorId: it.id,
          input: { occurrences: list.length },
          source: `问责决定 ${list.length} 件`,
          refs,
        });
      } else if (it.params.method === 'judgement') {
        const taken = Math.min(sum, cents(it.points));
        const points = (base ? cents(it.points) - taken : taken) / 100;
        const priced =
          `${rules.title}：问责决定 ${list.length} 件${words ? `（${words}）` : ''}，计 ${formatPoints(sum / 100)} 分` +
          (sum > cents(it.points) ? `（以本指标 ${formatPoints(it.points)} 分为限）` : '');
        out.push({ unitId: unit.id, indicatorId: it.id, input: { points }, source: priced, refs });
      }
    }
  }
  return out;
}

export const accountabilitySource: ScoreSource = {
  key: 'accountability',
  label: '问责决定（已送达的问责决定书）',
  collect: entries,
  ruleTable: (sqlite) => unitDeductionsTable({ sqlite }),
};

/**
 * The units a served decision takes out of the rewards: those whose decision is priced by a row of 单位扣分规则 marked
 * 取消评优 (by default 发生重大问题), decided within the plan's period (services/scoring/rewards.ts lists it).
 */
export const accountabilityExclusion = {
  key: 'accountability',
  label: '问责决定',
  rule: '被问责且按“单位扣分规则”中标明“取消评优”的事项扣分的单位，当年不予奖励',
  collect: (ctx: { sqlite: SourceContext['sqlite']; plan: SourceContext['plan'] }) => {
    const rules = rulesInForce(ctx.sqlite, 'unit_deductions');
    return unitDecisions(ctx, ctx.plan.periodStart, ctx.plan.periodEnd)
      .filter((u) => ruleRow(rules, u.code).noAward === true)
      .map((u) => ({
        unitId: u.decision.unitId,
        source: '问责决定',
        reason: `${u.decision.number}：${String(ruleRow(rules, u.code).item)}（${rules.title}，取消评优）`,
        refs: [
          {
            type: 'case_decisions',
            id: u.decision.id,
            label: `${u.decision.number} ${u.decision.subjectName}（${u.decision.forms.join('、')}）`,
          },
        ],
      }));
  },
};
