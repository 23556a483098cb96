import fs from 'node:fs';
import path from 'node:path';
import { confirmDialog } from '../support/confirm';
import { api, apiSignIn, expect, pageSession, repoRoot, shot, test } from '../support/fixtures';
import { ImportWizard } from '../support/pages/import-wizard';
import { Shell } from '../support/pages/shell';
import { TIMEOUTS } from '../support/timeouts';
import { chooseOption } from '../support/select';

const file = (folder: string, name: string) => ({
  fileName: name,
  base64: fs.readFileSync(path.join(repoRoot, 'tests/fixtures', folder, name)).toString('base64'),
});

test(
  'a year’s plan from the samples: indicators balance, targets import, letters generate in a batch, preview, ' +
    'and signing freezes a unit',
  async ({ app, host, pageErrors }) => {
    // a whole morning's work in one flow, with every letter generated as a .docx
    test.setTimeout(300_000);
    // what the earlier steps of a newcomer's day leave behind: the letterhead, units, people, a plan with the sample
    // indicators
    const admin = await apiSignIn(host, 'admin');
    await api(host, 'settings.update', { unitName: '示例县人民政府目标考评办公室' }, admin);
    const s = await pageSession(app);
    const letterhead = { issuingBodies: ['示例县人民政府目标考评办公室'], letterPartyA: '示例县人民政府' };
    await api(host, 'settings.updateBusiness', letterhead, s);
    await api(host, 'units.import', file('org', 'sample-units.xlsx'), s);
    await api(host, 'people.import', file('org', 'sample-people.xlsx'), s);
    const plan = await api<{ id: number }>(
      host,
      'plans.create',
      { year: 2026, title: '示例县2026年度目标管理考核方案' },
      s,
    );
    await api(host, 'indicators.import', { planId: plan.id, ...file('plans', 'sample-indicators.xlsx') }, s);
    const categories = await api<{ id: number; units: number }[]>(host, 'categories.list', {}, s);
    for (const c of categories.filter((x) => x.units > 0))
      await api(host, 'targets.assignCommon', { planId: plan.id, categoryId: c.id }, s);

    await new Shell(app).open('目标管理');
    await expect(app.getByText('各考核类别的基本分合计均为 100 分')).toBeVisible();
    await expect(app.getByRole('cell', { name: '重点业务目标', exact: true })).toBeVisible();
    await shot(app, 'plans-indicators');

    await app.getByRole('tab', { name: '目标任务' }).click();
    await app.getByRole('button', { name: '从 Excel 导入目标' }).click();
    const wizard = new ImportWizard(app, '目标任务');
    await wizard.choose(path.join(repoRoot, 'tests/fixtures/plans/broken-targets.xlsx'));
    await wizard.expectRefused(8);
    await expect(wizard.dialog.getByText('“单位代码”找不到单位 NOPE-01（请先在“组织人员”中导入单位）')).toBeVisible();
    await shot(app, 'plans-target-import-errors');
    await wizard.chooseAnother(path.join(repoRoot, 'tests/fixtures/plans/sample-targets.xlsx'));
    await wizard.expectChecked({ create: 10 });
    await wizard.confirm();
    await wizard.finish();
    const filter = app.getByTestId('target-unit-filter');
    const fgjTitle = '示例县发展和改革局（SX-FGJ）';
    await chooseOption(app, filter, fgjTitle, filter.locator(`.ant-select-content[title="${fgjTitle}"]`));
    await expect(app.getByTestId('unit-points')).toHaveText('基本分合计 100 / 100');
    await shot(app, 'plans-targets');

    await app.getByRole('button', { name: '发布方案' }).click();
    const publish = app.getByRole('dialog', { name: '发布方案' });
    // the question shows once the check of every unit's points has answered
    await confirmDialog(publish, publish.getByText(/确定发布？/), /^发\s*布$/);
    await expect(app.locator('.ant-tag', { hasText: /^已发布$/ })).toBeVisible();

    await app.getByRole('tab', { name: '目标责任书' }).click();
    const fgj = app.getByRole('row', { name: /示例县发展和改革局/ });
    await fgj.getByRole('button', { name: /生\s*成$/ }).click();
    await expect(app.getByText(/已生成 考评责〔\d{4}〕1号/)).toBeVisible({ timeout: TIMEOUTS.documents });
    await fgj.getByRole('button', { name: /预\s*览$/ }).click();
    const preview = app.getByRole('dialog', { name: /示例县发展和改革局 · 考评责/ });
    await expect(preview.getByTestId('docx-preview').getByText('一、责任期限')).toBeVisible({
      timeout: TIMEOUTS.documents,
    });
    await expect(preview.getByTestId('docx-preview').getByText('完成全县固定资产投资年度目标')).toBeVisible();
    await shot(app, 'plans-letter-preview');
    await app.keyboard.press('Escape');
    await expect(preview).toBeHidden();

    await app.getByRole('button', { name: '批量生成全部' }).click();
    await app.getByRole('button', { name: '开始生成' }).click();
    const batch = app.getByRole('dialog', { name: '批量生成责任书' });
    // the letter generated above is current: the batch leaves it and its number alone
    await expect(batch.getByText('生成完成：6 / 6，成功 5，跳过 1（已是最新，未重新生成）')).toBeVisible({
      timeout: TIMEOUTS.documents,
    });
    await shot(app, 'plans-batch-done');
    await batch.getByRole('button', { name: '关 闭' }).click();
    await expect(fgj.getByText(/考评责〔\d{4}〕1号/)).toBeVisible();

    // printing a current letter again is its own action, with a reason
    await fgj.getByRole('button', { name: '重新印发' }).click();
    const reissue = app.getByRole('dialog', { name: '重新印发示例县发展和改革局的责任书' });
    await reissue.getByLabel('重新印发原因').fill('原件遗失');
    await reissue.getByRole('button', { name: '重新印发' }).click();
    await expect(fgj.getByText(/考评责〔\d{4}〕7号/)).toBeVisible();

    await fgj.getByRole('button', { name: '登记签订' }).click();
    const sign = app.getByRole('dialog', { name: '登记签订：示例县发展和改革局' });
    await sign.getByLabel('甲方签字人').fill('张县长');
    await sign.getByRole('button', { name: '登记签订' }).click();
    await expect(fgj.getByText(/已签订 \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await shot(app, 'plans-letters');

    await app.getByRole('tab', { name: '目标任务' }).click();
    await expect(app.getByRole('row', { name: /完成全县固定资产投资年度目标/ }).getByText('已签订')).toBeVisible();
    await app.getByRole('tab', { name: '公文登记' }).click();
    await expect(app.getByText(/已作废：重新印发（原件遗失），由 考评责〔\d{4}〕7号 取代/)).toBeVisible();
    await shot(app, 'plans-register');
    expect(pageErrors).toEqual([]);
  },
);
