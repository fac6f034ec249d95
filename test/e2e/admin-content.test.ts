// Issue 16, end to end, on a server started as a new bureau starts one (no demo data, `admin init`
// first): the administrator imports a registry of 300 enterprises whose 7 bad rows are each
// reported while nothing is written, imports the fixed file, copies the built-in twenty criteria,
// edits and publishes them; an inspector inspects with that checklist offline while version 2 is
// published, syncs, and the inspection keeps version 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetCell } from '../../domain/rules/sheet-columns';
import { enterpriseSchema } from '../../domain/schemas/enterprise';
import type { Enterprise } from '../../domain/schemas/enterprise';
import { inspectionSchema } from '../../domain/schemas/inspection';
import type { Inspection } from '../../domain/schemas/inspection';
import { templateSchema } from '../../domain/schemas/template';
import type { ChecklistTemplate } from '../../domain/schemas/template';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { badCheckCode, creditCode, row, xlsxBytes } from '../support/enterprise-sheets';
import { api, startBareServer } from './fixtures/bare-hq';
import type { BareServer } from './fixtures/bare-hq';
import { launchBrowser, newContext } from './fixtures/browser';
import { goOffline, startInspection, syncFromScreen } from './fixtures/session';
import { AdminImportPage } from './page-models/AdminImportPage';
import { AdminTemplatesPage } from './page-models/AdminTemplatesPage';
import { AppShell } from './page-models/AppShell';
import { EnterprisesPage } from './page-models/EnterprisesPage';
import { SignInPage } from './page-models/SignInPage';

const ADMIN_PASSWORD = 'admin-e2e-2026';
const PASSWORD = 'inspect-e2e-2026';
const DAOXU = '330604102';
const SETUP = {
  district: { name: '绍兴市上虞区', code: '330604' },
  towns: [
    { code: '330604001', name: '百官街道', kind: 'subdistrict' },
    { code: DAOXU, name: '道墟街道', kind: 'subdistrict' },
  ],
  agencies: [{ name: '上虞区应急管理局', shortName: '上虞应急', kind: 'safety' }],
  admin: { username: 'admin', displayName: '系统管理员', agency: '上虞应急' },
};
const BUILT_IN = '重大隐患判定 (20 项)';
const OWN = '本局重大隐患检查表';
const EXISTING = '上虞既有化工有限公司';

const nameOf = (n: number) => `上虞试验化工${n}有限公司`;
/** The registry of 300, with the 7 bad rows the first file has (by index) and their fixes. */
function registry(bad: boolean): SheetCell[][] {
  return Array.from({ length: 300 }, (_, n) => {
    const cells: Record<string, SheetCell> = {
      统一社会信用代码: creditCode(n),
      企业名称: nameOf(n),
    };
    if (n === 200) cells.企业名称 = EXISTING;
    if (bad) {
      if (n === 10) cells.统一社会信用代码 = badCheckCode(10);
      if (n === 50) cells['所属乡镇/街道'] = '火星镇';
      if (n === 100) cells.危险化学品 = '液氨（7664-41-8，20吨）';
      if (n === 151) cells.统一社会信用代码 = creditCode(150);
      if (n === 200) cells.企业名称 = nameOf(200);
      if (n === 250) cells.整治提升类别 = '升级改造';
    }
    return row(cells);
  });
}
/** Row numbers in the file: the heading is row 1. */
const BAD_ROWS = [10, 50, 100, 150, 151, 200, 250].map((n) => n + 2);

async function pulled(baseUrl: string, token: string) {
  const out = {
    enterprises: [] as Enterprise[],
    templates: [] as ChecklistTemplate[],
    inspections: [] as Inspection[],
  };
  let cursor = '';
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    const page = pullResponseSchema.parse(await api(baseUrl, token, 'GET', `/sync/pull?${query}`));
    for (const c of page.changes) {
      if (!c.data || c.data.deletedAt) continue;
      if (c.entity === 'enterprise') out.enterprises.push(enterpriseSchema.parse(c.data));
      if (c.entity === 'template') out.templates.push(templateSchema.parse(c.data));
      if (c.entity === 'inspection') out.inspections.push(inspectionSchema.parse(c.data));
    }
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
): Promise<Page> {
  const context = await newContext(browser, baseUrl, 'en-US');
  await context.grantPermissions(['geolocation'], { origin: baseUrl });
  await context.setGeolocation({ latitude: 30.05, longitude: 120.81, accuracy: 15 });
  const page = await context.newPage();
  const form = new SignInPage(page);
  await form.open();
  await form.signIn(username, password);
  await page.getByRole('menu').waitFor({ timeout: 120_000 });
  return page;
}

let server: BareServer;
let browser: Browser;
let dir: string;
let adminToken: string;
let started = 0;

beforeAll(async () => {
  started = performance.now();
  server = await startBareServer(SETUP, ADMIN_PASSWORD);
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'fi-e2e-sheets-'));
  const login = (username: string, password: string) =>
    api<{ token: string }>(server.baseUrl, null, 'POST', '/auth/login', {
      username,
      password,
      deviceName: 'e2e setup',
    });
  adminToken = (await login('admin', ADMIN_PASSWORD)).token;
  const { agencies } = await api<{ agencies: { id: string }[] }>(
    server.baseUrl,
    adminToken,
    'GET',
    '/admin/agencies',
  );
  // Two inspectors of the bureau for 道墟街道, who change their first passwords.
  for (const [username, displayName, no] of [
    ['inspector.a', '李明', 'ZJ-2026-0001'],
    ['inspector.b', '赵强', 'ZJ-2026-0002'],
  ] as const) {
    await api(server.baseUrl, adminToken, 'POST', '/admin/users', {
      username,
      displayName,
      role: 'inspector',
      agencyId: agencies[0]?.id,
      jurisdiction: [DAOXU],
      certificateNo: no,
      certificateExpiresOn: '2028-12-31',
      password: 'first-password-1',
    });
    const { token } = await login(username, 'first-password-1');
    await api(server.baseUrl, token, 'POST', '/auth/change-password', {
      currentPassword: 'first-password-1',
      newPassword: PASSWORD,
    });
  }
  // An enterprise already registered under the code that row 202 of the first file gives another.
  await api(server.baseUrl, adminToken, 'POST', '/admin/enterprises', {
    name: EXISTING,
    creditCode: creditCode(200),
    address: '道墟街道工业园 200 号',
    town: DAOXU,
    lat: 30.05,
    lon: 120.81,
    industry: '精细化工',
    contacts: [],
    units: [],
    peopleWithin500m: 10,
    track: 'unassigned',
    trackMilestones: [],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(
    `admin-content e2e: ${((performance.now() - started) / 1000).toFixed(1)} s with its server start`,
  );
});

describe('a bureau without demo data administers its registry and checklists', () => {
  it('imports 300 enterprises after fixing 7 bad rows, publishes its checklist, and an inspection keeps version 1', async () => {
    const badFile = join(dir, '企业名录-有误.xlsx');
    const goodFile = join(dir, '企业名录.xlsx');
    writeFileSync(badFile, await xlsxBytes(registry(true)));
    writeFileSync(goodFile, await xlsxBytes(registry(false)));

    const admin = await signIn(browser, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await new AppShell(admin).goTo('Edit enterprises');
    const importing = new AdminImportPage(admin);
    await importing.open();
    await importing.choose(badFile);
    expect(await importing.badRows()).toEqual(BAD_ROWS);
    const reasons = (await importing.reasons()).join('\n');
    expect(reasons).toMatch(/wrong check character/);
    expect(reasons).toMatch(/“火星镇” is not a town of the district/);
    expect(reasons).toMatch(/CAS number “7664-41-8” of 液氨 has a wrong check digit/);
    expect(reasons).toMatch(/also on row\(s\) 152 of this file/);
    expect(reasons).toMatch(new RegExp(`registered as “${EXISTING}”`));
    expect(reasons).toMatch(/“升级改造” is not one of/);
    expect(await admin.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    expect((await pulled(server.baseUrl, adminToken)).enterprises).toHaveLength(1);

    await importing.choose(goodFile);
    expect(await importing.importConfirmed()).toBe(
      '300 rows: 299 new, 1 changed, 0 unchanged, 0 bad',
    );
    const stored = (await pulled(server.baseUrl, adminToken)).enterprises;
    expect(stored).toHaveLength(300);

    // The bureau's own checklist: a copy of the built-in criteria, renamed, one item's defect worded.
    await new AppShell(admin).goTo('Checklists');
    const templates = new AdminTemplatesPage(admin);
    await templates.copy(BUILT_IN);
    await templates.setTitle(OWN);
    await templates.setItemField('1.1', 'Defect wording', '主要负责人未依法考核合格');
    await templates.waitUntilSaved();
    await templates.publish();
    await expect.poll(() => templates.versions(OWN)).toHaveLength(1);
    const v1 = (await pulled(server.baseUrl, adminToken)).templates.find((t) => t.title === OWN);
    expect(v1).toMatchObject({ edition: 1, builtIn: false });
    expect(v1?.sections[0]?.items[0]?.defectText).toBe('主要负责人未依法考核合格');

    // The inspector syncs, loses the network and inspects with it.
    const inspector = await signIn(browser, server.baseUrl, 'inspector.a', PASSWORD);
    await new EnterprisesPage(inspector).waitForRows();
    await goOffline(inspector);
    const target = stored.find((e) => e.name === nameOf(5))!;
    const checklist = await startInspection(inspector, target, {
      kind: 'Routine',
      templates: [OWN],
      coInspector: '赵强',
    });
    const total = await checklist.itemCount();
    expect(total).toBe(20);
    for (let i = 0; i < total; i++) await checklist.answer(i, 'Pass');

    // Meanwhile the administrator publishes version 2.
    await templates.newVersion(OWN);
    await templates.setItemField('1.2', 'Defect wording', '特种作业人员未持证上岗');
    await templates.waitUntilSaved();
    await templates.publish();
    await expect.poll(() => templates.versions(OWN)).toHaveLength(2);

    await inspector.context().setOffline(false);
    await syncFromScreen(inspector);
    const after = await pulled(server.baseUrl, adminToken);
    const v2 = after.templates.find((t) => t.title === OWN && t.edition === 2);
    expect(v2?.lineageId).toBe(v1?.id);
    const inspection = after.inspections.find((i) => i.enterpriseId === target.id);
    expect(inspection?.templateId).toBe(v1?.id);
    expect(after.templates.find((t) => t.id === v1?.id)?.sections).toEqual(v1?.sections);
    await inspector.context().close();
    await admin.context().close();
  }, 600_000);
});
