import type { Locator, Page } from 'playwright-core';

/** The Hazards list (#/findings). */
export class FindingsPage {
  readonly rows: Locator;
  readonly emptyText: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
    this.emptyText = page.getByText('No findings on this device yet.');
  }

  async waitForList(): Promise<void> {
    await this.rows.first().or(this.emptyText).waitFor();
  }

  async titles(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }
}
