// Issue 16, end to end, on a server of its own started WITHOUT demo data: `npm run admin -- init`
// sets the district up as README says; the administrator signs in, creates a town, an agency and
// an inspector on the administration screens; the inspector signs in on a second browser context,
// changes the first password, syncs, and starts an inspection offline. Deactivated, the
// inspector's next sync is refused with a clear message and the unsent work stays on the device;
// ordered wiped and reactivated, the device sends its last changes, then holds no data.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUserListAnswerSchema } from '../../domain/schemas/admin-people-views';
import { creditCode } from '../support/enterprise-sheets';
import { startBareServer } from './fixtures/bare-hq';
import type { BareServer } from './fixtures/bare-hq';
import { launchBrowser, newContext } from './fixtures/browser';
import { login, pulledData } from './fixtures/hq';
import { goOffline, openSync } from './fixtures/session';
import { AdminDevicesPage } from './page-models/AdminDevicesPage';
import { AdminDirectoryPage } from './page-models/AdminDirectoryPage';
import { AdminUsersPage } from './page-models/AdminUsersPage';
import { AppShell } from './page-models/AppShell';
import { ChangePasswordPage } from './page-models/ChangePasswordPage';
import { ChecklistPage } from './page-models/ChecklistPage';
import { EnterpriseDetailPage } from './page-models/EnterpriseDetailPage';
import { EnterprisesPage } from './page-models/EnterprisesPage';
import { SignInPage } from './page-models/SignInPage';
import { StartInspectionPage } from './page-models/StartInspectionPage';

const ADMIN_PASSWORD = 'admin-first-run-1';
const BUILT_IN_CHECKLIST = '重大隐患判定 (20 项)';
const TOWN = { code: '330604102', name: '丰惠镇', kind: 'Town' } as const;
const AGENCY = { name: '绍兴市生态环境局上虞分局', shortName: '绍环上虞', kind: 'Ecology' };
const INSPECTOR = {
  username: 'inspector.zhao',
  displayName: '赵磊',
  agency: AGENCY.name,
  town: TOWN.name,
  certificateNo: 'HB-330604-07',
  certificateExpiresOn: '2030-12-31',
  password: 'first-pass-1',
};
const OWN_PASSWORD = 'zhao-own-pass-2';
const ENTERPRISE = {
  name: '丰惠精细化工有限公司',
  creditCode: creditCode(4242),
  address: '丰惠镇工业区 8 号',
  town: TOWN.code,
  lat: 30.01,
  lon: 120.85,
  industry: '精细化工',
  contacts: [{ name: '王明', title: '安全主管', phone: '13800000001' }],
  chemicals: [{ name: '液氨', cas: '7664-41-7', maxQuantityT: 20 }],
  peopleWithin500m: 40,
  track: 'unassigned',
  trackMilestones: [],
};

/** The district file of README's first-run section, with one town and one agency. */
const DISTRICT = {
  district: { name: '绍兴市上虞区', code: '330604' },
  towns: [{ code: '330604001', name: '百官街道', kind: 'subdistrict' }],
  agencies: [{ name: '上虞区应急管理局', shortName: '上虞应急', kind: 'safety' }],
  admin: { username: 'admin', displayName: '系统管理员', agency: '上虞应急' },
};

let hq: BareServer;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  // Built, on the embedded database, no FI_DEMO: set up by `npm run admin -- init` first.
  hq = await startBareServer(DISTRICT, ADMIN_PASSWORD);
  baseUrl = hq.baseUrl;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hq?.stop();
});

/** The inspections the server holds, read as the administrator. */
async function serverInspections(): Promise<Record<string, unknown>[]> {
  const { token } = await login(baseUrl, 'admin', ADMIN_PASSWORD);
  return pulledData(baseUrl, token, 'inspection');
}

/** Whether the screen fits the window: no table or page wider than what shows of it. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('.ant-table-content, main')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}`),
  );
}

async function openAs(username: string, password: string): Promise<Page> {
  const context = await newContext(browser, baseUrl, 'en-US');
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(username, password);
  return page;
}

describe('a new installation brought into use by its administrator', () => {
  it('init → directory and an inspector on the screens → first password → offline work → deactivated, refused, kept → wiped after sending', async () => {
    // The administrator of a fresh installation signs in and sets the directory up.
    const admin = await openAs('admin', ADMIN_PASSWORD);
    const menu = new AppShell(admin);
    await menu.goTo('Agencies & towns');
    const directory = new AdminDirectoryPage(admin);
    await directory.waitForScreen();
    await directory.createTown(TOWN);
    await directory.createAgency(AGENCY);
    await menu.goTo('Users');
    const users = new AdminUsersPage(admin);
    await users.waitForScreen();
    await users.createInspector(INSPECTOR);
    await users.row(INSPECTOR.displayName).getByText('Must change password').waitFor();
    // The smaller of the bureaus' laptops: the list fits without scrolling sideways.
    await admin.setViewportSize({ width: 1280, height: 720 });
    expect(await overflowing(admin)).toEqual([]);

    // An enterprise in the new town (the enterprise screens are tested on their own).
    const { token } = await login(baseUrl, 'admin', ADMIN_PASSWORD);
    const created = await fetch(`${baseUrl}/api/v1/admin/enterprises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(ENTERPRISE),
    });
    expect(created.status, await created.clone().text()).toBe(201);

    // The inspector's first sign-in asks for their own password first, then syncs.
    const inspector = await openAs(INSPECTOR.username, INSPECTOR.password);
    const change = new ChangePasswordPage(inspector);
    await change.waitForForm();
    await change.change(INSPECTOR.password, OWN_PASSWORD);
    const enterprises = new EnterprisesPage(inspector);
    await enterprises.waitForRows();
    expect(await enterprises.names()).toEqual([ENTERPRISE.name]);

    // Offline, an inspection is started and answered: it waits on the device.
    await goOffline(inspector);
    await inspector.getByRole('link', { name: ENTERPRISE.name }).click();
    await new EnterpriseDetailPage(inspector).startInspection();
    const start = new StartInspectionPage(inspector);
    await start.waitForForm();
    await start.chooseKind('Routine');
    await start.chooseTemplates([BUILT_IN_CHECKLIST]);
    await start.enterLocation(30.01, 120.85);
    await start.start();
    const checklist = new ChecklistPage(inspector);
    await checklist.waitForItems();
    await checklist.answer(0, 'Pass');
    await checklist.answer(1, 'Pass');
    const sync = await openSync(inspector);
    const waiting = (await sync.pendingCounts()).changes;
    expect(waiting).toBeGreaterThan(0);

    // Deactivated: the confirmation says what it does; the next sync is refused and says why.
    await users.page.bringToFront();
    const consequence = await users.setActive(INSPECTOR.displayName, false);
    expect(consequence).toContain('work not yet sent stays on their devices');
    await inspector.context().setOffline(false);
    await sync.syncNow();
    await expect
      .poll(() => sync.lastError.innerText(), { timeout: 30_000 })
      .toContain(
        'Sync is refused: an administrator deactivated your account. Your unsent changes are kept on this device',
      );
    expect((await sync.pendingCounts()).changes).toBe(waiting);
    expect(await serverInspections()).toEqual([]);

    // The administrator orders the device wiped, then reactivates the account.
    await menu.goTo('Devices');
    const devices = new AdminDevicesPage(admin);
    await devices.waitForScreen();
    const device = devices.rowsOf(INSPECTOR.username);
    await expect.poll(() => device.count()).toBe(1);
    expect(await overflowing(admin)).toEqual([]);
    const wipe = await devices.orderWipe(device);
    expect(wipe).toBe(
      'At its next contact the device first sends everything it still holds, then deletes all its data and signs out.',
    );
    await menu.goTo('Users');
    await users.waitForScreen();
    await users.setActive(INSPECTOR.displayName, true);

    // The device's next sync sends what it held, then deletes its data and signs out.
    const listed = await fetch(`${baseUrl}/api/v1/admin/users?search=${INSPECTOR.username}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const userId = adminUserListAnswerSchema.parse(await listed.json()).users[0]!.id;
    await sync.syncNow();
    await new SignInPage(inspector).username.waitFor({ timeout: 30_000 });
    const held = await serverInspections();
    expect(held.map((i) => i.leadInspectorId)).toEqual([userId]);
    const databases = await inspector.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    );
    expect(databases).not.toContain(`field-inspector-${userId}`);

    await menu.goTo('Devices');
    await devices.waitForScreen();
    await device.getByText(/^Wiped /).waitFor();
    await admin.context().close();
    await inspector.context().close();
  }, 300_000);
});
