import { afterEach, describe, expect, it } from 'vitest';
import { snapshotRows, type TestApp } from '../../support/app';
import { docxParts } from '../../support/docx';
import { dayOf, letterhead, staffWorld } from '../../support/staff-world';

let t: TestApp | undefined;
afterEach(() => t?.close());

const DAY = 24 * 3600 * 1000;

async function world() {
  const w = await staffWorld();
  t = w.t;
  await letterhead(w);
  return w;
}

const refusal = (message: string | RegExp) => ({
  ok: false,
  error: { message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) },
});

describe('优秀等次公示', () => {
  it('posts the proposed 优秀, holds them while open, reopens one on an upheld objection, confirms after', async () => {
    const w = await world();
    const { kpy, fgj, people } = w;
    const key = { year: 2026, unitId: fgj };
    const [a, b, c, d] = people as [number, number, number, number];
    // a final 优秀 is never given by hand
    expect(await kpy.attempt('staff.grade', { ...key, personId: a, finalGrade: 'excellent' })).toMatchObject(
      refusal('干部1的优秀等次须经公示后确定'),
    );
    for (const personId of [a, b]) await kpy.call('staff.grade', { ...key, personId, proposedGrade: 'excellent' });
    let view = await kpy.call('staff.posting', key);
    expect(view).toMatchObject({ posting: null, problems: [], scopeName: expect.stringContaining('发展和改革局') });
    expect(view.proposals.map((p) => p.name)).toEqual(['干部1', '干部2']);
    // fewer than 5 working days is refused by the contract
    expect(
      await kpy.attempt('staff.publicize', { ...key, startDate: '2026-12-15', workingDays: 3, phone: '1' }),
    ).toMatchObject(refusal('优秀等次公示期不少于 5 个工作日'));

    const posted = await kpy.call('staff.publicize', {
      ...key,
      startDate: '2026-12-15',
      workingDays: 5,
      phone: '0000-1',
    });
    expect(posted.number).toBe('考评公〔2026〕1号');
    view = await kpy.call('staff.posting', key);
    expect(view.posting).toMatchObject({
      state: 'open',
      endDate: '2026-12-21',
      daysLeft: 5,
      periodText: '自2026年12月15日至12月21日（5个工作日）',
      listed: [
        { name: '干部1', personId: a },
        { name: '干部2', personId: b },
      ],
    });
    const doc = await kpy.call('documents.content', { id: view.posting!.documentId! });
    const xml = (await docxParts(Buffer.from(doc.base64, 'base64'))).get('word/document.xml')!;
    for (const needle of ['优秀等次人选的公示', '干部1', '干部2', '特此公示']) expect(xml).toContain(needle);

    // while open: nobody moves into or out of 优秀, a listed person's final grade waits; other grades are free
    expect(await kpy.attempt('staff.grade', { ...key, personId: c, proposedGrade: 'excellent' })).toMatchObject(
      refusal(
        /优秀等次公示（考评公〔2026〕1号）正在公示（至2026-12-21），拟定优秀人选不能更改。对干部3有异议的，请登记异议/,
      ),
    );
    expect(await kpy.attempt('staff.grade', { ...key, personId: a, proposedGrade: 'competent' })).toMatchObject(
      refusal('拟定优秀人选不能更改'),
    );
    expect(await kpy.attempt('staff.grade', { ...key, personId: a, finalGrade: 'competent' })).toMatchObject(
      refusal('干部1拟定为优秀，列在'),
    );
    expect(await kpy.attempt('staff.scope', { ...key, personId: a, inScope: false, reason: '病假' })).toMatchObject(
      refusal('拟定优秀人选不能更改'),
    );
    await kpy.call('staff.grade', { ...key, personId: d, proposedGrade: 'competent', finalGrade: 'competent' });
    expect(
      await kpy.attempt('staff.publicize', { ...key, startDate: '2026-12-16', workingDays: 5, phone: '1' }),
    ).toMatchObject(refusal('优秀等次已经公示，不能再次公示'));

    // objections: one on 干部2 upheld (干部2's grade reopened, 优秀 excepted), one rejected
    const objection = (content: string, personId?: number) =>
      kpy.call('staff.objectionRegister', {
        postingId: posted.id,
        raiserName: '王某',
        raiserContact: '13800000000',
        receivedDate: dayOf(w.clock.now),
        content,
        ...(personId ? { personId } : {}),
      });
    await objection('干部2年内有迟到早退', b);
    await objection('对评选程序有意见');
    expect(
      await kpy.attempt('staff.objectionRegister', {
        postingId: posted.id,
        raiserName: '李某',
        raiserContact: '1',
        receivedDate: '2026-12-15',
        content: '不在名单上的人',
        personId: c,
      }),
    ).toMatchObject(refusal('所涉人员不在公示名单中'));
    let [o1, o2] = (await kpy.call('staff.posting', key)).objections;
    expect(o1).toMatchObject({ no: 1, personName: '干部2', state: 'registered' });
    await kpy.call('staff.objectionInvestigate', { id: o1!.id, investigation: '经核实，情况属实' });
    await kpy.call('staff.objectionAnswer', { id: o1!.id, outcome: 'upheld', answer: '异议成立，取消优秀人选' });
    await kpy.call('staff.objectionInvestigate', { id: o2!.id, investigation: '程序符合规定' });
    let round = await kpy.call('staff.round', key);
    expect(round.people.find((p) => p.personId === b)).toMatchObject({ proposedGrade: null });
    expect(await kpy.attempt('staff.grade', { ...key, personId: b, proposedGrade: 'excellent' })).toMatchObject(
      refusal('拟定优秀人选不能更改'),
    );
    await kpy.call('staff.grade', { ...key, personId: b, proposedGrade: 'competent', finalGrade: 'competent' });

    // the period runs; confirmation waits for it and for every answer
    expect(await kpy.attempt('staff.confirmExcellent', { postingId: posted.id })).toMatchObject(
      refusal('公示期至2026年12月21日，期满后才能确定优秀等次。'),
    );
    w.clock.now += 7 * DAY;
    expect(
      await kpy.attempt('staff.objectionRegister', {
        postingId: posted.id,
        raiserName: '赵某',
        raiserContact: '1',
        receivedDate: dayOf(w.clock.now),
        content: '迟到的异议',
      }),
    ).toMatchObject(refusal('公示期已于2026年12月21日届满'));
    expect(await kpy.attempt('staff.confirmExcellent', { postingId: posted.id })).toMatchObject(
      refusal('还有异议未答复（异议第2号）'),
    );
    await kpy.call('staff.objectionAnswer', { id: o2!.id, outcome: 'rejected', answer: '程序符合规定，异议不成立' });
    [o1, o2] = (await kpy.call('staff.posting', key)).objections;
    expect([o1!.outcome, o2!.outcome]).toEqual(['upheld', 'rejected']);
    await kpy.call('staff.confirmExcellent', { postingId: posted.id });

    round = await kpy.call('staff.round', key);
    expect(round.people.find((p) => p.personId === a)).toMatchObject({ finalGrade: 'excellent', ruleVersion: 1 });
    expect(round.people.find((p) => p.personId === b)).toMatchObject({ finalGrade: 'competent' });
    expect((await kpy.call('staff.posting', key)).posting).toMatchObject({ state: 'notified' });
    const lines = (await kpy.call('people.archive', { personId: a })).lines.map((l) => l.title);
    expect(lines).toEqual(expect.arrayContaining(['2026年度考核：优秀', '2026年度嘉奖']));
    expect(await kpy.attempt('staff.grade', { ...key, personId: a, finalGrade: 'competent' })).toMatchObject(
      refusal('已经确定，优秀人选不能再更改'),
    );
    expect(await kpy.attempt('staff.confirmExcellent', { postingId: posted.id })).toMatchObject(
      refusal('的优秀等次已经确定'),
    );
  });

  it('refuses a 公示 listing a person a 诫勉 now bars, naming the decision, and writes nothing', async () => {
    const w = await world();
    const { kpy, fgj, people } = w;
    const key = { year: 2026, unitId: fgj };
    await kpy.call('staff.grade', { ...key, personId: people[0]!, proposedGrade: 'excellent' });
    await kpy.call('measures.save', {
      personId: people[0]!,
      category: 'accountability',
      measure: '诫勉',
      body: '县纪委监委',
      decidedOn: '2026-11-02',
      docNo: '县纪诫〔2026〕9号',
    });
    const before = snapshotRows(t!.app);
    expect(
      await kpy.attempt('staff.publicize', { ...key, startDate: '2026-12-15', workingDays: 5, phone: '1' }),
    ).toMatchObject(
      refusal(
        '不能印发优秀等次公示：干部1不能评为优秀：诫勉（县纪委监委，2026-11-02），见“问责登记 诫勉（县纪诫〔2026〕9号）”',
      ),
    );
    expect(snapshotRows(t!.app)).toBe(before);
    expect((await kpy.call('staff.posting', key)).problems).toEqual([expect.stringContaining('干部1不能评为优秀')]);
  });

  it('posts every unit of the year at once; a unit of it cannot be posted again', async () => {
    const w = await world();
    const { kpy, fgj, czj, people } = w;
    await kpy.call('staff.grade', { year: 2026, unitId: fgj, personId: people[0]!, proposedGrade: 'excellent' });
    const other = (
      await kpy.call('people.create', { name: '财政甲', unitId: czj, post: '科长', fromDate: '2018-03-01' })
    ).id;
    for (let i = 0; i < 4; i++)
      await kpy.call('people.create', { name: `财政${i}`, unitId: czj, post: '科员', fromDate: '2018-03-01' });
    await kpy.call('staff.grade', { year: 2026, unitId: czj, personId: other, proposedGrade: 'excellent' });
    const all = await kpy.call('staff.posting', { year: 2026, unitId: null });
    expect(all).toMatchObject({ scopeName: '全部单位', problems: [] });
    expect(all.proposals.map((p) => p.name)).toEqual(['干部1', '财政甲']);
    const p = await kpy.call('staff.publicize', {
      year: 2026,
      unitId: null,
      startDate: '2026-12-15',
      workingDays: 5,
      phone: '1',
    });
    const here = await kpy.call('staff.posting', { year: 2026, unitId: czj });
    expect(here.posting).toMatchObject({ yearWide: true, title: '关于2026年度公务员年度考核优秀等次人选的公示' });
    expect(
      await kpy.attempt('staff.publicize', { year: 2026, unitId: czj, startDate: '2026-12-15', workingDays: 5 }),
    ).toMatchObject(refusal('全部单位2026年度的优秀等次已经公示'));
    w.clock.now += 10 * DAY;
    await kpy.call('staff.confirmExcellent', { postingId: p.id });
    const finals = async (unitId: number) =>
      (await kpy.call('staff.round', { year: 2026, unitId })).people.filter((x) => x.finalGrade === 'excellent');
    expect((await finals(fgj)).map((x) => x.name)).toEqual(['干部1']);
    expect((await finals(czj)).map((x) => x.name)).toEqual(['财政甲']);
  });
});
