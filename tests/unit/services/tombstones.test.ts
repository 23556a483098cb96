import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../support/write-scenarios';

/**
 * A removal leaves a tombstone that can travel to the other levels; no list the office sees shows it,
 * and the name or date it held is free again.
 */
let w: World;
beforeAll(async () => {
  w = await World.start();
}, 180_000);
afterAll(() => w?.t.close());

const tomb = (table: string, id: number) =>
  w.app.opened.sqlite.prepare(`select deleted_at as deletedAt, version from ${table} where id = ?`).get(id) as
    { deletedAt: number | null; version: number } | undefined;

describe('removed records', () => {
  it('a category: gone from the list, kept as a tombstone, its name usable again', async () => {
    const c = await w.call<{ id: number }>('categories.save', { name: '临时类别' });
    await w.call('categories.remove', { id: c.id });
    expect((await w.call<{ id: number }[]>('categories.list', {})).map((x) => x.id)).not.toContain(c.id);
    expect(tomb('categories', c.id)).toMatchObject({ deletedAt: expect.any(Number), version: 2 });
    await expect(w.call('categories.save', { name: '临时类别' })).resolves.toMatchObject({ name: '临时类别' });
    await expect(w.call('categories.remove', { id: c.id })).rejects.toThrow('没有找到这个类别');
  });

  it('a target and an indicator of a draft plan: gone from the plan, its points and its counts', async () => {
    const planId = (await w.next()).id;
    const before = await w.call<{ id: number; indicatorId: number; unitId: number }[]>('targets.list', { planId });
    const t = await w.call<{ id: number }>('targets.save', {
      planId,
      indicatorId: before[0]!.indicatorId,
      unitId: before[0]!.unitId,
      content: '待删',
      points: 1,
    });
    await w.call('targets.remove', { id: t.id });
    expect((await w.call<{ id: number }[]>('targets.list', { planId })).map((x) => x.id)).not.toContain(t.id);
    expect(tomb('targets', t.id)?.deletedAt).toEqual(expect.any(Number));
    await expect(w.call('targets.remove', { id: t.id })).rejects.toThrow('没有找到这项目标任务');

    const g = await w.call<{ id: number }>('indicators.save', {
      planId,
      isGroup: true,
      kind: 'bonus',
      name: '待删分组',
    });
    await w.call('indicators.remove', { id: g.id });
    const detail = await w.call<{ indicators: { id: number; name: string }[] }>('plans.get', { id: planId });
    expect(detail.indicators.map((i) => i.id)).not.toContain(g.id);
    // the name is free again in the same plan
    await expect(
      w.call('indicators.save', { planId, isGroup: true, kind: 'bonus', name: '待删分组' }),
    ).resolves.toMatchObject({ name: '待删分组' });
  });

  it('a target that a notice refers to cannot be removed, and says why', async () => {
    const planId = (await w.next()).id;
    const t = (await w.call<{ id: number; unitId: number }[]>('targets.list', { planId }))[0]!;
    await w.call('notices.create', {
      kind: 'inquiry',
      unitId: t.unitId,
      targetId: t.id,
      reason: '进度滞后。',
      items: [{ text: '说明原因' }],
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
    await expect(w.call('targets.remove', { id: t.id })).rejects.toThrow('这项目标任务已有1项通知书，不能删除。');
    expect(tomb('targets', t.id)?.deletedAt).toBeNull();
  });

  it('a finding and a report’s evidence: gone from the round and the report', async () => {
    const f = await w.finding();
    const round = await w.call<{ findings: { id: number }[] }>('findings.remove', { id: f });
    expect(round.findings.map((x) => x.id)).not.toContain(f);
    const check = (
      await w.call<{ id: number; findings: { id: number }[] }[]>('checks.list', { planId: (await w.running()).plan.id })
    )[0]!;
    expect(check.findings.map((x) => x.id)).not.toContain(f);

    const reportId = await w.report(1);
    const row = await w.call<{ attachments: { id: number }[] }>('reports.attach', {
      reportId,
      fileName: '佐证.pdf',
      base64: Buffer.from('%PDF-1.4 x').toString('base64'),
    });
    const a = row.attachments[0]!.id;
    const after = await w.call<{ attachments: { id: number }[] }>('reports.detach', { attachmentId: a });
    expect(after.attachments).toEqual([]);
    await expect(w.call('reports.download', { attachmentId: a })).rejects.toThrow('没有找到这份佐证材料');
    expect(tomb('report_attachments', a)?.deletedAt).toEqual(expect.any(Number));
  });

  it('a calendar day: gone from the calendar and from the working-day count, and can be set again', async () => {
    await w.call('calendar.set', { date: '2026-11-02', kind: 'holiday', note: '测试' }, 'admin');
    await w.call('calendar.remove', { date: '2026-11-02' }, 'admin');
    expect(
      (await w.call<{ date: string }[]>('calendar.list', { year: 2026 }, 'admin')).map((d) => d.date),
    ).not.toContain('2026-11-02');
    await expect(w.call('calendar.remove', { date: '2026-11-02' }, 'admin')).rejects.toThrow('没有设置过');
    await w.call('calendar.set', { date: '2026-11-02', kind: 'workday', note: '调休' }, 'admin');
    expect(await w.call('calendar.list', { year: 2026 }, 'admin')).toContainEqual({
      date: '2026-11-02',
      kind: 'workday',
      note: '调休',
    });
  });
});
