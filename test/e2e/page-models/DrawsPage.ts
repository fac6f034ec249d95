import type { Locator, Page } from 'playwright-core';

export interface PublicSeed {
  /** The published number exactly as published. */
  value: string;
  /** Where it was published, and which issue. */
  description: string;
}

export interface DrawnVisitRow {
  enterprise: string;
  riskClass: string;
  officers: string;
  agencies: string;
}

/** An approved plan's draws (#/plans/:id/draws), and one draw's drawer. */
export class DrawsPage {
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.drawer = page.getByRole('dialog', { name: /^Draw of / });
  }

  async waitForScreen(): Promise<void> {
    await this.page.getByRole('heading', { name: /^Draws of / }).waitFor();
    await this.page.locator('.ant-card').first().waitFor();
  }

  period(label: string): Locator {
    return this.page.locator('.ant-card').filter({ hasText: label });
  }

  /** Runs the period's draw on a seed from a public source, typed in; the drawer opens on it. */
  async runDraw(periodLabel: string, seed: PublicSeed): Promise<void> {
    await this.period(periodLabel).getByRole('button', { name: 'Run the draw' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Draw ${periodLabel}` });
    await dialog.getByLabel('Seed', { exact: true }).fill(seed.value);
    await dialog.getByLabel('Source and issue').fill(seed.description);
    await dialog.getByRole('button', { name: 'Draw', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.drawer.waitFor();
  }

  /** Opens the period's draw in force. */
  async openDraw(periodLabel: string): Promise<void> {
    await this.period(periodLabel)
      .getByRole('listitem')
      .filter({ hasText: 'In force' })
      .getByRole('button', { name: 'Open' })
      .click();
    await this.drawer.waitFor();
  }

  /** The visits table of the open draw, as the screen shows it. */
  async visits(): Promise<DrawnVisitRow[]> {
    const rows = this.drawer.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const found: DrawnVisitRow[] = [];
    for (const row of await rows.all()) {
      const [enterprise = '', riskClass = '', officers = '', agencies = ''] = await row
        .getByRole('cell')
        .allInnerTexts();
      found.push({ enterprise, riskClass, officers, agencies });
    }
    return found;
  }

  /** A field of the open draw's record shown as code (Seed, Result hash). */
  async recordCode(label: 'Seed' | 'Result hash'): Promise<string> {
    const row = this.drawer.locator('.ant-descriptions-row').filter({
      has: this.page.locator('.ant-descriptions-item-label').getByText(label, { exact: true }),
    });
    return (await row.locator('.ant-descriptions-item-content code').innerText()).trim();
  }

  /** Presses Verify and returns what the screen says. */
  async verify(): Promise<string> {
    await this.drawer.getByRole('button', { name: 'Verify' }).click();
    const status = this.drawer.getByRole('status').filter({ hasText: /Verified|does not match/ });
    await status.waitFor();
    return status.innerText();
  }

  async closeDraw(): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Close' }).click();
    await this.drawer.waitFor({ state: 'hidden' });
  }

  async openPublication(): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Published results' }).click();
  }

  async openRecordPrint(): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Print the draw record' }).click();
  }
}
