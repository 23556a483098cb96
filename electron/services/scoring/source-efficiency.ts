import { createHash } from 'node:crypto';
import { type ScoreEntry, asOfFor, efficiencyInput, explainEfficiency, periodOf, unitEfficiency } from '../../core';
import { approvalsBetween, calendarDaysBetween } from '../../../db/repos/efficiency';
import { calendarBetween } from '../efficiency/view';
import type { ScoreSource, SourceContext } from './sources';

/** How many of a unit's late cases an entry names (the drill-down opens them; the full list is on the page). */
const NAMED_CASES = 50;

/**
 * 审批效率 → the indicators whose autoSource is approval_efficiency: per unit, the on-time rate of the cases it
 * accepted in the plan's year (core/efficiency.ts states the rule), open cases judged as of the computation's day
 * (ctx.today) or the year's end, whichever comes first.
 * A unit with no case judged yet gets no entry: the computation shows it as not yet scored, and the page
 * 审批效率与行政成本 shows why.
 */
export const efficiencySource: ScoreSource = {
  key: 'approval_efficiency',
  label: '审批效率（审批记录）',
  collect(ctx: SourceContext): ScoreEntry[] {
    const fed = ctx.indicators.filter((i) => i.autoSource === 'approval_efficiency');
    if (fed.length === 0) return [];
    const period = periodOf(ctx.plan.year, null);
    const cases = approvalsBetween(ctx.sqlite, period.from, period.to);
    const byCase = new Map(cases.map((c) => [c.id, c]));
    const figures = unitEfficiency(
      cases,
      asOfFor(period.to, ctx.today),
      calendarBetween(ctx.sqlite, period.from, period.to),
    );
    const out: ScoreEntry[] = [];
    for (const ind of fed)
      for (const u of ctx.units) {
        if (ind.categoryIds.length && !ind.categoryIds.includes(u.categoryId)) continue;
        const e = figures.get(u.id);
        if (!e) continue;
        const r = efficiencyInput(ind.kind, ind.params, ind.points, e);
        if ('problem' in r) continue;
        out.push({
          unitId: u.id,
          indicatorId: ind.id,
          input: r.input,
          source: `审批效率：${explainEfficiency(e)}`,
          refs: e.over.slice(0, NAMED_CASES).map((j) => {
            const c = byCase.get(j.id)!;
            return { type: 'approval_records', id: j.id, label: `${c.item}（${c.caseNo}），超出${j.overBy}个工作日` };
          }),
        });
      }
    return out;
  },
  /** The calendar decides the working days: its state for the year is what a frozen result was counted with. */
  ruleTable(sqlite) {
    const days = calendarDaysBetween(sqlite, '0000-01-01', '9999-12-31');
    return {
      name: '工作日历（审批效率）',
      version: createHash('sha256').update(JSON.stringify(days)).digest('hex').slice(0, 12),
    };
  },
};
