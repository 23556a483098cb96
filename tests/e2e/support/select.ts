import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Chooses the option titled `title` in an antd select until `chosen` shows: a click that lands while the list is
 * still moving in is lost (CI and npm test both saw it), so the list is opened — or searched, when `search` is
 * given — and the option clicked again until the page shows the choice. antd 6 shows a choice as
 * `.ant-select-content[title="…"]` inside the select.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  title: string,
  chosen: Locator,
  search?: string,
): Promise<void> {
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  await expect(async () => {
    if (await chosen.isVisible()) return;
    if (!(await option.isVisible())) {
      if (search === undefined) await select.click({ timeout: 2_000 });
      else await select.fill(search, { timeout: 2_000 });
    }
    await option.click({ timeout: 2_000 });
    await expect(chosen).toBeVisible({ timeout: 2_000 });
  }).toPass();
}

/** Clicks `button` until `shown` is visible: the first click into a dialog still moving in may be lost. */
export async function clickUntil(button: Locator, shown: Locator): Promise<void> {
  await expect(async () => {
    if (!(await shown.isVisible())) await button.click({ timeout: 2_000 });
    await expect(shown).toBeVisible({ timeout: 2_000 });
  }).toPass();
}
