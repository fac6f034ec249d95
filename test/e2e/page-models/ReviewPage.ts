import type { Locator, Page } from 'playwright-core';

/** The supervisor's Review screen (#/review): submitted inspections waiting for a decision. */
export class ReviewPage {
  readonly rows: Locator;
  readonly returnDialog: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
    this.returnDialog = page.getByRole('dialog', { name: 'Return the inspection' });
  }

  /** The row of the inspection at `enterpriseName` (one waiting inspection there). */
  row(enterpriseName: string): Locator {
    return this.rows.filter({ hasText: enterpriseName });
  }

  async approve(enterpriseName: string): Promise<void> {
    const row = this.row(enterpriseName);
    await row.getByRole('button', { name: /^Approve/ }).click();
    await row.waitFor({ state: 'detached' });
  }

  /** Opens Return, tries to confirm without a comment, then returns with `comment`. */
  async returnWithComment(enterpriseName: string, comment: string): Promise<string> {
    const row = this.row(enterpriseName);
    await row.getByRole('button', { name: /^Return/ }).click();
    const confirm = this.returnDialog.getByRole('button', { name: 'Return with comment' });
    await confirm.click();
    const refusal = await this.returnDialog.getByText('Say what must be corrected.').innerText();
    await this.returnDialog.getByLabel('Comment for the inspector').fill(comment);
    await confirm.click();
    await row.waitFor({ state: 'detached' });
    return refusal;
  }
}
