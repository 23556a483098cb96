// Figures for the responsibility letters on a city: 2,000 units, each with 6 common and 3 business targets.
// 1. The batch as an office runs it (render, write, fsync, number, register, audit): letters per second, peak memory.
// 2. The same letter rendered by our engine and by docxtemplater from a template made of it, in one run, as a ratio.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import ExcelJS from 'exceljs';
import { type Block, type LetterInput, buildResponsibilityLetter } from '../../electron/core';
import { startApp } from '../../electron/services/app';
import { renderOfficialDocument } from '../../electron/services/documents/gbt9704';
import { silentLogger } from '../../electron/services/logger';
import { TEST_SCRYPT, asRole } from '../support/app';
import { fixtureFile } from '../support/sample-plan';
import { sampleLetter } from '../support/sample-letter';
import { seedOrg } from '../support/seed';
import { repoRoot, tempDir } from '../support/tmp';
import { time } from './stats';

type Report = (name: string, samples: number[], extra?: string) => void;

/** Peak resident memory while `fn` runs, sampled every 50 ms. */
async function peakRss<T>(fn: () => Promise<T>): Promise<[number, T]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const r = await fn();
    return [Math.max(peak, process.memoryUsage().rss), r];
  } finally {
    clearInterval(timer);
  }
}

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
  await call(
    'settings.update',
    {
      unitName: '示例市人民政府目标考评办公室',
      issuingBodies: ['示例市人民政府目标考评办公室'],
      letterPartyA: '示例市人民政府',
    },
    'admin',
  );
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

export async function benchLetters(report: Report): Promise<void> {
  // 2: engine against docxtemplater on the same content, 200 letters each, alternating so neither gets a warm machine
  // alone
  const N = 200;
  const inputs = Array.from({ length: N }, (_, i) => sampleLetter(9, { unit: `第${i + 1}单位` }));
  const template = await templateOf(inputs[0]!);
  const ours: number[] = [];
  const theirs: number[] = [];
  let oursBytes = 0;
  let theirsBytes = 0;
  for (const input of inputs) {
    const [a, b1] = await time(() => renderOfficialDocument(buildResponsibilityLetter(input)));
    const [b, b2] = await time(() => {
      const d = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
      d.render(templaterData(input));
      return d.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    });
    ours.push(a);
    theirs.push(b);
    oursBytes += b1.length;
    theirsBytes += b2.length;
  }
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  report(
    'letter render: our engine (docx)',
    ours,
    `${(N / (sum(ours) / 1000)).toFixed(1)} letters/s, ${(oursBytes / N / 1024).toFixed(0)} KB each`,
  );
  report(
    'letter render: docxtemplater from template',
    theirs,
    `${(N / (sum(theirs) / 1000)).toFixed(1)} letters/s, ${(theirsBytes / N / 1024).toFixed(0)} KB each`,
  );
  console.log(
    `engine / docxtemplater time ratio: ${(sum(ours) / sum(theirs)).toFixed(2)} (1.00 = as fast; above 1 = slower;` +
      ` same content, same run)`,
  );

  // 1: the batch over a city
  const { app, t, call, planId, importMs } = await cityPlan();
  report('import 6,000 business targets (commit)', [importMs]);
  const before = process.memoryUsage().rss;
  const [peak, [batchMs, job]] = await peakRss(() =>
    time(async () => {
      const started = await call<{ id: string }>('letters.batch', { planId });
      for (;;) {
        const j = await call<{ state: string; done: number; succeeded: number; errors: unknown[] }>('jobs.status', {
          id: started.id,
        });
        if (j.state !== 'running') return j;
        await new Promise((r) => setTimeout(r, 200));
      }
    }),
  );
  report(
    'batch: 2,000 letters + combined file',
    [batchMs],
    `${job.state}, ${job.succeeded} letters, ${(job.succeeded / (batchMs / 1000)).toFixed(1)} letters/s, ` +
      `RSS ${(before / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MB`,
  );
  app.close();
  t.cleanup();
}
