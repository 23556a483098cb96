import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/app';
import { docxParts } from '../../support/docx';
import { excellentByPosting, letterhead, staffWorld } from '../../support/staff-world';

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('the person archive', () => {
  it('gathers posts, grades and what follows (嘉奖, 三等功 proposed, 诫勉 reminder), measures and trainings', async () => {
    const w = await staffWorld();
    t = w.t;
    const [a, b] = [w.people[0]!, w.people[1]!];
    await letterhead(w);
    // 优秀 only through its 公示: proposed, posted 5 working days, confirmed
    for (const year of [2024, 2025, 2026]) await excellentByPosting(w, year, w.fgj, [a]);
    await w.kpy.call('staff.grade', { year: 2026, unitId: w.fgj, personId: b, finalGrade: 'basic', comment: '需改进' });
    await w.kpy.call('measures.save', {
      personId: b,
      category: 'organisational',
      measure: '调整职务',
      body: '县委组织部',
      decidedOn: '2026-02-01',
    });
    const titles = async (personId: number) =>
      (await w.kpy.call('people.archive', { personId })).lines.map((l) => `${l.section}:${l.title}`);
    expect(await titles(a)).toEqual(
      expect.arrayContaining([
        'grade:2026年度考核：优秀',
        'honour:2026年度嘉奖',
        'honour:拟记三等功（2024—2026年连续三年优秀）',
        'honour:2024年度嘉奖',
        expect.stringMatching(/^post:.*发展和改革局 科员$/),
      ]),
    );
    expect((await titles(a)).filter((x) => x.startsWith('honour:拟记三等功'))).toHaveLength(1);
    expect(await titles(b)).toEqual(
      expect.arrayContaining([
        'grade:2026年度考核：基本称职',
        'honour:提醒：2026年度基本称职，应予诫勉',
        'accountability:组织处理：调整职务',
      ]),
    );
    const archive = await w.kpy.call('people.archive', { personId: b });
    expect(archive.lines.find((l) => l.section === 'accountability')).toMatchObject({
      restricted: true,
      source: { kind: 'staff_measure', label: '组织处理登记 调整职务' },
    });
    const leader = await w.t.app.callAs({ userId: null, username: '领导', role: 'leader' }, 'web', 'people.archive', {
      personId: b,
    });
    expect(leader).toMatchObject({ ok: true, value: { hidden: 0 } });
    const doc = await w.kpy.call('people.archiveExport', { personId: b, format: 'docx' });
    const xml = (await docxParts(Buffer.from(doc.base64, 'base64'))).get('word/document.xml')!;
    expect(xml).toContain('干部2同志档案摘要');
    expect(xml).toContain('内部资料');
    const xlsx = await w.kpy.call('people.archiveExport', { personId: b, format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/^干部2同志档案摘要-.*\.xlsx$/);
  });
});
