import { complaintCategory } from '../../vocab';
import { cents } from '../../core';
import { formatPoints, itemsFor, type RecordRef, type ScoreEntry } from '../../core';
import { substantiatedComplaints } from '../../../db/repos/complaints';
import { ruleRow, rulesInForce } from './rule-table';
import type { ScoreSource, SourceContext } from './sources';

const short = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

/**
 * Substantiated complaints (投诉查实) concluded within the plan's period, per unit: per occurrence their number, by
 * judgement the sum of 投诉扣分规则's points for their categories (a deduction item takes at most its points; a base
 * item keeps what is left). A unit without one gets 0, so the item is never left unscored.
 */
function collect(ctx: SourceContext): ScoreEntry[] {
  const fed = ctx.indicators.filter((i) => i.autoSource === 'complaints');
  if (fed.length === 0) return [];
  const rules = rulesInForce(ctx.sqlite, 'complaint_deductions');
  const price = (category: string) => Number(ruleRow(rules, category).points);
  const byUnit = new Map<number, ReturnType<typeof substantiatedComplaints>>();
  for (const c of substantiatedComplaints(ctx.sqlite, { from: ctx.plan.periodStart, to: ctx.plan.periodEnd })) {
    const list = byUnit.get(c.unitId) ?? [];
    list.push(c);
    byUnit.set(c.unitId, list);
  }
  const out: ScoreEntry[] = [];
  for (const u of ctx.units) {
    const list = byUnit.get(u.id) ?? [];
    const sum = list.reduce((s, c) => s + cents(price(c.category)), 0);
    const refs: RecordRef[] = list.map((c) => ({
      type: 'complaints',
      id: c.id,
      label:
        `${c.ref ? `${c.ref} ` : ''}${short(c.content)}` +
        `（${complaintCategory.label(c.category)}，${c.concludedOn} 查实）`,
    }));
    for (const it of itemsFor(fed, u.categoryId)) {
      const base = it.kind === 'common' || it.kind === 'specific';
      if (it.params.method === 'per_occurrence') {
        out.push({
          unitId: u.id,
          indicatorId: it.id,
          input: { occurrences: list.length },
          source: `查实投诉 ${list.length} 件`,
          refs,
        });
      } else if (it.params.method === 'judgement') {
        const taken = Math.min(sum, cents(it.points));
        const points = (base ? cents(it.points) - taken : taken) / 100;
        const priced =
          `${rules.title}：查实投诉 ${list.length} 件，计 ${formatPoints(sum / 100)} 分` +
          (sum > cents(it.points) ? `（以本指标 ${formatPoints(it.points)} 分为限）` : '');
        out.push({ unitId: u.id, indicatorId: it.id, input: { points }, source: priced, refs });
      }
    }
  }
  return out;
}

export const complaintsSource: ScoreSource = {
  key: 'complaints',
  label: '查实的投诉',
  collect,
  ruleTable: (sqlite) => {
    const r = rulesInForce(sqlite, 'complaint_deductions');
    return { name: r.name, version: r.version };
  },
};
