import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/sample-plan';
import { type CaseOut, caseReady, decision, testClock } from '../../support/accountability-world';
import {
  accountabilityArchiveLines,
  accountabilityMeasures,
} from '../../../electron/services/accountability/person-facts';

let t: TestApp;
afterEach(() => t?.close());

const docText = async (call: ReturnType<typeof caller>, id: number) =>
  (
    await mammoth.extractRawText({
      buffer: Buffer.from((await call<{ base64: string }>('documents.content', { id })).base64, 'base64'),
    })
  ).value;

describe('accountability: clue → case → decision → service → appeal → 复查 → archive', () => {
  it('runs the whole path, with the documents, the clocks, the effects and the person facts', async () => {
    const clock = testClock('2026-03-02');
    t = await testApp({ now: clock.now });
    const { call, person, caseId, subjectId } = await caseReady(t, clock);

    // an inquiry notice addressed to the person, in his unit; not to a person of another unit
    const inquiry = {
      kind: 'inquiry',
      unitId: person.unitId,
      personId: person.id,
      reason: '请就审批推诿拖延问题作出书面说明。',
      items: [{ text: '说明3件申请超期办理的原因' }],
      workingDays: 5,
      contactName: '李考评',
      contactPhone: '0000-1234567',
    };
    const asked = await call<{ documentId: number }>('notices.create', inquiry);
    expect(await docText(call, asked.documentId)).toContain(`关于${person.name}同志的问询通知书`);
    const elsewhere = (await call<{ id: number }[]>('units.list', {})).find((u) => u.id !== person.unitId)!;
    await expect(call('notices.create', { ...inquiry, unitId: elsewhere.id })).rejects.toThrow('不属于收文单位');

    // hostile: a decision without facts or basis, or with a form the table does not list
    await expect(call('decisions.issue', { caseId, subjectId, ...decision, facts: ' ' })).rejects.toThrow(
      '问责决定书不能生成：请先写明调查认定的事实。',
    );
    await expect(call('decisions.issue', { caseId, subjectId, ...decision, basis: '' })).rejects.toThrow('问责依据');
    await expect(call('decisions.issue', { caseId, subjectId, ...decision, forms: [] })).rejects.toThrow('问责方式');
    await expect(call('decisions.issue', { caseId, subjectId, ...decision, forms: ['打板子'] })).rejects.toThrow(
      '“打板子”不在“问责方式及影响期第 1 版”中',
    );
    await expect(call('decisions.issue', { caseId, subjectId, ...decision, forms: ['扣分'] })).rejects.toThrow(
      '适用于单位',
    );

    // the person moves to another unit after the facts: the decision names the post held then
    const other = (await call<{ id: number; name: string }[]>('units.list', {})).find((u) => u.id !== person.unitId)!;
    await call('people.update', { id: person.id, unitId: other.id, post: '新岗位科员' });

    let c = await call<CaseOut>('decisions.issue', { caseId, subjectId, ...decision });
    expect(c.state).toBe('decided');
    const d = c.decisions[0]!;
    expect(d.rules).toEqual(['问责方式及影响期第 1 版', '问责救济与执行期限第 1 版']);
    expect(d.effects).toEqual([expect.objectContaining({ form: '诫勉', effectUntil: '2026-09-11' })]);
    expect(c.subjects[0]!.movedTo).toContain(other.name);
    const text = await docText(call, d.documentId);
    for (const needle of [
      `关于对${person.name}同志问责的决定`,
      `被问责人：${person.name}，${person.unitName}${person.post}`,
      '一、查明的事实',
      '推诿拖延',
      '未提出陈述申辩',
      '依据《示例县行政问责办法》第十条第（二）项，经示例县人民政府集体研究，决定给予',
      '诫勉：依据',
      '影响期自2026年3月12日起至2026年9月11日止',
      '可在收到本决定之日起15日内向示例县人民政府申请复核，或者向示例县人民政府提出申诉',
      '不停止本决定的执行',
    ])
      expect(text, needle).toContain(needle);
    expect(text).not.toContain('新岗位科员');

    // hostile: a second decision on the same facts for the same person
    await expect(call('decisions.issue', { caseId, subjectId, ...decision, forms: ['通报批评'] })).rejects.toThrow(
      `已就同一事实对${person.name}作出问责决定（${d.number}）`,
    );

    // service: proof of service, the appeal window and the execution report on the calendar
    clock.set('2026-03-13');
    c = await call<CaseOut>('decisions.serve', {
      id: d.id,
      servedOn: '2026-03-13',
      method: '直接送达',
      receivedBy: person.name,
    });
    const served = c.decisions[0]!;
    expect(c.state).toBe('served');
    expect(served.appealBy).toBe('2026-03-28');
    // 5 working days from Friday 3-13: 3-16 … 3-20
    expect(served.executionBy).toBe('2026-03-20');
    const proof = await docText(call, served.serviceDocumentId!);
    for (const needle of ['送达回证', d.number, '直接送达', '2026年3月13日']) expect(proof, needle).toContain(needle);

    // the execution report's clock is on the overdue board
    type Board = { accountability: { kind: string; deadline: string; number: string; deadlineState: string }[] };
    expect((await call<Board>('board.list', {})).accountability).toEqual([
      expect.objectContaining({ kind: 'execution', deadline: '2026-03-20', number: d.number, deadlineState: 'ok' }),
    ]);

    // hostile: deleting a served decision
    await expect(call('decisions.remove', { id: d.id })).rejects.toThrow(
      '已送达，不能删除；如确有错误，只能写明理由撤销',
    );

    // the measures and the archive follow the person
    const sqlite = t.app.opened.sqlite;
    expect(accountabilityMeasures(sqlite, 2026)).toEqual([
      expect.objectContaining({
        personId: person.id,
        measure: '诫勉',
        effectUntil: '2026-09-11',
        underInvestigation: false,
      }),
    ]);
    const lines = accountabilityArchiveLines(sqlite, person.id);
    expect(lines.map((l) => [l.title.slice(0, 5), l.restricted])).toEqual([
      ['问责立案：', true],
      ['问责决定：', false],
    ]);
    expect(lines[1]!.detail).toContain(`${person.unitName}${person.post}（事实发生时任职）`);

    // hostile: an appeal after the window is recorded as late, with its date
    clock.set('2026-04-02');
    c = await call<CaseOut>('appeals.register', {
      decisionId: d.id,
      kind: 'appeal',
      receivedOn: '2026-04-01',
      grounds: '认为事实认定不清',
    });
    expect(c.state).toBe('appealed');
    expect(c.appeals[0]).toMatchObject({ late: true, receivedOn: '2026-04-01', answerBy: '2026-05-01' });
    // the appeal does not suspend the decision
    expect(c.decisions[0]!.state).toBe('served');
    expect((await call<Board>('board.list', {})).accountability.map((x) => [x.kind, x.deadlineState])).toEqual([
      ['execution', 'overdue'],
      ['answer', 'ok'],
    ]);

    // 复查 changes the form: a new document, the old decision marked changed, effects follow the new one
    c = await call<CaseOut>('appeals.answer', {
      id: c.appeals[0]!.id,
      outcome: 'changed',
      note: '情节较轻，改为批评教育',
      forms: ['批评教育'],
      basis: '《示例县行政问责办法》第十一条',
    });
    const [old, changed] = c.decisions;
    expect(old!.state).toBe('changed');
    expect(changed).toMatchObject({ state: 'made', supersedesId: old!.id, forms: ['批评教育'] });
    expect(await docText(call, changed!.documentId)).toContain(`本决定经复查作出，变更${old!.number}`);
    expect(accountabilityMeasures(sqlite, 2026)).toEqual([]);
    await call<CaseOut>('decisions.serve', {
      id: changed!.id,
      servedOn: '2026-04-02',
      method: '直接送达',
      receivedBy: person.name,
    });
    expect(accountabilityMeasures(sqlite, 2026).map((m) => m.measure)).toEqual(['批评教育']);

    await call<CaseOut>('cases.step', { id: caseId, action: 'execute' });
    await expect(call('cases.step', { id: caseId, action: 'archive' })).rejects.toThrow('尚未登记执行情况');
    await call('decisions.executed', { id: changed!.id, on: '2026-04-02' });
    c = await call<CaseOut>('cases.step', { id: caseId, action: 'archive' });
    expect(c.state).toBe('archived');

    const stats = await call<{ byForm: { label: string; n: number }[]; byState: { key: string; n: number }[] }>(
      'cases.stats',
      { year: 2026 },
    );
    expect(stats.byForm).toEqual([{ key: '批评教育', label: '批评教育', n: 1 }]);
    expect(stats.byState.find((s) => s.key === 'archived')!.n).toBe(1);
    const bulletin = await call<{ documentId: number; number: string }>('cases.bulletin', { year: 2026 });
    expect(await docText(call, bulletin.documentId)).toContain('2026年，共作出问责决定1起');
  }, 60_000);

  it('keeps the rule-table version a decision used after the table is edited', async () => {
    const clock = testClock('2026-03-02');
    t = await testApp({ now: clock.now });
    const { call, caseId, subjectId } = await caseReady(t, clock);
    const first = await call<CaseOut>('decisions.issue', { caseId, subjectId, ...decision });
    const tables = await call<{ id: number; kind: string }[]>('rule-tables.list', {});
    const forms = tables.find((x) => x.kind === 'accountability_forms')!;
    const table = await call<{ version: { rows: Record<string, unknown>[] } }>('rule-tables.get', { id: forms.id });
    await call('rule-tables.save', {
      id: forms.id,
      basedOn: 1,
      reason: '本地办法修订：诫勉影响期改为12个月',
      rows: table.version.rows.map((r) => (r.form === '诫勉' ? { ...r, effectMonths: 12, promotionBarMonths: 12 } : r)),
    });
    const after = await call<CaseOut>('cases.get', { id: caseId });
    expect(after.decisions[0]!.rules[0]).toBe('问责方式及影响期第 1 版');
    expect(after.decisions[0]!.effects[0]!.effectUntil).toBe(first.decisions[0]!.effects[0]!.effectUntil);
    expect(after.decisions[0]!.effects[0]!.effectUntil).toBe('2026-09-11');
  }, 60_000);

  it('refuses case content to clerks, administrators and auditors', async () => {
    t = await testApp();
    for (const role of ['clerk', 'admin', 'auditor'] as const) {
      await expect(caller(t.app, role)('cases.get', { id: 1 })).rejects.toThrow();
      await expect(caller(t.app, role)('clues.list', {})).rejects.toThrow();
    }
    await expect(caller(t.app, 'leader')('cases.list', {})).resolves.toEqual([]);
  });
});
