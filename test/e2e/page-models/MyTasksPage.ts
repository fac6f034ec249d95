import type { Locator, Page } from 'playwright-core';

/** The visits the officer is sent on (#/tasks), read from the device. */
export class MyTasksPage {
  constructor(readonly page: Page) {}

  async waitForScreen(): Promise<void> {
    await this.page.getByRole('heading', { name: 'My tasks' }).waitFor();
  }

  row(enterprise: string): Locator {
    return this.page.getByRole('row').filter({ hasText: enterprise });
  }

  /** The row's cells: state, enterprise, kind, period, due, with, action. */
  async cells(enterprise: string): Promise<string[]> {
    await this.row(enterprise).waitFor();
    return this.row(enterprise).getByRole('cell').allInnerTexts();
  }

  async start(enterprise: string): Promise<void> {
    await this.page.getByRole('button', { name: `Start inspection：${enterprise}` }).click();
  }
}
