import { api, apiSignIn, expect, pageSession, shot, test } from '../support/fixtures';
import { confirmDialog } from '../support/confirm';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';
import { chooseOption } from '../support/select';

const today = () => new Date().toLocaleDateString('sv-SE');

/**
 * 重大事故/事件的责任检讨 on the sample county: the 检讨通知 sent from the 责任追究 page to a unit's head (numbered in
 * the register), its deadline on the overdue board, the written explanation recorded and accepted, then the review
 * turned into a 问责线索.
 */
test('事故责任检讨: demand → overdue board → written explanation → 认可 → 问责线索', async ({
  app,
  host,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  const session = await pageSession(app);
  const admin = await apiSignIn(host, 'admin');
  await api(host, 'settings.update', { unitName: '示例县人民政府目标考评办公室' }, admin);
  await api(host, 'auth.logout', {}, admin);
  await api(host, 'settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] }, session);
  await api(host, 'units.import', fixtureFile('org', 'sample-units.xlsx'), session);
  await api(host, 'people.import', fixtureFile('org', 'sample-people.xlsx'), session);
  const units = await api<{ id: number; code: string; name: string }[]>(host, 'units.list', {}, session);
  const unit = units.find((u) => u.code === 'SX-FGJ')!;
  const people = await api<{ rows: { name: string; isUnitHead: boolean }[] }>(
    host,
    'people.list',
    { unitId: unit.id, limit: 50 },
    session,
  );
  const head = people.rows.find((p) => p.isUnitHead)!;

  const shell = new Shell(app);
  await shell.open('责任追究');
  await app.getByRole('tab', { name: '事故责任检讨' }).click();
  await app.getByRole('button', { name: '发出检讨通知' }).click();
  const dialog = app.getByRole('dialog', { name: '发出检讨通知' });
  await chooseOption(
    app,
    dialog.getByLabel('发生事故（事件）的单位'),
    unit.name,
    dialog.locator(`.ant-select-content[title="${unit.name}"], .ant-select-selection-item[title="${unit.name}"]`),
    unit.name,
  );
  await dialog.getByLabel('事故（事件）名称').fill('“11·28”施工工地坍塌事故');
  const incidentOn = dialog.getByLabel('发生日期');
  await incidentOn.fill(today());
  await incidentOn.press('Enter');
  await dialog.getByLabel('基本情况').fill('某在建项目基坑坍塌，造成1人受伤。');
  await dialog.getByLabel('检讨报送的上级机关').fill('示例县人民政府');
  await confirmDialog(dialog, dialog.getByLabel('检讨报送的上级机关'), /^保\s*存$/);

  const year = new Date().getFullYear();
  const row = app.getByRole('row').filter({ hasText: '“11·28”施工工地坍塌事故' });
  await expect(row.getByRole('button', { name: `考评检〔${year}〕1号` })).toBeVisible();
  await expect(row).toContainText(head.name);
  await expect(row).toContainText('待检讨');
  await expect(row).toContainText(/剩 \d+ 个工作日/);

  // the deadline is on the overdue board, among the accountability clocks
  await shell.open('进展督查');
  await app.getByRole('tab', { name: '逾期看板' }).click();
  await expect(app.getByText(`重大事故（事件）书面检讨：${head.name}（“11·28”施工工地坍塌事故）`)).toBeVisible();

  await shell.open('责任追究');
  await app.getByRole('tab', { name: '事故责任检讨' }).click();
  await row.getByRole('button', { name: '登记书面检讨' }).click();
  const reply = app.getByRole('dialog', { name: new RegExp(`登记书面检讨：${unit.name}`) });
  await reply.getByLabel('书面检讨内容').fill('本人对事故负有领导责任，深刻检讨如下……');
  await confirmDialog(reply, reply.getByLabel('书面检讨内容'), /^保\s*存$/);
  await expect(row).toContainText('已提交检讨');
  await row.getByRole('button', { name: /^认\s*可$/ }).click();
  await app
    .getByRole('tooltip')
    .getByRole('button', { name: /^认\s*可$/ })
    .click();
  await expect(row).toContainText('已认可');

  await row.getByRole('button', { name: '转为问责线索' }).click();
  const reason = app.getByLabel('转问责理由');
  await reason.fill('事故造成人员受伤');
  const ask = app.getByRole('dialog').filter({ has: reason });
  await confirmDialog(ask, reason, /转为线索/);
  await expect(row).toContainText('已转问责线索');
  await expect(row.getByRole('button', { name: '转为问责线索' })).toHaveCount(0);
  await shot(app, 'incident-reviews');

  await app.getByRole('tab', { name: '问责线索' }).click();
  await expect(app.getByText(`考评检〔${year}〕1号（“11·28”施工工地坍塌事故）`)).toBeVisible();
  expect(pageErrors).toEqual([]);
});
