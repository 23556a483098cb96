import { sampleYear } from '../support/sample-year';
import { api, apiSignIn, expect, openAs, pageSession, shot, test } from '../support/fixtures';
import { Shell } from '../support/pages/shell';
import { TIMEOUTS } from '../support/timeouts';
import { chooseOption } from '../support/select';

/**
 * 评分录入 (issue #16 item 1): the office keys in a body's paper sheet — a few scores, one the method cannot read
 * and is told so — saves, and submits it; the entries lock.
 */
test('the office enters 县司法局’s scores in its grid, is told of a bad one, saves and submits', async ({
  app,
  host,
  pageErrors,
}) => {
  test.setTimeout(300_000);
  const s = await pageSession(app);
  const today = new Date().toISOString().slice(0, 10);
  const plan = await sampleYear(host, s, { year: Number(today.slice(0, 4)) });
  for (const l of await api<{ unitId: number }[]>(host, 'letters.list', { planId: plan.id }, s)) {
    await api(host, 'letters.generate', { planId: plan.id, unitId: l.unitId }, s);
    await api(
      host,
      'letters.sign',
      { planId: plan.id, unitId: l.unitId, signedDate: today, partyASigner: '张县长', partyBSigner: '负责人' },
      s,
    );
  }
  await api(host, 'plans.setState', { id: plan.id, to: 'signed' }, s);
  await api(host, 'plans.setState', { id: plan.id, to: 'scoring' }, s);

  await app.reload();
  await new Shell(app).open('评分录入');
  const bodies = app.getByTestId('bodies');
  await expect(bodies.getByRole('row', { name: /县司法局/ })).toContainText('填报中');
  await app.getByTestId('open-县司法局').click();
  await expect(app.getByTestId('grid-title')).toHaveText('县司法局 评分表');

  const grid = app.getByTestId('score-grid');
  const inputs = grid.locator('input.ant-input-number-input');
  await expect(inputs.first()).toBeVisible();
  const n = await inputs.count();
  expect(n).toBeGreaterThan(3);
  await expect(app.getByTestId('sheet-progress')).toHaveText(`已评 0 / ${n} 项`);

  // a count the method cannot read is said under the cell, and nothing can be saved
  await inputs.nth(0).fill('-1');
  await expect(grid.getByText('次数应为 0 或正整数')).toBeVisible();
  await expect(app.getByTestId('grid-save')).toBeDisabled();
  await inputs.nth(0).fill('2');
  for (let i = 1; i < n; i++) await inputs.nth(i).fill('0');
  await grid.getByPlaceholder('备注（可空）').first().fill('两次行政复议被纠错');
  await expect(app.getByTestId('grid-save')).toHaveText(`保存（${n} 项修改）`);
  await app.getByTestId('grid-save').click();
  await expect(app.getByText(`已保存：新增 ${n} 项，修改 0 项，清空 0 项`)).toBeVisible({
    timeout: TIMEOUTS.fileCheck,
  });
  await expect(app.getByTestId('sheet-progress')).toHaveText(`已评 ${n} / ${n} 项`);
  await expect(grid.getByText('已评', { exact: true })).toHaveCount(n);
  await shot(app, 'scoring-entry-grid');

  await app.getByTestId('grid-submit').click();
  const confirm = app.getByRole('dialog', { name: '报送县司法局的评分表？' });
  await expect(confirm).toContainText(`已评 ${n} / ${n} 项`);
  await confirm.getByRole('button', { name: /^报\s*送$/ }).click();
  await expect(app.getByText('已报送，评分已锁定')).toBeVisible();
  await expect(bodies.getByRole('row', { name: /县司法局/ })).toContainText('已报送');
  await expect(inputs.first()).toBeDisabled();
  await expect(app.getByTestId('grid-return')).toBeVisible();
  await shot(app, 'scoring-entry-submitted');
  expect(pageErrors).toEqual([]);
});

/**
 * A 录入员 whose unit is a 考核责任单位 (示例县财政局 scores 政务公开 here): his home says his sheet waits; he enters
 * his unit's 自评 and grades the units on his body's sheet.
 */
test('a 录入员 sees his body’s sheet on his home, enters his unit’s 自评 and his body’s grades', async ({
  page,
  host,
  pageErrors,
}) => {
  test.setTimeout(300_000);
  const s = await apiSignIn(host, 'evaluator');
  const today = new Date().toISOString().slice(0, 10);
  const plan = await sampleYear(host, s, { year: Number(today.slice(0, 4)), publish: false });
  type Indicator = Record<string, unknown> & { id: number; name: string };
  const detail = await api<{ indicators: Indicator[] }>(host, 'plans.get', { id: plan.id }, s);
  const open = detail.indicators.find((i) => i.name === '政务公开')!;
  const { standardText: _t, targets: _n, sortOrder: _o, ...fields } = open;
  await api(host, 'indicators.save', { ...fields, planId: plan.id, scoringBody: '示例县财政局' }, s);
  await api(host, 'plans.setState', { id: plan.id, to: 'published' }, s);
  for (const l of await api<{ unitId: number }[]>(host, 'letters.list', { planId: plan.id }, s)) {
    await api(host, 'letters.generate', { planId: plan.id, unitId: l.unitId }, s);
    await api(
      host,
      'letters.sign',
      { planId: plan.id, unitId: l.unitId, signedDate: today, partyASigner: '张县长', partyBSigner: '负责人' },
      s,
    );
  }
  await api(host, 'plans.setState', { id: plan.id, to: 'signed' }, s);
  await api(host, 'plans.setState', { id: plan.id, to: 'scoring' }, s);
  const czj = (await api<{ id: number; code: string }[]>(host, 'units.list', {}, s)).find((u) => u.code === 'SX-CZJ')!;
  const admin = await apiSignIn(host, 'admin');
  const clerk = (await api<{ id: number; username: string }[]>(host, 'users.list', {}, admin)).find(
    (u) => u.username === 'user-clerk',
  )!;
  await api(host, 'users.update', { id: clerk.id, unitId: czj.id }, admin);

  await openAs(page, host, 'clerk');
  const shell = new Shell(page);
  await shell.open('进展督查');
  await expect(page.getByTestId('todo-score-sheets')).toContainText('示例县财政局评分表：填报中');
  await page.getByTestId('todo-score-sheets').getByRole('link', { name: '去评分' }).click();
  await expect(page.getByRole('heading', { name: '评分录入', level: 3 })).toBeVisible();
  await expect(page.getByTestId('grid-title')).toHaveText('示例县财政局 评分表');

  await page.getByRole('tab', { name: '本单位自评' }).click();
  const self = page.locator('.ant-table').filter({ hasText: '考核责任单位' });
  const law = self.getByRole('row', { name: /依法行政/ });
  await law.locator('input.ant-input-number-input').fill('0');
  await law.getByPlaceholder('备注（可空）').fill('全年无行政复议纠错');
  await page.getByRole('button', { name: /^保存自评/ }).click();
  await expect(page.getByText('已保存自评：1 项')).toBeVisible();
  await shot(page, 'scoring-entry-self');

  await page.getByRole('tab', { name: '评分表' }).click();
  const grid = page.getByTestId('score-grid');
  const first = grid.getByRole('row').nth(1);
  const grade = first.locator('.ant-select');
  await chooseOption(page, grade, 'B 等', grade.locator('.ant-select-content[title="B 等"]'));
  await page.getByTestId('grid-save').click();
  await expect(page.getByText('已保存：新增 1 项，修改 0 项，清空 0 项')).toBeVisible();
  await expect(page.getByTestId('sheet-progress')).toHaveText(/^已评 1 \/ \d+ 项$/);
  await shot(page, 'scoring-entry-clerk');
  expect(pageErrors).toEqual([]);
});
