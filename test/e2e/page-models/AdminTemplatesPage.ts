import type { Locator, Page } from 'playwright-core';

/** 检查表管理 and its draft editor, as an administrator uses them. */
export class AdminTemplatesPage {
  constructor(readonly page: Page) {}

  row(title: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  async copy(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Copy ${title} to make your own` }).click();
    await this.page.getByText('Edit checklist draft').waitFor();
  }

  async newVersion(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Start a new version of ${title}` }).click();
    await this.page.getByText('Edit checklist draft').waitFor();
  }

  async setTitle(title: string): Promise<void> {
    await this.page.getByLabel('Checklist title').fill(title);
  }

  /** Sets an item's field, e.g. ('1.1', 'Defect wording', '…'). */
  async setItemField(number: string, field: string, value: string): Promise<void> {
    await this.page.getByLabel(`${field} of item ${number}`, { exact: true }).fill(value);
  }

  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('Saved on the server').waitFor();
  }

  /** Publishes after the confirmation and waits for the list. */
  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: 'Publish' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await this.page.getByRole('heading', { name: 'Checklist templates' }).waitFor();
  }

  versions(title: string): Promise<string[]> {
    return this.row(title)
      .getByText(/^Version \d+ · /)
      .allInnerTexts();
  }
}
