import type { Locator, Page } from 'playwright-core';

/** A returned or submitted inspection's page: the supervisor's notice and the amendment dialog. */
export class AmendmentDialog {
  readonly dialog: Locator;
  readonly returnedNotice: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Amend the submitted inspection' });
    this.returnedNotice = page.getByRole('alert').filter({ hasText: 'Returned for correction by' });
  }

  /** The supervisor's comment as the inspection page shows it. */
  async supervisorsComment(): Promise<string> {
    await this.returnedNotice.waitFor();
    return this.returnedNotice.innerText();
  }

  /** Amends the representative's title, giving `reason`. */
  async amendRepresentativeTitle(title: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Amend', exact: true }).click();
    await this.dialog.waitFor();
    await this.dialog.getByLabel('Reason for the amendment (required)').fill(reason);
    await this.dialog.getByLabel('Title', { exact: true }).fill(title);
    await this.dialog.getByRole('button', { name: 'Save amendment' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** Corrects the title of the hazard titled `current` by amendment, giving `reason`. */
  async amendHazardTitle(current: string, title: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: current }).first().click();
    const drawer = this.page.getByRole('dialog', { name: 'Hazard' });
    await drawer.getByRole('button', { name: 'Amend this hazard' }).click();
    await drawer.getByLabel('Reason for the amendment (required)').fill(reason);
    await drawer.getByLabel('Title', { exact: true }).fill(title);
    await drawer.getByRole('button', { name: 'Save amendment' }).click();
    await drawer.waitFor({ state: 'detached' });
  }
}
