import type { Locator, Page } from 'playwright-core';

/** A printable document on the print route (#/print/inspections/:id/:document). */
export class PrintPage {
  readonly sheet: Locator;

  constructor(readonly page: Page) {
    this.sheet = page.locator('[data-print-ready="true"]');
  }

  /** Waits until the document, its photos and signatures are loaded and decoded. */
  async waitUntilReady(): Promise<void> {
    await this.sheet.waitFor();
  }

  async title(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  /**
   * The PDF of the page. Electron prints with printToPDF and browser mode with window.print(),
   * which headless Chromium cannot drive; page.pdf() renders the same page through the same
   * print style sheet (A4, print media), so it stands in for printing here.
   */
  async pdf(): Promise<Buffer> {
    await this.page.emulateMedia({ media: 'print' });
    return this.page.pdf({ preferCSSPageSize: true, printBackground: false });
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back' }).click();
  }
}
