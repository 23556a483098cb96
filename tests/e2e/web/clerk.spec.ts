import { sampleYear } from '../support/sample-year';
import { api, apiSignIn, expect, openAs, shot, test } from '../support/fixtures';
import { Shell } from '../support/pages/shell';
import { SignInPage } from '../support/pages/sign-in';
import { TIMEOUTS } from '../support/timeouts';
import { chooseOption } from '../support/select';

/**
 * A clerk's first working day (issue #15): the administrator opens his account bound to his unit from the form,
 * he signs in, finds on his home the inquiry sent to his unit and the report the office returned, and answers
 * the inquiry there.
 */
test('the administrator binds a new 录入员 to a unit; he answers his unit’s inquiry from his home', async ({
  page,
  host,
  pageErrors,
}) => {
  test.setTimeout(300_000);
  // the year over the API: the samples, a plan of this year, every letter signed
  const s = await apiSignIn(host, 'evaluator');
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const plan = await sampleYear(host, s, { year });
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
  // the office returns a report of 发改局 with a reason and sends it an inquiry
  const fgj = (await api<{ id: number; code: string }[]>(host, 'units.list', {}, s)).find((u) => u.code === 'SX-FGJ')!;
  const rows = await api<{ targetId: number; content: string }[]>(
    host,
    'reports.list',
    { planId: plan.id, quarter, unitId: fgj.id },
    s,
  );
  const invest = rows.find((r) => r.content === '完成全县固定资产投资年度目标')!;
  const draft = await api<{ reportId: number }>(
    host,
    'reports.save',
    { targetId: invest.targetId, quarter, completionRate: 48, narrative: '受专项债发行推迟影响，3个项目开工延后。' },
    s,
  );
  await api(host, 'reports.submit', { reportId: draft.reportId }, s);
  await api(host, 'reports.review', { reportId: draft.reportId, accept: false, reason: '请补充资金到位情况' }, s);
  await api(
    host,
    'notices.create',
    {
      kind: 'inquiry',
      unitId: fgj.id,
      targetId: invest.targetId,
      reason: '你单位固定资产投资进度严重滞后。',
      items: [{ text: '进度滞后的具体原因及责任人' }],
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    },
    s,
  );
  await api(host, 'auth.logout', {}, s);

  // the administrator opens the clerk's account from the form, bound to 发改局 by name
  await openAs(page, host, 'admin');
  const shell = new Shell(page);
  await shell.open('系统设置');
  await page.getByRole('tab', { name: '账号管理' }).click();
  await page.getByRole('button', { name: '新建账号' }).click();
  const form = page.getByRole('dialog', { name: '新建账号' });
  await form.getByLabel('用户名').fill('fgj-luru');
  await form.getByLabel('姓名').fill('刘𠇔');
  await chooseOption(page, form.getByLabel('角色'), '录入员', form.locator('.ant-select-content[title="录入员"]'));
  await form.getByLabel('初始密码').fill('Initial#2026');
  await form.getByRole('button', { name: /创\s*建/ }).click();
  // a clerk without a unit is not accepted by the form
  await expect(form.getByText('请选择录入员所属单位')).toBeVisible();
  const unit = form.locator('.ant-select-content[title="示例县发展和改革局"]');
  await chooseOption(page, form.getByLabel('所属单位'), '示例县发展和改革局', unit, '发展和改革');
  await shot(page, 'clerk-account-form');
  await form.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByText('已创建账号 fgj-luru，首次登录须修改密码')).toBeVisible({ timeout: TIMEOUTS.signIn });
  const account = page.getByRole('row', { name: /fgj-luru/ });
  await expect(account.getByRole('cell', { name: '示例县发展和改革局' })).toBeVisible();
  // the clerk of the template has no unit yet, and the list says what that means
  await expect(page.getByRole('row', { name: /user-clerk/ }).getByText('未绑定单位，不能填报')).toBeVisible();
  await shot(page, 'clerk-account-list');
  await shell.chooseFromUserMenu('退出登录');

  // the clerk's first sign-in: the initial password changed, then his home
  await new SignInPage(page).signIn('fgj-luru', 'Initial#2026');
  const change = page.getByRole('dialog', { name: '请先修改初始密码' });
  await change.getByLabel('初始密码').fill('Initial#2026');
  await change.getByLabel('新密码', { exact: true }).fill('Luru#2026ok');
  await change.getByLabel('再次输入新密码').fill('Luru#2026ok');
  await change.getByRole('button', { name: /修\s*改/ }).click();
  await expect(page.getByText('密码已修改')).toBeVisible({ timeout: TIMEOUTS.signIn });
  await expect(page.getByRole('tab', { name: '我的待办', selected: true })).toBeVisible();
  await expect(page.getByTestId('todo-unit')).toContainText('示例县发展和改革局');
  const inquiry = page.getByRole('row', { name: /考评询/ });
  await expect(inquiry.getByText('进度滞后的具体原因及责任人')).toBeVisible();
  await expect(inquiry.getByText(/剩 \d+ 个工作日/)).toBeVisible();
  await expect(inquiry.getByText('待回复')).toBeVisible();
  const returned = page.getByRole('row', { name: /请补充资金到位情况/ });
  await expect(returned.getByText('完成全县固定资产投资年度目标')).toBeVisible();
  await shot(page, 'clerk-home');

  // he answers the inquiry on his home; it waits for the office now
  await inquiry.getByRole('button', { name: /回\s*复/ }).click();
  const reply = page.getByRole('dialog', { name: /回复问询通知书/ });
  // the dialog takes clicks once it has opened: the reply field gets the focus then
  await expect(async () => {
    await reply.getByLabel('回复内容').click();
    await expect(reply.getByLabel('回复内容')).toBeFocused({ timeout: 500 });
  }).toPass();
  await reply.getByRole('button', { name: '提交回复' }).click();
  await expect(reply.getByText('请填写回复内容')).toBeVisible();
  await reply.getByLabel('回复内容').fill('专项债已于10月发行，3个项目已开工，赶超计划附后。');
  await shot(page, 'clerk-reply');
  await reply.getByRole('button', { name: '提交回复' }).click();
  await expect(page.getByText('已回复，等待考评办审核')).toBeVisible();
  await expect(inquiry.getByText('已回复待审核')).toBeVisible();
  await expect(inquiry.getByRole('button', { name: /回\s*复/ })).toHaveCount(0);
  // and adds his evidence to the reply while it waits
  await inquiry
    .locator('input[type=file]')
    .setInputFiles({ name: '赶超计划.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 赶超计划') });
  await expect(page.getByText('已上传“赶超计划.pdf”')).toBeVisible();
  await expect(inquiry.getByText('赶超计划.pdf')).toBeVisible();
  await shot(page, 'clerk-evidence');
  // the returned report opens in his quarter's list, to be corrected and sent again
  await returned.getByRole('button', { name: '修改后重报' }).click();
  await expect(page.getByRole('tab', { name: '季度进展', selected: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /完成全县固定资产投资年度目标/ }).getByText('已退回')).toBeVisible();
  await shot(page, 'clerk-reports');
  expect(pageErrors).toEqual([]);
});
