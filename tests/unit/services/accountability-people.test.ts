import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { type CaseOut, caseReady, decision, testClock } from '../../support/accountability-world';

let t: TestApp;
afterEach(() => t?.close());

/**
 * The two halves met at the merge: a decision served in 责任追究 reaches the person's grade in 公务员年度考核 and the
 * person's archive, through the people module's list of sources (electron/services/people/sources.ts).
 */
describe('an accountability decision reaches the staff assessment and the archive', () => {
  it('holds the grade while the case is open, then refuses 优秀 naming the served 诫勉 and the rule', async () => {
    const clock = testClock('2026-03-02');
    t = await testApp({ now: clock.now });
    const { call, person, caseId, subjectId } = await caseReady(t, clock);
    const grade = (proposedGrade: string) =>
      call('staff.grade', { year: 2026, unitId: person.unitId, personId: person.id, proposedGrade });

    // under investigation: no grade until the case closes
    await expect(grade('excellent')).rejects.toThrow(/不能评为优秀|暂不定等次|调查/);

    const issued = await call<CaseOut>('decisions.issue', { caseId, subjectId, ...decision });
    const d = issued.decisions[0]!;
    clock.set('2026-03-13');
    await call('decisions.serve', { id: d.id, servedOn: '2026-03-13', method: '直接送达', receivedBy: person.name });
    await call('cases.step', { id: caseId, action: 'execute' });

    clock.set('2026-12-15');
    const refused = grade('excellent');
    await expect(refused).rejects.toThrow(`${person.name}不能评为优秀：诫勉`);
    await expect(refused).rejects.toThrow(d.number);
    await expect(refused).rejects.toThrow('依据规则表“处分与年度考核等次”第 1 版“诫勉”');
    // a lesser grade is taken
    await grade('competent');

    // the archive shows the decision to the evaluator
    const archive = await call<{ lines: { section: string; title: string; detail: string }[] }>('people.archive', {
      personId: person.id,
    });
    const lines = archive.lines.filter((l) => l.section === 'accountability');
    expect(lines.map((l) => `${l.title} ${l.detail}`).join('\n')).toContain(d.number);
  });
});
