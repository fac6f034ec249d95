import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { DeadlineBoard } from '../../../../../renderer/src/features/deadlines/DeadlineBoard';
import { makeEnterprise, makeFinding, makeInspection } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.classList.contains('ant-table-row'));
}
const titles = () => bodyRows().map((row) => row.querySelector('td')?.textContent ?? '');

// Deadlines far in the past or future, so the statuses do not change with the clock.
async function seed() {
  const plant = makeEnterprise({ name: 'Mingda Dyes' });
  const inspection = makeInspection({ enterpriseId: plant.id });
  const hazard = (title: string, extra: Parameters<typeof makeFinding>[0]) =>
    makeFinding({ title, enterpriseId: plant.id, inspectionId: inspection.id, ...extra });
  await profile.db.enterprises.put(plant);
  await profile.db.inspections.put(inspection);
  await profile.db.findings.bulkPut([
    hazard('Open valve', { deadline: '2099-01-01', category: 'electrical' }),
    hazard('Closed hose', { deadline: '1999-01-01', status: 'closed' }),
    hazard('Late tank', { deadline: '2001-01-01', grade: 'major' }),
    hazard('Later tank', { deadline: '2002-01-01' }),
    hazard('Awaiting check', { deadline: '2000-06-01', status: 'rectified' }),
  ]);
}

async function seedAndRender() {
  await seed();
  renderSignedIn(
    <MemoryRouter>
      <DeadlineBoard />
    </MemoryRouter>,
    profile,
  );
}

// antd in jsdom is slow on a busy machine: a generous per-test timeout, no timed assertions.
describe('DeadlineBoard', { timeout: 90_000 }, () => {
  it('lists overdue hazards first, marked, with days overdue and counts per status', async () => {
    await seedAndRender();
    expect(await screen.findByText('5 hazards')).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(5));
    expect(titles()).toEqual([
      'Late tankListed supervision',
      'Later tank',
      'Open valve',
      'Awaiting check',
      'Closed hose',
    ]);
    const first = bodyRows()[0]!;
    expect(within(first).getByText('Overdue')).toBeTruthy();
    expect(within(first).getByText(/days overdue$/)).toBeTruthy();
    const tabs = screen.getByRole('group', { name: 'Hazards by status' });
    for (const label of [
      'All (5)',
      'Overdue (2)',
      'Open (1)',
      'Rectified, awaiting re-inspection (1)',
      'Closed (1)',
    ]) {
      expect(within(tabs).getByText(label)).toBeTruthy();
    }
  });

  it('narrows the rows by status tab and by category, keeping the counts of the other filters', async () => {
    await seedAndRender();
    await userEvent.click(await screen.findByText('Overdue (2)'));
    await waitFor(() => expect(titles()).toEqual(['Late tankListed supervision', 'Later tank']));

    await userEvent.click(screen.getByText('All (5)'));
    await userEvent.click(screen.getByRole('combobox', { name: 'Category' }));
    const option = await screen.findByTitle('Electrical');
    await userEvent.click(option);
    await waitFor(() => expect(titles()).toEqual(['Open valve']));
    expect(screen.getByText('Overdue (0)')).toBeTruthy();
    expect(screen.getByText('All (1)')).toBeTruthy();
  });
});
