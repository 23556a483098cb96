import { afterEach, describe, expect, it } from 'vitest';
import { snapshotRows, type TestApp } from '../../support/app';
import { staffWorld } from '../../support/staff-world';

let t: TestApp | undefined;
afterEach(() => t?.close());

async function world() {
  const w = await staffWorld();
  t = w.t;
  return w;
}

describe('公务员年度考核', () => {
  it('refuses a 优秀 one over the quota, with the numbers, and writes nothing', async () => {
    const { kpy, fgj, people } = await world();
    const round = await kpy.call('staff.round', { year: 2026, unitId: fgj });
    expect(round).toMatchObject({ assessed: 10, share: 20, quota: 2 });
    for (const personId of people.slice(0, 2))
      await kpy.call('staff.grade', { year: 2026, unitId: fgj, personId, proposedGrade: 'excellent' });
    const before = snapshotRows(t!.app);
    const r = await kpy.attempt('staff.grade', {
      year: 2026,
      unitId: fgj,
      personId: people[2]!,
      proposedGrade: 'excellent',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        message:
          '不能拟定干部3为优秀。优秀名额已满：本单位参加考核 10 人，优秀比例 20%（系统设置的优秀比例），优秀名额 2 名，' +
          '已拟定优秀 2 名，不能再拟定第 3 名。',
      },
    });
    expect(snapshotRows(t!.app)).toBe(before);
    // the same person again is no new 优秀
    await kpy.call('staff.grade', {
      year: 2026,
      unitId: fgj,
      personId: people[0]!,
      proposedGrade: 'excellent',
      comment: '好',
    });
  });

  it('ties the share to the unit grade through the table when the setting says so', async () => {
    const { kpy, fgj } = await world();
    await kpy.call('staff.saveSettings', {
      excellentShare: 20,
      byUnitGrade: true,
      movedUnit: 'longest',
      trainingHours: 90,
    });
    await kpy.call('staff.unitGrade', { year: 2026, unitId: fgj, unitGrade: '达标' });
    const round = await kpy.call('staff.round', { year: 2026, unitId: fgj });
    expect(round).toMatchObject({ share: 10, quota: 1 });
    expect(round.shareBasis).toContain('单位考核等次为达标');
  });

  it('refuses 优秀 for a person with a 诫勉 in the year, naming the decision and the rule', async () => {
    const { kpy, fgj, people } = await world();
    await kpy.call('measures.save', {
      personId: people[0]!,
      category: 'accountability',
      measure: '诫勉',
      body: '县纪委监委',
      decidedOn: '2026-03-02',
      docNo: '县纪诫〔2026〕3号',
    });
    const r = await kpy.attempt('staff.grade', {
      year: 2026,
      unitId: fgj,
      personId: people[0]!,
      finalGrade: 'excellent',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        message:
          '干部1不能评为优秀：诫勉（县纪委监委，2026-03-02），见“问责登记 诫勉（县纪诫〔2026〕3号）”；' +
          '依据规则表“处分与年度考核等次”第 1 版“诫勉”：当年不得评为优秀。',
      },
    });
    await kpy.call('staff.grade', { year: 2026, unitId: fgj, personId: people[0]!, finalGrade: 'competent' });
    const round = await kpy.call('staff.round', { year: 2026, unitId: fgj });
    const p = round.people.find((x) => x.personId === people[0])!;
    expect(p).toMatchObject({ finalGrade: 'competent', ruleVersion: 1, limit: { effect: 'notExcellent' } });
  });

  it('stores the rule-table version each grade was checked with', async () => {
    const { kpy, fgj, people } = await world();
    await kpy.call('staff.grade', { year: 2026, unitId: fgj, personId: people[0]!, finalGrade: 'competent' });
    const tables = await kpy.call('rule-tables.list', {});
    const limits = tables.find((x) => x.kind === 'staff_grade_limits')!;
    const d = await kpy.call('rule-tables.get', { id: limits.id });
    const rows = d.version.rows.map((r) => (r.code === 'admonition' ? { ...r, thisYear: '不定等次' } : r));
    await kpy.call('rule-tables.save', { id: limits.id, basedOn: 1, rows, reason: '按市考核委员会意见调整' });
    await kpy.call('staff.grade', { year: 2026, unitId: fgj, personId: people[1]!, finalGrade: 'competent' });
    const round = await kpy.call('staff.round', { year: 2026, unitId: fgj });
    expect(round.gradeRules).toBe('规则表“处分与年度考核等次”第 2 版');
    expect(round.people.slice(0, 2).map((p) => p.ruleVersion)).toEqual([1, 2]);
  });

  it('assesses a person who moved units mid-year where they served longest, and says so', async () => {
    const { kpy, fgj, czj, people } = await world();
    await kpy.call('people.update', { id: people[9]!, unitId: czj, fromDate: '2026-10-01' });
    const here = await kpy.call('staff.round', { year: 2026, unitId: fgj });
    const moved = here.people.find((p) => p.personId === people[9])!;
    expect(moved.moved).toMatch(
      /^年内在.*发展和改革局\d+天、.*财政局\d+天，按任职时间最长的单位（.*发展和改革局）考核$/,
    );
    const there = await kpy.call('staff.round', { year: 2026, unitId: czj });
    expect(there.people.map((p) => p.personId)).not.toContain(people[9]);
    const r = await kpy.attempt('staff.grade', {
      year: 2026,
      unitId: czj,
      personId: people[9]!,
      finalGrade: 'competent',
    });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('按任职时间最长的单位考核') } });
    await kpy.call('staff.saveSettings', {
      excellentShare: 20,
      byUnitGrade: false,
      movedUnit: 'yearEnd',
      trainingHours: 90,
    });
    const after = await kpy.call('staff.round', { year: 2026, unitId: czj });
    expect(after.people.find((p) => p.personId === people[9])?.moved).toContain('按年末所在单位');
  });

  it('takes people out of scope with a reason, holds a forbidden grade, confirms when all are graded', async () => {
    const { kpy, fgj, people } = await world();
    expect(
      await kpy.attempt('staff.scope', { year: 2026, unitId: fgj, personId: people[0]!, inScope: false }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('请写明不参加等次评定的原因') } });
    await kpy.call('staff.scope', {
      year: 2026,
      unitId: fgj,
      personId: people[0]!,
      inScope: false,
      reason: '新录用，试用期内',
    });
    let round = await kpy.call('staff.round', { year: 2026, unitId: fgj });
    expect(round).toMatchObject({ assessed: 9, quota: 1 });
    expect(round.people[0]).toMatchObject({ inScope: false, outReason: '新录用，试用期内' });
    expect(await kpy.attempt('staff.confirm', { year: 2026, unitId: fgj })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('还有 9 人未确定等次') },
    });
    await kpy.call('measures.save', {
      personId: people[1]!,
      category: 'party',
      measure: '记大过',
      body: '县监委',
      decidedOn: '2026-05-01',
    });
    expect(
      await kpy.attempt('staff.grade', { year: 2026, unitId: fgj, personId: people[1]!, finalGrade: 'competent' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('当年不定等次') } });
    await kpy.call('staff.grade', { year: 2026, unitId: fgj, personId: people[1]!, finalGrade: 'none' });
    for (const personId of people.slice(2))
      await kpy.call('staff.grade', { year: 2026, unitId: fgj, personId, finalGrade: 'competent' });
    await kpy.call('staff.confirm', { year: 2026, unitId: fgj });
    round = await kpy.call('staff.round', { year: 2026, unitId: fgj });
    expect(round.people[1]!.noGradeNote).toContain('记大过');
    expect(
      await kpy.attempt('staff.grade', { year: 2026, unitId: fgj, personId: people[2]!, finalGrade: 'basic' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('请先撤销确定') } });
  });
});
