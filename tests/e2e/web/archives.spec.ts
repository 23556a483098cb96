import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator } from '@playwright/test';
import { callFromPage, expect, shot, test } from '../support/fixtures';
import { ImportWizard } from '../support/pages/import-wizard';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';
import { todayIsAWorkingDay } from '../support/calendar';
import { chooseOption } from '../support/select';
import { TIMEOUTS } from '../support/timeouts';

/**
 * The year the 年度考核 tab opens on (renderer/features/archives/grades.ts defaultYear): until the end of March the
 * offices assess the year before. The tests set their facts in that year, so they run the same in any month.
 */
function assessedYear(): number {
  const d = new Date();
  return d.getMonth() < 3 ? d.getFullYear() - 1 : d.getFullYear();
}

type Ok<T> = { ok: true; value: T };
async function call<T>(page: Parameters<typeof callFromPage>[0], channel: string, input: unknown): Promise<T> {
  const r = (await callFromPage(page, channel, input)) as Ok<T> | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

test('年度考核: the 优秀 quota refused with the numbers, a 诫勉 blocking 优秀 by name; the archive shows it', async ({
  app,
  host,
  pageErrors,
}) => {
  await todayIsAWorkingDay(host);
  await call(app, 'settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] });
  await call(app, 'units.import', fixtureFile('org', 'sample-units.xlsx'));
  const units = await call<{ id: number; code: string; name: string }[]>(app, 'units.list', {});
  const fgj = units.find((u) => u.code === 'SX-FGJ')!;
  const ids: number[] = [];
  for (let i = 1; i <= 10; i++)
    ids.push(
      (
        await call<{ id: number }>(app, 'people.create', {
          name: `干部${i}`,
          unitId: fgj.id,
          post: '科员',
          fromDate: '2018-03-01',
          idNumber: '11010519491231002X',
        })
      ).id,
    );
  await call(app, 'measures.save', {
    personId: ids[3],
    category: 'accountability',
    measure: '诫勉',
    body: '县纪委监委',
    decidedOn: `${assessedYear()}-03-02`,
    docNo: '县纪诫〔2026〕3号',
  });

  await new Shell(app).open('档案');
  await app.getByRole('tab', { name: '年度考核' }).click();
  const unit = app.getByTestId('staff-unit');
  await chooseOption(
    app,
    unit.locator('input'),
    fgj.name,
    unit.locator(`.ant-select-content[title="${fgj.name}"]`),
    fgj.name,
  );
  await expect(app.getByTestId('staff-summary')).toContainText('参加等次评定 10 人');
  await expect(app.getByTestId('staff-summary')).toContainText('优秀名额 2 名');
  const people = app.getByTestId('staff-people');
  await expect(people).toContainText('110105********002X');

  const propose = async (name: string, grade: string) => {
    const select = app.getByLabel(`${name}拟定等次`);
    await chooseOption(
      app,
      select,
      grade,
      people
        .getByRole('row', { name: new RegExp(name) })
        .getByTitle(grade)
        .first(),
    );
  };
  await propose('干部1', '优秀');
  await propose('干部2', '优秀');
  await expect(app.getByTestId('staff-summary')).toContainText('已拟定优秀 2 名');
  // a refused choice: the list is opened and the option clicked until the refusal shows (nothing changes meanwhile)
  const refused = async (label: string, said: Locator, title = '优秀') => {
    const option = app.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
    await expect(async () => {
      if (await said.isVisible()) return;
      if (!(await option.isVisible())) await app.getByLabel(label).click({ timeout: 2_000 });
      await option.click({ timeout: 2_000 });
      await expect(said).toBeVisible({ timeout: 2_000 });
    }).toPass();
  };
  // one over the quota: refused with the numbers, the choice not kept
  await refused('干部3拟定等次', app.getByText('不能拟定干部3为优秀。优秀名额已满：本单位参加考核 10 人'));
  await expect(people.getByRole('row', { name: /干部3/ }).getByTitle('优秀')).toHaveCount(0);
  // 优秀 for a person with a 诫勉 of the year: refused, naming the decision
  await refused(
    '干部4确定等次',
    app.getByText(/干部4不能评为优秀：诫勉（县纪委监委，.*），见“问责登记 诫勉（县纪诫〔2026〕3号）”/),
  );
  await expect(people.getByText('不得评为优秀')).toBeVisible();
  await shot(app, 'archives-assessment');

  // 优秀 公示: the proposed 优秀 posted for 5 working days; while open nobody moves into 优秀; an objection upheld on
  // 干部2 withdraws 干部2's proposed 优秀 (the grade reopened)
  const posting = app.getByTestId('staff-posting');
  await expect(posting.getByTestId('posting-proposals')).toContainText('拟定优秀 2 名：干部1');
  await posting.getByTestId('posting-open').click();
  const open = app.getByRole('dialog', { name: '印发优秀等次公示' });
  await open.getByLabel('异议受理电话').fill('0000-1234567');
  await open.getByRole('button', { name: /印\s*发/ }).click();
  await expect(posting.getByTestId('posting-state')).toHaveText('公示中', { timeout: TIMEOUTS.documents });
  await expect(posting.getByTestId('posting-listed')).toContainText(`干部1（${fgj.name}）、干部2（${fgj.name}）`);
  await expect(posting).toContainText('（5个工作日）');
  await refused('干部3拟定等次', app.getByText(/拟定优秀人选不能更改。对干部3有异议的，请登记异议/));

  await posting.getByTestId('posting-register').click();
  const reg = app.getByRole('dialog', { name: '登记异议' });
  await reg.getByLabel('提出人', { exact: true }).fill('王某');
  await reg.getByLabel('联系方式').fill('13800000000');
  const who = `干部2（${fgj.name}）`;
  await chooseOption(app, reg.getByLabel('所涉人员（对某人优秀等次的异议）'), who, reg.locator(`[title="${who}"]`));
  await reg.getByLabel('异议内容').fill('干部2年内多次迟到早退');
  await reg.getByRole('button', { name: /登\s*记/ }).click();
  const row = posting.getByTestId('posting-objections').getByRole('row', { name: /异议第1号/ });
  await expect(row.getByText('已登记')).toBeVisible();
  await row.getByRole('button', { name: '调查核实' }).click();
  await app.getByLabel('调查核实情况').fill('经考勤记录核实，情况属实');
  await app.getByRole('button', { name: /保\s*存/ }).click();
  await expect(row.getByText('调查核实中')).toBeVisible();
  await row.getByRole('button', { name: /答\s*复/ }).click();
  const answer = app.getByRole('dialog', { name: '答复异议第1号' });
  await answer.getByLabel('异议成立').check();
  await answer.getByLabel('答复意见').fill('异议成立，撤销干部2的优秀人选');
  await answer.getByRole('button', { name: /答\s*复/ }).click();
  await expect(row.getByText('异议成立')).toBeVisible();
  await expect(app.getByTestId('staff-summary')).toContainText('已拟定优秀 1 名');
  await expect(people.getByRole('row', { name: /干部2/ }).getByTitle('优秀')).toHaveCount(0);
  await shot(app, 'archives-excellent-posting');

  await app.getByRole('tab', { name: '人员档案' }).click();
  const picker = app.getByTestId('archive-person').locator('input');
  const title = `干部4（${fgj.name} 科员）`;
  await chooseOption(app, picker, title, app.getByTestId('archive-card'), '干部4');
  await expect(app.getByTestId('archive-lines')).toContainText('问责：诫勉');
  await expect(app.getByTestId('archive-card')).toContainText('110105********002X');
  await shot(app, 'archives-person');
  expect(pageErrors).toEqual([]);
});

test('年中调动的考核单位 stated on screen; a training import naming the row and column of each problem', async ({
  app,
  pageErrors,
}) => {
  await call(app, 'units.import', fixtureFile('org', 'sample-units.xlsx'));
  const units = await call<{ id: number; code: string; name: string }[]>(app, 'units.list', {});
  const fgj = units.find((u) => u.code === 'SX-FGJ')!;
  const czj = units.find((u) => u.code === 'SX-CZJ')!;
  const year = assessedYear();
  const ids: number[] = [];
  for (let i = 1; i <= 3; i++)
    ids.push(
      (
        await call<{ id: number }>(app, 'people.create', {
          name: `干部${i}`,
          unitId: fgj.id,
          post: '科员',
          fromDate: '2018-03-01',
        })
      ).id,
    );
  // 干部3 moved to 财政局 ten days ago (or, assessing last year, on 20 December): most of the year served in 发改局,
  // which assesses them
  const moved =
    year < new Date().getFullYear() ? new Date(`${year}-12-20T12:00:00`) : new Date(Date.now() - 10 * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const movedOn = `${moved.getFullYear()}-${two(moved.getMonth() + 1)}-${two(moved.getDate())}`;
  await call(app, 'people.update', { id: ids[2], unitId: czj.id, fromDate: movedOn });
  await call(app, 'training.save', {
    title: '法律法规专题培训',
    category: 'law',
    startDate: `${year}-03-10`,
    endDate: `${year}-03-12`,
    hours: 24,
  });

  await new Shell(app).open('档案');
  await app.getByRole('tab', { name: '年度考核' }).click();
  const unit = app.getByTestId('staff-unit');
  await chooseOption(
    app,
    unit.locator('input'),
    fgj.name,
    unit.locator(`.ant-select-content[title="${fgj.name}"]`),
    fgj.name,
  );
  await expect(app.getByTestId('staff-summary')).toContainText('年中调动的人员由任职时间最长的单位考核');
  const row = app.getByTestId('staff-people').getByRole('row', { name: /干部3/ });
  await row.getByText('年中调动').hover();
  await expect(app.getByRole('tooltip')).toContainText(`按任职时间最长的单位（${fgj.name}）考核`);

  await app.getByRole('tab', { name: '培训' }).click();
  await app.getByRole('cell', { name: '法律法规专题培训' }).click();
  await app.getByRole('button', { name: '从 Excel 导入' }).click();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参加人员');
  ws.addRow(['人员编号', '姓名', '单位', '学时']);
  ws.addRow(['', '干部1', '', '']);
  ws.addRow(['', '查无此人', '', 8]);
  ws.addRow(['', '干部2', '', '八']);
  const file = path.join(os.tmpdir(), `培训参加人员-${process.pid}.xlsx`);
  await wb.xlsx.writeFile(file);
  const wizard = new ImportWizard(app, '培训参加人员');
  await wizard.choose(file);
  await wizard.expectRefused(2);
  const broken = (n: number) => wizard.dialog.getByRole('row', { name: new RegExp(`^${n}\\b`) });
  await expect(broken(3)).toContainText('“姓名”找不到人员“查无此人”');
  await expect(broken(4)).toContainText('“学时”“八”不是数字');
  await shot(app, 'archives-training-import');
  fs.rmSync(file, { force: true });
  expect(pageErrors).toEqual([]);
});
