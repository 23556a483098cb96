import { api, apiSignIn, expect, pageSession, shot, test } from '../support/fixtures';
import { confirmDialog } from '../support/confirm';
import { chooseOption } from '../support/select';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';

const today = () => new Date().toLocaleDateString('sv-SE');

test('监督网络: each register once — 投诉 concluded, 审计, 移送, 联席会议 with its 纪要 and a clue, 公开投诉渠道', async ({
  app,
  host,
  pageErrors,
}) => {
  const session = await pageSession(app);
  const admin = await apiSignIn(host, 'admin');
  await api(host, 'settings.update', { unitName: '示例县人民政府目标考评办公室' }, admin);
  await api(host, 'units.import', fixtureFile('org', 'sample-units.xlsx'), session);
  await api(host, 'people.import', fixtureFile('org', 'sample-people.xlsx'), session);
  const units = await api<{ id: number; code: string }[]>(host, 'units.list', {}, session);
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  await api(
    host,
    'complaints.save',
    {
      channel: 'hotline',
      ref: '12345-0001',
      receivedOn: today(),
      complainantName: '赵小明',
      complainantPhone: '13912345678',
      unitId: unitId('SX-CZJ'),
      category: 'delay',
      content: '办理不动产登记往返三次仍未办结',
      handler: 'someone-else',
      workingDays: 15,
    },
    session,
  );
  const audit = await api<{ id: number }>(
    host,
    'audits.save',
    {
      kind: 'special_fund',
      unitId: unitId('SX-JYJ'),
      period: '2025年度',
      reportedOn: today(),
      findings: '学生资助资金发放不及时',
      amount: 5000,
    },
    session,
  );
  await api(
    host,
    'audits.addItem',
    { auditId: audit.id, unitId: unitId('SX-JYJ'), item: '建立资助资金发放台账', deadline: '2099-12-31' },
    session,
  );
  await api(
    host,
    'transfers.save',
    {
      fromBody: 'audit',
      toBody: '示例县监察委员会',
      transferredOn: today(),
      unitId: unitId('SX-FGJ'),
      subject: '项目资金违规拨付',
      facts: '审计发现违规拨付项目资金',
      materials: '审计报告',
    },
    session,
  );
  const meeting = await api<{ id: number }>(
    host,
    'meetings.save',
    {
      title: '第四季度监督工作联席会议',
      heldOn: today(),
      attendees: [{ body: '县纪委监委', names: '张某某' }],
      topics: '通报问题线索',
      exchanged: '审计局通报专项审计发现',
      resolutions: '各成员单位按季互通信息',
    },
    session,
  );
  await api(
    host,
    'meetings.addItem',
    { meetingId: meeting.id, unitId: unitId('SX-CGZ'), item: '报送问题整改台账', deadline: '2099-12-31' },
    session,
  );

  await new Shell(app).open('监督网络');
  const row = app.getByRole('row').filter({ hasText: '办理不动产登记往返三次仍未办结' });
  // the complainant masked: the signed-in evaluator does not handle this complaint (handler someone-else)
  await expect(row).toContainText('赵** 139****5678');
  await expect(row).not.toContainText('13912345678');
  await shot(app, 'supervision-complaints');
  await row.getByRole('button', { name: /^办\s*结$/ }).click();
  const dialog = app.getByRole('dialog').filter({ hasText: '办结投诉' });
  await dialog.getByLabel('查实（计入单位考核扣分）').check();
  await dialog.getByLabel('办理结果').fill('经核查属实，已责令整改');
  await confirmDialog(dialog, dialog.getByLabel('办理结果'), /办\s*结/);
  await expect(app.getByRole('row').filter({ hasText: '办理不动产登记往返三次仍未办结' })).toHaveCount(0);

  await app.getByRole('tab', { name: '审计' }).click();
  await expect(app.getByRole('row').filter({ hasText: '学生资助资金发放不及时' })).toContainText('5,000.00');
  await shot(app, 'supervision-audits');
  await app.getByRole('tab', { name: '移送' }).click();
  await expect(app.getByRole('row').filter({ hasText: '项目资金违规拨付' })).toContainText('待反馈');
  await shot(app, 'supervision-transfers');
  await app.getByRole('tab', { name: '联席会议' }).click();
  const meetingRow = app.getByRole('row').filter({ hasText: '第四季度监督工作联席会议' });
  await expect(meetingRow).toContainText('0/1');
  await shot(app, 'supervision-meetings');
  // the action item becomes a clue on its unit
  await meetingRow.getByRole('button', { name: '展开行' }).click();
  const itemRow = app.getByRole('row', { name: /^城关镇人民政府 报送问题整改台账/ });
  await itemRow.getByRole('button', { name: '转为问责线索' }).click();
  const ask = app.getByRole('dialog').filter({ hasText: '议定事项转为问责线索' });
  await ask.getByLabel('理由').fill('拒不报送整改台账');
  await confirmDialog(ask, ask.getByLabel('理由'), '转为线索');
  await expect(itemRow).toContainText('已转问责线索');
  // the 会议纪要: numbered, and the meeting is then fixed
  await meetingRow.getByRole('button', { name: '印发会议纪要' }).click();
  await app
    .getByRole('tooltip')
    .getByRole('button', { name: /印\s*发/ })
    .click();
  await expect(meetingRow).toContainText(/考评纪〔\d{4}〕1号/);
  await expect(meetingRow).toContainText('纪要已印发');
  await expect(meetingRow.getByRole('button', { name: '修改' })).toHaveCount(0);

  await app.getByRole('tab', { name: '公开投诉渠道' }).click();
  await app.getByRole('button', { name: '登记投诉渠道' }).click();
  const form = app.getByRole('dialog', { name: '登记投诉渠道' });
  const chosen = form.locator('[title="示例县财政局"]');
  await chooseOption(app, form.getByLabel('部门（单位）'), '示例县财政局', chosen, '示例县财政局');
  await form.getByLabel('电话、地址或网址').fill('0000-6123456');
  await form.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
  await expect(form).toBeHidden();
  await expect(app.getByRole('row').filter({ hasText: '0000-6123456' })).toContainText('示例县财政局');
  await app.getByRole('button', { name: '印发公告' }).click();
  await app
    .getByRole('tooltip')
    .getByRole('button', { name: /印\s*发/ })
    .click();
  await expect(app.getByText(/已印发公开投诉渠道公告 考评投〔\d{4}〕1号（1 个渠道）/)).toBeVisible();
  await shot(app, 'supervision-channels');
  expect(pageErrors).toEqual([]);
});
