import { api, apiSignIn, expect, pageSession, shot, test } from '../support/fixtures';
import { confirmDialog } from '../support/confirm';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';

const today = () => new Date().toLocaleDateString('sv-SE');

test('监督网络: each register once on the sample county — 投诉 concluded, 审计, 移送 and 联席会议 with their items', async ({
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
  await expect(app.getByRole('row').filter({ hasText: '第四季度监督工作联席会议' })).toContainText('0/1');
  await shot(app, 'supervision-meetings');
  expect(pageErrors).toEqual([]);
});
