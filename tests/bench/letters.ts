// Figures for the responsibility letters on a city: 2,000 units, each with 6 common and 3 business targets.
// 1. The batch as an office runs it (render, write, fsync, number, register, audit, bind the volumes), in a process of
//    its own: time, letters per second, peak memory; the letters list of 2,000 units after it.
// 2. The same letter rendered by our engine and by docxtemplater from a template made of it, in one run, as a ratio.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Docxtemplater from 'docxtemplater';
import type { BuildOptions } from 'esbuild';
import PizZip from 'pizzip';
import ExcelJS from 'exceljs';
import { type Block, type LetterInput, buildResponsibilityLetter } from '../../electron/core';
import { startApp } from '../../electron/services/app';
import {
  renderOfficialDocument,
  renderOfficialDocumentSync,
  renderReference,
} from '../../electron/services/documents/gbt9704';
import { silentLogger } from '../../electron/services/logger';
import { TEST_SCRYPT, asRole } from '../support/app';
import { fixtureFile } from '../support/sample-plan';
import { sampleLetter } from '../support/sample-letter';
import { seedOrg } from '../support/seed';
import { repoRoot, tempDir } from '../support/tmp';
import { note } from './figures';
import { time } from './stats';

type Report = (name: string, samples: number[], extra?: string, o?: { peer?: string }) => void;

export async function cityPlan() {
  const t = tempDir();
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: 'bench',
    log: silentLogger,
    scrypt: TEST_SCRYPT,
  });
  seedOrg(app.opened.sqlite, { units: 2000, people: 4000 });
  app.opened.sqlite.prepare('update units set category_id = (select min(id) from categories)').run();
  const call = async <T>(channel: string, input: unknown, role: 'evaluator' | 'admin' = 'evaluator'): Promise<T> => {
    const r = await app.callAs(asRole(role, 'bench'), 'cli', channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  await call('settings.update', { unitName: '示例市人民政府目标考评办公室' }, 'admin');
  await call('settings.updateBusiness', {
    issuingBodies: ['示例市人民政府目标考评办公室'],
    letterPartyA: '示例市人民政府',
  });
  const plan = await call<{ id: number }>('plans.create', { year: 2026, title: '示例市2026年度目标管理考核方案' });
  await call('indicators.import', { planId: plan.id, ...fixtureFile('plans', 'sample-indicators.xlsx') });
  const category = (app.opened.sqlite.prepare('select min(id) as id from categories').get() as { id: number }).id;
  await call('targets.assignCommon', { planId: plan.id, categoryId: category });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标任务');
  ws.addRow(['单位代码', '指标', '目标任务', '分值', '目标值', '计量单位', '一季度', '二季度', '三季度', '四季度']);
  const codes = app.opened.sqlite.prepare('select code from units order by id').all() as { code: string }[];
  for (const { code } of codes) {
    ws.addRow([
      code,
      '重点业务目标',
      '完成年度固定资产投资目标，推动重点项目按季度节点落实',
      30,
      '85',
      '亿元',
      '20%',
      '50%',
      '75%',
      '100%',
    ]);
    ws.addRow([code, '重点业务目标', '争取上级资金和政策支持项目', 25, '12', '个', '', '40%', '70%', '100%']);
    ws.addRow([code, '重点业务目标', '优化营商环境，审批事项按时办结', 15, '100', '%', '25%', '50%', '75%', '100%']);
  }
  const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const [importMs] = await time(() => call('targets.import', { planId: plan.id, fileName: 't.xlsx', base64 }));
  await call('plans.setState', { id: plan.id, to: 'published' });
  return { app, t, call, planId: plan.id, importMs };
}

/** The letter of `input` made into a docxtemplater template: the unit, number and one looping table row as tags. */
async function templateOf(input: LetterInput): Promise<Buffer> {
  const doc = buildResponsibilityLetter({
    ...input,
    unit: '{unit}',
    number: '{number}',
    head: { name: '{head}', post: null },
  });
  const body = doc.attachments[0]!.body.map((b): Block =>
    b.kind === 'table'
      ? {
          ...b,
          rows: [['{#rows}{n}', '{indicator}', '{target}', '{points}', '{standard}', '{body}{/rows}']],
          totals: [],
        }
      : b,
  );
  return renderOfficialDocument({ ...doc, attachments: [{ ...doc.attachments[0]!, body }] });
}

function templaterData(input: LetterInput) {
  const rows = buildResponsibilityLetter(input).attachments[0]!.body.find((b) => b.kind === 'table') as Extract<
    Block,
    { kind: 'table' }
  >;
  return {
    unit: input.unit,
    number: input.number,
    head: input.head?.name ?? '',
    rows: rows.rows.map(([n, indicator, target, points, standard, body]) => ({
      n,
      indicator,
      target,
      points,
      standard,
      body,
    })),
  };
}

/** The batch child (batch-child.ts) bundled as the app's own code is, beside the app's render workers. */
async function buildBatchChild(): Promise<string> {
  const { build } = await import('esbuild');
  // @ts-expect-error -- a build script without types
  const { targets } = (await import('../../build/scripts/esbuild-targets.mjs')) as {
    targets: Record<string, BuildOptions>;
  };
  const outfile = path.join(repoRoot, 'dist', 'bench', 'batch-child.cjs');
  await build({ ...targets.web, entryPoints: [path.join(repoRoot, 'tests', 'bench', 'batch-child.ts')], outfile });
  return outfile;
}

export async function benchLetters(report: Report): Promise<void> {
  // 2: engine against docxtemplater on the same content, 200 letters each, alternating so neither gets a warm machine
  // alone; the docx-object renderer the engine is checked against, for the record
  const N = 200;
  const inputs = Array.from({ length: N }, (_, i) => sampleLetter(9, { unit: `第${i + 1}单位` }));
  const template = await templateOf(inputs[0]!);
  const ours: number[] = [];
  const theirs: number[] = [];
  const reference: number[] = [];
  let oursBytes = 0;
  let theirsBytes = 0;
  for (const input of inputs) {
    const [a, b1] = await time(() => renderOfficialDocumentSync(buildResponsibilityLetter(input)));
    const [b, b2] = await time(() => {
      const d = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
      d.render(templaterData(input));
      return d.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    });
    if (reference.length < N / 4)
      reference.push((await time(() => renderReference(buildResponsibilityLetter(input))))[0]);
    ours.push(a);
    theirs.push(b);
    oursBytes += b1.length;
    theirsBytes += b2.length;
  }
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  report(
    'letter render: our engine',
    ours,
    `${(N / (sum(ours) / 1000)).toFixed(1)} letters/s, ${(oursBytes / N / 1024).toFixed(0)} KB each`,
    { peer: 'letter render: docxtemplater from template' },
  );
  report(
    'letter render: docxtemplater from template',
    theirs,
    `${(N / (sum(theirs) / 1000)).toFixed(1)} letters/s, ${(theirsBytes / N / 1024).toFixed(0)} KB each`,
  );
  report('letter render: docx-object reference renderer', reference, '(what the engine is checked against)');
  note(
    `docxtemplater / engine time ratio: ${(sum(theirs) / sum(ours)).toFixed(2)} (above 2 = the goal met; same ` +
      'content, same run)',
    ['docxtemplater / engine time ratio', sum(theirs) / sum(ours), 'x'],
  );

  // 1: the batch over a city, in a process of its own (the app's bundled code and render workers), on the city
  // prepared here: its time, the process's peak memory (main thread and workers), the letters list after it
  const { app, t, planId, importMs } = await cityPlan();
  report('import 6,000 business targets (commit)', [importMs]);
  app.close();
  const child = await buildBatchChild();
  const { stdout } = await promisify(execFile)(process.execPath, [child, t.dir, repoRoot, String(planId)], {
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(stdout) as {
    ms: number;
    cpuMs: number;
    before: number;
    peak: number;
    afterLetter: number[];
    afterTarget: number[];
    changed: number[];
    afterUnit: number[];
    kept: number[];
    state: string;
    succeeded: number;
  };
  const mb = (b: number) => b / 2 ** 20;
  report(
    'batch: 2,000 letters + bound volumes, durable',
    [r.ms],
    `${r.state}, ${r.succeeded} letters, ${(r.succeeded / (r.ms / 1000)).toFixed(1)} letters/s, ` +
      `RSS ${mb(r.before).toFixed(0)} → peak ${mb(r.peak).toFixed(0)} MB (main thread and render workers)`,
  );
  note(`batch CPU time (all threads): ${(r.cpuMs / 1000).toFixed(1)} s`, [
    'batch: CPU time, all threads',
    r.cpuMs,
    'ms',
  ]);
  note(`batch peak memory: ${mb(r.peak).toFixed(0)} MB`, ['batch: peak memory (RSS)', mb(r.peak), 'MB']);
  report('letters.list, 2,000 units, after a letter changed', r.afterLetter, '(signed, generated: letters read again)');
  report('letters.list, 2,000 units, after a target was edited', r.afterTarget, '(that unit worked out again)');
  report(
    'letters.list, 2,000 units, after what all print changed',
    r.changed,
    "(a setting: shared parts hashed again, each unit's kept)",
  );
  report('letters.list, 2,000 units, after a unit changed', r.afterUnit, "(units read again, each unit's part hashed)");
  report('letters.list, 2,000 units, unchanged since', r.kept, '(kept until the database changes)');
  t.cleanup();
}
