import type { Locator, Page } from 'playwright-core';

/** An enterprise's file (#/enterprises/:id). */
export class EnterpriseDetailPage {
  readonly startInspectionButton: Locator;

  constructor(readonly page: Page) {
    this.startInspectionButton = page.getByRole('button', { name: 'Start inspection' });
  }

  async startInspection(): Promise<void> {
    await this.startInspectionButton.click();
  }
}
