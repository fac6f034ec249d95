import type { Locator, Page } from 'playwright-core';

export interface NewUser {
  username: string;
  displayName: string;
  agency: string;
  town: string;
  certificateNo: string;
  certificateExpiresOn: string;
  password: string;
}

/** Users (#/admin/users): the list, a new user, and deactivating or reactivating one. */
export class AdminUsersPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  async waitForScreen(): Promise<void> {
    await this.page.getByRole('button', { name: 'New user' }).waitFor();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  /** A new inspector, with a first password. */
  async createInspector(user: NewUser): Promise<void> {
    await this.page.getByRole('button', { name: 'New user' }).click();
    await this.dialog.getByLabel('Username').fill(user.username);
    await this.dialog.getByLabel('Name', { exact: true }).fill(user.displayName);
    await this.dialog.getByRole('combobox', { name: 'Agency' }).click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: user.agency }).click();
    const towns = this.dialog.getByRole('combobox', { name: 'Jurisdiction (towns)' });
    await towns.click();
    await towns.fill(user.town);
    await this.page.locator('.ant-select-item-option').filter({ hasText: user.town }).click();
    await this.page.keyboard.press('Escape');
    await this.dialog.getByLabel('Law-enforcement certificate').fill(user.certificateNo);
    await this.dialog.getByLabel('Certificate valid until').fill(user.certificateExpiresOn);
    await this.dialog.getByLabel('First password').fill(user.password);
    await this.dialog.getByRole('button', { name: 'Save' }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.row(user.displayName).waitFor();
  }

  /** Presses Deactivate or Reactivate, reads the confirmation, and confirms. */
  async setActive(displayName: string, active: boolean): Promise<string> {
    const verb = active ? 'Reactivate' : 'Deactivate';
    await this.page.getByRole('button', { name: `${verb} ${displayName}?` }).click();
    const confirm = this.page.getByRole('dialog').filter({ hasText: `${verb} ${displayName}?` });
    const consequence = await confirm.locator('.ant-modal-confirm-content').innerText();
    await confirm.getByRole('button', { name: verb }).click();
    await this.row(displayName)
      .getByText(active ? 'Active' : 'Deactivated', { exact: true })
      .waitFor();
    return consequence;
  }

  /** Opens the user's form, sets the date their law-enforcement certificate is valid until, saves. */
  async setCertificateExpiry(displayName: string, date: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${displayName}` }).click();
    const form = this.page.getByRole('dialog', { name: `Edit ${displayName}` });
    await form.getByLabel('Certificate valid until').fill(date);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await this.row(displayName).getByText(`until ${date}`).waitFor();
  }
}
