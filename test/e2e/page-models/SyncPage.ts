import type { Locator, Page } from 'playwright-core';

/** The Sync screen (#/sync): what waits to upload, the last error, and "Sync now". */
export class SyncPage {
  readonly syncNowButton: Locator;
  readonly pendingChanges: Locator;
  readonly pendingPhotos: Locator;
  readonly lastSuccess: Locator;
  readonly lastError: Locator;

  constructor(readonly page: Page) {
    this.syncNowButton = page.getByRole('button', { name: 'Sync now' });
    this.pendingChanges = page.getByTestId('pending-changes');
    this.pendingPhotos = page.getByTestId('pending-photos');
    this.lastSuccess = page.getByRole('row', { name: /Last successful sync/ }).locator('td');
    this.lastError = page.getByRole('row', { name: /Last error/ }).locator('td');
  }

  async waitForScreen(): Promise<void> {
    await this.syncNowButton.waitFor();
  }

  /** What waits to upload, as a person reads it once the screen has counted it. */
  async pendingCounts(): Promise<{ changes: number; photos: number }> {
    await this.page.waitForFunction(() =>
      ['pending-changes', 'pending-photos'].every((id) =>
        /^\d+$/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? ''),
      ),
    );
    return {
      changes: Number(await this.pendingChanges.innerText()),
      photos: Number(await this.pendingPhotos.innerText()),
    };
  }

  /** Presses "Sync now" once it can be pressed (a sync that started on its own may be running). */
  async syncNow(): Promise<void> {
    await this.page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some(
        (b) => b.textContent?.trim() === 'Sync now' && !b.disabled,
      ),
    );
    await this.syncNowButton.click();
  }

  /** Waits until a sync has finished with nothing left to upload, and says how it ended. */
  async waitUntilSynced(): Promise<{ pending: string; photos: string; error: string }> {
    await this.page.waitForFunction(() => {
      const text = (id: string) =>
        document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Sync now',
      );
      return text('pending-changes') === '0' && text('pending-photos') === '0' && !button?.disabled;
    });
    return {
      pending: await this.pendingChanges.innerText(),
      photos: await this.pendingPhotos.innerText(),
      error: await this.lastError.innerText(),
    };
  }
}
