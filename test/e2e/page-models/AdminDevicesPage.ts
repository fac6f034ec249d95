import type { Locator, Page } from 'playwright-core';

/** Devices and sessions (#/admin/devices): each device's contacts, unsent work, revoke and wipe. */
export class AdminDevicesPage {
  constructor(readonly page: Page) {}

  async waitForScreen(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Devices and sessions' }).waitFor();
  }

  /** The rows of the devices of the user shown as `name (username)`. */
  rowsOf(username: string): Locator {
    return this.page.locator('.ant-table-row').filter({ hasText: `(${username})` });
  }

  /** Orders the wipe of the device in `row`, returning what the confirmation says it does. */
  async orderWipe(row: Locator): Promise<string> {
    await row.getByRole('button', { name: /^Order wipe: / }).click();
    const confirm = this.page.getByRole('dialog').filter({ hasText: /wiped\?/ });
    const consequence = await confirm.locator('.ant-modal-confirm-content').innerText();
    await confirm.getByRole('button', { name: 'Order wipe' }).click();
    await row.getByText('Wipe ordered').waitFor();
    return consequence;
  }
}
