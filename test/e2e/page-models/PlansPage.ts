import type { Locator, Page } from 'playwright-core';

export type PeriodKindLabel = 'Whole year' | 'Half-years' | 'Quarters' | 'Months';
export type RiskClassLabel = 'Major risk' | 'Considerable risk' | 'General risk' | 'Low risk';

export interface PlanDraft {
  title: string;
  /** Key inspections a year of a major hazard source of level 1 to 4. */
  keyInspections: readonly [number, number, number, number];
  periodKind: PeriodKindLabel;
  /** Percent of each class drawn, by period label as the editor shows it (e.g. 'Whole year'). */
  shares: Record<string, Record<RiskClassLabel, number>>;
}

/** Annual plans (#/plans): a new draft, its approval, and the way to its draws. */
export class PlansPage {
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole('dialog').filter({ hasText: /^New plan for|Edit the/ });
  }

  async waitForScreen(): Promise<void> {
    await this.page
      .getByRole('heading', { name: 'Annual supervision and inspection plans' })
      .waitFor();
    await this.page.getByRole('button', { name: 'New plan' }).waitFor();
  }

  /** Writes a new plan in the editor and saves it as a draft; returns the year it is for. */
  async writeDraft(plan: PlanDraft): Promise<number> {
    await this.page.getByRole('button', { name: 'New plan' }).click();
    const editor = this.page.getByRole('dialog', { name: /^New plan for \d{4}$/ });
    await editor.waitFor();
    const year = Number(await editor.getByRole('spinbutton', { name: 'Year' }).inputValue());
    await editor.getByLabel('Title', { exact: true }).fill(plan.title);
    for (const [i, n] of plan.keyInspections.entries()) {
      await editor.getByLabel(`Level ${i + 1}`, { exact: true }).fill(String(n));
    }
    await editor.getByRole('combobox', { name: 'Draw periods' }).click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: plan.periodKind }).click();
    for (const [period, classes] of Object.entries(plan.shares)) {
      for (const [riskClass, percent] of Object.entries(classes)) {
        const cell = editor.getByRole('spinbutton', { name: `${period}, ${riskClass}, percent` });
        await cell.fill(String(percent));
        // InputNumber commits its value on blur.
        await cell.blur();
      }
    }
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    return year;
  }

  /** The row of a plan's version in the year's card. */
  version(year: number, revision: number): Locator {
    return this.page
      .locator('.ant-card')
      .filter({ hasText: `Plan for ${year}` })
      .getByRole('row')
      .filter({ hasText: `Revision ${revision}` });
  }

  /** Presses Approve on the version, and confirms. */
  async approve(year: number, revision: number): Promise<void> {
    const row = this.version(year, revision);
    await row.getByRole('button', { name: 'Approve' }).click();
    const confirm = this.page.getByRole('dialog', {
      name: `Approve the ${year} plan, revision ${revision}?`,
    });
    await confirm.getByRole('button', { name: 'Approve' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Approved', { exact: true }).waitFor();
  }

  async openDraws(year: number, revision: number): Promise<void> {
    await this.version(year, revision).getByRole('button', { name: 'Draws' }).click();
  }
}
