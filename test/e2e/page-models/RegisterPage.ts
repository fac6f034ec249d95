import type { Locator, Page } from 'playwright-core';

export interface RegisterRow {
  number: string;
  kind: string;
  enterprise: string;
}

/** The document register (#/register), online only: every official number with its document. */
export class RegisterPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
  }

  async waitForList(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Document register' }).waitFor();
    await this.rows.first().waitFor();
  }

  /** Searches by enterprise name or credit code, as typed in the search form. */
  async searchEnterprise(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Enterprise' }).fill(text);
    await this.page.getByRole('button', { name: 'Search' }).click();
  }

  async visibleRows(): Promise<RegisterRow[]> {
    const rows: RegisterRow[] = [];
    for (const row of await this.rows.all()) {
      const cells = await row.locator('td').allInnerTexts();
      rows.push({
        number: (cells[0] ?? '').trim(),
        kind: (cells[1] ?? '').trim(),
        enterprise: (cells[2] ?? '').trim(),
      });
    }
    return rows;
  }
}
