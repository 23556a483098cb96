import { createHash } from 'node:crypto';
import { type ScoreEntry, costInput } from '../../core';
import { costsOf, readCostMethod } from '../efficiency/view';
import type { ScoreSource, SourceContext } from './sources';

/**
 * 行政成本 → the indicators whose autoSource is admin_cost: per unit, the share its cost figures earn by the office's
 * method (core/cost.ts), the year before taken from its own row where the figures lack it. A unit without figures,
 * or missing one the method needs, gets no entry; the page says which figure is missing.
 */
export const costSource: ScoreSource = {
  key: 'admin_cost',
  label: '行政成本（成本数据）',
  collect(ctx: SourceContext): ScoreEntry[] {
    const fed = ctx.indicators.filter((i) => i.autoSource === 'admin_cost');
    if (fed.length === 0) return [];
    const rows = new Map(costsOf(ctx.sqlite, ctx.plan.year).rows.map((r) => [r.unitId, r]));
    const out: ScoreEntry[] = [];
    for (const ind of fed)
      for (const u of ctx.units) {
        if (ind.categoryIds.length && !ind.categoryIds.includes(u.categoryId)) continue;
        const c = rows.get(u.id);
        if (!c || c.share === null) continue;
        const r = costInput(ind.kind, ind.params, ind.points, c.share);
        if ('problem' in r) continue;
        out.push({
          unitId: u.id,
          indicatorId: ind.id,
          input: r.input,
          source: `行政成本：${c.explain}`,
          refs: [{ type: 'admin_costs', id: c.id, label: `${c.unitName}${c.year}年度行政成本` }],
        });
      }
    return out;
  },
  ruleTable(sqlite) {
    const method = readCostMethod(sqlite);
    return {
      name: '行政成本计分办法',
      version: createHash('sha256').update(JSON.stringify(method)).digest('hex').slice(0, 12),
    };
  },
};
