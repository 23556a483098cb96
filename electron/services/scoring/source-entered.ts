import type { ScoreEntry } from '../../core';
import { scoreSheetState } from '../../vocab';
import { entriesOf, inputOf, scoringTargets, sheetsOf } from '../../../db/repos/scores';
import { bodyLabel } from './body-label';
import type { ScoreSource } from './sources';

/**
 * What the 考核责任单位 entered (not the units' 自评): one entry a cell, named after its body and its sheet's state
 * (县发改局录入（已报送）), pointing at the score_entries row. A target's own points come with a per-target entry.
 */
export const enteredSource: ScoreSource = {
  key: 'entered',
  label: '考核责任单位录入',
  collect(ctx) {
    const fed = ctx.indicators.filter((i) => i.autoSource === null);
    if (!fed.length) return [];
    const byId = new Map(fed.map((i) => [i.id, i]));
    const units = new Set(ctx.units.map((u) => u.id));
    const states = new Map(sheetsOf(ctx.sqlite, ctx.plan.id).map((s) => [s.body, s.state]));
    const entries = entriesOf(ctx.sqlite, ctx.plan.id, { kind: 'entered' });
    const targetIds = new Set(entries.map((e) => e.targetId).filter((t) => t !== null));
    const points = new Map(
      targetIds.size
        ? scoringTargets(
            ctx.sqlite,
            ctx.plan.id,
            fed.map((i) => i.id),
          ).map((t) => [t.id, t.points])
        : [],
    );
    const out: ScoreEntry[] = [];
    for (const e of entries) {
      const it = byId.get(e.indicatorId);
      // a unit the plan no longer assesses has no line to fill
      if (!it || !units.has(e.unitId)) continue;
      const body = bodyLabel(it.scoringBody.trim());
      const state = scoreSheetState.label(states.get(it.scoringBody.trim()) ?? 'draft');
      const entry: ScoreEntry = {
        unitId: e.unitId,
        indicatorId: e.indicatorId,
        input: inputOf(e),
        source: `${body}录入（${state}）`,
        refs: [{ type: 'score_entries', id: e.id, label: `${body}的评分${e.note ? `：${e.note}` : ''}` }],
      };
      if (e.targetId !== null) {
        entry.targetId = e.targetId;
        const p = points.get(e.targetId);
        if (p !== undefined) entry.points = p;
      }
      out.push(entry);
    }
    return out;
  },
};
