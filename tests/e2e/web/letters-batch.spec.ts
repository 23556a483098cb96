import { expect, pageSession, shot, test } from '../support/fixtures';
import { sampleYear } from '../support/sample-year';
import { Shell } from '../support/pages/shell';
import { TIMEOUTS } from '../support/timeouts';

// a PC under load: each letter takes a second to lay out, so the bar can be watched and the batch cancelled
test.use({ hostEnv: { KAOPING_FAULT: 'render:slow' } });

test('the letter batch in the browser: the bar moves as letters finish; cancel stops it and says what it kept', async ({
  app,
  host,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  await sampleYear(host, await pageSession(app));

  await new Shell(app).open('目标管理');
  await app.getByRole('tab', { name: '目标责任书' }).click();
  await app.getByRole('button', { name: '批量生成全部' }).click();
  await app.getByRole('button', { name: '开始生成' }).click();
  const batch = app.getByRole('dialog', { name: '批量生成责任书' });
  // the bar moves while the batch runs: one letter done, not yet all
  await expect(batch.getByText(/：[1-5] \/ 6，成功 [1-5]/)).toBeVisible({ timeout: TIMEOUTS.documents });
  await shot(app, 'letters-batch-moving');
  await batch.getByRole('button', { name: /取\s*消/ }).click();
  await expect(batch.getByRole('button', { name: '正在取消…' })).toBeVisible();
  const said = batch.getByText(/^已取消：已完成的 \d 项已保存，其余 \d 项未处理。$/);
  await expect(said).toBeVisible({ timeout: TIMEOUTS.documents });
  await shot(app, 'letters-batch-cancelled');
  const kept = Number(/已完成的 (\d) 项/.exec((await said.textContent()) ?? '')![1]);
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(6);
  await batch.getByRole('button', { name: '关 闭' }).click();
  // what it kept is registered and listed; the rest are still to be generated
  await expect(app.getByText(/考评责〔\d{4}〕\d号/)).toHaveCount(kept);
  expect(pageErrors).toEqual([]);
});
