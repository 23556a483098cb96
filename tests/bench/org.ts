// Figures for the organisation import on a city: 2,000 units and 30,000 people from Excel, dry run and
// commit; then the tree and a people search in the real UI (Debian Chromium through the loopback host).
import ExcelJS from 'exceljs';
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { OWASP_SCRYPT } from '../../electron/services/passwords';
import { addUser, asRole } from '../support/app';
import { repoRoot, tempDir } from '../support/tmp';
import { benchBrowser } from './browser';
import { note } from './figures';
import { time } from './stats';

type Report = (name: string, samples: number[], extra?: string) => void;

async function workbook(sheet: string, head: string[], rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export async function benchOrg(report: Report): Promise<void> {
  const units: (string | number)[][] = [['C', '示例市人民政府', '示例市', '', '市', '', 0, '启用']];
  for (let c = 1; c <= 20; c++) units.push([`C-${c}`, `第${c}县人民政府`, `${c}县`, 'C', '县（区）', '', c, '启用']);
  for (let i = units.length; i < 2000; i++) {
    const county = 1 + (i % 20);
    units.push([
      `C-${county}-${i}`,
      `第${county}县第${i}单位`,
      '',
      `C-${county}`,
      i % 3 ? '部门' : '乡镇',
      i % 3 ? '政府工作部门' : '乡镇街道',
      i,
      '启用',
    ]);
  }
  const people: (string | number)[][] = [];
  for (let i = 0; i < 30_000; i++) {
    const u = units[1 + (i % 1999)]![0]!;
    people.push([
      `P${i}`,
      `人员${i}`,
      u,
      i % 15 ? '科员' : '局长',
      '一级科员',
      i % 15 ? '否' : '是',
      i % 15 ? '否' : '是',
      '',
      '',
      '负责本岗位工作',
      '2025-01-01',
    ]);
  }
  const unitsB64 = await workbook(
    '单位',
    ['单位代码', '单位名称', '简称', '上级单位代码', '单位类型', '考核类别', '排序', '状态'],
    units,
  );
  const peopleB64 = await workbook(
    '人员',
    [
      '人员编号',
      '姓名',
      '单位代码',
      '职务',
      '职级',
      '是否领导',
      '是否行政首长',
      '联系电话',
      '身份证号',
      '岗位职责',
      '任职日期',
    ],
    people,
  );
  note(
    `workbooks: units ${((unitsB64.length * 0.75) / 1024).toFixed(0)} KB, ` +
      `people ${((peopleB64.length * 0.75) / 1024 / 1024).toFixed(1)} MB`,
    ['workbook: 2,000 units', (unitsB64.length * 0.75) / 1024, 'KB'],
    ['workbook: 30,000 people', (peopleB64.length * 0.75) / 1024 / 1024, 'MB'],
  );

  const t = tempDir();
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: 'bench',
    log: silentLogger,
    scrypt: OWASP_SCRYPT,
  });
  const kpy = asRole('evaluator', 'bench');
  const run = async (channel: string, input: unknown) => {
    const r = await app.callAs(kpy, 'cli', channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { counts: Record<string, number> };
  };
  report('import 2,000 units, dry run', [
    (await time(() => run('units.importPreview', { fileName: 'u.xlsx', base64: unitsB64 })))[0],
  ]);
  report('import 2,000 units, commit', [
    (await time(() => run('units.import', { fileName: 'u.xlsx', base64: unitsB64 })))[0],
  ]);
  report('import 30,000 people, dry run', [
    (await time(() => run('people.importPreview', { fileName: 'p.xlsx', base64: peopleB64 })))[0],
  ]);
  report('import 30,000 people, commit', [
    (await time(() => run('people.import', { fileName: 'p.xlsx', base64: peopleB64 })))[0],
  ]);
  const [again, same] = await time(() => run('people.importPreview', { fileName: 'p.xlsx', base64: peopleB64 }));
  report('re-check 30,000 unchanged people, dry run', [again], `same=${same.counts.same}`);
  await addUser(app, 'bench-kpy', 'evaluator');
  app.close();

  // the real UI on that database
  const b = await benchBrowser(t.dir, 'bench-kpy');
  const page = b.page;
  try {
    await b.signIn();
    await page.locator('html[data-kaoping-ready="1"]').waitFor();
    const [tree] = await time(async () => {
      await page.getByRole('menuitem', { name: '组织人员' }).click();
      await page.getByText('单位（2000）').waitFor();
      await page.getByText('共 30000 人').waitFor();
    });
    report('browser: open 组织人员 (tree of 2,000, first page of 30,000)', [tree]);
    const searches: number[] = [];
    for (const q of ['人员2999', '局长', '人员1']) {
      const [dt] = await time(async () => {
        await page.getByPlaceholder('姓名、编号或职务').fill(q);
        await page.getByPlaceholder('姓名、编号或职务').press('Enter');
        await page.locator('.ant-pagination-total-text').filter({ hasNotText: '共 30000 人' }).waitFor();
      });
      searches.push(dt);
      await page.getByPlaceholder('姓名、编号或职务').fill('');
      await page.getByPlaceholder('姓名、编号或职务').press('Enter');
      await page.getByText('共 30000 人').waitFor();
    }
    report('browser: filter 30,000 people by text', searches);
    const [treeSearch] = await time(async () => {
      await page.getByPlaceholder('按名称、简称或代码查找').fill('第7县第1');
      await page.getByRole('tree').getByText('第7县第1006单位').waitFor();
    });
    report('browser: filter the tree of 2,000 units', [treeSearch]);
  } finally {
    await b.close();
    t.cleanup();
  }
}
