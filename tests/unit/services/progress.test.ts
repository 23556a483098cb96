import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/contract';
import { attachmentPath } from '../../../electron/services/attachments';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';
import { archiveDirectly } from '../../support/sample-results';

let t: TestApp;
afterEach(() => t?.close());

type Row = {
  targetId: number;
  unitId: number;
  content: string;
  expected: number;
  lag: string;
  reportId: number | null;
  state: string | null;
  attachments: { id: number; name: string }[];
  returnReason: string | null;
};

/** The sample plan with every letter signed: the year is running. */
async function runningYear() {
  t = await testApp();
  const s = await samplePlan(t.app);
  const rows = await s.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id });
  const today = new Date().toISOString().slice(0, 10);
  for (const r of rows) {
    await s.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
    await s.call('letters.sign', {
      planId: s.plan.id,
      unitId: r.unitId,
      signedDate: today,
      partyASigner: '张县长',
      partyBSigner: '负责人',
    });
  }
  await s.call('plans.setState', { id: s.plan.id, to: 'signed' });
  const clerkOf = (code: string) => {
    const c: Caller = { userId: null, username: `录入员${code}`, role: 'clerk', unitId: s.unitId(code) };
    return async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await t.app.callAs(c, 'web', channel, input);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
      return r.value as T;
    };
  };
  return { ...s, clerkOf };
}

describe('quarterly progress reports', () => {
  it(
    'a unit’s 录入员 reports its own targets; lagging is measured against ' + 'the quarter’s milestone once submitted',
    async () => {
      const { plan, call, clerkOf, unitId } = await runningYear();
      const clerk = clerkOf('SX-FGJ');
      const mine = await clerk<Row[]>('reports.list', { planId: plan.id, quarter: 3 });
      expect(new Set(mine.map((r) => r.unitId))).toEqual(new Set([unitId('SX-FGJ')]));
      const invest = mine.find((r) => r.content === '完成全县固定资产投资年度目标')!;
      expect(invest).toMatchObject({ expected: 75, lag: 'unreported', state: null });
      const draft = await clerk<Row>('reports.save', {
        targetId: invest.targetId,
        quarter: 3,
        completionRate: 48,
        narrative: '受资金到位影响，部分项目开工推迟。',
        problems: '专项债发行推迟',
        nextSteps: '加快前期手续',
      });
      expect(draft).toMatchObject({ state: 'draft', lag: 'unreported' });
      const sent = await clerk<Row>('reports.submit', { reportId: draft.reportId });
      expect(sent).toMatchObject({ state: 'submitted', lag: 'serious' });
      await expect(
        clerk('reports.save', { targetId: invest.targetId, quarter: 3, completionRate: 80, narrative: '改' }),
      ).rejects.toThrow('这份进展当前为“已报送”，不能修改；此时可以：审核通过、退回。');
      await expect(call('reports.review', { reportId: draft.reportId, accept: false })).rejects.toThrow(
        '退回时请写明原因。',
      );
      const back = await call<Row>('reports.review', {
        reportId: draft.reportId,
        accept: false,
        reason: '请附项目开工证明',
      });
      expect(back).toMatchObject({ state: 'returned', returnReason: '请附项目开工证明' });
      await clerk('reports.save', {
        targetId: invest.targetId,
        quarter: 3,
        completionRate: 70,
        narrative: '补充开工证明。',
      });
      await clerk('reports.submit', { reportId: draft.reportId });
      expect(await call<Row>('reports.review', { reportId: draft.reportId, accept: true })).toMatchObject({
        state: 'accepted',
        lag: 'lagging',
      });
    },
  );

  it('refuses a report on another unit’s target, and any report once the plan is archived', async () => {
    const { plan, call, clerkOf } = await runningYear();
    const theirs = (await call<Row[]>('reports.list', { planId: plan.id, quarter: 1 })).find(
      (r) => r.content === '一般公共预算收入增长',
    )!;
    await expect(
      clerkOf('SX-FGJ')('reports.save', {
        targetId: theirs.targetId,
        quarter: 1,
        completionRate: 30,
        narrative: '代填',
      }),
    ).rejects.toThrow('这是示例县财政局的目标，您只能填报本单位的进展。');
    await call('plans.setState', { id: plan.id, to: 'scoring' });
    archiveDirectly(t.app, plan.id);
    await expect(
      clerkOf('SX-CZJ')('reports.save', {
        targetId: theirs.targetId,
        quarter: 1,
        completionRate: 30,
        narrative: '补报',
      }),
    ).rejects.toThrow('方案已归档，不能再填报或修改季度进展。');
  });

  it('keeps evidence of any type, refuses empty files, and detects stored bytes altered on disk', async () => {
    const { plan, clerkOf } = await runningYear();
    const clerk = clerkOf('SX-JYJ');
    const row = (await clerk<Row[]>('reports.list', { planId: plan.id, quarter: 2 }))[0]!;
    const draft = await clerk<Row>('reports.save', {
      targetId: row.targetId,
      quarter: 2,
      completionRate: 40,
      narrative: '主体开工',
    });
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const withFile = await clerk<Row>('reports.attach', {
      reportId: draft.reportId,
      fileName: '现场照片.jpg',
      base64: photo.toString('base64'),
    });
    expect(withFile.attachments.map((a) => a.name)).toEqual(['现场照片.jpg']);
    await expect(clerk('reports.attach', { reportId: draft.reportId, fileName: '空.pdf', base64: '' })).rejects.toThrow(
      '附件“空.pdf”是空文件，未保存。',
    );
    const got = await clerk<{ base64: string }>('reports.download', { attachmentId: withFile.attachments[0]!.id });
    expect(Buffer.from(got.base64, 'base64').equals(photo)).toBe(true);
    const sha = (t.app.opened.sqlite.prepare('select sha256 from report_attachments').get() as { sha256: string })
      .sha256;
    fs.writeFileSync(attachmentPath(t.dir, sha), 'altered');
    await expect(clerk('reports.download', { attachmentId: withFile.attachments[0]!.id })).rejects.toThrow(
      '内容与保存时不一致',
    );
    await expect(clerkOf('SX-FGJ')('reports.download', { attachmentId: withFile.attachments[0]!.id })).rejects.toThrow(
      '只能查看本单位的佐证材料。',
    );
  });
});
