import type { Locator, Page } from 'playwright-core';
import { scribble } from './signature-pad';

export interface Refusal {
  place: string;
  recipient: { name: string; title: string };
  reason: string;
  witnesses: readonly [
    { name: string; organisation: string },
    { name: string; organisation: string },
  ];
}

/** The service receipt dialog (送达回证) a print page opens with "Record service receipt". */
export class ServiceReceiptDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Service receipt' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record service receipt' }).click();
    await this.dialog.waitFor();
  }

  /** The recipient took the document and signed for it (直接送达). */
  async recordSigned(place: string, recipient: { name: string; title: string }): Promise<void> {
    const { dialog } = this;
    await this.dialog.waitFor();
    await dialog.getByLabel('Place of service').fill(place);
    await dialog.getByLabel('Recipient', { exact: true }).fill(recipient.name);
    await dialog.getByLabel('Recipient’s title').fill(recipient.title);
    await scribble(dialog.getByRole('img', { name: 'Signature area for Recipient' }));
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.getByText('Recipient has signed').waitFor();
    await dialog.getByRole('button', { name: 'Save receipt' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** The recipient refused to sign: the document was left, and two witnesses sign. */
  async recordRefusal(refusal: Refusal): Promise<void> {
    const { dialog } = this;
    await dialog.getByRole('radio', { name: 'Refused, left with two witnesses' }).click();
    await dialog.locator('.ant-radio-wrapper-checked', { hasText: 'Refused' }).waitFor();
    await dialog.getByLabel('Place of service').fill(refusal.place);
    await dialog.getByLabel('Recipient', { exact: true }).fill(refusal.recipient.name);
    await dialog.getByLabel('Recipient’s title').fill(refusal.recipient.title);
    await dialog.getByLabel('Why the recipient refused to sign').fill(refusal.reason);
    for (const [i, witness] of refusal.witnesses.entries()) {
      const n = i + 1;
      await dialog.getByLabel(`Witness ${n}`, { exact: true }).fill(witness.name);
      await dialog.getByLabel(`Witness ${n}’s organisation`).fill(witness.organisation);
      await scribble(dialog.getByRole('img', { name: `Signature area for Witness ${n}` }));
      // The pads not yet signed each have a Done button; the one just signed comes first.
      await dialog.getByRole('button', { name: 'Done' }).first().click();
      await dialog.getByText(`Witness ${n} has signed`).waitFor();
    }
    await dialog.getByRole('button', { name: 'Save receipt' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
