// Issue 17, end to end: a draft started without a co-inspector gets one from its setup panel and
// is submitted, another draft is deleted with a confirmation that says what goes, both reach the
// server by sync, and the printed record's hazard (发现的事故隐患) reads as the defect the failed
// criterion names, not as the criterion's requirement.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  majorHazardCriteria,
  majorHazardDefects,
} from '../../domain/data/major-hazard-criteria-2017';
import { launchBrowser } from './fixtures/browser';
import { allEnterprises, login } from './fixtures/hq';
import { pdfText, squeeze } from './fixtures/read-back';
import { serverRecords } from './fixtures/server-records';
import { signAndSubmit, signedIn, startInspection, syncFromScreen } from './fixtures/session';
import { ClosingPanel } from './page-models/ClosingPanel';
import { DraftSetupPanel } from './page-models/DraftSetupPanel';
import { FindingDrawer } from './page-models/FindingDrawer';
import { InspectionsPage } from './page-models/InspectionsPage';
import { PrintPage } from './page-models/PrintPage';

const baseUrl = inject('baseUrl');

/** The id of the inspection the checklist screen shows (#/inspections/:id). */
const inspectionIdIn = (url: string) => /#\/inspections\/([0-9a-f-]+)/.exec(url)?.[1] ?? '';
const MAJOR_TEMPLATE = '重大隐患判定 (20 项)';
const LOCATION = { latitude: 30.0921, longitude: 120.8763 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("inspector.li's drafts", () => {
  it('completes a draft started alone, deletes another, and prints the hazard as a defect', async () => {
    const { user } = await login(baseUrl, 'inspector.li');
    const mine = (await allEnterprises(baseUrl))
      .filter((e) => user.jurisdiction.includes(e.town))
      .sort((a, b) => a.name.localeCompare(b.name));
    // Others than the offline inspection's (the first), so that the two files never meet.
    const [completed, deleted] = [mine[1]!, mine[2]!];
    const page = await signedIn(browser, baseUrl, 'inspector.li');

    // Started alone: the setup panel says a co-inspector is missing.
    const checklist = await startInspection(page, completed, {
      kind: 'Routine',
      templates: [MAJOR_TEMPLATE],
      location: LOCATION,
    });
    const completedId = inspectionIdIn(page.url());
    const setup = new DraftSetupPanel(page);
    expect(await setup.coInspectors()).toContain('None yet');

    // Criterion 1 fails: its hazard is titled by the criterion's defect wording.
    const drawer = new FindingDrawer(page);
    const total = await checklist.itemCount();
    expect(total).toBe(20);
    await checklist.answer(0, 'Fail');
    await drawer.waitForOpen();
    expect(await drawer.dialog.getByLabel('Title').inputValue()).toBe(majorHazardDefects[0]);
    // The requirement is shown beside the title, never as it.
    await drawer.dialog.getByText(`The item requires: ${majorHazardCriteria[0]}`).waitFor();
    await drawer.dialog
      .getByLabel('Rectification requirement')
      .fill('立即组织考核，合格前不得履职');
    await drawer.dialog.getByLabel('Responsible person').fill('周强');
    await drawer.done();
    for (let i = 1; i < total; i++) await checklist.answer(i, 'Pass');

    // A co-inspector added to the draft; then both officers sign and it is submitted.
    await setup.addCoInspector('陈静');
    await expect.poll(() => setup.coInspectors()).toContain('陈静');
    await signAndSubmit(page);
    await expect.poll(() => page.getByText('This inspection has been submitted').count()).toBe(1);

    // The printed record names the hazard by its defect.
    const closing = new ClosingPanel(page);
    const print = new PrintPage(page);
    await closing.openDocument('On-site inspection record');
    await print.waitUntilReady();
    const record = pdfText(await print.pdf());
    const hazards = record.slice(record.indexOf('发现的事故隐患'));
    expect(hazards).toContain(squeeze(majorHazardDefects[0]!));
    expect(record).not.toContain(squeeze(majorHazardCriteria[0]!));
    await page.emulateMedia({ media: 'screen' });
    await print.back();

    // Another draft, deleted after a confirmation that says what goes with it.
    await startInspection(page, deleted, {
      kind: 'Routine',
      templates: [MAJOR_TEMPLATE],
      location: LOCATION,
    });
    const draftId = inspectionIdIn(page.url());
    await checklist.answer(0, 'Pass');
    await expect.poll(() => checklist.progressText()).toBe('1 of 20 items answered');
    const said = await setup.deleteDraft();
    expect(said).toContain('Deleted with it: answers 1, hazards 0, photos 0');
    const list = new InspectionsPage(page);
    await list.waitForList();
    expect(await list.lists(completedId)).toBe(true);
    expect(await list.lists(draftId)).toBe(false);

    // Both reach the server: the completed one with its co-inspector, the deleted one gone.
    await syncFromScreen(page);
    const chen = (await login(baseUrl, 'inspector.chen')).user;
    const held = await serverRecords(baseUrl);
    const submitted = held.inspections.find((i) => i.id === completedId);
    expect(submitted).toMatchObject({ status: 'submitted', coInspectorIds: [chen.id] });
    const hazard = held.findings.find((f) => f.inspectionId === completedId);
    expect(hazard?.title).toBe(majorHazardDefects[0]);
    // The server took the draft as deleted: the pull names it, and holds no live record of it.
    expect(held.changes).toContainEqual({ entity: 'inspection', id: draftId });
    expect(held.inspections.map((i) => i.id)).not.toContain(draftId);
    await page.context().close();
  }, 240_000);
});
