// The enforcement chain end to end (issue 19): an inspection submitted offline prints its
// rectification order with a provisional number, syncs, and reprints with the official one; the
// order is served on a refusal before two witnesses; the enterprise's request for more time is
// recorded and a supervisor grants it, whose decision prints with its number; a major hazard past
// its deadline opens a penalty case, which a supervisor approves and takes through its stages,
// serving the decision on a party who signs for it, each document read back from its PDF with
// its number (the decision with its service receipt); and the register lists every number.
// The overdue hazard is one of the demo district's, seeded by the server with a deadline that
// has passed: time cannot pass inside the test, and the server's clock is its own.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { agencyShortName } from '../../domain/rules/agency-short-name';
import { addDays, todayInChina } from '../../domain/rules/calendar-date';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { Finding } from '../../domain/schemas/finding';
import { launchBrowser } from './fixtures/browser';
import { allEnterprises, login } from './fixtures/hq';
import { pdfText, squeeze } from './fixtures/read-back';
import { serverRecords } from './fixtures/server-records';
import { goOffline, inspectWithOneFinding, signedIn, syncFromScreen } from './fixtures/session';
import { AppShell } from './page-models/AppShell';
import { CasesPage } from './page-models/CasesPage';
import { ClosingPanel } from './page-models/ClosingPanel';
import { DeadlinesPage } from './page-models/DeadlinesPage';
import { InspectionsPage } from './page-models/InspectionsPage';
import { PrintPage } from './page-models/PrintPage';
import { RegisterPage } from './page-models/RegisterPage';
import { ServiceReceiptDialog } from './page-models/ServiceReceiptDialog';

const baseUrl = inject('baseUrl');
const SYNCED = { pending: '0', photos: '0', error: 'None' };
/** The safety bureau's short name, which begins each of its numbers (上虞应急责改〔2026〕…). */
let agency = '';
const official = (code: string) => new RegExp(`${agency}${code}〔\\d{4}〕第\\d{4}号`);

/** 2026-12-14 → 2026年12月14日, as the printed documents write dates. */
function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The official number of `code` a PDF's text carries (one only). */
function numberIn(text: string, code: string): string {
  const found = text.match(new RegExp(official(code).source, 'g')) ?? [];
  expect(new Set(found).size, `${code} numbers in the document`).toBe(1);
  return found[0]!;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The PDF text of the print page shown, once it is ready; the screen media restored after. */
async function printed(page: Page): Promise<string> {
  const print = new PrintPage(page);
  await print.waitUntilReady();
  const text = pdfText(await print.pdf());
  await page.emulateMedia({ media: 'screen' });
  return text;
}

describe('the enforcement chain', () => {
  it('numbers, serves, extends and takes an overdue hazard to a closed penalty case', async () => {
    const li = await login(baseUrl, 'inspector.li');
    const today = todayInChina(new Date());
    const enterprises = await allEnterprises(baseUrl);
    const before = await serverRecords(baseUrl);
    agency = agencyShortName(before.agencies.find((a) => a.id === li.user.agencyId)?.name ?? '');
    expect(agency).not.toBe('');
    const inspected = new Set(before.inspections.map((i) => i.enterpriseId));
    const mine = enterprises
      .filter((e) => li.user.jurisdiction.includes(e.town))
      .sort((a, b) => a.name.localeCompare(b.name));
    // An enterprise of li's nobody has inspected yet, from the end of the list (the other tests
    // take theirs from its start).
    const enterprise = mine.filter((e) => !inspected.has(e.id)).at(-1);
    if (!enterprise) throw new Error('the demo district needs an uninspected site of li’s');
    // A major hazard of li's agency in li's towns, past its deadline and still open, whose
    // title tells it apart on the deadline board.
    const mineIds = new Set(mine.map((e) => e.id));
    const liFindings = before.findings.filter((f) => mineIds.has(f.enterpriseId));
    const overdue = liFindings.find(
      (f: Finding) =>
        f.grade === 'major' &&
        f.status === 'open' &&
        f.deadline < today &&
        before.inspections.some(
          (i) => i.id === f.inspectionId && i.leadInspectorId === li.user.id,
        ) &&
        liFindings.filter((g) => g.title === f.title).length === 1,
    );
    if (!overdue) throw new Error('the demo district needs an overdue major hazard of li’s');
    const overdueAt = enterprises.find((e) => e.id === overdue.enterpriseId) as Enterprise;
    const hazard = `Relief valve of reactor R-3 not tested (${enterprise.creditCode})`;

    // 1. Offline: inspect, submit, and print the order with its provisional number.
    const inspector = await signedIn(browser, baseUrl, 'inspector.li');
    await goOffline(inspector);
    const deadline = await inspectWithOneFinding(inspector, enterprise, {
      title: hazard,
      requirement: 'Test the valve and report in writing',
      responsiblePerson: 'Zhou Qiang',
    });
    const closing = new ClosingPanel(inspector);
    await closing.openDocument('Rectification order');
    const provisional = await printed(inspector);
    expect(provisional).toMatch(/责改〔\d{4}〕临[0-9A-F]{8}号/);
    expect(provisional).not.toMatch(official('责改'));
    await new PrintPage(inspector).back();

    // 2. Online: sync, and the reprint carries the official number.
    await inspector.context().setOffline(false);
    expect(await syncFromScreen(inspector)).toEqual(SYNCED);
    await new AppShell(inspector).goTo('Inspections');
    const inspections = new InspectionsPage(inspector);
    await inspections.waitForList();
    await inspections.open(enterprise.name);
    await closing.openDocument('Rectification order');
    const reprint = await printed(inspector);
    expect(reprint).not.toMatch(/临[0-9A-F]{8}号/);
    const orderNumber = numberIn(reprint, '责改');
    expect(reprint).toContain(squeeze(hazard));

    // 3. The order is served: the representative refuses to sign, two witnesses do.
    const receipt = new ServiceReceiptDialog(inspector);
    await receipt.open();
    await receipt.recordRefusal({
      place: '企业门卫室',
      recipient: { name: '周强', title: '安全负责人' },
      reason: '企业负责人拒绝签收',
      witnesses: [
        { name: '王建国', organisation: '道墟街道办事处' },
        { name: '刘芳', organisation: '杭州湾上虞经济技术开发区管委会' },
      ],
    });
    const served = await printed(inspector);
    for (const text of [
      '送达回证',
      '留置送达',
      '企业负责人拒绝签收',
      '王建国',
      '刘芳',
      orderNumber,
    ]) {
      expect(served).toContain(text);
    }
    await new PrintPage(inspector).back();

    // 4. The enterprise asks for more time; a supervisor grants it and prints the decision.
    const extendedTo = addDays(deadline, 30);
    const board = new DeadlinesPage(inspector);
    await new AppShell(inspector).goTo('Deadlines');
    await board.waitForBoard();
    await board.openDetails(hazard);
    await board.requestExtension(today, '需停产检修后方可校验', extendedTo);
    await board.closeDrawer();
    expect(await syncFromScreen(inspector)).toEqual(SYNCED);

    const supervisor = await signedIn(browser, baseUrl, 'supervisor.safety');
    const supervisorBoard = new DeadlinesPage(supervisor);
    await new AppShell(supervisor).goTo('Deadlines');
    await supervisorBoard.waitForBoard();
    await supervisorBoard.openDetails(hazard);
    await supervisorBoard.grantExtension('同意延期');
    await supervisorBoard.closeDrawer();
    expect(await syncFromScreen(supervisor)).toEqual(SYNCED);
    await new AppShell(supervisor).goTo('Deadlines');
    await supervisorBoard.waitForBoard();
    await supervisorBoard.openDetails(hazard);
    await supervisorBoard.printExtensionDecision();
    const decision = await printed(supervisor);
    const extensionNumber = numberIn(decision, '延期');
    expect(decision).toContain(chineseDate(extendedTo));
    await new PrintPage(supervisor).back();

    // The server holds the receipt and the new deadline.
    const afterExtension = await serverRecords(baseUrl);
    const ours = afterExtension.inspections.find(
      (i) => i.enterpriseId === enterprise.id && i.leadInspectorId === li.user.id,
    );
    expect(ours?.serviceReceipts?.map((r) => [r.document, r.method])).toEqual([['order', 'left']]);
    expect(afterExtension.findings.find((f) => f.title === hazard)?.deadline).toBe(extendedTo);

    // 5. The overdue major hazard: li applies for a case, the supervisor approves it and takes
    // it through its stages.
    const summary = `重大事故隐患逾期未整改：${overdue.title}（${overdueAt.creditCode}）`;
    await new AppShell(inspector).goTo('Deadlines');
    await board.waitForBoard();
    await board.showStatus('Overdue');
    await board.openDetails(overdue.title);
    await board.openPenaltyCase(summary);
    await board.closeDrawer();

    const cases = new CasesPage(supervisor);
    await new AppShell(supervisor).goTo('Penalty cases');
    await cases.waitForList();
    await cases.open(summary);
    expect(await cases.title()).toBe('Case awaiting approval');
    await cases.approve('同意立案');
    const caseNumber = await cases.title();
    expect(caseNumber).toMatch(official('立'));
    // Each note completes the stage the case leaves: the investigation's findings, the party's
    // answer to the notice, the decision, and how it was carried out.
    await cases.moveTo('Notice', '经调查，重大事故隐患逾期未整改属实');
    await cases.moveTo('Decision', '当事人未在期限内申请听证');
    // The decision is served on the party, who signs for it: the receipt goes to the server.
    const decisionNumber = (await cases.documents())[2]?.replace(/^.*?\s(\S+)$/, '$1') ?? '';
    await cases.recordReceipt(decisionNumber);
    await new ServiceReceiptDialog(supervisor).recordSigned('企业办公楼', {
      name: '周强',
      title: '法定代表人',
    });
    await expect.poll(() => cases.documentNote(decisionNumber)).toMatch(/^Served \d{4}-/);
    await cases.moveTo('Execution', '处人民币五万元罚款');
    await cases.moveTo('Closing', '罚款已缴纳');
    expect(await cases.stages()).toEqual([
      'Filing (立案)',
      'Investigation',
      'Notice',
      'Decision',
      'Execution',
      'Closing',
    ]);
    const documents = await cases.documents();
    expect(documents).toHaveLength(3);
    const numbers = documents.map((d) => d.replace(/^.*?\s(\S+)$/, '$1'));
    expect(numbers[0]).toBe(caseNumber);
    expect(numbers[1]).toMatch(official('罚告'));
    expect(numbers[2]).toMatch(official('罚'));

    // Each document printed, read back with its title, party and number.
    const titles = ['立案审批表', '行政处罚告知书', '行政处罚决定书'];
    const contents = ['同意立案', '经调查，重大事故隐患逾期未整改属实', '处人民币五万元罚款'];
    for (const [i, number] of numbers.entries()) {
      if (i > 0) await cases.open(summary);
      await cases.print(number);
      const text = await printed(supervisor);
      expect(text).toContain(titles[i]);
      expect(text).toContain(number);
      expect(text).toContain(squeeze(overdueAt.name));
      expect(text).toContain(contents[i]);
      // The decision prints with its service receipt; the others were not recorded served.
      if (i === 2)
        for (const part of ['送达回证', '直接送达', '周强']) expect(text).toContain(part);
      else expect(text).not.toContain('送达回证');
      await new PrintPage(supervisor).back();
      await cases.waitForList();
    }

    // 6. The register lists every number, each under its enterprise.
    await new AppShell(supervisor).goTo('Register');
    const register = new RegisterPage(supervisor);
    await register.waitForList();
    await register.searchEnterprise(enterprise.creditCode);
    await expect
      .poll(async () => (await register.visibleRows()).map((r) => r.number).sort())
      .toEqual(
        expect.arrayContaining([
          orderNumber,
          extensionNumber,
          expect.stringMatching(official('检记')),
        ]),
      );
    await register.searchEnterprise(overdueAt.creditCode);
    await expect
      .poll(async () => (await register.visibleRows()).map((r) => r.number))
      .toEqual(expect.arrayContaining(numbers));

    for (const page of [inspector, supervisor]) await page.context().close();
  }, 300_000);
});
