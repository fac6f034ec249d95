import type { Locator, Page } from 'playwright-core';

export class EnterprisesPage {
  readonly search: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByPlaceholder('Search by name or credit code');
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
  }

  async waitForRows(): Promise<void> {
    await this.rows.first().waitFor();
  }

  /** The enterprise names as a person reads them off the list, top to bottom. */
  async names(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }
}
