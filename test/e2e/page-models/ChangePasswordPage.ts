import type { Locator, Page } from 'playwright-core';

/** The form right after a sign-in with a first password an administrator gave. */
export class ChangePasswordPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Change your first password' });
  }

  async waitForForm(): Promise<void> {
    await this.heading.waitFor();
  }

  async change(current: string, next: string): Promise<void> {
    await this.page.getByLabel('Current password').fill(current);
    await this.page.getByLabel('New password', { exact: true }).fill(next);
    await this.page.getByLabel('New password again').fill(next);
    await this.page.getByRole('button', { name: 'Change password' }).click();
  }
}
