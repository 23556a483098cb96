import { api, apiSignIn, expect, openAs, pageSession, shot, test } from '../support/fixtures';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';
import { chooseOption, clickUntil } from '../support/select';
import { confirmDialog } from '../support/confirm';

/**
 * 责任追究 on the sample county: a clue on a person filed as a case, investigated by two, heard, decided (the
 * 问责决定书 numbered in the register), served (送达回证, the appeal window), appealed and answered by a 复查, carried
 * out, its execution reported and the case archived; the decision is a line of the person's archive (档案); a leader
 * reads the case, a clerk does not see the module.
 */
test("clue → case → decision → service → appeal → 复查 → execution → archive, and the person's archive", async ({
  app,
  browser,
  host,
  pageErrors,
}) => {
  test.setTimeout(240_000);
  const session = await pageSession(app);
  const admin = await apiSignIn(host, 'admin');
  await api(host, 'settings.update', { unitName: '示例县人民政府目标考评办公室' }, admin);
  await api(host, 'auth.logout', {}, admin);
  await api(host, 'settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] }, session);
  await api(host, 'units.import', fixtureFile('org', 'sample-units.xlsx'), session);
  await api(host, 'people.import', fixtureFile('org', 'sample-people.xlsx'), session);
  const people = await api<{ rows: { id: number; name: string; post: string | null; unitName: string }[] }>(
    host,
    'people.list',
    { limit: 50 },
    session,
  );
  const person = people.rows.find((p) => p.post)!;
  const today = new Date().toISOString().slice(0, 10);
  await api(
    host,
    'clues.file',
    { summary: '群众反映审批窗口推诿拖延', personId: person.id, receivedOn: today },
    session,
  );

  const shell = new Shell(app);
  await shell.open('责任追究');
  await expect(app.getByText('群众反映审批窗口推诿拖延')).toBeVisible();
  await app
    .getByRole('button', { name: /^立\s*案$/ })
    .first()
    .click();
  const fileDialog = app.getByRole('dialog', { name: '立案' });
  await expect(fileDialog).toBeVisible();
  await chooseOption(
    app,
    fileDialog.getByLabel('问责情形'),
    '不作为、乱作为',
    fileDialog.locator(
      '.ant-select-content[title="不作为、乱作为"], .ant-select-selection-item[title="不作为、乱作为"]',
    ),
  );
  await confirmDialog(fileDialog, fileDialog.getByLabel('案件名称'), /^立\s*案$/);

  // the case drawer opens on the new case, its person the first subject
  const drawer = app.getByRole('dialog').filter({ hasText: '被问责对象' });
  await expect(drawer.getByText(person.name).first()).toBeVisible();
  await drawer.getByRole('button', { name: '开始调查核实' }).click();
  await expect(drawer.getByText('调查核实', { exact: true })).toBeVisible();
  await drawer.getByRole('button', { name: '修改案件' }).click();
  const investigators = drawer.getByLabel('调查人员');
  await investigators.fill('王调查');
  await investigators.press('Enter');
  await investigators.fill('赵核实');
  await investigators.press('Enter');
  await drawer
    .getByLabel('调查认定的事实')
    .fill('2026年以来，该同志在审批窗口对3件申请推诿拖延，超出承诺时限10个工作日以上。');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(drawer.getByText('王调查、赵核实')).toBeVisible();

  await drawer.getByRole('button', { name: '登记陈述申辩' }).click();
  const hearing = app.getByRole('dialog', { name: new RegExp(`登记${person.name}的陈述申辩`) });
  await hearing.getByLabel('陈述申辩内容').fill('对事实无异议');
  await confirmDialog(hearing, hearing.getByLabel('陈述申辩内容'), /^保\s*存$/);
  await expect(drawer.getByText('已陈述申辩')).toBeVisible();
  await drawer.getByRole('button', { name: '提交审议' }).click();
  await expect(drawer.getByText('审议', { exact: true })).toBeVisible();

  await clickUntil(
    drawer.getByRole('button', { name: '作出问责决定' }),
    app.getByRole('dialog', { name: '作出问责决定' }),
  );
  const issue = app.getByRole('dialog', { name: '作出问责决定' });
  await chooseOption(
    app,
    issue.getByLabel('问责方式'),
    '诫勉',
    issue.locator('.ant-select-selection-item[title="诫勉"], [title="诫勉"]').first(),
  );
  await issue.getByLabel('问责依据').fill('《示例县行政问责办法》第十条');
  await issue.getByLabel('受理申诉的机关').fill('示例县人民政府');
  await confirmDialog(issue, issue.getByLabel('受理申诉的机关'), '生成问责决定书');
  const year = new Date().getFullYear();
  await expect(drawer.getByRole('button', { name: `考评问责〔${year}〕1号` })).toBeVisible();
  await expect(drawer.getByText('问责方式及影响期第 1 版；问责救济与执行期限第 1 版')).toBeVisible();
  await shot(app, 'cases-decided');

  await drawer.getByRole('button', { name: /^送\s*达$/ }).click();
  const serve = app.getByRole('dialog', { name: /送达 考评问责/ });
  await serve.getByLabel('签收人').fill(person.name);
  await confirmDialog(serve, serve.getByLabel('签收人'), '送达并生成送达回证');
  await expect(drawer.getByText(/申诉期至 \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(drawer.getByRole('button', { name: '送达回证' })).toBeVisible();

  await drawer.getByRole('button', { name: '登记申诉' }).click();
  const appeal = app.getByRole('dialog', { name: /登记对/ });
  await appeal.getByLabel('申诉理由').fill('认为情节较轻');
  await confirmDialog(appeal, appeal.getByLabel('申诉理由'), /^保\s*存$/);
  await expect(drawer.getByText('申诉/复查', { exact: true })).toBeVisible();
  await drawer.getByRole('button', { name: '作出复查决定' }).click();
  const review = app.getByRole('dialog', { name: '作出复查决定' });
  await review.getByLabel('复查意见').fill('事实清楚，维持原决定');
  await confirmDialog(review, review.getByLabel('复查意见'), /^保\s*存$/);
  await expect(drawer.getByText(/维持（/)).toBeVisible();
  await drawer.getByRole('button', { name: '转入执行' }).click();
  await expect(drawer.getByText('执行', { exact: true })).toBeVisible();
  await shot(app, 'cases-drawer');

  // 执行 → 归档: archiving waits for the unit's report of execution
  await drawer.getByRole('button', { name: '登记执行' }).click();
  await expect(drawer.getByText(new RegExp(`（${today} 已报告）`))).toBeVisible();
  await drawer.getByRole('button', { name: /^归\s*档$/ }).click();
  await expect(drawer.getByText('已归档', { exact: true })).toBeVisible();
  await expect(drawer.getByRole('button', { name: '撤销案件' })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // the archive follows the person: the decision, its number and the post held at the time of the facts
  await shell.open('档案');
  const picker = app.getByTestId('archive-person').locator('input');
  const title = `${person.name}（${person.unitName} ${person.post}）`;
  await chooseOption(app, picker, title, app.getByTestId('archive-card'), person.name);
  const lines = app.getByTestId('archive-lines');
  await expect(lines).toContainText('问责决定：诫勉');
  await expect(lines).toContainText(`考评问责〔${year}〕1号`);
  await expect(lines).toContainText('事实发生时任职');
  await shot(app, 'cases-archive');

  // a leader reads the case, without the buttons; a clerk does not see the module
  const leader = await browser.newPage();
  await openAs(leader, host, 'leader');
  await new Shell(leader).open('责任追究');
  await leader.getByRole('tab', { name: '问责案件' }).click();
  await expect(leader.getByRole('button', { name: '群众反映审批窗口推诿拖延' })).toBeVisible();
  await expect(leader.getByRole('button', { name: '登记线索' })).toHaveCount(0);
  await leader.close();
  const clerk = await browser.newPage();
  await openAs(clerk, host, 'clerk');
  await expect(new Shell(clerk).module('责任追究')).toHaveCount(0);
  await clerk.close();
  expect(pageErrors).toEqual([]);
});
