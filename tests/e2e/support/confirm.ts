import { expect, type Locator } from '@playwright/test';

/**
 * Clicks a dialog's button until the dialog goes: a click that lands while an antd dialog is still moving in is
 * lost (CI saw it on 发布方案). Waits first for `ready`, what the dialog shows once it has what it needs.
 */
export async function confirmDialog(dialog: Locator, ready: Locator, button: RegExp | string): Promise<void> {
  await expect(ready).toBeVisible();
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: button }).click({ timeout: 2_000 });
    await expect(dialog).toBeHidden({ timeout: 2_000 });
  }).toPass();
}
