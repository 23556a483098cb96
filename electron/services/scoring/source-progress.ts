import type { ScoreEntry } from '../../core';
import { itemsFor } from '../../core';
import { targetProgress, type TargetProgress } from '../../../db/repos/auto-points';
import type { ScoreSource, SourceContext } from './sources';

const quarterWords = ['一', '二', '三', '四'];
const short = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

/**
 * Completion-based indicators (按完成率 / 分档) from accepted quarterly reports. Rules (stated in the README):
 * - each target is scored on its own points from its latest accepted report that states a completion rate;
 * - a unit's indicator is scored only once every one of its targets under it has such a report; until then it
 *   has no entry and the line shows 尚未评分 (a target left out would silently lose its points);
 * - a target of 0 points is left out (it can earn nothing).
 */
export const progressSource: ScoreSource = {
  key: 'progress',
  label: '季度进展完成率',
  collect(ctx: SourceContext): ScoreEntry[] {
    const fed = ctx.indicators.filter((i) => i.autoSource === 'progress');
    const groups = new Map<string, TargetProgress[]>();
    for (const t of targetProgress(
      ctx.sqlite,
      ctx.plan.id,
      fed.map((i) => i.id),
    )) {
      const key = `${t.unitId}:${t.indicatorId}`;
      const list = groups.get(key);
      if (list) list.push(t);
      else groups.set(key, [t]);
    }
    const out: ScoreEntry[] = [];
    for (const u of ctx.units) {
      for (const it of itemsFor(fed, u.categoryId)) {
        const list = (groups.get(`${u.id}:${it.id}`) ?? []).filter((t) => t.points > 0);
        if (list.length === 0 || list.some((t) => t.reportId === null)) continue;
        for (const t of list) {
          const q = `第${quarterWords[t.quarter! - 1]}季度`;
          out.push({
            unitId: u.id,
            indicatorId: it.id,
            targetId: t.targetId,
            points: t.points,
            input: { rate: t.rate! },
            source: `${q}进展报告（已审核通过）`,
            refs: [{ type: 'progress_reports', id: t.reportId!, label: `${short(t.content)}——${q}进展报告` }],
          });
        }
      }
    }
    return out;
  },
};
