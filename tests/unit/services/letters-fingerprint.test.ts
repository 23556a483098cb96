import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';
import { current } from '../../../electron/services/handlers/letters-list';
import { readBasicSettings, type Settings } from '../../../electron/services/handlers/settings';
import { fingerprintV1 } from '../../../electron/services/plans/letter-fingerprint';
import { letterFacts, letterNow, letterRun } from '../../../electron/services/plans/letter-input';
import { planById } from '../../../db/repos/plans';
import { unitFacts } from '../../../db/repos/org';

/** A letter's fingerprint: letters stored by earlier releases (v1) and by this one (v2) go out of date alike. */
let t: TestApp;
afterEach(() => t?.close());

/**
 * v1 of the sample county's letters as commit d619a77 computed them (its own `current`, run in a worktree of that
 * commit): a letter an earlier release stored with one of these must stay current. Then the same after a hand edit of
 * one of 示例县财政局's targets (a leader, both flags, a target value).
 */
const v1AtD619a77: Record<string, string> = {
  SX: 'b4709e7048c5c1e465416aeb1f30116132926c024aed000f0a4d35b64ac106d8',
  'SX-FGJ': 'f6f840811520eadf9908efa9b237b697fc8e0ffdedcf52f5c6ff3dcf0932335c',
  'SX-FGJ-JGK': '8bf8e811266a083226bc55aafc5f81ec612a87b427d8bf29ffcf314bbc24d5d7',
  'SX-CZJ': '1b47b68a608e916c822d4ca0f605bf7e449e7cf55704c3afb978609c30a585ee',
  'SX-JYJ': 'd89bbca658a648991221c3d42d26e764d2d47e2984b564453621e5578eda0c69',
  'SX-ZZB': 'af206bcf549d07f536d2e14f4ae069e72cd6b2fba7b836a4c9311a862171f534',
  'SX-CGZ': 'd5071bf531c728e78eda5937212eb61f01d42368c63bc5dcb75c1712f2b35883',
  'SX-DHX': 'c072be86dcf3c697f94b5c39110b5e16732c136d4977cc6378c80a50580b8857',
};
const v1EditedCzjAtD619a77 = 'b535d5db9639800fa92916e48a3f8a71d7eba4a85355cc9fe1b21a74e56c3f61';
const editCzjTarget = `update targets set leader_id = (select min(id) from people), is_key = 1, is_major = 1,
  target_value = '85', measure_unit = '亿元'
  where id = (select min(id) from targets where unit_id = (select id from units where code = 'SX-CZJ'))`;

type Row = { unitId: number; unitCode: string; stale: boolean; documentId: number | null };

describe('letter fingerprints', () => {
  it('v1 is worked out as d619a77 did, for one letter and for the list; v2 is the same both ways', async () => {
    t = await testApp();
    const { plan } = await samplePlan(t.app);
    const sqlite = t.app.opened.sqlite;
    const ctx = { sqlite, db: t.app.opened.db } as unknown as Parameters<typeof current>[0];
    const check = (expected: (code: string) => string | undefined) => {
      const settings = readBasicSettings(ctx as never);
      const p = planById(sqlite, plan.id)!;
      const run = letterRun(sqlite, settings, p, letterFacts(sqlite, plan.id));
      for (const u of unitFacts(sqlite)) {
        const one = current(ctx, settings, p, u);
        const listed = letterNow(run, u);
        if (expected(u.code)) {
          expect(fingerprintV1(one.input)).toBe(expected(u.code));
          expect(one.v1()).toBe(expected(u.code));
          expect(listed.v1()).toBe(expected(u.code));
        }
        expect(one.fingerprint).toMatch(/^v2:[0-9a-f]{64}$/);
        expect(listed.fingerprint).toBe(one.fingerprint);
      }
    };
    check((code) => v1AtD619a77[code]);
    sqlite.exec(editCzjTarget);
    check((code) => (code === 'SX-CZJ' ? v1EditedCzjAtD619a77 : v1AtD619a77[code]));
  });

  for (const stored of ['v1', 'v2'] as const) {
    it(`a letter stored as ${stored} is current until what it prints changes, whatever changed`, async () => {
      t = await testApp();
      const { plan, call, unitId } = await samplePlan(t.app);
      const sqlite = t.app.opened.sqlite;
      const list = () => call<Row[]>('letters.list', { planId: plan.id });
      const units = (await list()).map((r) => r.unitId);
      await call('letters.generateMany', { planId: plan.id, unitIds: units });
      const lettered = (await list()).filter((r) => r.documentId !== null).map((r) => r.unitCode);
      expect(lettered.length).toBeGreaterThan(3);
      if (stored === 'v1') {
        // as an earlier release left them: the fingerprint it stored, nothing else
        for (const code of lettered)
          sqlite.prepare('update letters set fingerprint = ? where unit_id = ?').run(v1AtD619a77[code], unitId(code));
      }
      const stale = async () => (await list()).filter((r) => r.stale).map((r) => r.unitCode);
      expect(await stale()).toEqual([]);

      const settings = await call<Settings>('settings.get', {});
      const czj = unitId('SX-CZJ');
      const led = sqlite
        .prepare(
          `select p.id, p.name from targets t join people p on p.id = t.leader_id
           where t.deleted_at is null and p.is_unit_head = 0 order by p.id limit 1`,
        )
        .get() as { id: number; name: string };
      const ledUnits = (
        sqlite
          .prepare(
            `select distinct u.code from targets t join units u on u.id = t.unit_id
             where t.leader_id = ? and t.deleted_at is null`,
          )
          .all(led.id) as { code: string }[]
      ).map((r) => r.code);
      const nobody = sqlite
        .prepare(
          `select id from people p where p.is_unit_head = 0 and not exists
           (select 1 from targets t where t.leader_id = p.id) order by id limit 1`,
        )
        .pluck()
        .get() as number;
      // each change, the letters it puts out of date, and the change undone (the letters are current again)
      const changes: [string, () => Promise<unknown> | unknown, () => Promise<unknown> | unknown, string[]][] = [
        [
          'a target',
          () =>
            sqlite
              .prepare(
                `update targets set content = content || '（修订）'
                 where id = (select min(id) from targets where unit_id = ?)`,
              )
              .run(czj),
          () => sqlite.exec("update targets set content = replace(content, '（修订）', '')"),
          ['SX-CZJ'],
        ],
        [
          'a clause',
          () =>
            call('settings.updateBusiness', {
              letterClauses: { ...settings.letterClauses, other: `${settings.letterClauses.other}（补充）` },
            }),
          () => call('settings.updateBusiness', { letterClauses: settings.letterClauses }),
          lettered,
        ],
        [
          'the issuer',
          () => call('settings.updateBusiness', { issuingBodies: ['示例县目标管理委员会办公室'] }),
          () => call('settings.updateBusiness', { issuingBodies: settings.issuingBodies }),
          lettered,
        ],
        [
          'the plan',
          () => sqlite.exec("update plans set title = title || '（修订）'"),
          () => sqlite.exec("update plans set title = replace(title, '（修订）', '')"),
          lettered,
        ],
        [
          'an indicator every letter prints',
          () => sqlite.exec("update indicators set standard = standard || '（调整）' where name = '争先创优'"),
          () => sqlite.exec("update indicators set standard = replace(standard, '（调整）', '')"),
          lettered,
        ],
        [
          'a unit name',
          () => sqlite.prepare("update units set name = name || '（新）' where id = ?").run(czj),
          () => sqlite.exec("update units set name = replace(name, '（新）', '')"),
          ['SX-CZJ'],
        ],
        [
          "a unit head's post",
          () => sqlite.prepare("update people set post = '副局长' where name = '陈刚'").run(),
          () => sqlite.prepare("update people set post = '局长' where name = '陈刚'").run(),
          ['SX-CZJ'],
        ],
        [
          "a leader's name",
          () => sqlite.prepare("update people set name = name || '甲' where id = ?").run(led.id),
          () => sqlite.prepare('update people set name = ? where id = ?').run(led.name, led.id),
          ledUnits.filter((c) => lettered.includes(c)),
        ],
        [
          'a person no letter names',
          () => sqlite.prepare("update people set name = name || '甲' where id = ?").run(nobody),
          () => undefined,
          [],
        ],
      ];
      for (const [what, change, undo, expected] of changes) {
        await change();
        expect({ what, stale: (await stale()).sort() }).toEqual({ what, stale: [...expected].sort() });
        await undo();
        expect({ what, stale: await stale() }).toEqual({ what, stale: [] });
      }

      // what a current letter allows: generating it again is refused, signing it is not
      await expect(call('letters.generate', { planId: plan.id, unitId: czj })).rejects.toThrow('已是最新');
      const today = new Date().toISOString().slice(0, 10);
      await call('letters.sign', {
        planId: plan.id,
        unitId: czj,
        signedDate: today,
        partyASigner: '张县长',
        partyBSigner: '陈刚',
      });
    });
  }
});
