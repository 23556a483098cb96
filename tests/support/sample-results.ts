import type { ScoreInput } from '../../electron/core';
import type { App } from '../../electron/services/app';
import { type ScoreSource, type SourceIndicator, scoreSources } from '../../electron/services/scoring/sources';
import { setPlanState } from '../../db/repos/plans';
import { recordWriter } from '../../db/records';
import { samplePlan } from './sample-plan';

/** A year up to 考核评分 (every letter signed) and a stand-in for the bodies' entries, for the scoring's later steps. */

/** The input an indicator's method reads, at `share` of its best (1: full marks). */
export function inputFor(i: SourceIndicator, share: number): ScoreInput {
  switch (i.params.method) {
    case 'linear':
    case 'threshold':
      return { rate: Math.round(100 * share) };
    case 'grade':
      return { grade: share >= 0.9 ? 'A' : share >= 0.8 ? 'B' : share >= 0.6 ? 'C' : 'D' };
    case 'per_occurrence':
      return { occurrences: 0 };
    case 'veto':
      return { vetoed: false };
    default:
      return { points: Math.round(i.points * share * 100) / 100 };
  }
}

/**
 * The 'entered' source as the entry screens will feed it: every unit × body-scored item, a unit's share falling with
 * its place in the list (so the ranking is not one tie). Returns the function that takes it away again.
 */
export function enteredSource(share = (n: number) => 1 - n * 0.04): () => void {
  const s: ScoreSource = {
    key: 'entered',
    label: '考核责任单位评分（测试）',
    collect: (ctx) =>
      ctx.units.flatMap((u, n) =>
        ctx.indicators
          .filter((i) => i.autoSource === null)
          .map((i) => ({ unitId: u.id, indicatorId: i.id, input: inputFor(i, share(n)), source: '考核责任单位评分' })),
      ),
  };
  scoreSources.push(s);
  return () => {
    const at = scoreSources.indexOf(s);
    if (at >= 0) scoreSources.splice(at, 1);
  };
}

/** The sample plan with every letter signed, moved to 考核评分. */
export async function scoringYear(app: App, signedDate: string) {
  const s = await samplePlan(app);
  const rows = await s.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id });
  for (const r of rows) {
    await s.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
    await s.call('letters.sign', {
      planId: s.plan.id,
      unitId: r.unitId,
      signedDate,
      partyASigner: '张县长',
      partyBSigner: '负责人',
    });
  }
  await s.call('plans.setState', { id: s.plan.id, to: 'signed' });
  await s.call('plans.setState', { id: s.plan.id, to: 'scoring' });
  return s;
}

/** Moves a plan without its 公示 (a test of what a later state refuses, not of how the plan got there). */
export function setStateDirectly(app: App, planId: number, state: 'results' | 'closed'): void {
  const sqlite = app.opened.sqlite;
  sqlite.transaction(() => setPlanState(recordWriter(sqlite, app.env.nodeId, Date.now()), planId, state))();
}

export const archiveDirectly = (app: App, planId: number) => setStateDirectly(app, planId, 'closed');
