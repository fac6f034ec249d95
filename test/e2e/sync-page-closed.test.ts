// The page is closed in the middle of a push, after the server applied the batch and before the
// answer reached the page: the hard case, where the device cannot know its changes arrived.
// Reopened in the same browser profile (same IndexedDB), the app resends the same mutation ids,
// the server answers them as duplicates, nothing is stored twice, and the outbox empties.
import { resolve } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Enterprise } from '../../domain/schemas/enterprise';
import { pushRequestSchema, pushResponseSchema } from '../../domain/sync/protocol';
import type { PushRequest, PushResponse } from '../../domain/sync/protocol';
import { launchBrowser } from './fixtures/browser';
import { allEnterprises, login } from './fixtures/hq';
import { serverRecords } from './fixtures/server-records';
import {
  SAFETY_TEMPLATE,
  goOffline,
  openSync,
  signedIn,
  startInspection,
} from './fixtures/session';
import { FindingDrawer } from './page-models/FindingDrawer';
import { SyncPage } from './page-models/SyncPage';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Starts an inspection and fails its first two items, each with a hazard; passes two more. */
async function recordFindings(page: Page, enterprise: Enterprise, titles: readonly string[]) {
  const checklist = await startInspection(page, enterprise, {
    kind: 'Routine',
    templates: [SAFETY_TEMPLATE],
    coInspector: '陈静',
    location: { latitude: 30.0921, longitude: 120.8763 },
  });
  const drawer = new FindingDrawer(page);
  for (const [index, title] of titles.entries()) {
    await checklist.answer(index, 'Fail');
    await drawer.waitForOpen();
    await drawer.fill({ title, requirement: 'Put it right', responsiblePerson: 'Zhou Qiang' });
    if (index === 0) await drawer.addPhotos([resolve('test/fixtures/photos/site-3.jpg')]);
    await drawer.done();
  }
  for (let i = titles.length; i < titles.length + 2; i++) await checklist.answer(i, 'Pass');
}

describe('the page closed in the middle of a push', () => {
  it('after the server applied the batch but the answer was lost, syncs again without duplicates', async () => {
    const li = await login(baseUrl, 'inspector.li');
    const before = await serverRecords(baseUrl);
    const inspected = new Set(before.inspections.map((i) => i.enterpriseId));
    const enterprise = (await allEnterprises(baseUrl))
      .filter((e) => li.user.jurisdiction.includes(e.town) && !inspected.has(e.id))
      .sort((a, b) => b.name.localeCompare(a.name))[0];
    if (!enterprise) throw new Error('the demo district needs an uninspected site');
    const titles = [
      `Gas detector out of calibration (${enterprise.creditCode})`,
      `Hot-work permit missing (${enterprise.creditCode})`,
    ] as const;

    const page = await signedIn(browser, baseUrl, 'inspector.li');
    const context = page.context();
    await goOffline(page);
    await recordFindings(page, enterprise, titles);

    const sync = await openSync(page);
    // One inspection and two hazards wait.
    expect((await sync.pendingCounts()).changes).toBe(3);

    // The first push reaches the server, which applies it; the page closes before it hears back.
    let sent: PushRequest | undefined;
    let lostAnswer: PushResponse | undefined;
    const closed = new Promise<void>((done) => {
      void page.route('**/api/v1/sync/push', async (route) => {
        sent = pushRequestSchema.parse(route.request().postDataJSON());
        const response = await route.fetch();
        lostAnswer = pushResponseSchema.parse(await response.json());
        await page.close();
        done();
      });
    });
    await context.setOffline(false);
    // Coming online starts a sync by itself; "Sync now" is pressed too if it is still idle.
    await Promise.race([closed, sync.syncNow().catch(() => undefined)]);
    await closed;
    expect(page.isClosed()).toBe(true);
    expect(sent?.mutations).toHaveLength(3);
    expect(lostAnswer?.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    // The server has the changes although the device was never told.
    const applied = await serverRecords(baseUrl);
    const ours = applied.inspections.filter((i) => i.enterpriseId === enterprise.id);
    expect(ours).toHaveLength(1);

    // Reopened in the same profile: the same mids go again and come back as duplicates.
    const reopened = await context.newPage();
    const answers: PushResponse[] = [];
    reopened.on('response', (response: Response) => {
      if (response.url().endsWith('/api/v1/sync/push') && response.ok()) {
        void response.json().then((body) => answers.push(pushResponseSchema.parse(body)));
      }
    });
    await reopened.goto('/#/sync');
    const again = new SyncPage(reopened);
    await again.waitForScreen();
    await again.syncNow();
    expect(await again.waitUntilSynced()).toEqual({ pending: '0', photos: '0', error: 'None' });
    await expect.poll(() => answers.length).toBeGreaterThan(0);
    const resent = answers.flatMap((a) => a.results);
    expect(resent.map((r) => [r.mid, r.status])).toEqual(
      sent!.mutations.map((m) => [m.mid, 'duplicate']),
    );

    // Exactly once on the server: one inspection, each hazard once, nothing else new.
    const after = await serverRecords(baseUrl);
    const [inspection, ...more] = after.inspections.filter((i) => i.enterpriseId === enterprise.id);
    expect(more).toEqual([]);
    expect(inspection?.itemResults).toHaveLength(titles.length + 2);
    const findings = after.findings.filter((f) => f.inspectionId === inspection?.id);
    expect(findings.map((f) => f.title).sort()).toEqual([...titles].sort());
    expect(after.inspections.length).toBe(before.inspections.length + 1);
    expect(after.findings.length).toBe(before.findings.length + 2);
    const keys = after.changes.map((c) => `${c.entity}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The server's copy is the one the device had when the page closed, at its first version.
    expect(inspection?.version).toBe(lostAnswer?.results[0]?.version);
    await context.close();
  }, 240_000);
});
