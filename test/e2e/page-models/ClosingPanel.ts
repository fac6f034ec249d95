import type { Locator, Page } from 'playwright-core';
import { scribble } from './signature-pad';

/** Signatures, submission and documents under the checklist. */
export class ClosingPanel {
  readonly signatures: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.signatures = page.getByRole('region', { name: 'Signatures' });
    this.submit = page.getByRole('button', { name: 'Submit inspection' });
  }

  /** What the submission panel says is still missing. */
  async missing(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: /missing before it can be submitted/ });
    if ((await list.count()) === 0) return [];
    return list.getByRole('listitem').allInnerTexts();
  }

  async nameRepresentative(name: string, title: string): Promise<void> {
    await this.signatures.getByLabel("Representative's name").fill(name);
    await this.signatures.getByLabel('Title', { exact: true }).fill(title);
    // Saved when the field is left.
    await this.signatures.getByLabel('Title', { exact: true }).blur();
  }

  /** Signs as `name`: draws a short flourish on the pad with the mouse and presses Done. */
  async signAs(name: string): Promise<void> {
    await this.signatures.getByRole('button', { name: `Sign as ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Signature of ${name}` });
    const pad = dialog.getByRole('img', { name: `Signature area for ${name}` });
    await scribble(pad);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.signatures.getByRole('img', { name: `Signature of ${name}` }).waitFor();
  }

  async submitInspection(): Promise<void> {
    await this.submit.click();
    await this.page.getByText('A submitted inspection is locked', { exact: false }).waitFor();
  }

  async openDocument(name: 'On-site inspection record' | 'Rectification order'): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }
}
