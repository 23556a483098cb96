import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in frame: the module menu on the left and the user menu in the header. */
export class Shell {
  readonly menu: Locator;
  readonly userMenu: Locator;

  constructor(readonly page: Page) {
    // the side menu (its groups are menus inside it)
    this.menu = page.getByRole('menu').first();
    this.userMenu = page.getByTestId('user-menu');
  }

  module(name: string): Locator {
    return this.menu.getByRole('menuitem', { name });
  }

  /** Opens a module from the menu and waits for its heading. */
  async open(name: string): Promise<void> {
    await this.module(name).click();
    await expect(this.page.getByRole('heading', { name, level: 3 })).toBeVisible();
  }

  async chooseFromUserMenu(item: '锁定屏幕' | '退出登录'): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }
}
