import type { Page } from 'playwright-core';

/** 导入企业名录: a file checked by the server, imported once confirmed. */
export class AdminImportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import…' }).click();
    await this.page.getByRole('heading', { name: 'Import enterprises' }).waitFor();
  }

  async choose(path: string): Promise<void> {
    await this.page.getByLabel('File to import').setInputFiles(path);
  }

  /** The row numbers the problems table lists (file problems left out). */
  async badRows(): Promise<number[]> {
    const table = this.page.getByRole('region', { name: 'Rows that cannot be imported' });
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const cells = await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
    return [...new Set(cells.map(Number).filter((n) => Number.isInteger(n) && n > 0))];
  }

  reasons(): Promise<string[]> {
    return this.page
      .getByRole('region', { name: 'Rows that cannot be imported' })
      .locator('tbody tr.ant-table-row td:last-child')
      .allInnerTexts();
  }

  async importConfirmed(): Promise<string> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: 'Import', exact: true })
      .click();
    const done = this.page.getByRole('alert').filter({ hasText: 'Imported' });
    await done.waitFor({ timeout: 120_000 });
    return done.getByRole('status').innerText();
  }
}
