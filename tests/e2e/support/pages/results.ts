import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';

/** 结果与奖惩: the ranking, the scoring rules and the rewards tabs of the chosen plan. */
export class ResultsPage {
  constructor(readonly page: Page) {}

  tab(name: '排名与等次' | '计分规则' | '奖惩核算'): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** A category's ranking tab, by the category's name (its count follows in brackets). */
  category(name: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}（\\d+）$`) });
  }

  row(unit: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(unit) });
  }

  get drawer(): Locator {
    return this.page.getByRole('dialog', { name: /得分反查/ });
  }

  /** Clicks a button that downloads a file and returns the file's bytes with its name. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const d = this.page.waitForEvent('download');
    await button.click();
    const got = await d;
    const file = await got.path();
    return { name: got.suggestedFilename(), bytes: fs.readFileSync(file) };
  }
}
