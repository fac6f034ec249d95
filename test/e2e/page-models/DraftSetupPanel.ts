import type { Locator, Page } from 'playwright-core';

/** A draft's setup on its checklist screen: what was chosen at the start, changed or deleted. */
export class DraftSetupPanel {
  readonly panel: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('.ant-card').filter({ hasText: 'Inspection setup' });
    this.dialog = page.getByRole('dialog', { name: 'Change the inspection setup' });
  }

  /** The co-inspectors as the panel lists them. */
  async coInspectors(): Promise<string> {
    return this.panel
      .locator('.ant-descriptions-item')
      .filter({ hasText: 'Co-inspectors' })
      .innerText();
  }

  /** Opens the form, picks a co-inspector by (part of) their name and saves. */
  async addCoInspector(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: 'Change setup' }).click();
    const select = this.dialog.getByRole('combobox', { name: 'Co-inspectors' });
    await select.click();
    await select.fill(name);
    await this.page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
    // Escape would close the dialog too: a click on its title closes the list only.
    await this.dialog.getByText('Change the inspection setup').click();
    await this.dialog.getByRole('button', { name: 'Save' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** Asks to delete the draft; answers the confirmation's text, and confirms. */
  async deleteDraft(): Promise<string> {
    await this.panel.getByRole('button', { name: 'Delete draft' }).click();
    const confirm = this.page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    const text = await confirm.innerText();
    await confirm.getByRole('button', { name: 'Delete draft' }).click();
    await confirm.waitFor({ state: 'detached' });
    return text;
  }
}
