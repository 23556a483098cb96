import { api, expect, pageSession, shot, test } from '../support/fixtures';
import { todayIsAWorkingDay } from '../support/calendar';
import { Shell } from '../support/pages/shell';
import { sampleYear } from '../support/sample-year';
import { TIMEOUTS } from '../support/timeouts';
import { chooseOption } from '../support/select';

test(
  'the results are frozen with a reason, put up for 公示, and an upheld objection re-scores its unit as a new ' +
    'frozen result while the first is kept',
  async ({ app, host, pageErrors }) => {
    test.setTimeout(300_000);
    await todayIsAWorkingDay(host);
    const s = await pageSession(app);
    const plan = await sampleYear(host, s, {
      business: { publicityContact: { phone: '0000-1234567', address: '县政府3楼302室' } },
    });
    const today = new Date().toISOString().slice(0, 10);
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

    await new Shell(app).open('结果公示');
    // nothing entered yet: freezing says which units are incomplete and asks why
    await expect(app.getByText(/个单位的基础指标未全部评分/)).toBeVisible();
    await app.getByTestId('freeze').click();
    const freeze = app.getByRole('dialog', { name: '冻结评分结果' });
    await freeze.getByRole('button', { name: /冻\s*结/ }).click();
    await expect(freeze.getByText('请写明在未全部评分时冻结的原因')).toBeVisible();
    await freeze.getByLabel('未全部评分仍要冻结的原因').fill('评分录入尚未接入，按现有数据冻结以便公示');
    await freeze.getByRole('button', { name: /冻\s*结/ }).click();
    await expect(app.getByTestId('snapshots').getByText('首次冻结')).toBeVisible();

    await app.getByTestId('open-publicity').click();
    const open = app.getByRole('dialog', { name: '印发考核结果公示' });
    await expect(open.getByLabel('异议受理电话')).toHaveValue('0000-1234567');
    await open.getByRole('button', { name: /印\s*发/ }).click();
    await expect(app.getByTestId('publication-state')).toHaveText('公示中', { timeout: TIMEOUTS.documents });
    await expect(app.getByTestId('period')).toContainText('（5个工作日）');
    await expect(app.getByTestId('days-left')).toContainText('个工作日');
    await shot(app, 'publication-open');

    await app.getByTestId('register-objection').click();
    const reg = app.getByRole('dialog', { name: '登记异议' });
    await reg.getByLabel('提出人', { exact: true }).fill('王某');
    await reg.getByLabel('联系方式').fill('13800000000');
    const subject = reg.getByLabel('所涉单位（对某单位得分的异议）');
    await chooseOption(app, subject, '示例县财政局', reg.locator('.ant-select-content[title="示例县财政局"]'));
    await reg.getByLabel('异议内容').fill('财政局的综合评议得分有误');
    await reg.getByRole('button', { name: /登\s*记/ }).click();
    const row = app.getByTestId('objections').getByRole('row', { name: /异议第1号/ });
    await expect(row.getByText('已登记')).toBeVisible();

    await row.getByRole('button', { name: '调查核实' }).click();
    await app.getByLabel('调查核实情况').fill('调阅评分表，评议分录入有误');
    await app.getByRole('button', { name: /保\s*存/ }).click();
    await expect(row.getByText('调查核实中')).toBeVisible();
    await row.getByRole('button', { name: /答\s*复/ }).click();
    const answer = app.getByRole('dialog', { name: '答复异议第1号' });
    await answer.getByLabel('异议成立').check();
    await answer.getByLabel('答复意见').fill('经核实，评议分录入有误，予以更正');
    await answer.getByRole('button', { name: /答\s*复/ }).click();
    await expect(row.getByText('重新评分中')).toBeVisible();

    await row.getByRole('button', { name: '重新评分' }).click();
    const rescore = app.getByRole('dialog', { name: /异议第1号：示例县财政局重新评分/ });
    await rescore.getByLabel('办事效率完成率（%）').fill('60');
    await shot(app, 'publication-rescore');
    await rescore.getByRole('button', { name: '保存更正' }).click();
    await expect(rescore).toBeHidden();
    await row.getByRole('button', { name: '冻结结果' }).click();
    await app
      .getByRole('tooltip')
      .getByRole('button', { name: /冻\s*结/ })
      .click();
    await expect(row.getByText('已重新冻结（第 2 次）')).toBeVisible();
    const snapshots = app.getByTestId('snapshots');
    await expect(snapshots.getByText('异议第1号成立（示例县财政局）：经核实，评议分录入有误，予以更正')).toBeVisible();
    await expect(snapshots.getByText('首次冻结')).toBeVisible();

    // the first result is kept as it was
    await app.getByTestId('view-snapshot-1').click();
    const drawer = app.getByRole('dialog', { name: '第 1 次冻结的考核结果' });
    await expect(drawer.getByText('首次冻结；')).toBeVisible();
    await expect(drawer.getByRole('cell', { name: '示例县财政局' })).toBeVisible();
    await shot(app, 'publication-snapshot');
    await app.keyboard.press('Escape');
    // the 通报 waits for the period to end
    await expect(app.getByText('公示期满后印发')).toBeVisible();
    await shot(app, 'publication-objections');
    expect(pageErrors).toEqual([]);
  },
);
