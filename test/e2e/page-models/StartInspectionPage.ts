import type { Locator, Page } from 'playwright-core';

export type InspectionKindLabel = 'Routine' | 'Special' | 'Joint' | 'Re-inspection';

/** Starting an inspection (#/enterprises/:id/inspect). */
export class StartInspectionPage {
  readonly templates: Locator;
  readonly coInspectors: Locator;

  constructor(readonly page: Page) {
    this.templates = page.getByRole('group', { name: 'Checklist templates' });
    this.coInspectors = page.getByRole('combobox', { name: 'Co-inspectors' });
  }

  async waitForForm(): Promise<void> {
    await this.templates.waitFor();
  }

  async chooseKind(kind: InspectionKindLabel): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Inspection kind' }).getByText(kind).click();
  }

  async chooseTemplates(titles: readonly string[]): Promise<void> {
    for (const title of titles) await this.templates.getByText(title, { exact: true }).click();
  }

  /** Picks a co-inspector from the user directory by (part of) their name. */
  async addCoInspector(name: string): Promise<void> {
    await this.coInspectors.click();
    await this.coInspectors.fill(name);
    await this.page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
    await this.page.keyboard.press('Escape');
  }

  /** Waits for the device's position (asked for when the screen opens). */
  async waitForPosition(): Promise<void> {
    await this.page
      .getByRole('status')
      .filter({ hasText: /accuracy about/ })
      .waitFor();
  }

  async enterLocation(lat: number, lon: number): Promise<void> {
    await this.page.getByRole('spinbutton', { name: 'Latitude' }).fill(String(lat));
    await this.page.getByRole('spinbutton', { name: 'Longitude' }).fill(String(lon));
    // InputNumber commits its value on blur.
    await this.page.getByRole('spinbutton', { name: 'Longitude' }).blur();
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start', exact: true }).click();
  }
}
