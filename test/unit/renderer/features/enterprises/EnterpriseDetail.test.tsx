import { screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { EnterpriseDetail } from '../../../../../renderer/src/features/enterprises/EnterpriseDetail';
import { makeEnterprise, makeFinding, makeInspection } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';

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
  it('shows the GB 18218-2018 working term by term, the level and unknown chemicals', async () => {
    const enterprise = makeEnterprise({
      name: 'Shangyu Ammonia Chemical',
      peopleWithin500m: 120,
      chemicals: [
        { name: 'Liquid ammonia', cas: '7664-41-7', maxQuantityT: 20 },
        { name: 'Methanol', cas: '67-56-1', maxQuantityT: 250 },
        { name: 'Secret blend', cas: '1234-56-7', maxQuantityT: 3 },
      ],
      contacts: [{ name: 'Wang Fang', title: 'Safety manager', phone: '0575-8200 1234' }],
      trackMilestones: [
        { title: 'Cleaner production', due: '2017-12-31', doneAt: null },
        { title: 'Intelligent equipment', due: '2017-12-31', doneAt: '2017-11-01T08:00:00+08:00' },
      ],
    });
    await profile.db.enterprises.put(enterprise);
    renderAt(`/enterprises/${enterprise.id}`);

    expect(await screen.findByRole('heading', { name: 'Shangyu Ammonia Chemical' })).toBeTruthy();
    const ammonia = screen.getByText('Liquid ammonia').closest('tr')!;
    const cells = within(ammonia)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // q, Q, source of Q, q/Q, β, source of β, β·q/Q
    expect(cells.slice(2)).toEqual([
      '20',
      '10',
      'Standard table',
      '2',
      '2',
      'Toxic gas table',
      '4',
    ]);
    const methanol = within(screen.getByText('Methanol').closest('tr')!).getAllByRole('cell');
    expect(methanol.map((c) => c.textContent).slice(2)).toEqual([
      '250',
      '500',
      'Standard table',
      '0.5',
      '1',
      // Methanol is a flammable liquid of category 2: Table 4 row W5.3.
      'By hazard class: W5.3',
      '0.5',
    ]);
    expect(screen.getByText('2.5')).toBeTruthy(); // S
    expect(screen.getByText('2 (100 people or more)')).toBeTruthy(); // α and its band
    expect(screen.getByText('9')).toBeTruthy(); // R = 2 × 4.5
    expect(screen.getByText('Major hazard source, level 4')).toBeTruthy();
    expect(screen.getByText('Secret blend (1234-56-7): 3 t')).toBeTruthy();
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
