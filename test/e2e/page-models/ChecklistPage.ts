import type { Locator, Page } from 'playwright-core';

export type ResultLabel = 'Pass' | 'Fail' | 'Not applicable';

/** Working through an inspection's checklist (#/inspections/:id). */
export class ChecklistPage {
  readonly items: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.items = page
      .getByRole('radiogroup')
      .filter({ has: page.getByText('Pass', { exact: true }) });
    this.progress = page.getByRole('status').filter({ hasText: /items answered/ });
  }

  async waitForItems(): Promise<void> {
    await this.items.first().waitFor();
  }

  async itemCount(): Promise<number> {
    return this.items.count();
  }

  /** Answers the item at `index` (in screen order) and waits until the answer shows as chosen. */
  async answer(index: number, result: ResultLabel): Promise<void> {
    const group = this.items.nth(index);
    const radio = group.getByRole('radio', { name: result, exact: true });
    await group.getByText(result, { exact: true }).click();
    await radio.and(this.page.locator(':checked')).waitFor();
  }

  /** The text of the item at `index`, as the person reads it. */
  async itemText(index: number): Promise<string> {
    const id = await this.items.nth(index).getAttribute('aria-labelledby');
    return this.page.locator(`[id="${id}"]`).innerText();
  }

  async progressText(): Promise<string> {
    return this.progress.innerText();
  }

  /** The hazard buttons under checklist items, by their titles. */
  findingButton(title: string): Locator {
    return this.page.getByRole('button', { name: title });
  }
}
