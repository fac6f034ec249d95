import type { Locator, Page } from 'playwright-core';

/** The element's box once the dialog's opening animation has finished (two equal reads). */
async function settledBox(target: Locator) {
  let previous = await target.boundingBox();
  for (;;) {
    await target.page().waitForTimeout(100);
    const box = await target.boundingBox();
    if (
      box &&
      previous &&
      box.x === previous.x &&
      box.y === previous.y &&
      box.width === previous.width
    ) {
      return box;
    }
    previous = box;
  }
}

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
    const box = await settledBox(pad);
    const { mouse } = this.page;
    await mouse.move(box.x + 30, box.y + box.height * 0.6);
    await mouse.down();
    for (let i = 1; i <= 12; i++) {
      await mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 2)), {
        steps: 2,
      });
    }
    await mouse.up();
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
