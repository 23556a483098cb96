import { cents, formatPoints, itemsFor, type RecordRef, type ScoreEntry } from '../../core';
import type { AutoSourceName } from '../../core';
import type { Fault } from '../../../db/repos/auto-points';
import { ruleRow, rulesInForce } from './rule-table';
import type { SourceContext } from './sources';

/** How a kind of fault is named and which row of 单位扣分规则 prices it. */
export interface FaultWords {
  overdue: { code: string; words: string };
  late: { code: string; words: string };
  /** How the records are counted: 件 (notices), 项 (rectification items). */
  measure: string;
  refType: string;
}

const short = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

/**
 * The entries of a deduction source: for every unit the indicator applies to (a unit without faults gets 0, so a
 * base item counted this way is never left 尚未评分), per occurrence the number of faults, by judgement the sum of
 * the rule table's points for them (a deduction item takes at most its points; a base item keeps what is left,
 * never below 0). Each entry names its records and the table version that priced them.
 */
export function faultEntries(ctx: SourceContext, key: AutoSourceName, faults: Fault[], w: FaultWords): ScoreEntry[] {
  const fed = ctx.indicators.filter((i) => i.autoSource === key);
  if (fed.length === 0) return [];
  const rules = rulesInForce(ctx.sqlite, 'unit_deductions');
  const price = {
    overdue: Number(ruleRow(rules, w.overdue.code).points),
    late: Number(ruleRow(rules, w.late.code).points),
  };
  const byUnit = new Map<number, Fault[]>();
  for (const f of faults) {
    const list = byUnit.get(f.unitId);
    if (list) list.push(f);
    else byUnit.set(f.unitId, [f]);
  }
  const out: ScoreEntry[] = [];
  for (const u of ctx.units) {
    const list = byUnit.get(u.id) ?? [];
    const n = { overdue: list.filter((f) => f.fault === 'overdue').length, late: 0 };
    n.late = list.length - n.overdue;
    const sum = cents(n.overdue * price.overdue) + cents(n.late * price.late);
    const refs: RecordRef[] = list.map((f) => ({
      type: w.refType,
      id: f.id,
      label: `${f.number ? `${f.number} ` : ''}${short(f.text)}（${w[f.fault].words}，时限 ${f.deadline}）`,
    }));
    const m = w.measure;
    const counted = `${w.overdue.words} ${n.overdue} ${m}、${w.late.words} ${n.late} ${m}`;
    for (const it of itemsFor(fed, u.categoryId)) {
      const base = it.kind === 'common' || it.kind === 'specific';
      if (it.params.method === 'per_occurrence') {
        out.push({ unitId: u.id, indicatorId: it.id, input: { occurrences: list.length }, source: counted, refs });
      } else if (it.params.method === 'judgement') {
        const taken = Math.min(sum, cents(it.points));
        const points = (base ? cents(it.points) - taken : taken) / 100;
        const priced =
          `${rules.title}：${w.overdue.words} ${n.overdue} × ${formatPoints(price.overdue)} 分，` +
          `${w.late.words} ${n.late} × ${formatPoints(price.late)} 分，计 ${formatPoints(sum / 100)} 分` +
          (sum > cents(it.points) ? `（以本指标 ${formatPoints(it.points)} 分为限）` : '');
        out.push({ unitId: u.id, indicatorId: it.id, input: { points }, source: priced, refs });
      }
    }
  }
  return out;
}

/** What a deduction source names as its rule table (kept with every result it fed). */
export const unitDeductionsTable = (ctx: Pick<SourceContext, 'sqlite'>) => {
  const r = rulesInForce(ctx.sqlite, 'unit_deductions');
  return { name: r.name, version: r.version };
};
