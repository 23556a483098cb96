import type { Locator } from '@playwright/test';
import { callFromPage, expect, shot, test } from '../support/fixtures';
import { Shell } from '../support/pages/shell';
import { fixtureFile } from '../support/sample-year';
import { chooseOption } from '../support/select';

type Ok<T> = { ok: true; value: T };
async function call<T>(page: Parameters<typeof callFromPage>[0], channel: string, input: unknown): Promise<T> {
  const r = (await callFromPage(page, channel, input)) as Ok<T> | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

test('年度考核: the 优秀 quota refused with the numbers, a 诫勉 blocking 优秀 by name; the archive shows it', async ({
  app,
  pageErrors,
}) => {
  await call(app, 'units.import', fixtureFile('org', 'sample-units.xlsx'));
  const units = await call<{ id: number; code: string; name: string }[]>(app, 'units.list', {});
  const fgj = units.find((u) => u.code === 'SX-FGJ')!;
  const ids: number[] = [];
  for (let i = 1; i <= 10; i++)
    ids.push(
      (
        await call<{ id: number }>(app, 'people.create', {
          name: `干部${i}`,
          unitId: fgj.id,
          post: '科员',
          fromDate: '2018-03-01',
          idNumber: '11010519491231002X',
        })
      ).id,
    );
  await call(app, 'measures.save', {
    personId: ids[3],
    category: 'accountability',
    measure: '诫勉',
    body: '县纪委监委',
    decidedOn: `${new Date().getFullYear()}-03-02`,
    docNo: '县纪诫〔2026〕3号',
  });

  await new Shell(app).open('档案');
  await app.getByRole('tab', { name: '年度考核' }).click();
  const unit = app.getByTestId('staff-unit');
  await chooseOption(
    app,
    unit.locator('input'),
    fgj.name,
    unit.locator(`.ant-select-content[title="${fgj.name}"]`),
    fgj.name,
  );
  await expect(app.getByTestId('staff-summary')).toContainText('参加等次评定 10 人');
  await expect(app.getByTestId('staff-summary')).toContainText('优秀名额 2 名');
  const people = app.getByTestId('staff-people');
  await expect(people).toContainText('110105********002X');

  const propose = async (name: string, grade: string) => {
    const select = app.getByLabel(`${name}拟定等次`);
    await chooseOption(
      app,
      select,
      grade,
      people
        .getByRole('row', { name: new RegExp(name) })
        .getByTitle(grade)
        .first(),
    );
  };
  await propose('干部1', '优秀');
  await propose('干部2', '优秀');
  await expect(app.getByTestId('staff-summary')).toContainText('已拟定优秀 2 名');
  // a refused choice: the list is opened and the option clicked until the refusal shows (nothing changes meanwhile)
  const refused = async (label: string, said: Locator, title = '优秀') => {
    const option = app.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
    await expect(async () => {
      if (await said.isVisible()) return;
      if (!(await option.isVisible())) await app.getByLabel(label).click({ timeout: 2_000 });
      await option.click({ timeout: 2_000 });
      await expect(said).toBeVisible({ timeout: 2_000 });
    }).toPass();
  };
  // one over the quota: refused with the numbers, the choice not kept
  await refused('干部3拟定等次', app.getByText('不能拟定干部3为优秀。优秀名额已满：本单位参加考核 10 人'));
  await expect(people.getByRole('row', { name: /干部3/ }).getByTitle('优秀')).toHaveCount(0);
  // 优秀 for a person with a 诫勉 of the year: refused, naming the decision
  await refused(
    '干部4确定等次',
    app.getByText(/干部4不能评为优秀：诫勉（县纪委监委，.*），见“问责登记 诫勉（县纪诫〔2026〕3号）”/),
  );
  await expect(people.getByText('不得评为优秀')).toBeVisible();
  await shot(app, 'archives-assessment');

  await app.getByRole('tab', { name: '人员档案' }).click();
  const picker = app.getByTestId('archive-person').locator('input');
  const title = `干部4（${fgj.name} 科员）`;
  await chooseOption(app, picker, title, app.getByTestId('archive-card'), '干部4');
  await expect(app.getByTestId('archive-lines')).toContainText('问责：诫勉');
  await expect(app.getByTestId('archive-card')).toContainText('110105********002X');
  await shot(app, 'archives-person');
  expect(pageErrors).toEqual([]);
});
