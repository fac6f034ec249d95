import type { Page } from 'playwright-core';

export type Language = 'zh-CN' | 'en';
export interface Size {
  width: number;
  height: number;
}

/** The app's screens reached by their address, in a chosen language and window size. */
export class Screens {
  constructor(readonly page: Page) {}

  /** Chooses the language as Settings stores it, and reloads the app in it. */
  async useLanguage(language: Language): Promise<void> {
    await this.page.evaluate((chosen) => {
      const stored = JSON.parse(localStorage.getItem('fi.settings') ?? '{}') as object;
      localStorage.setItem('fi.settings', JSON.stringify({ ...stored, language: chosen }));
    }, language);
    await this.reload();
    await this.page.locator(`html[lang="${language}"]`).waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async resize(size: Size): Promise<void> {
    await this.page.setViewportSize(size);
  }

  /** Opens a screen of the app by its route, e.g. /findings. */
  async open(route: string): Promise<void> {
    await this.page.goto(`/#${route}`);
    await this.page.getByRole('main').waitFor();
  }

  /** Opens a printable document and waits until it is ready to print. */
  async openPrint(route: string): Promise<void> {
    await this.page.goto(`/#${route}`);
    await this.page.locator('[data-print-ready="true"]').waitFor();
  }

  /**
   * Waits until the screen has drawn what it loads: no spinner, no skeleton, no chart still
   * loading, no colour still fading in (a button just enabled is measured in its final colours,
   * not halfway through antd's transition), and two frames for the layout to settle.
   */
  async settle(): Promise<void> {
    await this.page.addStyleTag({
      content:
        '*, *::before, *::after { transition: none !important; animation: none !important; }',
    });
    await this.page
      .locator('.ant-spin-spinning, .ant-skeleton-active, .ant-spin-fullscreen-show')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 });
    await this.page.waitForFunction(
      () => new Promise((ready) => requestAnimationFrame(() => requestAnimationFrame(ready))),
    );
  }

  /** Opens a list screen and the drawer of its first row's first action (its edit). */
  async openFirstRowEdit(route: string): Promise<void> {
    await this.open(route);
    // A drawer still open from the last size is closed first, as a person would.
    const open = this.page.locator('.ant-drawer-open');
    if ((await open.count()) > 0) {
      await this.page.keyboard.press('Escape');
      await open.waitFor({ state: 'detached' });
    }
    await this.page.locator('main tbody tr:not(.ant-table-placeholder) button').first().click();
    await this.page.locator('.ant-drawer-open .ant-drawer-body').waitFor();
  }

  /** Opens the first collapsed section of the open drawer (an enterprise's first unit). */
  async expandFirstSection(): Promise<void> {
    const header = this.page.locator('.ant-drawer-open .ant-collapse-header').first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await this.page.locator('.ant-drawer-open .ant-collapse-panel-active').first().waitFor();
  }

  /** The route of the first record a list screen links to, e.g. an enterprise's file. */
  async firstLinkFrom(route: string, prefix: string): Promise<string> {
    await this.open(route);
    const link = this.page.locator(`main a[href^="${prefix}"]`).first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    if (!href) throw new Error(`${route} links to no ${prefix}`);
    return href.slice(1);
  }
}
