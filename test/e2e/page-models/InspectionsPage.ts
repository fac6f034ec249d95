import type { Locator, Page } from 'playwright-core';

/** The Inspections list (#/inspections): one row per inspection on the device. */
export class InspectionsPage {
  readonly rows: Locator;
  readonly emptyText: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
    this.emptyText = page.getByText('No inspections on this device yet.');
  }

  /** Waits until the list has loaded, with rows or with its empty text. */
  async waitForList(): Promise<void> {
    await this.rows.first().or(this.emptyText).waitFor();
  }

  async enterpriseNames(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }

  /** Whether the list holds a row opening the inspection with this id. */
  async lists(inspectionId: string): Promise<boolean> {
    return (await this.rows.locator(`a[href$="/inspections/${inspectionId}"]`).count()) > 0;
  }

  /** The Review cell of the inspection at `enterpriseName`, as read on screen. */
  async reviewOf(enterpriseName: string): Promise<string> {
    return this.rows.filter({ hasText: enterpriseName }).locator('td').nth(3).innerText();
  }

  /** Shows only the inspections supervisors returned; answers how many the switch counts. */
  async showReturned(): Promise<number> {
    const option = this.page
      .getByRole('radiogroup', { name: 'Show inspections' })
      .or(this.page.locator('.ant-segmented'))
      .getByText(/^Returned \(\d+\)$/);
    const text = await option.innerText();
    await option.click();
    return Number(/\((\d+)\)/.exec(text)?.[1]);
  }

  /** Opens the inspection at `enterpriseName` from its row. */
  async open(enterpriseName: string): Promise<void> {
    await this.rows
      .filter({ hasText: enterpriseName })
      .getByRole('link', { name: /^Open the inspection of / })
      .click();
  }
}
