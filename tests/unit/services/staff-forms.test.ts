import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/app';
import { docxParts } from '../../support/docx';
import { staffWorld } from '../../support/staff-world';

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('公务员年度考核登记表', () => {
  it("binds a unit's forms into one volume as a job, each form's text on an odd page", async () => {
    const w = await staffWorld();
    t = w.t;
    await w.kpy.call('staff.grade', {
      year: 2026,
      unitId: w.fgj,
      personId: w.people[0]!,
      proposedGrade: 'excellent',
      comment: '工作扎实',
    });
    await w.kpy.call('measures.save', {
      personId: w.people[1]!,
      category: 'government',
      measure: '记过',
      body: '县监委',
      decidedOn: '2026-04-01',
    });
    await w.kpy.call('staff.grade', { year: 2026, unitId: w.fgj, personId: w.people[1]!, finalGrade: 'none' });
    let job = await w.kpy.call('staff.formsBatch', { year: 2026, unitId: w.fgj });
    expect(job).toMatchObject({ kind: 'staffForms', total: 10 });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = await w.kpy.call('jobs.status', { id: job.id });
    }
    expect(job).toMatchObject({ state: 'done', succeeded: 10, message: '共 10 人，合订为一册' });
    const volume = await w.kpy.call('staff.formsVolume', { year: 2026, unitId: w.fgj });
    const xml = (await docxParts(Buffer.from(volume.base64, 'base64'))).get('word/document.xml')!;
    expect(xml.match(/<w:type w:val="oddPage"\/>/g)).toHaveLength(10);
    for (let i = 1; i <= 10; i++) expect(xml).toContain(`（干部${i}）`);
    expect(xml).toContain('工作扎实');
    expect(xml).toContain('未确定等次的说明');
    expect(xml).toContain('记过（县监委，2026-04-01）');

    const summary = await w.kpy.call('staff.summaryExport', { year: 2026, unitId: w.fgj });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(summary.base64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[2]!.slice(1)).toEqual(['序号', '姓名', '职务', '拟定等次', '确定等次', '备注']);
    expect(rows[3]!.slice(1, 5)).toEqual([1, '干部1', '科员', '优秀']);
    expect(String(rows.at(-1)![1])).toContain('不定等次 1 人');
    const one = await w.kpy.call('staff.form', { year: 2026, unitId: w.fgj, personId: w.people[0]! });
    expect(one.fileName).toMatch(/^2026年度公务员年度考核登记表（干部1）/);
  });

  it('stops a cancelled batch between two forms and keeps no volume', async () => {
    const w = await staffWorld();
    t = w.t;
    let job = await w.kpy.call('staff.formsBatch', { year: 2026, unitId: w.fgj });
    job = await w.kpy.call('jobs.cancel', { id: job.id });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = await w.kpy.call('jobs.status', { id: job.id });
    }
    expect(job.state).toBe('cancelled');
    // the forms already on the render workers finish; no lane takes another
    expect(job.done).toBeLessThan(10);
    expect(await w.kpy.attempt('staff.formsVolume', { year: 2026, unitId: w.fgj })).toMatchObject({
      ok: false,
      error: { message: '还没有生成该单位本年度的登记表合订本。' },
    });
  });

  it('says so when the volume was never made', async () => {
    const w = await staffWorld();
    t = w.t;
    expect(await w.kpy.attempt('staff.formsVolume', { year: 2026, unitId: w.czj })).toMatchObject({
      ok: false,
      error: { message: '还没有生成该单位本年度的登记表合订本。' },
    });
  });
});
