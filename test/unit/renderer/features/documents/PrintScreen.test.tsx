import { screen, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { agencySchema } from '../../../../../domain/schemas/agency';
import type { Profile } from '../../../../../renderer/src/session/profile';
import {
  setEnterpriseRep,
  signInspection,
  submitInspection,
} from '../../../../../renderer/src/db/repositories/inspection-signing';
import { applyPulledPage } from '../../../../../renderer/src/db/repositories/synced-records';
import { documentSchema } from '../../../../../domain/schemas/document';
import {
  PRINT_ROUTE,
  printPath,
} from '../../../../../renderer/src/features/documents/document-kinds';
import type { PrintableDocument } from '../../../../../renderer/src/features/documents/document-kinds';
import { PrintScreen } from '../../../../../renderer/src/features/documents/PrintScreen';
import { liMingSession, makeFinding } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { withRecordedObjectUrls } from '../photos/render-with-photo-strings';
import { pngBlob, seedClosing } from '../submission/closing-fixtures';
import { tankFarm, warehouse } from '../enterprises/unit-fixtures';
import { createWebPlatform } from '../../../../../renderer/src/shared/platform/web-platform';
import type { PlatformApi } from '../../../../../domain/platform/contract';

let profile: Profile;
let seeded: Awaited<ReturnType<typeof seedClosing>>;
const AGENCY_ID = '0197a000-0000-7000-8000-0000000000a1';

withTestProfile((opened) => (profile = opened), liMingSession);
withRecordedObjectUrls();
/** Browser mode, or the desktop app (the same platform answering as Electron). */
function usePlatform(shell: 'web' | 'electron') {
  const web = createWebPlatform(window.localStorage, { origin: 'http://127.0.0.1:8787' });
  const api: PlatformApi = {
    ...web,
    appInfo: async () => ({ ...(await web.appInfo()), shell }),
  };
  window.api = api;
}

beforeEach(async () => {
  usePlatform('web');
  seeded = await seedClosing(profile.db, profile.session.user.id);
  await profile.db.agencies.put(
    agencySchema.parse({
      id: AGENCY_ID,
      version: 1,
      updatedAt: '2026-11-01T08:00:00.000+08:00',
      deletedAt: null,
      createdBy: '0197a000-0000-7000-8000-000000000001',
      name: '上虞区应急管理局',
      kind: 'safety',
    }),
  );
  await profile.db.findings.put(
    makeFinding({
      inspectionId: seeded.inspection.id,
      enterpriseId: seeded.enterprise.id,
      title: '储罐区未设置围堰',
      grade: 'major',
      legalBasis: '《危险化学品安全管理条例》第二十条',
      requirement: '按规范设置围堰',
      deadline: '2027-01-28',
    }),
  );
  await signInspection(profile.db, seeded.inspection.id, {
    role: 'lead',
    userId: seeded.lead.id,
    name: 'Li Ming',
    png: pngBlob(1),
  });
});

function renderDocument(document: PrintableDocument) {
  return renderSignedIn(
    <MemoryRouter initialEntries={[printPath(seeded.inspection.id, document)]}>
      <ConfigProvider theme={{ token: { motion: false } }}>
        <Routes>
          <Route path={PRINT_ROUTE} element={<PrintScreen />} />
        </Routes>
      </ConfigProvider>
    </MemoryRouter>,
    profile,
  );
}

// antd's first renders in jsdom are slow on a busy machine.
describe('printed documents', { timeout: 30_000 }, () => {
  it('the on-site record shows the enterprise, every hazard with its deadline, and its number', async () => {
    renderDocument('record');
    const record = await screen.findByRole('article', { name: '现场检查记录' });
    const text = record.textContent ?? '';
    expect(text).toContain('Shangyu Fine Chemicals');
    expect(text).toContain(seeded.enterprise.creditCode);
    expect(text).toContain('Gas alarm missing in store 2');
    expect(text).toContain('2026年12月15日');
    expect(text).toContain('储罐区未设置围堰');
    expect(text).toContain('重大事故隐患');
    expect(text).toContain('2027年1月28日');
    // The enterprise's units with their working (MajorHazardWorking.test.tsx shows it in full).
    expect(
      await within(record).findByRole('region', { name: '重大危险源辨识与分级（GB 18218-2018）' }),
    ).toBeTruthy();
    const suffix = seeded.inspection.id.slice(-8).toUpperCase();
    expect(text).toContain(`上虞应急检记〔2026〕临${suffix}号`);
    // The lead officer's signature is printed from the local blob.
    expect(await within(record).findByRole('img', { name: 'Li Ming' })).toBeTruthy();
    // The app's own buttons follow the interface language.
    expect(screen.getByRole('button', { name: /Print \/ Save as PDF/ })).toBeTruthy();
  });

  /** Signs and submits the seeded draft, as the app does, with the enterprise's units of then. */
  async function submitWithUnits() {
    const { db } = profile;
    const id = seeded.inspection.id;
    await db.enterprises.put({
      ...seeded.enterprise,
      peopleWithin500m: 120,
      units: [tankFarm, warehouse],
    });
    const co = { role: 'co' as const, userId: seeded.co.id, name: 'Wang Fang', png: pngBlob(2) };
    await signInspection(db, id, co);
    await setEnterpriseRep(db, id, { name: '王建国', title: '安全负责人' });
    await signInspection(db, id, {
      role: 'enterprise',
      userId: null,
      name: '王建国',
      png: pngBlob(3),
    });
    const result = await submitInspection(db, id);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    // After the visit the enterprise registers its units anew: the solvent store (level 3) goes.
    await db.enterprises.put({ ...seeded.enterprise, peopleWithin500m: 120, units: [] });
    return result.inspection;
  }

  it('the on-site record grades the units as they stood at submission, not as registered since', async () => {
    const submitted = await submitWithUnits();
    expect(submitted.gradingSnapshot?.level).toBe(3);
    renderDocument('record');
    const section = await screen.findByRole('region', {
      name: '重大危险源辨识与分级（GB 18218-2018）',
    });
    const text = section.textContent ?? '';
    expect(text).toContain('3 级重大危险源：取各单元中最高级别（溶剂库）');
    expect(text).toContain('按检查提交时（');
    expect(within(section).getByRole('heading', { name: '溶剂库（库区）' })).toBeTruthy();
    expect(text).not.toContain('未保存重大危险源分级');
  });

  it('an older record, submitted without its grading, prints today’s units and says so', async () => {
    const submitted = await submitWithUnits();
    const older = { ...submitted };
    delete older.gradingSnapshot;
    await profile.db.inspections.put(older);
    renderDocument('record');
    const section = await screen.findByRole('region', {
      name: '重大危险源辨识与分级（GB 18218-2018）',
    });
    const text = section.textContent ?? '';
    expect(text).toContain('未保存重大危险源分级');
    expect(text).toContain('按打印时登记的单元');
    expect(text).not.toContain('3 级重大危险源');
  });

  it('the rectification order lists each hazard with its deadline under the order number', async () => {
    renderDocument('order');
    const order = await screen.findByRole('article', { name: '责令限期整改指令书' });
    const text = order.textContent ?? '';
    expect(text).toContain('Shangyu Fine Chemicals：');
    // Each hazard's entry carries its own deadline.
    const entries = [...order.querySelectorAll('[data-finding-id]')].map((e) => e.textContent);
    expect(entries).toHaveLength(2);
    expect(entries).toContainEqual(
      expect.stringMatching(/Gas alarm missing in store 2.*2026年12月15日/),
    );
    expect(entries).toContainEqual(
      expect.stringMatching(/储罐区未设置围堰.*重大事故隐患.*2027年1月28日/),
    );
    expect(text).toContain('申请行政复议');
    expect(text).toContain(
      `上虞应急责改〔2026〕临${seeded.inspection.id.slice(-8).toUpperCase()}号`,
    );
  });

  it('prints the official number once the device has pulled it, and the provisional one until then', async () => {
    const number = '上虞应急检记〔2026〕第0007号';
    const record = documentSchema.parse({
      id: '0197a000-0000-7000-8000-0000000000d1',
      version: 40,
      updatedAt: '2026-11-29T09:00:00.000+08:00',
      deletedAt: null,
      createdBy: seeded.lead.id,
      kind: 'record',
      inspectionId: seeded.inspection.id,
      enterpriseId: seeded.enterprise.id,
      agencyId: AGENCY_ID,
      year: 2026,
      sequence: 7,
      number,
      issuedOn: '2026-11-29',
      officerIds: [seeded.lead.id],
    });
    await applyPulledPage(profile.db, [{ entity: 'document', id: record.id, record }], 'c1');
    const view = renderDocument('record');
    const printed = await screen.findByRole('article', { name: '现场检查记录' });
    expect(printed.textContent).toContain(number);
    expect(printed.textContent).not.toContain('临');
    expect(printed.textContent).not.toContain('临时编号');
    view.unmount();
    // The order has no number of its own yet: still provisional, and says so.
    renderDocument('order');
    const order = await screen.findByRole('article', { name: '责令限期整改指令书' });
    expect(order.textContent).toMatch(/上虞应急责改〔2026〕临[0-9A-F]{8}号/);
    expect(order.textContent).toContain('临时编号');
  });

  it('prints the service receipt after the order: a refusal, left with two witnesses who signed', async () => {
    const sha = (c: string) => c.repeat(64);
    await profile.db.inspections.update(seeded.inspection.id, {
      serviceReceipts: [
        {
          id: '0197a000-0000-7000-8000-0000000000f1',
          document: 'order',
          method: 'left',
          servedAt: '2026-11-29T10:30:00.000+08:00',
          place: '企业门卫室',
          servedBy: [seeded.lead.id],
          recipient: { name: '王建国', title: '安全负责人' },
          signature: null,
          refusal: {
            reason: '拒绝签收',
            witnesses: [
              {
                name: '张三',
                organisation: '道墟街道办事处',
                signature: { sha256: sha('a'), mime: 'image/png', size: 10 },
              },
              {
                name: '李四',
                organisation: '村民委员会',
                signature: { sha256: sha('b'), mime: 'image/png', size: 10 },
              },
            ],
          },
        },
      ],
    });
    renderDocument('order');
    const order = await screen.findByRole('article', { name: '责令限期整改指令书' });
    const receipt = within(order).getByRole('region', { name: '送达回证' });
    const text = receipt.textContent ?? '';
    expect(text).toMatch(/责令限期整改指令书（上虞应急责改〔2026〕临[0-9A-F]{8}号）/);
    expect(text).toContain('Shangyu Fine Chemicals');
    expect(text).toContain('留置送达');
    expect(text).toContain('2026年11月29日');
    expect(text).toContain('拒绝签收');
    expect(text).toContain('张三（道墟街道办事处）');
    expect(text).toContain('李四（村民委员会）');
  });

  it('in the browser, says how to keep the document as a PDF, naming the file', async () => {
    renderDocument('record');
    await screen.findByRole('article', { name: '现场检查记录' });
    const hint = await screen.findByText(/choose “Save as PDF” as the destination/);
    expect(hint.textContent).toMatch(
      /The suggested name is 现场检查记录-Shangyu Fine Chemicals-.*\.pdf/,
    );
  });

  it('in the desktop app, which saves the PDF itself, says nothing of the print dialog', async () => {
    usePlatform('electron');
    renderDocument('record');
    await screen.findByRole('article', { name: '现场检查记录' });
    await screen.findByRole('button', { name: /Print \/ Save as PDF/ });
    expect(screen.queryByText(/choose “Save as PDF”/)).toBeNull();
  });
});
