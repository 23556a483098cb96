import type { ScoreEntry } from '../../electron/core';
import type { ScoreSource, SourceIndicator } from '../../electron/services/scoring/sources';

/** A full input for an item; `share` in 0..1 sets how well the unit did, `veto` whether its veto item fired. */
export function inputFor(i: SourceIndicator, share: number, veto: boolean): ScoreEntry['input'] {
  switch (i.params.method) {
    case 'linear':
    case 'threshold':
      return { rate: Math.round(share * 100) };
    case 'grade':
      return { grade: share >= 0.9 ? 'A' : share >= 0.7 ? 'B' : 'C' };
    case 'per_occurrence':
      return { occurrences: i.kind === 'bonus' ? 1 : share >= 0.9 ? 0 : 1 };
    case 'veto':
      return { vetoed: veto };
    case 'judgement':
      return { points: Math.round(i.points * share * 100) / 100 };
  }
}

/**
 * A test-only source for the bodies' entries: every unit fully entered, how well given per unit code. The caller
 * pushes it onto `scoreSources` and takes it off after the test.
 */
export function enteredSource(how: (code: string) => { share: number; veto?: boolean }): ScoreSource {
  return {
    key: 'entered',
    label: '测试录入',
    collect: (ctx) =>
      ctx.units.flatMap((u) => {
        const h = how(u.code);
        return ctx.indicators
          .filter((i) => i.categoryIds.length === 0 || i.categoryIds.includes(u.categoryId))
          .map((i) => ({
            unitId: u.id,
            indicatorId: i.id,
            input: inputFor(i, h.share, !!h.veto),
            source: `${i.scoringBody || '考核责任单位'}评分`,
            refs: [{ type: 'test', id: u.id, label: `${u.name}评分表` }],
          }));
      }),
  };
}
