import { expect, type Page } from '@playwright/test';
import { TIMEOUTS } from './timeouts';

/** The shell has rendered and the core answered: the readiness signal, no sleeps. */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-kaoping-ready="1"]')).toHaveCount(1, { timeout: TIMEOUTS.signIn });
}
