import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { caseReady, decision, testClock } from '../../support/accountability-world';
import {
  accountabilityExclusion,
  accountabilitySource,
} from '../../../electron/services/scoring/source-accountability';
import { rewardExclusions } from '../../../electron/services/scoring/rewards';
import { scoreSources } from '../../../electron/services/scoring/sources';
import type { SourceContext } from '../../../electron/services/scoring/sources';

let t: TestApp;
afterEach(() => t?.close());

describe('accountability into scoring', () => {
  it('a served decision deducts from the unit at the time, priced by 单位扣分规则; only its rows bar an award', async () => {
    expect(scoreSources).toContain(accountabilitySource);
    expect(rewardExclusions).toContain(accountabilityExclusion);
    const clock = testClock('2026-03-02');
    t = await testApp({ now: clock.now });
    const { call, person, caseId, subjectId, units } = await caseReady(t, clock);
    const c = await call<{ decisions: { id: number }[] }>('decisions.issue', { caseId, subjectId, ...decision });
    const sqlite = t.app.opened.sqlite;
    const unit = units.find((u) => u.id === person.unitId)!;
    const ctx = {
      sqlite,
      plan: { periodStart: '2026-01-01', periodEnd: '2026-12-31' },
      indicators: [
        {
          id: 1,
          name: '问责扣分',
          kind: 'deduction',
          points: 5,
          params: { method: 'judgement' },
          categoryIds: [],
          autoSource: 'accountability',
          scoringBody: '考评办',
        },
      ],
      units: [{ id: unit.id, code: unit.code, name: unit.name, categoryId: 1, categoryName: '部门' }],
      today: '2026-03-20',
    } as unknown as SourceContext;
    // made but not served: nothing yet
    expect(accountabilitySource.collect(ctx)[0]).toMatchObject({ input: { points: 0 } });
    await call('decisions.serve', {
      id: c.decisions[0]!.id,
      servedOn: '2026-03-12',
      method: '直接送达',
      receivedBy: '本人',
    });
    const [e] = accountabilitySource.collect(ctx);
    expect(e!.unitId).toBe(unit.id);
    expect((e!.input as { points: number }).points).toBeGreaterThan(0);
    expect(e!.source).toContain('单位扣分规则第 1 版：问责决定 1 件');
    expect(e!.refs).toHaveLength(1);
    // a person's decision priced at 领导班子/一般工作人员 does not bar the unit's award by default
    expect(accountabilityExclusion.collect({ sqlite, plan: ctx.plan })).toEqual([]);
  }, 60_000);
});
