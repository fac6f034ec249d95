import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { FindingList } from '../../../../../renderer/src/features/findings/FindingList';
import { demoTownRecords, makeEnterprise, makeFinding } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

// Pasted in one go: typing key by key re-renders the table per key, which is slow in jsdom.
async function typeSearch(text: string) {
  await userEvent.click(screen.getByLabelText('Search by hazard, description or enterprise'));
  await userEvent.paste(text);
}

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.classList.contains('ant-table-row'));
}

// Deadlines far in the future, so nothing here turns overdue with the clock.
describe('FindingList', { timeout: 30_000 }, () => {
  it('shows the count of matches and narrows the rows as text is typed', async () => {
    const dyes = makeEnterprise({ name: 'Mingda Dyes' });
    const coat = makeEnterprise({ name: 'Shangyu Coatings' });
    await profile.db.enterprises.bulkPut([dyes, coat]);
    await profile.db.findings.bulkPut([
      makeFinding({ enterpriseId: dyes.id, title: 'Leaking valve', deadline: '2099-01-01' }),
      makeFinding({ enterpriseId: coat.id, title: 'No gas alarm', deadline: '2099-02-01' }),
      makeFinding({ enterpriseId: coat.id, title: 'Old hose', deadline: '2099-03-01' }),
    ]);
    renderSignedIn(<FindingList />, profile);

    expect(await screen.findByText('3 hazards')).toBeTruthy();
    expect(bodyRows()).toHaveLength(3);

    await typeSearch('coatings');
    expect(await screen.findByText('2 hazards')).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(within(bodyRows()[0]!).getByText('No gas alarm')).toBeTruthy();

    await typeSearch(' nothing');
    expect(await screen.findByText('No hazards match these filters.')).toBeTruthy();
    expect(screen.getByText('0 hazards')).toBeTruthy();
  });

  it('offers in its town filter only the towns the user works in', async () => {
    // The test user is an inspector of the development zone alone; the device holds every town.
    await profile.db.towns.bulkPut(demoTownRecords());
    expect(await profile.db.towns.count()).toBeGreaterThan(1);
    renderSignedIn(<FindingList />, profile);
    await userEvent.click(await screen.findByLabelText('Town'));
    // The role=option elements carry codes (antd's accessible list); the visible ones, names.
    await waitFor(() => expect(document.querySelector('.ant-select-item-option')).not.toBeNull());
    const shown = [...document.querySelectorAll('.ant-select-item-option')].map(
      (o) => o.textContent,
    );
    expect(shown).toEqual(['Any town', expect.stringMatching(/zone/i)]);
  });

  it('counts a hazard added while the list is open', async () => {
    await profile.db.findings.put(makeFinding({ title: 'Leaking valve', deadline: '2099-01-01' }));
    renderSignedIn(<FindingList />, profile);
    expect(await screen.findByText('1 hazard')).toBeTruthy();
    await profile.db.findings.put(makeFinding({ title: 'Old hose', deadline: '2099-02-01' }));
    expect(await screen.findByText('2 hazards')).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
  });
});
