import { expect, openAs, shot, test } from '../support/fixtures';

test('帮助 opens the guide; a search narrows it to the sections that say the word, and marks it', async ({
  app,
  pageErrors,
}) => {
  await app.getByTestId('help-open').click();
  await expect(app.getByRole('heading', { name: '帮助', level: 3 })).toBeVisible();
  const sections = app.getByTestId('help-section');
  await expect(sections.first()).toBeVisible();
  const all = await sections.count();
  expect(all).toBeGreaterThan(20);
  // the guide's pictures are the e2e suite's screenshots, served with the app
  const picture = app.getByRole('img', { name: '评分录入' });
  await picture.scrollIntoViewIfNeeded();
  await expect.poll(() => picture.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);

  await app.getByTestId('help-search').locator('input').fill('异议');
  await expect(app.getByText(/找到 \d+ 节/)).toBeVisible();
  await expect(sections.filter({ hasText: '考评计分 · 结果公示' })).toBeVisible();
  expect(await sections.count()).toBeLessThan(all);
  await expect(sections.filter({ hasText: '组织人员' })).toHaveCount(0);
  await expect(app.getByTestId('help-match').first()).toHaveText('异议');
  await shot(app, 'help-search');

  await app.getByTestId('help-search').locator('input').fill('没有这个词');
  await expect(app.getByText('没有找到“没有这个词”，请换一个词。')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('打印快速入门 opens a one-page sheet and prints it', async ({ app, pageErrors }) => {
  await app.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await app.getByTestId('help-open').click();
  await app.getByTestId('help-quick-start').click();
  const sheet = app.getByTestId('quick-start');
  for (const h of ['考评 快速入门', '第一天要做的事', '角色', '东西在哪里'])
    await expect(sheet.getByRole('heading', { name: h })).toBeVisible();
  await expect.poll(() => app.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await shot(app, 'help-quick-start');

  // at print media the sheet fits one A4 page: 297 mm less the 12 mm margins, in CSS pixels (96 per inch)
  await app.emulateMedia({ media: 'print' });
  const box = await sheet.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(((297 - 24) / 25.4) * 96);
  await expect(app.getByTestId('quick-start-back')).toBeHidden();
  await app.emulateMedia({ media: 'screen' });

  await app.getByTestId('quick-start-back').click();
  await expect(app.getByTestId('help-search')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

for (const role of ['admin', 'clerk', 'leader', 'auditor'] as const)
  test(`帮助 is there for the ${role} too`, async ({ page, host }) => {
    await openAs(page, host, role);
    await page.getByTestId('help-open').click();
    await expect(page.getByTestId('help-section').first()).toBeVisible();
  });
