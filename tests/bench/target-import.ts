// Ten targets imported through the real UI on a city (2,000 units, 18,000 targets already in the plan): from the file
// chosen to the wizard's check, and from 确认导入 to 导入完成 with the target list read again behind it.
import ExcelJS from 'exceljs';
import { addUser } from '../support/app';
import { tempDir } from '../support/tmp';
import { benchBrowser } from './browser';
import { cityPlan } from './letters';
import { time } from './stats';
import fs from 'node:fs';
import path from 'node:path';

type Report = (name: string, samples: number[], extra?: string) => void;

export async function benchTargetImport(report: Report, o: { trace?: boolean } = {}): Promise<void> {
  const { app, t } = await cityPlan();
  const codes = app.opened.sqlite.prepare('select code from units order by id limit 10').all() as { code: string }[];
  await addUser(app, 'bench-import', 'evaluator');
  app.close();
  const files = tempDir();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标任务');
  ws.addRow(['单位代码', '指标', '目标任务', '分值', '目标值', '计量单位', '一季度', '二季度', '三季度', '四季度']);
  for (const { code } of codes)
    ws.addRow([code, '重点业务目标', '新增：推进数字政府建设项目', 10, '1', '项', '', '', '50%', '100%']);
  const file = path.join(files.dir, '十项目标.xlsx');
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

  const b = await benchBrowser(t.dir, 'bench-import');
  const page = b.page;
  const t0 = performance.now();
  if (o.trace) {
    const channel = (body: string | null) => (JSON.parse(body ?? '{}') as { channel?: string }).channel;
    page.on('request', (r) => {
      if (r.url().includes('/api/')) console.log(`${(performance.now() - t0).toFixed(0)} → ${channel(r.postData())}`);
    });
    page.on('requestfinished', async (r) => {
      if (!r.url().includes('/api/')) return;
      const size = (await r.response())?.headers()['content-length'];
      console.log(`${(performance.now() - t0).toFixed(0)} ← ${channel(r.postData())} ${size} B`);
    });
  }
  try {
    await b.signIn();
    await page.locator('html[data-kaoping-ready="1"]').waitFor();
    await page.getByRole('menuitem', { name: '目标管理' }).click();
    await page.getByRole('tab', { name: '目标任务' }).click();
    await page.getByRole('button', { name: '从 Excel 导入目标' }).click();
    const dialog = page.getByRole('dialog', { name: '导入目标任务' });
    if (o.trace) console.log(`${(performance.now() - t0).toFixed(0)} CHOOSE`);
    const [check] = await time(async () => {
      await dialog.locator('input[type=file]').setInputFiles(file);
      await dialog.getByText('检查通过：新增 10，更新 0，不变 0。').waitFor({ timeout: 120_000 });
    });
    if (o.trace) console.log(`${(performance.now() - t0).toFixed(0)} CONFIRM`);
    const [commit] = await time(async () => {
      await dialog.getByRole('button', { name: /^确认导入/ }).click();
      await dialog.getByText('导入完成').waitFor({ timeout: 120_000 });
    });
    if (o.trace) console.log(`${(performance.now() - t0).toFixed(0)} IMPORTED`);
    const [close] = await time(async () => {
      await dialog.getByRole('button', { name: /^完\s*成$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.ant-spin-blur').first().waitFor({ state: 'detached' });
    });
    if (o.trace) console.log(`${(performance.now() - t0).toFixed(0)} DONE`);
    report('browser: check 10 targets (file chosen → preview)', [check]);
    report('browser: import 10 targets (confirm → 导入完成)', [commit]);
    report('browser: close the wizard (→ list shown again)', [close]);
    report('browser: 10 targets, file chosen to imported', [check + commit]);
  } finally {
    await b.close();
    t.cleanup();
    files.cleanup();
  }
}
