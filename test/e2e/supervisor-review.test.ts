// Issue 5, end to end, as the safety bureau's supervisor: works through the review queue (two
// inspections approved together, one returned from its detail page), sees the inspector's
// amendment come back after sync and approves it; then, without network, checks the dashboard's
// burden warning and the work list, records a passed and a failed re-inspection on the deadline
// board and sees the counts move, downloads the board as an Excel workbook and prints the
// re-inspection opinions, reading both back against what the screen showed; back online, one
// sync carries it all to the server.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { awaitsReview } from '../../domain/rules/amendment';
import { addDays, todayInChina } from '../../domain/rules/calendar-date';
import { compareBySubmission, isForReviewer } from '../../domain/rules/review';
import { inspectionBurden } from '../../domain/rules/statistics';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import { launchBrowser } from './fixtures/browser';
import { signedIn, syncFromScreen } from './fixtures/session';
import { allEnterprises, login } from './fixtures/hq';
import { pdfText, readWorkbook, squeeze } from './fixtures/read-back';
import { serverRecords } from './fixtures/server-records';
import { AmendmentDialog } from './page-models/AmendmentDialog';
import { AppShell } from './page-models/AppShell';
import { DeadlinesPage } from './page-models/DeadlinesPage';
import { InspectionsPage } from './page-models/InspectionsPage';
import { PrintPage } from './page-models/PrintPage';
import { ReviewPage } from './page-models/ReviewPage';

const baseUrl = inject('baseUrl');
const RETURN_COMMENT = 'State which valve was replaced and attach the contractor’s report.';
const AMEND_REASON = 'The representative’s title was recorded wrongly; corrected as asked.';
const HAZARD_REASON = 'The hazard’s title named the wrong tank; corrected on review.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** 2026-12-14 → 2026年12月14日, as the printed documents write dates. */
function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
  const found = list.find((r) => r.id === id);
  if (!found) throw new Error(`no record ${id} on the server`);
  return found;
};

describe('the safety supervisor', () => {
  it('reviews the queue, gets an amendment back, re-inspects on the board, exports and prints', async () => {
    const supervisor = await login(baseUrl, 'supervisor.safety');
    const li = await login(baseUrl, 'inspector.li');
    const enterprises = new Map<string, Enterprise>(
      (await allEnterprises(baseUrl)).map((e) => [e.id, e]),
    );
    const nameOf = (i: Pick<Inspection, 'enterpriseId'>) => enterprises.get(i.enterpriseId)!.name;
    const before = await serverRecords(baseUrl);
    const today = todayInChina(new Date());

    // What the queue must hold, oldest first, by the server's own records.
    const waiting = before.inspections
      .filter((i) => awaitsReview(i) && isForReviewer(i, supervisor.user))
      .sort(compareBySubmission);
    const findingsOf = (i: Inspection) => before.findings.filter((f) => f.inspectionId === i.id);
    const unique = (i: Inspection) => waiting.filter((w) => nameOf(w) === nameOf(i)).length === 1;
    const toReturn = waiting.find(
      (i) => i.leadInspectorId === li.user.id && findingsOf(i).length > 0 && unique(i),
    );
    if (!toReturn) throw new Error('the demo district needs a waiting inspection of li’s');
    const toApprove = waiting.filter((i) => i !== toReturn && unique(i)).slice(0, 2);
    expect(toApprove).toHaveLength(2);

    // The queue, oldest first.
    const page = await signedIn(browser, baseUrl, 'supervisor.safety');
    const shell = new AppShell(page);
    const review = new ReviewPage(page);
    await shell.goTo('Review');
    await review.waitForQueue();
    await expect.poll(() => review.enterpriseNames()).toEqual(waiting.map(nameOf));

    // Two approved together; the third returned from its detail page after reading its findings.
    expect(await review.approveTogether(toApprove.map(nameOf))).toContain('2 inspections approved');
    await review.openDetails(nameOf(toReturn));
    expect((await review.findingTitles()).sort()).toEqual(
      findingsOf(toReturn)
        .map((f) => f.title)
        .sort(),
    );
    expect(await review.returnFromDetails(RETURN_COMMENT)).toBe('Say what must be corrected.');
    expect(await syncFromScreen(page)).toEqual({ pending: '0', photos: '0', error: 'None' });

    const decided = await serverRecords(baseUrl);
    for (const i of toApprove) {
      expect(byId(decided.inspections, i.id).review).toMatchObject({
        status: 'approved',
        reviewerId: supervisor.user.id,
      });
    }
    expect(byId(decided.inspections, toReturn.id).review).toMatchObject({
      status: 'returned',
      comment: RETURN_COMMENT,
    });

    // The inspector finds it returned with the comment, and amends it.
    const inspector = await signedIn(browser, baseUrl, 'inspector.li');
    await new AppShell(inspector).goTo('Inspections');
    const inspections = new InspectionsPage(inspector);
    await inspections.waitForList();
    expect(await inspections.showReturned()).toBeGreaterThanOrEqual(1);
    await inspections.open(nameOf(toReturn));
    const amendment = new AmendmentDialog(inspector);
    expect(await amendment.supervisorsComment()).toContain(RETURN_COMMENT);
    await amendment.amendRepresentativeTitle('安全总监', AMEND_REASON);
    // And corrects one of its hazards, which is an amendment too.
    const corrected = findingsOf(toReturn)[0]!;
    const correctedTitle = `${corrected.title}（已更正）`;
    await amendment.amendHazardTitle(corrected.title, correctedTitle, HAZARD_REASON);
    expect(await syncFromScreen(inspector)).toEqual({ pending: '0', photos: '0', error: 'None' });
    const afterAmending = await serverRecords(baseUrl);
    const amended = byId(afterAmending.inspections, toReturn.id);
    expect(amended.review.status).toBe('pending');
    expect(amended.enterpriseRep?.title).toBe('安全总监');
    expect(amended.amendments.map((a) => a.reason)).toEqual(
      expect.arrayContaining([AMEND_REASON, HAZARD_REASON]),
    );
    expect(amended.amendments.find((a) => a.reason === HAZARD_REASON)?.findingId).toBe(
      corrected.id,
    );
    expect(byId(afterAmending.findings, corrected.id).title).toBe(correctedTitle);

    // Back at HQ: after a sync it waits again, resubmitted, with the amendment in its history.
    await syncFromScreen(page);
    await shell.goTo('Review');
    await review.waitForQueue();
    await expect.poll(() => review.row(nameOf(toReturn)).innerText()).toContain('Resubmitted');
    await review.openDetails(nameOf(toReturn));
    const history = await review.history();
    expect(
      history.some((line) => line.includes(`Returned by ${supervisor.user.displayName}`)),
    ).toBe(true);
    expect(history.some((line) => line.includes(`Amended by 李明: ${AMEND_REASON}`))).toBe(true);
    await review.approveFromDetails();

    // The rest is done without network, from what the last sync brought.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.context().setOffline(true);

    // The dashboard and the work list count the synced district: the enterprise visited far more
    // than the others is named with the suggestion to combine the visits, and every milestone of
    // the district is on the work list.
    const everyEnterprise = [...enterprises.values()];
    const burden = inspectionBurden(before.inspections, everyEnterprise, today);
    const overVisited = burden.enterprises.filter((e) => e.overInspected);
    expect(overVisited.length).toBeGreaterThan(0);
    await shell.goTo('Dashboard');
    const warning = page.getByTestId('burden-warning');
    await warning.waitFor();
    for (const e of overVisited) {
      expect(await warning.innerText()).toContain(enterprises.get(e.enterpriseId)!.name);
    }
    expect(await warning.innerText()).toContain('combine the agencies');
    await shell.goTo('Work list');
    await expect
      .poll(() => page.getByTestId('worklist-district-milestones').innerText())
      .toBe(String(everyEnterprise.reduce((n, e) => n + e.trackMilestones.length, 0)));

    // The deadline board: two hazards the enterprises report as rectified, re-inspected.
    // (Hazards whose titles the screens still show as before: not the one corrected above.)
    const titleCount = (title: string) =>
      before.findings.filter((f) => f.title === title && f.id !== corrected.id).length;
    const rectified = before.findings
      .filter((f) => f.status === 'rectified' && titleCount(f.title) === 1)
      .slice(0, 2);
    if (rectified.length < 2) throw new Error('the demo district needs two rectified hazards');
    const [passes, fails] = rectified as [Finding, Finding];
    const newDeadline = addDays(today, 20);

    await shell.goTo('Deadlines');
    const board = new DeadlinesPage(page);
    await board.waitForBoard();
    const countsBefore = await board.counts();
    await board.showStatus('Rectified, awaiting re-inspection');
    const awaiting = await board.visibleRows();
    expect(awaiting.map((r) => r.hazard)).toEqual(
      expect.arrayContaining([passes.title, fails.title]),
    );

    // An enterprise reports an open hazard rectified: it waits for re-inspection.
    const reported = before.findings.find(
      (f) => f.status === 'open' && f.deadline >= today && titleCount(f.title) === 1,
    );
    if (!reported) throw new Error('the demo district needs an open hazard within its deadline');
    await board.showStatus('Open');
    await board.openDetails(reported.title);
    await board.recordRectification(today, 'The enterprise reports the guard rail refitted.');
    await expect.poll(() => board.drawer.innerText()).toContain('Record re-inspection');
    await board.closeDrawer();
    await expect
      .poll(() => board.counts())
      .toEqual({
        ...countsBefore,
        Open: countsBefore.Open - 1,
        'Rectified, awaiting re-inspection': countsBefore['Rectified, awaiting re-inspection'] + 1,
      });
    await board.showStatus('Rectified, awaiting re-inspection');

    await board.openDetails(passes.title);
    // Each with an inspector who came along: a re-inspection takes two officers.
    await board.recordReinspection(
      { passed: true, photos: [resolve('test/fixtures/photos/site-5.jpg')] },
      'Valve replaced, pressure test passed.',
      '李明',
    );
    await expect.poll(() => board.drawer.innerText()).toContain('After rectification');
    await board.closeDrawer();
    await board.openDetails(fails.title);
    await board.recordReinspection(
      { passed: false, newDeadline },
      'Only half of it was done.',
      '李明',
    );
    await board.closeDrawer();

    await expect
      .poll(() => board.counts())
      .toEqual({
        ...countsBefore,
        'Rectified, awaiting re-inspection': countsBefore['Rectified, awaiting re-inspection'] - 1,
        Closed: countsBefore.Closed + 1,
      });

    // Closed hazards: the passed one is there; the workbook holds exactly what the board lists.
    await board.showStatus('Closed');
    const closedRows = await board.visibleRows();
    expect(closedRows.map((r) => r.hazard)).toContain(passes.title);
    const download = await board.exportToExcel();
    expect(download.suggestedFilename()).toBe(`隐患清单-${today}.xlsx`);
    const [sheet] = await readWorkbook(readFileSync(await download.path()));
    if (!sheet) throw new Error('the workbook has no sheet');
    const column = (heading: string) => {
      const at = sheet.header.indexOf(heading);
      expect(at, `column ${heading}`).toBeGreaterThanOrEqual(0);
      return sheet.rows.map((r) => r[at]);
    };
    expect(sheet.rows).toHaveLength((await board.counts()).Closed);
    expect(column('隐患名称').slice(0, closedRows.length)).toEqual(closedRows.map((r) => r.hazard));
    expect(column('企业名称').slice(0, closedRows.length)).toEqual(
      closedRows.map((r) => r.enterprise),
    );
    expect(new Set(column('整改状态'))).toEqual(new Set(['已销号']));
    const deadlines = column('整改期限');
    expect(deadlines.every((d) => d instanceof Date)).toBe(true);
    expect(
      deadlines.slice(0, closedRows.length).map((d) => (d as Date).toISOString().slice(0, 10)),
    ).toEqual(closedRows.map((r) => r.deadline));

    // The re-inspection opinions, printed, say what the board says.
    const print = new PrintPage(page);
    for (const [finding, expected] of [
      [passes, ['已整改销号']],
      [fails, ['未整改到位', chineseDate(newDeadline)]],
    ] as const) {
      await board.waitForBoard();
      await board.showStatus('All');
      await board.openDetails(finding.title);
      await page.getByRole('button', { name: 'Print re-inspection opinion' }).click();
      await print.waitUntilReady();
      expect(await print.title()).toBe('整改复查意见书');
      const text = pdfText(await print.pdf());
      await page.emulateMedia({ media: 'screen' });
      await print.back();
      expect(text).toContain(squeeze(nameOf(finding)));
      expect(text).toContain(squeeze(finding.title));
      for (const words of expected) expect(text).toContain(words);
    }

    // Back online: everything reaches the server with the supervisor's next sync.
    await page.context().setOffline(false);
    expect(await syncFromScreen(page)).toEqual({ pending: '0', photos: '0', error: 'None' });
    const after = await serverRecords(baseUrl);
    expect(byId(after.inspections, toReturn.id).review.status).toBe('approved');
    expect(byId(after.findings, passes.id)).toMatchObject({
      status: 'closed',
      verification: { result: 'passed', verifiedBy: supervisor.user.id },
    });
    // The visit the supervisor recorded offline names the inspector who came, on the server too.
    const visitId = byId(after.findings, passes.id).verification?.inspectionId ?? '';
    expect(byId(after.inspections, visitId)).toMatchObject({
      kind: 'reinspection',
      leadInspectorId: supervisor.user.id,
      coInspectorIds: [li.user.id],
    });
    expect(byId(after.findings, passes.id).verification?.photos).toHaveLength(1);
    expect(byId(after.findings, reported.id)).toMatchObject({
      status: 'rectified',
      rectification: { reportedOn: today },
    });
    expect(byId(after.findings, fails.id)).toMatchObject({
      status: 'open',
      deadline: newDeadline,
      verification: { result: 'failed' },
    });
  });
});
