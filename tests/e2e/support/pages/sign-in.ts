import { expect, type Locator, type Page } from '@playwright/test';
import { PASSWORD } from '../accounts';
import { waitReady } from '../ready';
import { TIMEOUTS } from '../timeouts';

/** The sign-in form. */
export class SignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('用户名');
    this.password = page.getByLabel('密码');
    this.submit = page.getByRole('button', { name: /^登\s*录$/ });
  }

  /** Fills the form and presses 登录, without waiting for the outcome. */
  async attempt(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in and waits for the shell. */
  async signIn(username: string, password = PASSWORD): Promise<void> {
    await this.attempt(username, password);
    await waitReady(this.page);
  }

  /** The one message for a wrong password and an unknown user alike. */
  async expectRefused(): Promise<void> {
    // the refusal comes after the host's scrypt, as slow as a sign-in
    await expect(this.page.getByText('用户名或密码错误。')).toBeVisible({ timeout: TIMEOUTS.signIn });
  }
}
