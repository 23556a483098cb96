import { api, expect, pageSession, shot, test } from '../support/fixtures';
import { Shell } from '../support/pages/shell';
import { sampleYear } from '../support/sample-year';
import { TIMEOUTS } from '../support/timeouts';

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test(
  'publishing a plan whose units do not add up needs a recorded decision; signings register many at once, ' +
    'with per-row exceptions and the refused rows listed',
  async ({ app, host, pageErrors }) => {
    test.setTimeout(240_000);
    const s = await pageSession(app);
    const plan = await sampleYear(host, s, {
      publish: false,
      business: { letterPartyA: '示例县人民政府', letterPartyASigner: '张县长' },
    });
    // one unit a target short: 85 of 100 points
    const units = await api<{ id: number; code: string }[]>(host, 'units.list', {}, s);
    const fgj = units.find((u) => u.code === 'SX-FGJ')!.id;
    const targets = await api<{ id: number; content: string }[]>(
      host,
      'targets.list',
      { planId: plan.id, unitId: fgj },
      s,
    );
    await api(host, 'targets.remove', { id: targets.find((x) => x.content === '开展重要民生商品价格监测')!.id }, s);

    await new Shell(app).open('目标管理');
    await app.getByRole('button', { name: '发布方案' }).click();
    const publish = app.getByRole('dialog', { name: '发布方案' });
    await expect(publish.getByText('有 1 个单位的目标分值合计与基本分不符')).toBeVisible();
    await expect(
      publish.getByRole('row', { name: /示例县发展和改革局 目标分值合计 85 分，应为 100 分/ }),
    ).toBeVisible();
    await expect(publish.getByRole('button', { name: '仍然发布' })).toBeDisabled();
    await shot(app, 'office-publish-decision');
    await publish.getByRole('checkbox', { name: /已知悉以上 1 个单位目标分值不符，仍要发布/ }).check();
    await publish.getByRole('button', { name: '仍然发布' }).click();
    await expect(app.getByText('方案已变为“已发布”')).toBeVisible();

    const all = units.map((u) => u.id);
    await api(host, 'letters.generateMany', { planId: plan.id, unitIds: all }, s);
    await app.getByRole('tab', { name: '目标责任书' }).click();
    await expect(app.getByText('目标分值合计 85 分，应为 100 分')).toBeVisible();
    await app.getByRole('checkbox', { name: '选择示例县财政局' }).check();
    await app.getByRole('checkbox', { name: '选择示例县教育局' }).check();
    await app.getByRole('checkbox', { name: '选择城关镇人民政府' }).check();
    await expect(app.getByRole('checkbox', { name: '选择示例县发展和改革局' })).toBeDisabled();
    await app.getByRole('button', { name: '登记签订（已选 3 个）' }).click();
    const sign = app.getByRole('dialog', { name: '登记签订：已选 3 个单位' });
    // the 甲方 signer comes from the settings; 乙方 from each unit's head; one row differs
    await expect(sign.getByLabel('甲方签字人', { exact: true })).toHaveValue('张县长');
    await sign.getByLabel('示例县教育局甲方签字人').fill('李副县长');
    const yesterday = iso(new Date(Date.now() - 24 * 3600 * 1000));
    await sign.getByLabel('城关镇人民政府签订日期').fill(yesterday);
    await sign.getByLabel('城关镇人民政府签订日期').press('Enter');
    await sign.getByText('每个单位的签订各记一条审计日志。').click();
    await shot(app, 'office-sign-many');
    await sign.getByRole('button', { name: '登记签订' }).click();
    const outcome = app.getByRole('dialog', { name: '1 个单位未登记' });
    await expect(outcome.getByText('已登记 2 份责任书的签订，目标任务已冻结；以下单位未登记：')).toBeVisible({
      timeout: TIMEOUTS.documents,
    });
    await expect(outcome.getByText(/城关镇人民政府：签订日期不能早于责任书生成日期/)).toBeVisible();
    await shot(app, 'office-sign-many-outcome');
    await outcome.getByRole('button', { name: /知\s*道\s*了|确\s*定|OK/ }).click();
    await expect(app.getByRole('row', { name: /示例县财政局/ }).getByText(/已签订 \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(app.getByRole('row', { name: /示例县教育局/ }).getByText(/已签订/)).toBeVisible();
    // the refused row stays selected, to be corrected and registered again
    await expect(app.getByRole('button', { name: '登记签订（已选 1 个）' })).toBeVisible();
    await shot(app, 'office-letters-signed');
    // a signed letter may be printed (not signed again): 批量打印 in the browser cannot print, so the 打印清单
    // comes down first, then the letters in list order
    await app.getByRole('checkbox', { name: '选择示例县财政局' }).check();
    await expect(app.getByRole('button', { name: '登记签订（已选 1 个）' })).toBeVisible();
    await shot(app, 'office-letters-print-batch');
    const downloads: string[] = [];
    app.on('download', (d) => downloads.push(d.suggestedFilename()));
    await app.getByRole('button', { name: '批量打印（2 份）' }).click();
    await expect.poll(() => downloads.length).toBe(3);
    expect(downloads[0]).toMatch(/^打印清单（\d{4}-\d{2}-\d{2}，共2份）\.docx$/);
    expect(downloads.slice(1).map((f) => f.replace(/^.*?-/, ''))).toEqual([
      '示例县财政局2026年度目标管理责任书.docx',
      '城关镇人民政府2026年度目标管理责任书.docx',
    ]);
    await expect(app.getByText('浏览器方式下不能直接打印，已按顺序下载（清单在前）', { exact: false })).toBeVisible();
    expect(pageErrors).toEqual([]);
  },
);
