import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => {
  delete process.env.KAOPING_FAULT;
  t?.close();
});

type LetterRow = {
  unitCode: string;
  unitId: number;
  blockers: string[];
  warnings: string[];
  documentId: number | null;
  number: string | null;
  voided: boolean;
  stale: boolean;
  signedDate: string | null;
};
type Doc = {
  id: number;
  kind: string;
  number: string;
  fileName: string;
  sha256: string;
  voidedAt: number | null;
  voidReason: string | null;
};
const letterFiles = (dir: string) => {
  const root = path.join(dir, 'documents', 'letter');
  return fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.docx') || f.includes('.pending'))
    : [];
};

describe('responsibility letters', () => {
  it(
    'generates a numbered, registered letter; generating a current one again is refused, re-issuing it takes ' +
      'the next number and voids the first with the reason',
    async () => {
      t = await testApp();
      const { plan, call, unitId } = await samplePlan(t.app);
      const fgj = unitId('SX-FGJ');
      const first = await call<{ documentId: number; number: string; fileName: string }>('letters.generate', {
        planId: plan.id,
        unitId: fgj,
      });
      const year = new Date().getFullYear();
      expect(first.number).toBe(`考评责〔${year}〕1号`);
      const file = path.join(t.dir, 'documents', 'letter', String(year), first.fileName);
      const docs = await call<Doc[]>('documents.list', { kind: 'letter' });
      expect(docs[0]!.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
      await expect(call('letters.generate', { planId: plan.id, unitId: fgj })).rejects.toThrow(
        `示例县发展和改革局的责任书（${first.number}）已是最新，无需重新生成；确需重新印发的，请用“重新印发”并说明原因。`,
      );
      await expect(call('letters.reissue', { planId: plan.id, unitId: fgj, reason: '  ' })).rejects.toThrow(
        '重新印发原因',
      );
      expect((await call<Doc[]>('documents.list', { kind: 'letter' })).map((d) => d.number)).toEqual([first.number]);
      const second = await call<{ number: string }>('letters.reissue', {
        planId: plan.id,
        unitId: fgj,
        reason: '原件遗失',
      });
      expect(second.number).toBe(`考评责〔${year}〕2号`);
      const after = await call<Doc[]>('documents.list', { kind: 'letter' });
      expect(after.find((d) => d.number === first.number)).toMatchObject({
        voidReason: `重新印发（原件遗失），由 ${second.number} 取代`,
      });
      const row = (await call<LetterRow[]>('letters.list', { planId: plan.id })).find((r) => r.unitCode === 'SX-FGJ')!;
      expect(row).toMatchObject({ number: second.number, voided: false, stale: false, blockers: [] });
      // the audit trail names the document, its hash and why a current letter was printed again
      const audit = t.app.opened.sqlite
        .prepare(
          "select action, target, detail from audit_log where action in ('letters.generate', 'letters.reissue') " +
            'order by seq',
        )
        .all() as { action: string; target: string; detail: string }[];
      expect(audit.map((a) => [a.action, a.target])).toEqual([
        ['letters.generate', `document:${first.number}`],
        ['letters.reissue', `document:${second.number}`],
      ]);
      expect(JSON.parse(audit[1]!.detail)).toMatchObject({ reissued: '原件遗失' });
    },
  );

  it('signing freezes the unit’s targets; the plan is signed only when every unit has signed', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const fgj = unitId('SX-FGJ');
    await call('letters.generate', { planId: plan.id, unitId: fgj });
    const today = new Date().toISOString().slice(0, 10);
    await expect(
      call('letters.sign', {
        planId: plan.id,
        unitId: unitId('SX-CZJ'),
        signedDate: today,
        partyASigner: '张县长',
        partyBSigner: '陈刚',
      }),
    ).rejects.toThrow('示例县财政局的责任书当前为“未生成”，不能登记签订；此时可以：生成。');
    const signed = await call<LetterRow>('letters.sign', {
      planId: plan.id,
      unitId: fgj,
      signedDate: today,
      partyASigner: '张县长',
      partyBSigner: '王建国',
    });
    expect(signed.signedDate).toBe(today);
    const target = (
      await call<
        {
          id: number;
          unitCode: string;
          frozen: boolean;
          indicatorId: number;
          unitId: number;
          content: string;
          points: number;
        }[]
      >('targets.list', { planId: plan.id, unitId: fgj })
    )[0]!;
    expect(target.frozen).toBe(true);
    await expect(
      call('targets.save', {
        id: target.id,
        planId: plan.id,
        indicatorId: target.indicatorId,
        unitId: fgj,
        content: '改',
        points: target.points,
      }),
    ).rejects.toThrow('示例县发展和改革局的目标责任书已签订，目标任务已冻结');
    await expect(call('letters.generate', { planId: plan.id, unitId: fgj })).rejects.toThrow(
      '的责任书当前为“已签订”，不能生成；此时可以：撤销签订。',
    );
    await expect(call('plans.setState', { id: plan.id, to: 'signed' })).rejects.toThrow(
      '还有 5 个单位的责任书未签订。',
    );
    await expect(call('plans.setState', { id: plan.id, to: 'draft' })).rejects.toThrow(
      '已有 1 个单位签订了责任书，不能退回草拟。',
    );
    await call('letters.unsign', { planId: plan.id, unitId: fgj, reason: '签字人有误' });
    await expect(call('targets.remove', { id: target.id })).resolves.toEqual({});
  });

  it('a change to the targets after generation marks the letter stale and blocks signing it', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const fgj = unitId('SX-FGJ');
    await call('letters.generate', { planId: plan.id, unitId: fgj });
    const target = (
      await call<{ id: number; indicatorId: number; points: number; content: string }[]>('targets.list', {
        planId: plan.id,
        unitId: fgj,
      })
    )[0]!;
    await new Promise((r) => setTimeout(r, 5));
    await call('targets.save', {
      id: target.id,
      planId: plan.id,
      indicatorId: target.indicatorId,
      unitId: fgj,
      content: `${target.content}（修订）`,
      points: target.points,
    });
    expect((await call<LetterRow[]>('letters.list', { planId: plan.id })).find((r) => r.unitId === fgj)!.stale).toBe(
      true,
    );
    await expect(
      call('letters.sign', {
        planId: plan.id,
        unitId: fgj,
        signedDate: new Date().toISOString().slice(0, 10),
        partyASigner: '甲',
        partyBSigner: '乙',
      }),
    ).rejects.toThrow('请重新生成后再登记签订');
  });

  it(
    'a target removed, or an indicator reworded after going back to ' + 'draft, makes the letter stale and unsignable',
    async () => {
      t = await testApp();
      const { plan, call, unitId } = await samplePlan(t.app);
      const fgj = unitId('SX-FGJ');
      const czj = unitId('SX-CZJ');
      await call('letters.generate', { planId: plan.id, unitId: fgj });
      await call('letters.generate', { planId: plan.id, unitId: czj });
      const today = new Date().toISOString().slice(0, 10);
      const price = (
        await call<{ id: number; content: string }[]>('targets.list', { planId: plan.id, unitId: fgj })
      ).find((x) => x.content === '开展重要民生商品价格监测')!;
      await call('targets.remove', { id: price.id });
      const fgjRow = (await call<LetterRow[]>('letters.list', { planId: plan.id })).find((r) => r.unitId === fgj)!;
      expect(fgjRow).toMatchObject({ stale: true, blockers: ['目标分值合计 85 分，应为 100 分'] });
      await expect(
        call('letters.sign', {
          planId: plan.id,
          unitId: fgj,
          signedDate: today,
          partyASigner: '甲',
          partyBSigner: '乙',
        }),
      ).rejects.toThrow('的目标有问题，不能登记签订');

      await call('plans.setState', { id: plan.id, to: 'draft' });
      const got = await call<{
        indicators: {
          id: number;
          name: string;
          parentId: number | null;
          kind: string;
          points: number;
          params: unknown;
        }[];
      }>('plans.get', { id: plan.id });
      const item = got.indicators.find((i) => i.name === '政务公开')!;
      await call('indicators.save', {
        id: item.id,
        planId: plan.id,
        parentId: item.parentId,
        kind: item.kind,
        name: item.name,
        points: item.points,
        params: item.params,
        standard: '政务公开事项按期公开率100%',
      });
      await call('plans.setState', { id: plan.id, to: 'published', acceptShortfalls: true });
      const czjRow = (await call<LetterRow[]>('letters.list', { planId: plan.id })).find((r) => r.unitId === czj)!;
      expect(czjRow.stale).toBe(true);
      await expect(
        call('letters.sign', {
          planId: plan.id,
          unitId: czj,
          signedDate: today,
          partyASigner: '甲',
          partyBSigner: '乙',
        }),
      ).rejects.toThrow('请重新生成后再登记签订');
      await call('letters.generate', { planId: plan.id, unitId: czj });
      await expect(
        call('letters.sign', {
          planId: plan.id,
          unitId: czj,
          signedDate: today,
          partyASigner: '甲',
          partyBSigner: '乙',
        }),
      ).resolves.toMatchObject({ signedDate: today });
    },
  );

  it('names what blocks a letter (points off, no targets) and what only warns (no head, no leader)', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const rows = await call<LetterRow[]>('letters.list', { planId: plan.id });
    expect(rows.find((r) => r.unitCode === 'SX-FGJ')!.warnings).toEqual(['1 项业务目标未指定责任领导']);
    const cgz = unitId('SX-CGZ');
    const target = (
      await call<{ id: number; indicatorId: number; content: string; leaderId: number | null }[]>('targets.list', {
        planId: plan.id,
        unitId: cgz,
      })
    ).find((x) => x.content === '城镇新增就业')!;
    await call('targets.save', {
      id: target.id,
      planId: plan.id,
      indicatorId: target.indicatorId,
      unitId: cgz,
      content: target.content,
      points: 30,
    });
    const row = (await call<LetterRow[]>('letters.list', { planId: plan.id })).find((r) => r.unitCode === 'SX-CGZ')!;
    expect(row.blockers).toEqual(['目标分值合计 95 分，应为 100 分']);
    await expect(call('letters.generate', { planId: plan.id, unitId: cgz })).rejects.toThrow(
      '城关镇人民政府的责任书不能生成：目标分值合计 95 分，应为 100 分。',
    );
    await expect(call('letters.generate', { planId: plan.id, unitId: unitId('SX-FGJ-JGK') })).rejects.toThrow(
      '没有目标任务',
    );
    expect(letterFiles(t.dir)).toEqual([]);
    // a unit whose head is stopped still gets its letter, with the signature line left blank and a warning
    const people = await call<{ rows: { id: number; name: string }[] }>('people.list', { search: '郑伟' });
    await call('people.setActive', { id: people.rows[0]!.id, active: false });
    const dhx = (await call<LetterRow[]>('letters.list', { planId: plan.id })).find((r) => r.unitCode === 'SX-DHX')!;
    expect(dhx.warnings[0]).toContain('未设单位主要负责人');
  });

  it('an output folder that cannot be written is refused with where and why', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    fs.mkdirSync(path.join(t.dir, 'documents'), { recursive: true });
    fs.writeFileSync(path.join(t.dir, 'documents', 'letter'), 'not a folder');
    await expect(call('letters.generate', { planId: plan.id, unitId: unitId('SX-FGJ') })).rejects.toThrow(
      /公文生成未完成/,
    );
    expect(await call<Doc[]>('documents.list', {})).toEqual([]);
  });

  it('two letters generated at once never share a number', async () => {
    t = await testApp();
    const { plan, unitId } = await samplePlan(t.app);
    const results = await Promise.all(
      ['SX-FGJ', 'SX-CZJ', 'SX-JYJ'].map((c) =>
        t.app.callAs({ userId: null, username: '李考评', role: 'evaluator' }, 'web', 'letters.generate', {
          planId: plan.id,
          unitId: unitId(c),
        }),
      ),
    );
    // each one that lost the race for a number was prepared again with the next one
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = results.map((r) => (r as { value: { number: string } }).value.number);
    expect(numbers.map((n) => n.replace(/^.*〕/, '')).sort()).toEqual(['1号', '2号', '3号']);
    const registered = t.app.opened.sqlite.prepare('select number from documents').all() as { number: string }[];
    expect(registered.map((d) => d.number).sort()).toEqual([...numbers].sort());
    expect(letterFiles(t.dir)).toHaveLength(numbers.length);
  });
});
