import type { Page } from 'playwright-core';

/** Plan progress (#/plan-progress): done, due and overdue tasks of the device's towns. */
export class PlanProgressPage {
  constructor(readonly page: Page) {}

  async waitForScreen(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Plan progress' }).waitFor();
  }

  /** The year's summary line, e.g. "Done 1, due 0, overdue 0: 100% complete." */
  async summary(): Promise<string> {
    const total = this.page.getByTestId('plan-progress-total');
    await total.waitFor();
    return total.innerText();
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Plan year' }).click();
    await this.page
      .locator('.ant-select-item-option')
      .filter({ hasText: String(year) })
      .click();
  }
}
