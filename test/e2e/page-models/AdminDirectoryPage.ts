import type { Locator, Page } from 'playwright-core';

/** Agencies and towns (#/admin/directory): two tabs, each a table and a "New" dialog. */
export class AdminDirectoryPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  async waitForScreen(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Agencies' }).waitFor();
  }

  async createTown(town: { code: string; name: string; kind: 'Town' | 'Sub-district' | 'Zone' }) {
    await this.page.getByRole('tab', { name: 'Towns' }).click();
    await this.page.getByRole('button', { name: 'New town' }).click();
    await this.dialog.getByLabel('Division code').fill(town.code);
    await this.dialog.getByLabel('Name', { exact: true }).fill(town.name);
    await this.choose('Kind', town.kind);
    await this.save();
    await this.page.getByRole('cell', { name: town.name, exact: true }).waitFor();
  }

  async createAgency(agency: { name: string; shortName: string; kind: string }) {
    await this.page.getByRole('tab', { name: 'Agencies' }).click();
    await this.page.getByRole('button', { name: 'New agency' }).click();
    await this.dialog.getByLabel('Name', { exact: true }).fill(agency.name);
    await this.dialog.getByLabel('Short name').fill(agency.shortName);
    await this.choose('Kind', agency.kind);
    await this.save();
    await this.page.getByRole('cell', { name: agency.name, exact: true }).waitFor();
  }

  private async choose(label: string, option: string) {
    await this.dialog.getByRole('combobox', { name: label }).click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  }

  private async save() {
    await this.dialog.getByRole('button', { name: 'Save' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
