// Issue 3, end to end: an inspector signs in, loses the network, carries out a joint inspection
// with three hazards and two photos each, reloads while still offline and finds everything, has
// both officers and the enterprise's representative sign, submits, and prints both documents.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './fixtures/browser';
import { allEnterprises, login } from './fixtures/hq';
import { pdfText, squeeze } from './fixtures/read-back';
import {
  SAFETY_TEMPLATE,
  goOffline,
  signAndSubmit,
  signedIn,
  startInspection,
} from './fixtures/session';
import { ClosingPanel } from './page-models/ClosingPanel';
import { FindingDrawer } from './page-models/FindingDrawer';
import { PrintPage } from './page-models/PrintPage';

const baseUrl = inject('baseUrl');
const photo = (n: number) => resolve('test/fixtures/photos', `site-${n}.jpg`);
const ENVIRONMENT_TEMPLATE = '化工企业环境保护检查表';

/** Which items fail (by screen position) and the hazard each one records. */
const HAZARDS = [
  { item: 1, title: 'Leaking valve at tank T-101', photos: [photo(1), photo(2)] },
  { item: 12, title: 'Fire exit blocked in workshop 2', photos: [photo(3), photo(4)] },
  { item: 30, title: 'Waste drums without labels', photos: [photo(5), photo(6)] },
] as const;

/** 2026-12-14 → 2026年12月14日, as the printed documents write dates. */
function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('inspector.li inspects offline', () => {
  it('records a joint inspection without network, keeps it over a reload, signs, submits and prints', async () => {
    const { user } = await login(baseUrl, 'inspector.li');
    const mine = (await allEnterprises(baseUrl))
      .filter((e) => user.jurisdiction.includes(e.town))
      .sort((a, b) => a.name.localeCompare(b.name));
    const enterprise = mine[0]!;

    // Signed in, the device knows where it is (the positioning works without network).
    const page = await signedIn(browser, baseUrl, 'inspector.li');
    // The network goes once the app can open without it.
    await goOffline(page);

    const checklist = await startInspection(page, enterprise, {
      kind: 'Joint',
      templates: [SAFETY_TEMPLATE, ENVIRONMENT_TEMPLATE],
      coInspector: '陈静',
    });
    const total = await checklist.itemCount();
    expect(total).toBeGreaterThan(HAZARDS[HAZARDS.length - 1]!.item);
    const drawer = new FindingDrawer(page);
    const deadlines = new Map<string, string>();
    for (let i = 0; i < total; i++) {
      const hazard = HAZARDS.find((h) => h.item === i);
      if (!hazard) {
        await checklist.answer(i, 'Pass');
        continue;
      }
      // A failed item opens its hazard, filled in from the item.
      await checklist.answer(i, 'Fail');
      await drawer.waitForOpen();
      await drawer.fill({
        title: hazard.title,
        requirement: 'Put it right and report in writing',
        responsiblePerson: 'Zhou Qiang',
      });
      await drawer.addPhotos(hazard.photos);
      deadlines.set(hazard.title, await drawer.deadline());
      await drawer.done();
    }
    await expect.poll(() => checklist.progressText()).toBe(`${total} of ${total} items answered`);

    // A reload with no network: everything is still there, photos included.
    await page.reload();
    await checklist.waitForItems();
    await expect.poll(() => checklist.progressText()).toBe(`${total} of ${total} items answered`);
    for (const hazard of HAZARDS) {
      await checklist.findingButton(hazard.title).click();
      await drawer.waitForOpen();
      expect(await drawer.dialog.getByLabel('Title').inputValue()).toBe(hazard.title);
      await expect.poll(() => drawer.photos.count()).toBe(2);
      expect(await drawer.deadline()).toBe(deadlines.get(hazard.title));
      await drawer.close();
    }

    // Only the signatures and the representative are missing now.
    const closing = new ClosingPanel(page);
    await expect
      .poll(() => closing.missing())
      .toEqual([
        '李明 has not signed',
        '陈静 has not signed',
        "The enterprise's representative has not signed, and no refusal is recorded",
        "The enterprise's representative is not named",
      ]);
    expect(await closing.submit.isDisabled()).toBe(true);
    await signAndSubmit(page);
    // The checklist reads the inspection through its own live query, a moment after the panel.
    await expect.poll(() => page.getByText('This inspection has been submitted').count()).toBe(1);

    // Printing: the on-site record, then the rectification order.
    const print = new PrintPage(page);
    await closing.openDocument('On-site inspection record');
    await print.waitUntilReady();
    expect(await print.title()).toBe('现场检查记录');
    const record = pdfText(await print.pdf());
    expect(record).toContain(squeeze(enterprise.name));
    expect(record).toContain('现场检查记录');
    for (const hazard of HAZARDS) {
      expect(record).toContain(squeeze(hazard.title));
      expect(record).toContain(chineseDate(deadlines.get(hazard.title)!));
    }

    await page.emulateMedia({ media: 'screen' });
    await print.back();
    await closing.openDocument('Rectification order');
    await print.waitUntilReady();
    expect(await print.title()).toBe('责令限期整改指令书');
    const order = pdfText(await print.pdf());
    expect(order).toContain(squeeze(enterprise.name));
    expect(order).toMatch(/责改〔\d{4}〕临[0-9A-F]{8}号/);
    for (const hazard of HAZARDS) {
      expect(order).toContain(squeeze(hazard.title));
      expect(order).toContain(chineseDate(deadlines.get(hazard.title)!));
    }
    await page.context().close();
    // A whole site visit through the interface: forty items, six photos, three signatures.
  }, 240_000);
});
