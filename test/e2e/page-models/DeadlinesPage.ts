import type { Download, Locator, Page } from 'playwright-core';

export type BoardStatus =
  'All' | 'Overdue' | 'Open' | 'Rectified, awaiting re-inspection' | 'Closed';

export interface BoardRow {
  hazard: string;
  enterprise: string;
  status: string;
  deadline: string;
}

/** The deadline board (#/deadlines): hazards by status, the hazard drawer and its dialogs. */
export class DeadlinesPage {
  readonly tabs: Locator;
  readonly rows: Locator;
  readonly drawer: Locator;
  readonly reinspectionDialog: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('group', { name: 'Hazards by status' });
    this.rows = page.locator('.ant-table-tbody .ant-table-row');
    this.drawer = page.locator('.ant-drawer-body');
    this.reinspectionDialog = page.getByRole('dialog', { name: 'Record re-inspection' });
  }

  async waitForBoard(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Deadline board' }).waitFor();
    await this.tabs.getByText(/^All \(\d+\)$/).waitFor();
  }

  /** The count each status tab shows. */
  async counts(): Promise<Record<BoardStatus, number>> {
    const texts = await this.tabs.locator('.ant-segmented-item-label').allInnerTexts();
    const counts: Partial<Record<BoardStatus, number>> = {};
    for (const text of texts) {
      const match = /^(.*) \((\d+)\)$/.exec(text.trim());
      if (match) counts[match[1] as BoardStatus] = Number(match[2]);
    }
    return counts as Record<BoardStatus, number>;
  }

  async showStatus(status: BoardStatus): Promise<void> {
    await this.tabs.getByText(new RegExp(`^${status} \\(\\d+\\)$`)).click();
    await this.page.waitForFunction(
      (label) =>
        document
          .querySelector('.ant-segmented-item-selected')
          ?.textContent?.trim()
          .startsWith(label) ?? false,
      status,
    );
  }

  /** The rows on the page shown, as a person reads them. */
  async visibleRows(): Promise<BoardRow[]> {
    const rows: BoardRow[] = [];
    for (const row of await this.rows.all()) {
      const cells = await row.locator('td').allInnerTexts();
      rows.push({
        hazard: (cells[0] ?? '').replace(/\s*Listed supervision\s*$/, '').trim(),
        enterprise: (cells[1] ?? '').trim(),
        status: (cells[3] ?? '').trim(),
        deadline: (cells[4] ?? '').trim(),
      });
    }
    return rows;
  }

  async openDetails(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Details of ${title}`, exact: true }).click();
    await this.drawer.getByText('Status history').waitFor();
  }

  /** In the open drawer: the enterprise reports the hazard rectified on `reportedOn`. */
  async recordRectification(reportedOn: string, note: string): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Record rectification' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Record rectification' });
    await dialog.waitFor();
    await dialog.getByLabel('Date reported').fill(reportedOn);
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /**
   * In the open drawer: passed with after-photos, or failed with a new deadline, made with the
   * colleague named (a re-inspection takes two officers), picked by (part of) their name.
   */
  async recordReinspection(
    result: { passed: true; photos: readonly string[] } | { passed: false; newDeadline: string },
    note: string,
    coInspector: string,
  ): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Record re-inspection' }).click();
    const dialog = this.reinspectionDialog;
    await dialog.waitFor();
    const colleagues = dialog.getByRole('combobox', { name: 'Co-inspectors on this visit' });
    await colleagues.click();
    await colleagues.fill(coInspector);
    await this.page
      .locator('.ant-select-item-option')
      .filter({ hasText: coInspector })
      .first()
      .click();
    await this.page.keyboard.press('Escape');
    await dialog.locator('.ant-select-selection-item', { hasText: coInspector }).waitFor();
    // A controlled radio: its state follows React's render, which may come a moment after the
    // click on a busy machine, so wait for it rather than check at once.
    const radio = dialog.getByRole('radio', { name: result.passed ? 'Passed' : 'Failed' });
    await radio.click();
    await dialog
      .locator('.ant-radio-wrapper-checked', { hasText: result.passed ? 'Passed' : 'Failed' })
      .waitFor();
    if (result.passed) {
      await dialog.locator('input[type="file"]').setInputFiles([...result.photos]);
      await dialog
        .getByRole('img', { name: /^Photo \d+ of \d+/ })
        .nth(result.photos.length - 1)
        .waitFor();
    } else {
      await dialog.getByLabel('New deadline').fill(result.newDeadline);
    }
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** In the open drawer: the enterprise asked on `requestedOn` for time until `until`. */
  async requestExtension(requestedOn: string, reason: string, until: string): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Record request for more time' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Record a request for more time' });
    await dialog.waitFor();
    await dialog.getByLabel('Date of the request').fill(requestedOn);
    await dialog.getByLabel('Reason given').fill(reason);
    await dialog.getByLabel('Deadline asked for').fill(until);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** In the open drawer: a supervisor grants the waiting request, until the day asked for. */
  async grantExtension(comment: string): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Decide request for more time' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Decide the request for more time' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Grant' }).click();
    await dialog.locator('.ant-radio-wrapper-checked', { hasText: 'Grant' }).waitFor();
    await dialog.getByLabel('Comment').fill(comment);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async printExtensionDecision(): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Print extension decision' }).click();
  }

  /** In the open drawer: 申请立案, the cause as written, sent to the server at once. */
  async openPenaltyCase(summary: string): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Open penalty case' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Open a penalty case' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Cause of the case' }).fill(summary);
    await dialog.getByRole('button', { name: 'Open penalty case' }).click();
    await this.page.locator('.ant-message-notice', { hasText: 'The case was opened' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  /**
   * Clicks the drawer's close button. Escape would depend on where focus went when the dialog
   * inside the drawer closed: the drawer only hears keys while it holds focus.
   */
  async closeDrawer(): Promise<void> {
    // The confirmation of the last save sits over the close button until it fades, and it stays
    // while the pointer rests on it: a person waits for it to go first.
    await this.page.waitForFunction(() => document.querySelector('.ant-message-notice') === null);
    await this.page.locator('.ant-drawer-open').getByRole('button', { name: 'Close' }).click();
    await this.drawer.waitFor({ state: 'hidden' });
  }

  /** Presses "Export to Excel" and returns the download the browser receives. */
  async exportToExcel(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export to Excel' }).click();
    return download;
  }
}
