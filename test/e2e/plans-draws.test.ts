// Issue 20, end to end: the administrator records the safety bureau's inspectors' certificate
// expiry (without it no one is on the officer list); the bureau's supervisor writes the year's
// plan, approves it and runs the draw on a seed typed in from a public source; the officer the
// draw sends sees the task offline, inspects from it, submits and syncs; the supervisor then
// finds the plan's progress counting it done, the published results showing the enterprise and
// the outcome, the draw verified from its record, and the printed record holding the seed and the
// hashes.
//
// On the suite's demo server: the plan draws a fifth of the major-risk class (one of the demo's
// four) and asks for no key inspections, so it adds a single task, done by the end, to what the
// other files see.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './fixtures/browser';
import { allEnterprises, login } from './fixtures/hq';
import { pdfText, squeeze } from './fixtures/read-back';
import { drawRecord, serverRecords } from './fixtures/server-records';
import { goOffline, signedIn, syncFromScreen } from './fixtures/session';
import { AdminUsersPage } from './page-models/AdminUsersPage';
import { AppShell } from './page-models/AppShell';
import { ChecklistPage } from './page-models/ChecklistPage';
import { ClosingPanel } from './page-models/ClosingPanel';
import { DrawsPage } from './page-models/DrawsPage';
import { MyTasksPage } from './page-models/MyTasksPage';
import { PlanProgressPage } from './page-models/PlanProgressPage';
import { PlansPage } from './page-models/PlansPage';
import { PrintPage } from './page-models/PrintPage';
import { StartInspectionPage } from './page-models/StartInspectionPage';

const baseUrl = inject('baseUrl');
const MAJOR_TEMPLATE = '重大隐患判定 (20 项)';
/** The safety bureau's two inspectors: a visit of the bureau alone takes both. */
const OFFICERS = [
  { username: 'inspector.li', name: '李明' },
  { username: 'inspector.wang', name: '王磊' },
] as const;
const SEED = {
  value: '2026139 03 08 14 21 27 32 + 11',
  description: '中国福利彩票双色球 第2026139期',
};
const SAFETY_BUREAU = '上虞区应急管理局';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Whole-year draw: a quarter of the major-risk enterprises, no other class. */
const PLAN = {
  title: '年度双随机抽查计划（端到端）',
  keyInspections: [0, 0, 0, 0],
  periodKind: 'Whole year',
  shares: {
    'Whole year': {
      'Major risk': 20,
      'Considerable risk': 0,
      'General risk': 0,
      'Low risk': 0,
    },
  },
} as const;

async function giveCertificatesExpiry(): Promise<void> {
  const page = await signedIn(browser, baseUrl, 'admin');
  await new AppShell(page).goTo('Users');
  const users = new AdminUsersPage(page);
  await users.waitForScreen();
  for (const officer of OFFICERS) await users.setCertificateExpiry(officer.name, '2030-12-31');
  await page.context().close();
}

/** The first drawn enterprise one of the officers has in their towns, and that officer. */
async function visitToMake(names: readonly string[]) {
  const enterprises = await allEnterprises(baseUrl);
  const towns = await Promise.all(
    OFFICERS.map(async (o) => (await login(baseUrl, o.username)).user.jurisdiction),
  );
  for (const name of names) {
    const enterprise = enterprises.find((e) => e.name === name);
    const i = towns.findIndex((t) => enterprise && t.includes(enterprise.town));
    if (enterprise && i >= 0) return { enterprise, goes: OFFICERS[i]! };
  }
  throw new Error(`no safety inspector has a drawn enterprise in their towns: ${names.join()}`);
}

/** Answers every item Pass, has both officers and the representative sign, and submits. */
async function passAndSubmit(page: Page): Promise<void> {
  const checklist = new ChecklistPage(page);
  await checklist.waitForItems();
  const total = await checklist.itemCount();
  for (let i = 0; i < total; i++) await checklist.answer(i, 'Pass');
  await expect.poll(() => checklist.progressText()).toBe(`${total} of ${total} items answered`);
  const closing = new ClosingPanel(page);
  for (const officer of OFFICERS) await closing.signAs(officer.name);
  await closing.nameRepresentative('周强', '安全负责人');
  await closing.signAs('周强');
  await expect.poll(() => closing.missing()).toEqual([]);
  await closing.submitInspection();
}

describe('a plan, its draw, and the drawn visit made offline', () => {
  it('is approved, drawn, inspected from the task, counted, published and verified', async () => {
    await giveCertificatesExpiry();

    // The supervisor writes and approves the plan, and draws its year.
    const supervisor = await signedIn(browser, baseUrl, 'supervisor.safety');
    const shell = new AppShell(supervisor);
    await shell.goTo('Plans & draws');
    const plans = new PlansPage(supervisor);
    await plans.waitForScreen();
    const year = await plans.writeDraft(PLAN);
    await plans.version(year, 1).getByText('Draft', { exact: true }).waitFor();
    await plans.approve(year, 1);
    await plans.openDraws(year, 1);
    const draws = new DrawsPage(supervisor);
    await draws.waitForScreen();
    await draws.runDraw('Whole year', SEED);
    // One visit on the demo district's four major-risk enterprises (more if other files' work
    // has made more of them major), each staffed with both of the bureau's inspectors.
    const visits = await draws.visits();
    expect(visits.length).toBeGreaterThanOrEqual(1);
    for (const v of visits) {
      expect(v.riskClass).toBe('Major risk');
      expect(v.officers.split(', ').sort()).toEqual(OFFICERS.map((o) => o.name).sort());
    }
    expect(await draws.recordCode('Seed')).toBe(SEED.value);
    const resultHash = await draws.recordCode('Result hash');
    expect(resultHash).toMatch(/^[0-9a-f]{64}$/);
    await draws.closeDraw();

    // Both officers are sent; the one whose towns hold the drawn enterprise goes.
    const { enterprise, goes } = await visitToMake(visits.map((v) => v.enterprise));
    const other = OFFICERS.find((o) => o !== goes)!;

    // The inspector signs in (the sync brings the task), loses the network, and inspects.
    const inspector = await signedIn(browser, baseUrl, goes.username);
    await goOffline(inspector);
    await new AppShell(inspector).goTo('My tasks');
    const tasks = new MyTasksPage(inspector);
    await tasks.waitForScreen();
    const [state, name, kind, period, , withWhom] = await tasks.cells(enterprise.name);
    expect({ state, name, kind, period, withWhom }).toEqual({
      state: 'Due',
      name: enterprise.name,
      kind: 'Drawn visit',
      period: `${year}, whole year`,
      withWhom: other.name,
    });
    await tasks.start(enterprise.name);
    const start = new StartInspectionPage(inspector);
    await start.waitForForm();
    await start.chooseTemplates([MAJOR_TEMPLATE]);
    await start.waitForPosition();
    await start.start();
    await passAndSubmit(inspector);
    await inspector.context().setOffline(false);
    expect(await syncFromScreen(inspector)).toEqual({ pending: '0', photos: '0', error: 'None' });

    // The server holds the inspection, linked to the drawn task.
    const held = (await serverRecords(baseUrl)).inspections.filter(
      (i) => i.enterpriseId === enterprise.id && i.taskId !== null && i.taskId !== undefined,
    );
    expect(held).toHaveLength(1);
    expect(held[0]!.status).toBe('submitted');
    await inspector.context().close();

    // The supervisor's plan progress counts it done once their device has synced.
    expect(await syncFromScreen(supervisor)).toEqual({ pending: '0', photos: '0', error: 'None' });
    await shell.goTo('Plan progress');
    const progress = new PlanProgressPage(supervisor);
    await progress.waitForScreen();
    await expect
      .poll(() => progress.summary())
      .toMatch(new RegExp(`^Done 1, due ${visits.length - 1}, overdue 0`));

    // The published results list the enterprise with the outcome.
    await shell.goTo('Plans & draws');
    await plans.waitForScreen();
    await plans.openDraws(year, 1);
    await draws.waitForScreen();
    await draws.openDraw('Whole year');
    await draws.openPublication();
    const print = new PrintPage(supervisor);
    await print.waitUntilReady();
    const row = supervisor.locator('article tbody tr').filter({ hasText: enterprise.name });
    const [, rowName, inspectedOn, agencies, items, outcome] = await row
      .getByRole('cell')
      .allInnerTexts();
    expect({ rowName, agencies, outcome }).toEqual({
      rowName: enterprise.name,
      agencies: SAFETY_BUREAU,
      outcome: '未发现问题',
    });
    expect(inspectedOn).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(items).toContain('重大隐患判定');
    await supervisor.emulateMedia({ media: 'screen' });
    await print.back();

    // Verified from its record, and the printed record holds the seed and the hashes.
    await draws.waitForScreen();
    await draws.openDraw('Whole year');
    expect(await draws.verify()).toBe(
      'Verified: re-running the draw from its record gives the same result.',
    );
    await draws.openRecordPrint();
    await print.waitUntilReady();
    await expect.poll(() => print.sheet.innerText()).toContain(enterprise.name);
    const drawId = /#\/print\/draws\/([^/]+)\/record$/.exec(supervisor.url())?.[1] ?? '';
    const stored = await drawRecord(baseUrl, 'supervisor.safety', decodeURIComponent(drawId));
    const record = pdfText(await print.pdf());
    expect(record).toContain(squeeze(SEED.value));
    expect(record).toContain(squeeze(SEED.description));
    expect(stored.resultHash).toBe(resultHash);
    expect(record).toContain(resultHash);
    // Each input list's hash as the server recorded it before the draw.
    for (const hash of Object.values(stored.inputHashes)) expect(record).toContain(hash);
    await supervisor.context().close();
  }, 120_000);
});
