import type { Locator, Page } from 'playwright-core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The supervisor's Review screen (#/review): submitted inspections waiting for a decision. */
export class ReviewPage {
  readonly rows: Locator;
  readonly returnDialog: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
    this.returnDialog = page.getByRole('dialog', { name: 'Return the inspection' });
  }

  /** Waits until the queue has loaded, with rows or with its empty text. */
  async waitForQueue(): Promise<void> {
    await this.rows
      .first()
      .or(this.page.getByText('No inspections are waiting for review.'))
      .waitFor();
  }

  /** The row of the inspection at `enterpriseName` (one waiting inspection there). */
  row(enterpriseName: string): Locator {
    return this.rows.filter({ hasText: enterpriseName });
  }

  /** The enterprise column, top to bottom (oldest first). */
  async enterpriseNames(): Promise<string[]> {
    const names = await this.rows.getByRole('link', { name: /^Details of / }).allInnerTexts();
    return names.map((n) => n.trim());
  }

  async approve(enterpriseName: string): Promise<void> {
    const row = this.row(enterpriseName);
    await row.getByRole('button', { name: /^Approve/ }).click();
    await row.waitFor({ state: 'detached' });
  }

  /** Ticks the rows of these enterprises and approves them together. */
  async approveTogether(enterpriseNames: readonly string[]): Promise<string> {
    for (const name of enterpriseNames) {
      await this.page
        .getByRole('checkbox', { name: new RegExp(`^Select ${escape(name)} `) })
        .check();
    }
    await this.page
      .getByRole('button', { name: `Approve selected (${enterpriseNames.length})` })
      .click();
    const confirm = this.page.getByRole('dialog', {
      name: `Approve ${enterpriseNames.length} inspections?`,
    });
    await confirm.getByRole('button', { name: 'Approve all' }).click();
    const done = this.page.getByText(`${enterpriseNames.length} inspections approved.`);
    await done.waitFor();
    for (const name of enterpriseNames) await this.row(name).waitFor({ state: 'detached' });
    return done.innerText();
  }

  async openDetails(enterpriseName: string): Promise<void> {
    await this.row(enterpriseName)
      .getByRole('link', { name: new RegExp(`^Details of ${escape(enterpriseName)} `) })
      .click();
    await this.page.getByRole('heading', { name: `Inspection of ${enterpriseName}` }).waitFor();
  }

  /** On the detail page: the titles of the findings listed. */
  async findingTitles(): Promise<string[]> {
    const card = this.card(/^Findings \(\d+\)$/);
    await card.waitFor();
    return card
      .locator('section[aria-label]')
      .evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label') ?? ''));
  }

  /** On the detail page: the lines of its history, top to bottom. */
  async history(): Promise<string[]> {
    const card = this.card(/^History$/);
    await card.waitFor();
    return (await card.locator('.ant-timeline-item').allInnerTexts()).map((l) =>
      l.replace(/\s+/g, ' ').trim(),
    );
  }

  /** A titled card of the detail page. */
  private card(title: RegExp): Locator {
    return this.page
      .locator('.ant-card')
      .filter({ has: this.page.locator('.ant-card-head-title', { hasText: title }) });
  }

  /** Opens Return, tries to confirm without a comment, then returns with `comment`. */
  async returnWithComment(enterpriseName: string, comment: string): Promise<string> {
    const row = this.row(enterpriseName);
    await row.getByRole('button', { name: /^Return/ }).click();
    const refusal = await this.fillReturnDialog(comment);
    await row.waitFor({ state: 'detached' });
    return refusal;
  }

  /** The detail page's Return: the same dialog, then back to the queue. */
  async returnFromDetails(comment: string): Promise<string> {
    await this.page
      .getByRole('button', { name: /^Return/ })
      .first()
      .click();
    const refusal = await this.fillReturnDialog(comment);
    await this.page.waitForURL(/#\/review$/);
    return refusal;
  }

  async approveFromDetails(): Promise<void> {
    await this.page
      .getByRole('button', { name: /^Approve/ })
      .first()
      .click();
    await this.page.waitForURL(/#\/review$/);
  }

  private async fillReturnDialog(comment: string): Promise<string> {
    const confirm = this.returnDialog.getByRole('button', { name: 'Return with comment' });
    await confirm.click();
    const refusal = await this.returnDialog.getByText('Say what must be corrected.').innerText();
    await this.returnDialog.getByLabel('Comment for the inspector').fill(comment);
    await confirm.click();
    await this.returnDialog.waitFor({ state: 'detached' });
    return refusal;
  }
}
