import type { Locator, Page } from 'playwright-core';

/** The hazard form in its side panel (opened from the checklist). */
export class FindingDrawer {
  readonly dialog: Locator;
  readonly photos: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Hazard' });
    this.photos = this.dialog
      .getByRole('list', { name: 'Photos' })
      .getByRole('img', { name: /^Photo \d+ of \d+/ });
  }

  async waitForOpen(): Promise<void> {
    await this.dialog.getByLabel('Title').waitFor();
  }

  async fill(fields: { title: string; requirement: string; responsiblePerson: string }) {
    await this.dialog.getByLabel('Title').fill(fields.title);
    await this.dialog.getByLabel('Rectification requirement').fill(fields.requirement);
    await this.dialog.getByLabel('Responsible person').fill(fields.responsiblePerson);
  }

  async deadline(): Promise<string> {
    return this.dialog.getByLabel('Deadline').inputValue();
  }

  /** Adds photos from files, as a person choosing them in the file dialog would. */
  async addPhotos(paths: readonly string[]): Promise<void> {
    const before = await this.photos.count();
    await this.dialog.locator('input[type="file"]').setInputFiles([...paths]);
    await this.photos.nth(before + paths.length - 1).waitFor();
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
