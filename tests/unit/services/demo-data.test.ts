import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, type StartOptions, startApp } from '../../../electron/services/app';
import { runDataDir } from '../../../electron/services/data-dir';
import { silentLogger } from '../../../electron/services/logger';
import { RenderPool } from '../../../electron/services/documents/pool';
import { buildResponsibilityLetter } from '../../../electron/core';
import { sampleLetter } from '../../support/sample-letter';
import { anchorDirOf, TEST_SCRYPT } from '../../support/app';
import { docxParts } from '../../support/docx';
import { caller, samplePlan } from '../../support/sample-plan';
import { seedDataDir } from '../../support/template-db';
import { repoRoot, tempDir } from '../../support/tmp';

const opened: App[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const a of opened.splice(0)) a.close();
  for (const c of cleanups.splice(0)) c();
});

async function start(dataDir: string, demo: boolean, o: Partial<StartOptions> = {}): Promise<App> {
  const app = await startApp({
    dataDir,
    demo,
    appRoot: repoRoot,
    appVersion: '0.0.0-test',
    log: silentLogger,
    scrypt: TEST_SCRYPT,
    anchorDir: anchorDirOf(dataDir),
    ...o,
  });
  opened.push(app);
  return app;
}

function folders(): { real: string; demo: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const real = path.join(t.dir, 'Kaoping');
  const demo = runDataDir(real, true);
  fs.mkdirSync(real);
  fs.mkdirSync(demo);
  return { real, demo };
}

const docxUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.docx'))
        .map((f) => path.join(dir, f))
    : [];
const documentXml = async (file: string) => (await docxParts(fs.readFileSync(file))).get('word/document.xml')!;

describe('演示数据', () => {
  it('lives in its own folder beside the real one, seeded with a county, and says so', async () => {
    const { real, demo } = folders();
    expect(demo).toBe(`${real}-演示数据`);
    await seedDataDir(real);
    await seedDataDir(demo);
    const realBefore = fs.readFileSync(path.join(real, 'kaoping.db'));
    const app = await start(demo, true);
    const info = caller(app, 'evaluator', '演示考评员');
    expect((await info<{ demo: boolean }>('system.info', {})).demo).toBe(true);
    const units = await info<{ name: string; kind: string }[]>('units.list', {});
    expect(units.length).toBeGreaterThanOrEqual(20);
    expect(units.filter((u) => u.kind === 'township').length).toBeGreaterThanOrEqual(5);
    const plans = await info<{ id: number; state: string }[]>('plans.list', {});
    expect(plans).toHaveLength(1);
    expect(plans[0]!.state).toBe('signed');
    const reports = await info<{ state: string | null }[]>('reports.list', { planId: plans[0]!.id, quarter: 1 });
    expect(reports.filter((r) => r.state === 'accepted')).toHaveLength(4);
    const notices = await info<{ items: unknown[] } | unknown[]>('notices.list', {});
    expect(Array.isArray(notices) ? notices : notices.items).toHaveLength(2);
    // every document it made (letters, notices) carries the mark
    const letters = docxUnder(path.join(demo, 'documents'));
    expect(letters.length).toBe(21);
    for (const f of letters) expect(await documentXml(f)).toContain('演示数据');
    // the real folder was not opened at all
    expect(fs.readFileSync(path.join(real, 'kaoping.db')).equals(realBefore)).toBe(true);
    // a second start finds it marked and seeds nothing again
    app.close();
    opened.splice(0);
    const again = await start(demo, true);
    expect(await caller(again)<unknown[]>('units.list', {})).toHaveLength(units.length);
  });

  it('refuses to open demonstration data as real data and real data as a demonstration', async () => {
    const { real, demo } = folders();
    await seedDataDir(demo);
    (await start(demo, true)).close();
    opened.splice(0);
    await expect(start(demo, false)).rejects.toThrow(/演示数据，不能作为正式数据打开/);
    // a real folder is never the demonstration one, whatever it holds
    await seedDataDir(real);
    await expect(start(real, true)).rejects.toThrow(/演示数据只能放在名称以“-演示数据”结尾的目录中/);
    // a folder with the name but real records in it
    const app = await start(real, false);
    await caller(app)('units.create', { code: 'X01', name: '示例县人民政府', kind: 'county' });
    app.close();
    opened.splice(0);
    const renamed = `${path.dirname(real)}/其他-演示数据`;
    fs.renameSync(real, renamed);
    fs.renameSync(anchorDirOf(real), anchorDirOf(renamed));
    await expect(start(renamed, true)).rejects.toThrow(/存放的是正式数据，不能以演示模式打开/);
  });

  it('marks no document of real data', async () => {
    const { real } = folders();
    await seedDataDir(real);
    const app = await start(real, false);
    expect((await caller(app)<{ demo: boolean }>('system.info', {})).demo).toBe(false);
    const { plan, call, unitId } = await samplePlan(app);
    await call('letters.generate', { planId: plan.id, unitId: unitId('SX-FGJ') });
    const letters = docxUnder(path.join(real, 'documents'));
    expect(letters).toHaveLength(1);
    expect(await documentXml(letters[0]!)).not.toContain('演示数据');
  });

  it('marks what the render workers make for a demonstration (batches and volumes), and only then', async () => {
    const xml = async (bytes: Uint8Array) => (await docxParts(Buffer.from(bytes))).get('word/document.xml')!;
    const pool = new RenderPool(0, null);
    cleanups.push(() => pool.close());
    const input = sampleLetter(3);
    expect(await xml((await pool.run({ kind: 'letter', input })).bytes)).not.toContain('演示数据');
    pool.demo = true;
    expect(await xml((await pool.run({ kind: 'letter', input })).bytes)).toContain('演示数据');
    const docs = [buildResponsibilityLetter(input)];
    expect(await xml((await pool.run({ kind: 'combined', title: '合订本', docs })).bytes)).toContain('演示数据');
  });
});
