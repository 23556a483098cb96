import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { docxParts } from '../../support/docx';
import { caller, fixtureFile, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

let clock = 0;
const at = (iso: string) => (clock = new Date(`${iso}T12:00:00`).getTime());
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('lists an office works through', () => {
  it('common indicators go to every category at once; a second run adds nothing', async () => {
    t = await testApp();
    const call = caller(t.app);
    const { plan } = await samplePlan(t.app, { publish: false });
    // the sample plan assigned them one category at a time: all at once finds them there
    const again = await call<{ created: number; existing: number; units: number; categories: number }>(
      'targets.assignCommon',
      { planId: plan.id },
    );
    expect(again).toMatchObject({ created: 0, categories: 3, units: 6 });
    expect(again.existing).toBeGreaterThan(0);

    const fresh = await call<{ id: number }>('plans.create', { year: 2027, title: '示例县2027年度目标管理考核方案' });
    await call('indicators.import', { planId: fresh.id, ...fixtureFile('plans', 'sample-indicators.xlsx') });
    const all = await call<{ created: number; units: number; categories: number }>('targets.assignCommon', {
      planId: fresh.id,
    });
    expect(all).toMatchObject({ categories: 3, units: 6 });
    const targets = await call<{ unitId: number }[]>('targets.list', { planId: fresh.id });
    expect(new Set(targets.map((x) => x.unitId)).size).toBe(6);
    expect(targets.length).toBe(all.created);
  });

  it('the quarterly list filters by status: what awaits review, what is unreported', async () => {
    t = await testApp();
    const s = await samplePlan(t.app);
    const today = new Date().toISOString().slice(0, 10);
    for (const r of await s.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id })) {
      await s.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
      const signed = { signedDate: today, partyASigner: '张县长', partyBSigner: '负责人' };
      await s.call('letters.sign', { planId: s.plan.id, unitId: r.unitId, ...signed });
    }
    await s.call('plans.setState', { id: s.plan.id, to: 'signed' });
    const q = { planId: s.plan.id, quarter: 2 };
    const all = await s.call<{ targetId: number }[]>('reports.list', q);
    const saved = await s.call<{ reportId: number }>('reports.save', {
      targetId: all[0]!.targetId,
      quarter: 2,
      completionRate: 50,
      narrative: '按节点推进',
    });
    await s.call('reports.save', { targetId: all[1]!.targetId, quarter: 2, completionRate: 10, narrative: '草稿' });
    await s.call('reports.submit', { reportId: saved.reportId });
    const awaiting = await s.call<{ targetId: number; state: string }[]>('reports.list', { ...q, state: 'submitted' });
    expect(awaiting).toEqual([expect.objectContaining({ targetId: all[0]!.targetId, state: 'submitted' })]);
    expect(await s.call<unknown[]>('reports.list', { ...q, state: 'draft' })).toHaveLength(1);
    expect(await s.call<unknown[]>('reports.list', { ...q, state: 'unreported' })).toHaveLength(all.length - 2);
  });

  it('the week’s list prints as a document: overdue and due-soon items, counted, with who owns them', async () => {
    at('2026-09-29');
    t = await testApp({ now: () => clock });
    const s = await samplePlan(t.app);
    for (const [unit, days] of [
      ['SX-FGJ', 1],
      ['SX-CZJ', 3],
      ['SX-FGJ', 20],
    ] as const)
      await s.call('notices.create', {
        kind: 'inquiry',
        unitId: s.unitId(unit),
        reason: `第三季度进度滞后（${days}）。`,
        items: [{ text: '说明滞后原因' }],
        workingDays: days,
        contactName: '王某',
        contactPhone: '0000-1234567',
      });
    at('2026-10-02');
    const f = await s.call<{ fileName: string; base64: string }>('board.print', {});
    expect(f.fileName).toBe('逾期及临期事项清单（2026-10-02）.docx');
    const text = textOf((await docxParts(Buffer.from(f.base64, 'base64'))).get('word/document.xml')!);
    expect(text).toContain('逾期及临期事项清单（2026年10月2日）');
    expect(text).toContain('逾期及 3 个工作日内到期的事项共2项，其中逾期1项');
    expect(text).toContain('示例县发展和改革局');
    expect(text).toContain('考评询〔2026〕1号问询通知书：第三季度进度滞后（1）。2026-09-30逾期 2 个工作日');
    expect(text).toContain('今天到期');
    // the one due in 20 working days is not on the week's list
    expect(text).not.toContain('（20）');
    const onlyLate = await s.call<{ base64: string }>('board.print', { due: ['overdue'], unitId: s.unitId('SX-CZJ') });
    const late = textOf((await docxParts(Buffer.from(onlyLate.base64, 'base64'))).get('word/document.xml')!);
    expect(late).toContain('示例县财政局的逾期及 3 个工作日内到期的事项共0项');
    const audit = t.app.opened.sqlite.prepare("select target from audit_log where action = 'board.print'").all() as {
      target: string;
    }[];
    expect(audit).toHaveLength(2);
  });
});
