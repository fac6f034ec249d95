import { screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { agencySchema } from '../../../../../domain/schemas/agency';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { recordReinspection } from '../../../../../renderer/src/db/repositories/rectification';
import {
  PRINT_ROUTE,
  printPath,
} from '../../../../../renderer/src/features/documents/document-kinds';
import { PrintScreen } from '../../../../../renderer/src/features/documents/PrintScreen';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeSession,
  makeUser,
} from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { createWebPlatform } from '../../../../../renderer/src/shared/platform/web-platform';

const AGENCY_ID = '0197a000-0000-7000-8000-0000000000a1';
const officer = makeUser({ displayName: '王强', certificateNo: 'AJ-330604-07' });
const colleague = makeUser({ displayName: '李明', certificateNo: 'AJ-330604-17' });
let profile: Profile;
let inspectionId: string;

withTestProfile(
  (opened) => (profile = opened),
  () => makeSession({ user: officer }),
);
beforeEach(async () => {
  // Browser mode: the print screen asks the platform which shell it runs in.
  window.api = createWebPlatform(window.localStorage, { origin: 'http://127.0.0.1:8787' });
  const { db } = profile;
  const plant = makeEnterprise({ name: '上虞精细化工有限公司' });
  const order = makeInspection({
    enterpriseId: plant.id,
    startedAt: '2026-10-10T09:00:00.000+08:00',
    finishedAt: '2026-10-10T11:00:00.000+08:00',
  });
  inspectionId = order.id;
  await db.users.bulkPut([officer, colleague]);
  await db.enterprises.put(plant);
  await db.inspections.put(order);
  await db.agencies.put(
    agencySchema.parse({
      id: AGENCY_ID,
      version: 1,
      updatedAt: '2026-11-01T08:00:00.000+08:00',
      deletedAt: null,
      createdBy: officer.id,
      name: '上虞区应急管理局',
      kind: 'safety',
    }),
  );
  const hazard = (title: string) =>
    makeFinding({
      title,
      enterpriseId: plant.id,
      inspectionId: order.id,
      status: 'rectified',
      deadline: '2026-11-20',
    });
  const fixed = hazard('储罐区未设置围堰');
  const notFixed = hazard('可燃气体报警器失效');
  await db.findings.bulkPut([fixed, notFixed]);
  const at = () => new Date('2026-11-29T02:00:00Z');
  const photo = { sha256: 'c'.repeat(64), mime: 'image/jpeg' as const, size: 100 };
  await recordReinspection(
    db,
    fixed.id,
    {
      result: 'passed',
      photos: [photo],
      note: '',
      newDeadline: null,
      coInspectorIds: [colleague.id],
    },
    officer,
    at,
  );
  await recordReinspection(
    db,
    notFixed.id,
    {
      result: 'failed',
      photos: [],
      note: '',
      newDeadline: '2026-12-20',
      coInspectorIds: [colleague.id],
    },
    officer,
    at,
  );
});

// antd in jsdom is slow on a busy machine: a generous per-test timeout, no timed assertions.
describe('the rectification re-inspection opinion', { timeout: 90_000 }, () => {
  it('lists each hazard of the order with its deadline, the re-inspection result and officers', async () => {
    renderSignedIn(
      <MemoryRouter initialEntries={[printPath(inspectionId, 'reinspection')]}>
        <Routes>
          <Route path={PRINT_ROUTE} element={<PrintScreen />} />
        </Routes>
      </MemoryRouter>,
      profile,
    );
    const doc = await screen.findByRole('article', { name: '整改复查意见书' });
    const text = doc.textContent ?? '';
    expect(text).toContain('上虞精细化工有限公司：');
    expect(text).toContain('2026年10月10日作出《责令限期整改指令书》');
    const entries = [...doc.querySelectorAll('[data-finding-id]')].map((e) => e.textContent);
    expect(entries).toContainEqual(
      expect.stringMatching(/储罐区未设置围堰.*2026年11月20日前.*2026年11月29日.*已整改销号/),
    );
    expect(entries).toContainEqual(
      expect.stringMatching(
        /可燃气体报警器失效.*2026年11月20日前.*未整改到位，责令于2026年12月20日前整改完毕/,
      ),
    );
    // The officers of the visit: the one who recorded it and the colleague who came.
    expect(text).toContain('王强（AJ-330604-07）');
    expect(text).toContain('李明（AJ-330604-17）');
    expect(text).toMatch(/上虞应急复查〔2026〕临[0-9A-F]{8}号/);
  });
});
