import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

type Check = {
  id: number;
  reportNumber: string | null;
  reportDocumentId: number | null;
  findings: { id: number; rating: string; noticeId: number | null }[];
};

describe('supervision checks', () => {
  it(
    'a half-year round records rated findings, issues its numbered 督查通报, and a finding becomes a rectification ' +
      'notice',
    async () => {
      t = await testApp();
      const { plan, call, unitId } = await samplePlan(t.app);
      const round = await call<Check>('checks.save', {
        planId: plan.id,
        title: '2026年上半年目标任务督查',
        kind: 'half_year',
        team: '县考评办督查组',
        scope: '县直各部门和各乡镇',
        checkDate: '2026-07-10',
      });
      const invest = (
        await call<{ id: number; content: string }[]>('targets.list', { planId: plan.id, unitId: unitId('SX-FGJ') })
      ).find((x) => x.content === '完成全县固定资产投资年度目标')!;
      await call('findings.save', {
        checkId: round.id,
        unitId: unitId('SX-FGJ'),
        targetId: invest.id,
        rating: 'serious',
        description: '上半年仅完成年度目标的31%',
        requiredAction: '10个工作日内报送赶超计划',
      });
      await expect(
        call('findings.save', {
          checkId: round.id,
          unitId: unitId('SX-CZJ'),
          targetId: invest.id,
          rating: 'lagging',
          description: 'x',
          requiredAction: 'y',
        }),
      ).rejects.toThrow('所涉目标不属于该单位或本方案。');
      const withTwo = await call<Check>('findings.save', {
        checkId: round.id,
        unitId: unitId('SX-CZJ'),
        rating: 'on_track',
        description: '预算执行符合序时进度',
        requiredAction: '保持',
      });
      expect(withTwo.findings.map((f) => f.rating).sort()).toEqual(['on_track', 'serious']);

      const reported = await call<Check>('checks.report', { id: round.id });
      expect(reported.reportNumber).toBe(`考评通〔${new Date().getFullYear()}〕1号`);
      const { value: text } = await mammoth.extractRawText({
        buffer: Buffer.from(
          (await call<{ base64: string }>('documents.content', { id: reported.reportDocumentId })).base64,
          'base64',
        ),
      });
      for (const needle of [
        '关于2026年上半年目标任务督查情况的通报',
        '县考评办督查组对县直各部门和各乡镇开展了半年督查',
        '其中正常推进1项、进度滞后0项、严重滞后1项',
        // the target cited by its indicator and a short name
        '重点业务目标（完成全县固定资产投资年度目标）：上半年仅完成年度目标的31%',
        '严重滞后',
      ]) {
        expect(text, needle).toContain(needle);
      }
      await expect(
        call('findings.save', {
          checkId: round.id,
          unitId: unitId('SX-CZJ'),
          rating: 'lagging',
          description: '补充',
          requiredAction: '补充',
        }),
      ).rejects.toThrow(/督查通报（考评通〔\d{4}〕1号）已印发，不能再修改这次督查的发现。/);

      const serious = reported.findings.find((f) => f.rating === 'serious')!;
      const notice = await call<{ id: number; kind: string }>('notices.create', {
        kind: 'rectification',
        unitId: unitId('SX-FGJ'),
        findingId: serious.id,
        reason: '上半年督查发现你单位固定资产投资进度严重滞后。',
        items: [{ text: '报送赶超计划' }],
        workingDays: 10,
        contactName: '王某',
        contactPhone: '0000-1234567',
      });
      expect(
        (await call<Check[]>('checks.list', { planId: plan.id }))[0]!.findings.find((f) => f.id === serious.id)!
          .noticeId,
      ).toBe(notice.id);
      await expect(
        call('notices.create', {
          kind: 'inquiry',
          unitId: unitId('SX-FGJ'),
          findingId: serious.id,
          reason: '再发',
          items: [{ text: 'x' }],
          workingDays: 5,
          contactName: '王某',
          contactPhone: '1',
        }),
      ).rejects.toThrow('这条督查发现已经发过通知书。');
    },
  );
});
