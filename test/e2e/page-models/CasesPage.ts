import type { Locator, Page } from 'playwright-core';

export type CaseStageLabel = 'Notice' | 'Hearing' | 'Decision' | 'Execution' | 'Closing';

/** The penalty cases screen (#/cases), online only: the list, a case's drawer and its actions. */
export class CasesPage {
  readonly rows: Locator;
  readonly drawer: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
    this.drawer = page.locator('.ant-drawer-open');
    this.note = this.drawer.getByRole('textbox', { name: /^Note on completing this stage/ });
  }

  async waitForList(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Penalty cases' }).waitFor();
    await this.page.getByRole('group', { name: 'Case counts' }).waitFor();
  }

  /** Opens the case whose cause (案由) reads `summary`. */
  async open(summary: string): Promise<void> {
    await this.rows.filter({ hasText: summary }).click();
    await this.drawer.waitFor();
  }

  /** The drawer's title: the case number, or that it awaits approval. */
  async title(): Promise<string> {
    return this.drawer.locator('.ant-drawer-title').innerText();
  }

  /**
   * Presses an action in the open drawer and waits for the server's answer to show there: one
   * more step in the case (the approval completes 立案 and starts 调查取证).
   */
  private async act(name: string): Promise<void> {
    const steps = this.drawer.locator('.ant-steps-item');
    const before = await steps.count();
    await this.drawer.getByRole('button', { name, exact: true }).click();
    await steps.nth(before).waitFor();
  }

  async approve(comment: string): Promise<void> {
    await this.note.fill(comment);
    await this.act('Approve opening');
  }

  async moveTo(stage: CaseStageLabel, note: string): Promise<void> {
    await this.note.fill(note);
    await this.act(`Move to ${stage}`);
  }

  /** The stage names of the drawer's steps, in order. */
  async stages(): Promise<string[]> {
    return this.drawer.locator('.ant-steps-item-title').allInnerTexts();
  }

  /** The documents the drawer lists, as "kind number" (what follows the number is left out). */
  async documents(): Promise<string[]> {
    return (await this.documentItems().allInnerTexts()).map(
      (t) => /^[^\n]*?号/.exec(t)?.[0] ?? t.replace(/\s*Print$/, ''),
    );
  }

  /** Opens the service receipt dialog for the document numbered `number`. */
  async recordReceipt(number: string): Promise<void> {
    await this.documentItems()
      .filter({ hasText: number })
      .getByRole('button', { name: 'Record service receipt' })
      .click();
  }

  /** What the drawer says of the document numbered `number`, after its number (when served). */
  async documentNote(number: string): Promise<string> {
    const text = await this.documentItems().filter({ hasText: number }).innerText();
    return text.slice(text.indexOf(number) + number.length).trim();
  }

  async print(number: string): Promise<void> {
    await this.documentItems()
      .filter({ hasText: number })
      .getByRole('button', { name: 'Print' })
      .click();
  }

  private documentItems(): Locator {
    return this.drawer.locator('.ant-list').first().locator('.ant-list-item');
  }
}
