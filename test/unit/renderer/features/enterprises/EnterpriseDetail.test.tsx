import { screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { EnterpriseDetail } from '../../../../../renderer/src/features/enterprises/EnterpriseDetail';
import { makeEnterprise, makeFinding, makeInspection } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { tankFarm, warehouse } from './unit-fixtures';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

function renderAt(path: string) {
  return renderSignedIn(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/enterprises/:id" element={<EnterpriseDetail />} />
        <Route path="/enterprises/:id/inspect" element={<p>start form</p>} />
      </Routes>
    </MemoryRouter>,
    profile,
  );
}

describe('EnterpriseDetail', { timeout: 30_000 }, () => {
  it('shows every unit with its working and the enterprise at its most severe unit', async () => {
    // The units and the working by hand: unit-working.test.ts.
    const enterprise = makeEnterprise({
      name: 'Shangyu Ammonia Chemical',
      peopleWithin500m: 120,
      units: [tankFarm, warehouse],
      contacts: [{ name: 'Wang Fang', title: 'Safety manager', phone: '0575-8200 1234' }],
      trackMilestones: [
        { title: 'Cleaner production', due: '2017-12-31', doneAt: null },
        { title: 'Intelligent equipment', due: '2017-12-31', doneAt: '2017-11-01T08:00:00+08:00' },
      ],
    });
    await profile.db.enterprises.put(enterprise);
    renderAt(`/enterprises/${enterprise.id}`);

    expect(await screen.findByRole('heading', { name: 'Shangyu Ammonia Chemical' })).toBeTruthy();
    expect(
      await screen.findByText(
        'Major hazard source, level 3: the most severe of its units (溶剂库)',
      ),
    ).toBeTruthy();
    const farm = screen.getByRole('region', { name: '液氨罐区 (storage tank farm)' });
    const ammonia = within(farm).getByText('液氨 (7664-41-7)').closest('tr')!;
    expect(
      within(ammonia)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '液氨 (7664-41-7)',
      '20',
      '10',
      'GB 18218-2018 Table 1, entry 1: ammonia',
      '2',
      '2',
      'GB 18218-2018 Table 3, entry 3: ammonia',
      '4',
    ]);
    expect(within(farm).getByText('2 × 4.5 = 9')).toBeTruthy();
    const store = screen.getByRole('region', { name: '溶剂库 (warehouse)' });
    expect(within(store).getByText('1.5 × 15 = 22.5')).toBeTruthy();
    expect(within(store).getByText(/^Major hazard source, level 3 \(/)).toBeTruthy();
    expect(within(store).getByText(/^助剂 B, 5 t: /)).toBeTruthy();
    expect(within(store).getAllByText('GB 18218-2018 / built-in v1')).toHaveLength(1);
    expect(screen.getByText('Wang Fang')).toBeTruthy();
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(screen.getByText('Done')).toBeTruthy();
  });

  it('lists open hazards with days to the deadline, overdue ones negative, and inspections', async () => {
    const enterprise = makeEnterprise({ name: 'Late Works' });
    await profile.db.enterprises.put(enterprise);
    await profile.db.findings.bulkPut([
      makeFinding({ enterpriseId: enterprise.id, title: 'Old leak', deadline: '2020-01-01' }),
      makeFinding({ enterpriseId: enterprise.id, title: 'Done leak', status: 'closed' }),
    ]);
    await profile.db.inspections.put(
      makeInspection({ enterpriseId: enterprise.id, kind: 'joint' }),
    );
    renderAt(`/enterprises/${enterprise.id}`);

    const row = (await screen.findByText('Old leak')).closest('tr')!;
    const days = within(row).getByLabelText(/Overdue by \d+ days/);
    expect(Number(days.textContent)).toBeLessThan(0);
    expect(screen.queryByText('Done leak')).toBeNull();
    expect(screen.getByText('Joint')).toBeTruthy();
  });

  it('starts an inspection from the file', async () => {
    const enterprise = makeEnterprise();
    await profile.db.enterprises.put(enterprise);
    renderAt(`/enterprises/${enterprise.id}`);
    (await screen.findByRole('button', { name: /Start inspection/ })).click();
    expect(await screen.findByText('start form')).toBeTruthy();
  });
});
