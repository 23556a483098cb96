import path from 'node:path';
import type { Locator } from '@playwright/test';
import { confirmDialog } from '../support/confirm';
import { expect, PASSWORD, repoRoot, shot, test, waitReady } from '../support/fixtures';
import { ImportWizard } from '../support/pages/import-wizard';
import { Shell } from '../support/pages/shell';
import { SignInPage } from '../support/pages/sign-in';
import { TIMEOUTS } from '../support/timeouts';

const fixture = (folder: string, name: string) => path.join(repoRoot, 'tests/fixtures', folder, name);

test.describe('a new office', () => {
  test.use({ seed: 'none' });

  test('from the first start to the first printed letter, following the checklist on the home screens', async ({
    page,
    host,
    pageErrors,
  }) => {
    test.setTimeout(300_000);
    // what a newcomer does, counted: each click, each field typed, each file chosen
    const did = { clicks: 0, fields: 0, files: 0 };
    const click = async (l: Locator) => {
      did.clicks++;
      await l.click();
    };
    const fill = async (l: Locator, v: string) => {
      did.fields++;
      await l.fill(v);
    };
    const importFile = async (what: string, file: string, create: number) => {
      did.files++;
      did.clicks += 2;
      await new ImportWizard(page, what).importFile(file, { create });
    };
    const checklist = page.getByTestId('first-run');
    const step = (s: string) => page.getByTestId(`first-run-${s}`);
    const go = (s: string) => click(page.getByTestId(`first-run-go-${s}`));
    const home = async () => {
      await click(new Shell(page).module('进展督查'));
      await expect(checklist).toBeVisible();
    };
    const started = Date.now();

    // the administrator: created on the first start, then his two steps
    await page.goto(host.url);
    await fill(page.getByLabel('用户名'), 'guanli');
    await fill(page.getByLabel('姓名'), '王管理');
    await fill(page.getByLabel('密码', { exact: true }), PASSWORD);
    await fill(page.getByLabel('再次输入密码'), PASSWORD);
    await click(page.getByRole('button', { name: '创建并登录' }));
    await waitReady(page);
    await expect(step('unit')).toHaveAttribute('data-done', '0');
    await expect(checklist.getByText('创建考评员账号')).toBeVisible();
    await shot(page, 'first-run-admin');
    await fill(page.getByLabel('本单位名称'), '示例县人民政府目标考评办公室');
    await click(page.getByRole('button', { name: /保\s*存/ }));
    await expect(step('unit')).toHaveAttribute('data-done', '1');
    await click(page.getByRole('tab', { name: '账号管理' }));
    await click(page.getByRole('button', { name: '新建账号' }));
    const account = page.getByRole('dialog', { name: '新建账号' });
    await fill(account.getByLabel('用户名'), 'likaoping');
    await fill(account.getByLabel('姓名'), '李考评');
    await fill(account.getByLabel('初始密码'), 'Chushi#2026');
    await click(account.getByRole('button', { name: /创\s*建/ }));
    await expect(checklist).toHaveAttribute('data-all-done', '1');
    await click(new Shell(page).userMenu);
    await click(page.getByRole('menuitem', { name: '退出登录' }));

    // the evaluator: signs in, changes the initial password, and finds his six steps on his home screen
    const form = new SignInPage(page);
    did.fields += 2;
    did.clicks++;
    await form.attempt('likaoping', 'Chushi#2026');
    const forced = page.getByRole('dialog', { name: '请先修改初始密码' });
    await expect(forced).toBeVisible({ timeout: TIMEOUTS.signIn });
    await fill(forced.getByLabel('初始密码'), 'Chushi#2026');
    await fill(forced.getByLabel('新密码', { exact: true }), PASSWORD);
    await fill(forced.getByLabel('再次输入新密码'), PASSWORD);
    await click(forced.getByRole('button', { name: /修\s*改/ }));
    await waitReady(page);
    await expect(checklist).toBeVisible();
    await expect(checklist).not.toContainText('创建考评员账号');
    await expect(step('letterhead')).toHaveAttribute('data-done', '0');
    await shot(page, 'first-run-evaluator');

    await go('letterhead');
    await fill(page.getByPlaceholder('例如：某某县人民政府目标考评办公室'), '示例县人民政府目标考评办公室');
    await fill(page.getByLabel('甲方', { exact: true }), '示例县人民政府');
    await click(page.getByRole('button', { name: /保\s*存/ }));
    await expect(page.getByText('已保存')).toBeVisible();
    await home();
    await expect(step('letterhead')).toHaveAttribute('data-done', '1');

    await go('org');
    await click(page.getByRole('button', { name: '导 入' }));
    await importFile('单位', fixture('org', 'sample-units.xlsx'), 8);
    await click(page.getByRole('button', { name: '导入人员' }));
    await importFile('人员', fixture('org', 'sample-people.xlsx'), 10);
    await home();
    await expect(step('org')).toHaveAttribute('data-done', '1');

    await go('plan');
    await click(page.getByRole('button', { name: '新建考核方案' }));
    await click(page.getByRole('dialog', { name: '新建年度考核方案' }).getByRole('button', { name: /新\s*建/ }));
    await click(page.getByRole('button', { name: '从 Excel 导入指标' }));
    await importFile('指标', fixture('plans', 'sample-indicators.xlsx'), 10);
    await click(page.getByRole('tab', { name: '目标任务' }));
    await click(page.getByRole('button', { name: '按类别分配共性指标' }));
    await click(page.getByRole('dialog', { name: '按类别分配共性指标' }).getByRole('button', { name: /分\s*配/ }));
    const assigned = page.getByRole('dialog', { name: '分配完成' });
    await expect(assigned).toContainText('项共性目标');
    await click(assigned.getByRole('button', { name: '知道了' }));
    await expect(assigned).toBeHidden();
    await click(page.getByRole('button', { name: '从 Excel 导入目标' }));
    await importFile('目标任务', fixture('plans', 'sample-targets.xlsx'), 10);
    await home();
    await expect(step('indicators')).toHaveAttribute('data-done', '1');

    await go('publish');
    await click(page.getByRole('button', { name: '发布方案' }));
    const publish = page.getByRole('dialog', { name: '发布方案' });
    did.clicks++;
    await confirmDialog(publish, publish.getByText(/确定发布？/), /^发\s*布$/);
    await expect(page.getByText('方案已变为“已发布”')).toBeVisible();
    await click(page.getByRole('tab', { name: '目标责任书' }));
    const fgj = page.getByRole('row', { name: /示例县发展和改革局/ });
    await click(fgj.getByRole('button', { name: /生\s*成$/ }));
    const printed = page.waitForEvent('download', { timeout: TIMEOUTS.documents });
    await click(fgj.getByRole('button', { name: /打\s*印$/ }));
    const letter = await printed;
    const took = Date.now() - started;
    expect(letter.suggestedFilename()).toMatch(/\.docx$/);

    await home();
    await expect(checklist).toHaveAttribute('data-all-done', '1');
    await shot(page, 'first-run-done');
    await click(page.getByTestId('first-run-dismiss'));
    await expect(checklist).toBeHidden();

    const report =
      `first run: ${(took / 1000).toFixed(1)} s to the first printed letter; ` +
      `${did.clicks} clicks, ${did.fields} fields typed, ${did.files} files chosen`;
    console.log(report);
    test.info().annotations.push({ type: 'first-run', description: report });
    expect(pageErrors).toEqual([]);
  });
});
