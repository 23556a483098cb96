import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

type Row = { unitId: number; unitCode: string; signedDate: string | null; partyASigner: string | null };

describe('signings registered many at once', () => {
  it('signs the rows passing letters.sign’s checks in one call, an entry each, and lists the others', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const [fgj, czj, jyj, cgz] = ['SX-FGJ', 'SX-CZJ', 'SX-JYJ', 'SX-CGZ'].map(unitId) as [
      number,
      number,
      number,
      number,
    ];
    for (const u of [fgj, czj, cgz]) await call('letters.generate', { planId: plan.id, unitId: u });
    const today = new Date().toISOString().slice(0, 10);
    const row = (unitId: number, o: Partial<{ signedDate: string; partyASigner: string }> = {}) => ({
      unitId,
      signedDate: today,
      partyASigner: '张县长',
      partyBSigner: '负责人',
      ...o,
    });
    const r = await call<{ signed: number[]; failed: { unitId: number; unitName: string; message: string }[] }>(
      'letters.signMany',
      {
        planId: plan.id,
        rows: [row(fgj), row(czj, { partyASigner: '李副县长' }), row(jyj), row(cgz, { signedDate: '2099-01-01' })],
      },
    );
    expect(r.signed).toEqual([fgj, czj]);
    expect(r.failed).toEqual([
      {
        unitId: jyj,
        unitName: '示例县教育局',
        message: '示例县教育局的责任书当前为“未生成”，不能登记签订；此时可以：生成。',
      },
      { unitId: cgz, unitName: expect.any(String), message: '签订日期不能晚于今天。' },
    ]);
    const rows = await call<Row[]>('letters.list', { planId: plan.id });
    const by = (u: number) => rows.find((x) => x.unitId === u)!;
    expect(by(fgj)).toMatchObject({ signedDate: today, partyASigner: '张县长' });
    expect(by(czj)).toMatchObject({ signedDate: today, partyASigner: '李副县长' });
    expect(by(cgz).signedDate).toBeNull();
    const audit = t.app.opened.sqlite
      .prepare("select target, detail from audit_log where action = 'letters.signMany' order by seq")
      .all() as { target: string; detail: string }[];
    expect(audit.map((a) => a.target)).toEqual(['letter:2026:SX-FGJ', 'letter:2026:SX-CZJ', 'letters:2026']);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ signed: today, partyA: '李副县长', partyB: '负责人' });
    expect(JSON.parse(audit[2]!.detail)).toMatchObject({ signed: 2, failed: 2 });
  });

  it('a signed letter selected again is listed, not signed twice', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const fgj = unitId('SX-FGJ');
    await call('letters.generate', { planId: plan.id, unitId: fgj });
    const today = new Date().toISOString().slice(0, 10);
    const one = { unitId: fgj, signedDate: today, partyASigner: '张县长', partyBSigner: '王建国' };
    await call('letters.signMany', { planId: plan.id, rows: [one] });
    const again = await call<{ signed: number[]; failed: { message: string }[] }>('letters.signMany', {
      planId: plan.id,
      rows: [one, one],
    });
    expect(again.signed).toEqual([]);
    expect(again.failed.map((f) => f.message)).toEqual([
      expect.stringContaining('已签订'),
      '重复选择，只按第一行处理。',
    ]);
  });
});
