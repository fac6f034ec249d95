// Sync and review end to end, with two people: an inspector records two inspections with hazards
// and photos while offline, comes online and syncs; the server holds each record once. A
// supervisor approves one and returns the other with a comment; after the inspector's next sync
// the inspections list shows both decisions. An inspector of another jurisdiction sees none of
// it, and the server refuses them the inspector's photos by hash.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './fixtures/browser';
import {
  goOffline,
  inspectWithOneFinding,
  openSync,
  signedIn,
  syncFromScreen,
} from './fixtures/session';
import { allEnterprises, login } from './fixtures/hq';
import { blobStatus, pullEverything, serverRecords } from './fixtures/server-records';
import { AppShell } from './page-models/AppShell';
import { EnterprisesPage } from './page-models/EnterprisesPage';
import { FindingsPage } from './page-models/FindingsPage';
import { InspectionsPage } from './page-models/InspectionsPage';
import { ReviewPage } from './page-models/ReviewPage';

const baseUrl = inject('baseUrl');
/** What each of the inspector's two hazards asks of the enterprise. */
const REPAIR = { requirement: 'Repair it and report in writing', responsiblePerson: 'Zhou Qiang' };
const RETURN_COMMENT = 'Photograph the valve after the repair and name the contractor.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('hazards recorded offline reach the supervisor, and the decisions come back', () => {
  it('syncs once, carries approve and return both ways, and keeps it from another jurisdiction', async () => {
    const li = await login(baseUrl, 'inspector.li');
    const before = await serverRecords(baseUrl);
    const inspected = new Set(before.inspections.map((i) => i.enterpriseId));
    // Enterprises of li's with no inspection yet, so that each screen row is ours; the first
    // by name is left to the offline inspection test.
    const mine = (await allEnterprises(baseUrl))
      .filter((e) => li.user.jurisdiction.includes(e.town))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(1)
      .filter((e) => !inspected.has(e.id));
    const [approveAt, returnAt] = mine;
    if (!approveAt || !returnAt) throw new Error('the demo district needs two uninspected sites');
    const hazards = {
      [approveAt.id]: `Corroded flange on line P-2 (${approveAt.creditCode})`,
      [returnAt.id]: `Eyewash station dry (${returnAt.creditCode})`,
    };

    // The inspector works without network.
    const inspector = await signedIn(browser, baseUrl, 'inspector.li');
    await goOffline(inspector);
    await inspectWithOneFinding(inspector, approveAt, {
      ...REPAIR,
      title: hazards[approveAt.id]!,
      photos: [resolve('test/fixtures/photos/site-1.jpg')],
    });
    await inspectWithOneFinding(inspector, returnAt, {
      ...REPAIR,
      title: hazards[returnAt.id]!,
      photos: [resolve('test/fixtures/photos/site-2.jpg')],
    });
    const inspectorSync = await openSync(inspector);
    // Two inspections, each made and then submitted (the submission goes after its hazards),
    // and two hazards wait: six changes, and their photos and signatures.
    const waiting = await inspectorSync.pendingCounts();
    expect(waiting.changes).toBe(6);
    expect(waiting.photos).toBeGreaterThanOrEqual(2);

    await inspector.context().setOffline(false);
    expect(await syncFromScreen(inspector)).toEqual({ pending: '0', photos: '0', error: 'None' });

    // The server holds each inspection and hazard exactly once, with its photo.
    const afterPush = await serverRecords(baseUrl);
    const ours = (enterpriseId: string) =>
      afterPush.inspections.filter(
        (i) => i.enterpriseId === enterpriseId && i.leadInspectorId === li.user.id,
      );
    for (const enterprise of [approveAt, returnAt]) {
      const [inspection, ...more] = ours(enterprise.id);
      expect(more).toEqual([]);
      expect(inspection).toMatchObject({ status: 'submitted', review: { status: 'pending' } });
      const findings = afterPush.findings.filter((f) => f.title === hazards[enterprise.id]);
      expect(findings.map((f) => f.inspectionId)).toEqual([inspection!.id]);
      expect(findings[0]!.photos).toHaveLength(1);
    }
    const keys = afterPush.changes.map((c) => `${c.entity}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(afterPush.inspections.length).toBe(before.inspections.length + 2);
    expect(afterPush.findings.length).toBe(before.findings.length + 2);
    const photo = afterPush.findings.find((f) => f.title === hazards[approveAt.id])!.photos[0]!;
    expect(await blobStatus(baseUrl, li.token, photo.sha256)).toBe(200);

    // The supervisor decides on both.
    const supervisor = await signedIn(browser, baseUrl, 'supervisor.safety');
    await new AppShell(supervisor).goTo('Review');
    const review = new ReviewPage(supervisor);
    await review.row(returnAt.name).waitFor();
    await review.approve(approveAt.name);
    expect(await review.returnWithComment(returnAt.name, RETURN_COMMENT)).toBe(
      'Say what must be corrected.',
    );
    expect(await syncFromScreen(supervisor)).toEqual({ pending: '0', photos: '0', error: 'None' });
    const decided = await serverRecords(baseUrl);
    const supervisorId = (await login(baseUrl, 'supervisor.safety')).user.id;
    const onServer = (enterpriseId: string) =>
      decided.inspections.find(
        (i) => i.enterpriseId === enterpriseId && i.leadInspectorId === li.user.id,
      );
    expect(onServer(approveAt.id)?.review).toMatchObject({
      status: 'approved',
      reviewerId: supervisorId,
    });
    expect(onServer(returnAt.id)?.review).toMatchObject({
      status: 'returned',
      comment: RETURN_COMMENT,
      reviewerId: supervisorId,
    });

    // The inspector's next sync brings both decisions to the list.
    expect(await syncFromScreen(inspector)).toEqual({ pending: '0', photos: '0', error: 'None' });
    await new AppShell(inspector).goTo('Inspections');
    const list = new InspectionsPage(inspector);
    await list.waitForList();
    await expect.poll(() => list.reviewOf(approveAt.name)).toBe('Approved');
    await expect.poll(() => list.reviewOf(returnAt.name)).toBe(`Returned\n${RETURN_COMMENT}`);

    // Another jurisdiction sees none of it, on screen or from the server, photos included.
    const other = await signedIn(browser, baseUrl, 'inspector.wang');
    const otherEnterprises = new EnterprisesPage(other);
    await otherEnterprises.searchFor(approveAt.creditCode);
    await expect.poll(() => otherEnterprises.rows.count()).toBe(0);
    await new AppShell(other).goTo('Inspections');
    const otherList = new InspectionsPage(other);
    await otherList.waitForList();
    const otherNames = await otherList.enterpriseNames();
    expect(otherNames).not.toContain(approveAt.name);
    expect(otherNames).not.toContain(returnAt.name);
    await new AppShell(other).goTo('Findings');
    const otherFindings = new FindingsPage(other);
    await otherFindings.waitForList();
    const otherTitles = await otherFindings.titles();
    expect(otherTitles).not.toContain(hazards[approveAt.id]);
    expect(otherTitles).not.toContain(hazards[returnAt.id]);
    const wang = await login(baseUrl, 'inspector.wang');
    const wangSees = await pullEverything(baseUrl, wang.token);
    const ourIds = new Set([approveAt.id, returnAt.id]);
    expect(wangSees.inspections.filter((i) => ourIds.has(i.enterpriseId))).toEqual([]);
    expect(wangSees.findings.filter((f) => ourIds.has(f.enterpriseId))).toEqual([]);
    expect(await blobStatus(baseUrl, wang.token, photo.sha256)).toBe(404);

    for (const page of [inspector, supervisor, other]) await page.context().close();
  }, 300_000);
});
