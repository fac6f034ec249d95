// Issue 17 (layouts and accessibility), end to end: the main screens, in Chinese and in English,
// at the two screens of most bureau laptops (1366×768 and 1280×720). Each screen is
// photographed (under test-results/screens, not kept in the repository), measured for content
// that overflows the page or is cut off (fixtures/layout-check.ts), and at 1366×768 scanned with
// axe-core against WCAG 2 A and AA, failing on any serious or critical violation. One browser,
// and the suite's one server; an inspector, a supervisor and an administrator each sign in once.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousAxeProblems } from './fixtures/axe-scan';
import type { AxeProblem } from './fixtures/axe-scan';
import { launchBrowser } from './fixtures/browser';
import { signedIn } from './fixtures/session';
import { layoutProblems } from './fixtures/layout-check';
import type { LayoutProblem } from './fixtures/layout-check';
import { Screens } from './page-models/Screens';
import type { Language, Size } from './page-models/Screens';

const baseUrl = inject('baseUrl');
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
const SIZES: readonly Size[] = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];
/** The size the accessibility scan runs at. */
const SCAN_SIZE = SIZES[0];
const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

interface Finding {
  screen: string;
  language: Language;
  size: string;
  layout: LayoutProblem[];
  axe: AxeProblem[];
}

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Visits each screen at each size in each language: a screenshot, the layout check, and at the
 * scan size the accessibility scan. Answers only the screens with a problem.
 */
async function tour(
  page: Page,
  who: string,
  screens: readonly { name: string; open: (s: Screens) => Promise<void> }[],
): Promise<Finding[]> {
  const found: Finding[] = [];
  const app = new Screens(page);
  for (const language of LANGUAGES) {
    await app.useLanguage(language);
    for (const screen of screens) {
      for (const size of SIZES) {
        await app.resize(size);
        await screen.open(app);
        await app.settle();
        const sizeName = `${size.width}x${size.height}`;
        await page.screenshot({
          path: join(SHOTS, `${who}-${screen.name}-${language}-${sizeName}.png`),
          fullPage: true,
        });
        const layout = await layoutProblems(page);
        const axe = size === SCAN_SIZE ? await seriousAxeProblems(page) : [];
        if (layout.length > 0 || axe.length > 0) {
          found.push({ screen: screen.name, language, size: sizeName, layout, axe });
        }
      }
    }
  }
  return found;
}

describe('the main screens at 1366×768 and 1280×720, in Chinese and English', () => {
  it('sign-in: nothing cut off, nothing serious for axe', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/');
    const found = await tour(page, 'signed-out', [{ name: 'sign-in', open: (s) => s.reload() }]);
    await context.close();
    expect(found).toEqual([]);
  });

  it("an inspector's screens: nothing cut off, nothing serious for axe", async () => {
    const page = await signedIn(browser, baseUrl, 'inspector.li');
    const app = new Screens(page);
    // Records to open are found as a person finds them: the first one a list links to.
    const enterprise = await app.firstLinkFrom('/enterprises', '#/enterprises/');
    const inspection = await app.firstLinkFrom('/inspections', '#/inspections/');
    const found = await tour(page, 'inspector', [
      { name: 'enterprises', open: (s) => s.open('/enterprises') },
      { name: 'enterprise', open: (s) => s.open(enterprise) },
      { name: 'start-inspection', open: (s) => s.open(`${enterprise}/inspect`) },
      { name: 'inspections', open: (s) => s.open('/inspections') },
      { name: 'checklist', open: (s) => s.open(inspection) },
      { name: 'record', open: (s) => s.openPrint(`/print${inspection}/record`) },
      { name: 'findings', open: (s) => s.open('/findings') },
      { name: 'deadlines', open: (s) => s.open('/deadlines') },
      { name: 'worklist', open: (s) => s.open('/worklist') },
      { name: 'dashboard', open: (s) => s.open('/dashboard') },
      { name: 'register', open: (s) => s.open('/register') },
      { name: 'cases', open: (s) => s.open('/cases') },
      { name: 'sync', open: (s) => s.open('/sync') },
      { name: 'settings', open: (s) => s.open('/settings') },
    ]);
    await page.context().close();
    expect(found).toEqual([]);
  }, 600_000);

  it("a supervisor's screens: nothing cut off, nothing serious for axe", async () => {
    const page = await signedIn(browser, baseUrl, 'supervisor.safety');
    const app = new Screens(page);
    // The review detail of a record from the inspections list: the review queue itself may be
    // empty here, once the suite's other tests have decided every pending inspection.
    const inspection = await app.firstLinkFrom('/inspections', '#/inspections/');
    const review = inspection.replace('/inspections/', '/review/');
    const found = await tour(page, 'supervisor', [
      { name: 'review', open: (s) => s.open('/review') },
      { name: 'review-detail', open: (s) => s.open(review) },
      { name: 'conflicts', open: (s) => s.open('/conflicts') },
      { name: 'plans', open: (s) => s.open('/plans') },
      { name: 'tasks', open: (s) => s.open('/tasks') },
      { name: 'plan-progress', open: (s) => s.open('/plan-progress') },
      { name: 'target-list', open: (s) => s.open('/lists/targets') },
      { name: 'officer-list', open: (s) => s.open('/lists/officers') },
      { name: 'declared-conflicts', open: (s) => s.open('/lists/conflicts') },
    ]);
    await page.context().close();
    expect(found).toEqual([]);
  }, 300_000);

  it("an administrator's screens: nothing cut off, nothing serious for axe", async () => {
    const page = await signedIn(browser, baseUrl, 'admin');
    const found = await tour(page, 'admin', [
      { name: 'admin-directory', open: (s) => s.open('/admin/directory') },
      { name: 'admin-users', open: (s) => s.open('/admin/users') },
      { name: 'admin-devices', open: (s) => s.open('/admin/devices') },
      { name: 'admin-audit', open: (s) => s.open('/admin/audit') },
      { name: 'admin-templates', open: (s) => s.open('/admin/templates') },
      { name: 'admin-enterprises', open: (s) => s.open('/admin/enterprises') },
      // The form of the registry's first enterprise, its first unit open with its holdings.
      {
        name: 'admin-enterprise-form',
        open: async (s) => {
          await s.openFirstRowEdit('/admin/enterprises');
          await s.expandFirstSection();
        },
      },
      { name: 'admin-import', open: (s) => s.open('/admin/enterprises/import') },
      { name: 'admin-gb18218', open: (s) => s.open('/admin/gb18218') },
    ]);
    await page.context().close();
    expect(found).toEqual([]);
  }, 300_000);
});
