import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { scoringMethodFor } from '../../../electron/vocab';
import { findUserByName } from '../../../db/repos/users';
import { GOOD_PASSWORD, testApp, type TestApp } from '../../support/app';
import { caller as attempt } from '../../support/caller';
import { caller, fixtureFile, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

describe('words and names', () => {
  it('the targets template lists the indicators’ kinds in Chinese; the import preview names units', async () => {
    t = await testApp();
    const { plan, call } = await samplePlan(t.app, { publish: false });
    const f = await call<{ base64: string }>('targets.template', { planId: plan.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const kinds = new Set<string>();
    wb.getWorksheet('指标清单')!.eachRow((r, n) => n > 1 && kinds.add(String(r.getCell(3).value)));
    expect([...kinds].sort()).toEqual(['个性指标', '共性指标', '加分项目', '扣分项目', '一票否决'].sort());

    const preview = await call<{ rows: { key: string }[] }>('targets.importPreview', {
      planId: plan.id,
      ...fixtureFile('plans', 'sample-targets.xlsx'),
    });
    expect(preview.rows[0]!.key).toMatch(/^示例县[^ ]+ \/ /);
    expect(preview.rows.some((r) => r.key.includes('SX-'))).toBe(false);
  });

  it('a person’s unit comes with its parent below the top of the tree', async () => {
    t = await testApp();
    await samplePlan(t.app, { publish: false });
    const people = await caller(t.app)<{ rows: { name: string; unitName: string; parentUnitName: string | null }[] }>(
      'people.list',
      {},
    );
    expect(people.rows.find((p) => p.name === '赵敏')).toMatchObject({
      unitName: '示例县发展和改革局价格科',
      parentUnitName: '示例县发展和改革局',
    });
    // a unit right under the county: its parent is the county itself, not worth repeating
    expect(people.rows.find((p) => p.name === '陈刚')).toMatchObject({ parentUnitName: null });
  });

  it('a bonus item counted per occurrence adds; the others deduct', () => {
    expect(scoringMethodFor('bonus', 'per_occurrence')).toBe('按次加分（封顶）');
    expect(scoringMethodFor('deduction', 'per_occurrence')).toBe('按次扣分（封顶）');
    expect(scoringMethodFor('bonus', 'grade')).toBe('等次计分（A—D）');
  });

  it('setting up signs the administrator in: his last sign-in is then, not 从未', async () => {
    t = await testApp();
    const r = await attempt(t.app, null).attempt('auth.setup', {
      username: 'admin',
      displayName: '王管理',
      password: GOOD_PASSWORD,
    });
    expect(r.ok).toBe(true);
    expect(findUserByName(t.app.opened.db, 'admin')!.lastLoginAt).toEqual(expect.any(Number));
  });
});
