import { expect, type Locator, type Page } from '@playwright/test';
import { TIMEOUTS } from '../timeouts';

/** The Excel import wizard every list shares: choose a file, read the check, import, close. */
export class ImportWizard {
  readonly dialog: Locator;
  readonly confirmButton: Locator;

  /** `what` as the wizard's title names it: 单位, 人员, 目标任务 … */
  constructor(
    readonly page: Page,
    what: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `导入${what}` });
    this.confirmButton = this.dialog.getByRole('button', { name: /^确认导入/ });
  }

  async choose(file: string): Promise<void> {
    await this.dialog.locator('input[type=file]').setInputFiles(file);
  }

  async chooseAnother(file: string): Promise<void> {
    await this.dialog.getByRole('button', { name: '重新选择文件' }).click();
    await this.choose(file);
  }

  /** The check found `rows` broken rows, says nothing will be imported, and import cannot be pressed. */
  async expectRefused(rows: number): Promise<void> {
    await expect(
      this.dialog.getByText(`有 ${rows} 行错误，请按下表修改文件后重新选择。这次不会导入任何内容。`),
    ).toBeVisible({ timeout: TIMEOUTS.fileCheck });
    await expect(this.confirmButton).toBeDisabled();
  }

  /** The check passed with these counts, and the import button says what it will do. */
  async expectChecked(c: { create: number; update?: number; same?: number }): Promise<void> {
    const [update, same] = [c.update ?? 0, c.same ?? 0];
    await expect(this.dialog.getByText(`检查通过：新增 ${c.create}，更新 ${update}，不变 ${same}。`)).toBeVisible({
      timeout: TIMEOUTS.fileCheck,
    });
    await expect(this.confirmButton).toHaveText(`确认导入（新增 ${c.create}，更新 ${update}）`);
    await expect(this.confirmButton).toBeEnabled();
  }

  async confirm(): Promise<void> {
    await this.confirmButton.click();
    await expect(this.dialog.getByText('导入完成')).toBeVisible({ timeout: TIMEOUTS.fileCheck });
  }

  async finish(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^完\s*成$/ }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** A good file from start to end: checked with these counts, imported, the wizard closed. */
  async importFile(file: string, counts: { create: number; update?: number; same?: number }): Promise<void> {
    await this.choose(file);
    await this.expectChecked(counts);
    await this.confirm();
    await this.finish();
  }
}
