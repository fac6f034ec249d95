// An inspector signs in, sees exactly the enterprises of their jurisdiction, finds one by its
// credit code, and still has the list after reloading with the network gone.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './fixtures/browser';
import { allEnterprises, login } from './fixtures/hq';
import { goOffline, signedIn } from './fixtures/session';
import { SignInPage } from './page-models/SignInPage';
import { EnterprisesPage } from './page-models/EnterprisesPage';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('inspector.li in English', () => {
  it('lists only the jurisdiction, searches by credit code, and works offline after a reload', async () => {
    const { user } = await login(baseUrl, 'inspector.li');
    const everything = await allEnterprises(baseUrl);
    const expected = everything.filter((e) => user.jurisdiction.includes(e.town));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everything.length);

    const page = await signedIn(browser, baseUrl, 'inspector.li');
    const enterprises = new EnterprisesPage(page);
    await expect.poll(() => enterprises.names().then((n) => n.length)).toBe(expected.length);
    expect((await enterprises.names()).sort()).toEqual(expected.map((e) => e.name).sort());

    const target = expected[expected.length - 1]!;
    await enterprises.searchFor(target.creditCode.toLowerCase());
    await expect.poll(() => enterprises.names()).toEqual([target.name]);
    await enterprises.searchFor('');

    // The service worker must control the page before the network goes away.
    await goOffline(page);
    await page.reload();
    await enterprises.waitForRows();
    await expect.poll(() => enterprises.names().then((n) => n.length)).toBe(expected.length);
    await page.context().close();
  });

  it('refuses a wrong password with a readable message', async () => {
    const context = await newContext(browser, baseUrl, 'en-US');
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn('inspector.wang', 'not-the-password');
    await expect.poll(() => signIn.alert().innerText()).toMatch(/wrong username or password/i);
    await context.close();
  });
});
