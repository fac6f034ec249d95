import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { EnterpriseList } from '../../../../../renderer/src/features/enterprises/EnterpriseList';
import {
  demoTownRecords,
  makeEnterprise,
  makeFinding,
  makeSession,
  makeUser,
} from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { unitsFromChemicals } from '../../../../../domain/rules/enterprise-units';

/** An inspector of Daoxu and the development zone: the towns of this file's enterprises. */
const inspector = makeUser({ jurisdiction: ['330604004', '330604400'] });
let profile: Profile;
withTestProfile(
  (opened) => (profile = opened),
  () => makeSession({ user: inspector }),
);
// Town names come from the town records the device holds.
beforeEach(() => profile.db.towns.bulkPut(demoTownRecords()));

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.classList.contains('ant-table-row'));
}

describe('EnterpriseList', { timeout: 30_000 }, () => {
  it('shows loading, then the rows from the local database, then the empty state', async () => {
    const dye = makeEnterprise({ name: 'Mingda Dyes', town: '330604004', track: 'shutdown' });
    const coat = makeEnterprise({ name: 'Shangyu Coatings', town: '330604400' });
    await profile.db.enterprises.bulkPut([dye, coat]);

    const { container } = renderSignedIn(
      <MemoryRouter>
        <EnterpriseList />
      </MemoryRouter>,
      profile,
    );
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();

    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    // The town's name arrives with the town records' own live query.
    await waitFor(() =>
      expect(within(bodyRows()[0]!).getByText('Daoxu Sub-district')).toBeTruthy(),
    );
    const first = within(bodyRows()[0]!);
    expect(first.getByText('Mingda Dyes')).toBeTruthy();
    expect(first.getByText(dye.creditCode)).toBeTruthy();
    expect(first.getByText('Shutdown and elimination')).toBeTruthy();
    expect(screen.getByText('2 enterprises')).toBeTruthy();

    await profile.db.enterprises.clear();
    expect(
      await screen.findByText('No enterprises on this device yet. Sync to download them.'),
    ).toBeTruthy();
    expect(container.querySelector('.ant-table')).toBeNull();
  });

  it("lists only the enterprises of the user's towns, not those on the device because the user took part in an inspection there", async () => {
    const own = makeEnterprise({ name: 'Mingda Dyes', town: '330604004' });
    const elsewhere = makeEnterprise({ name: 'Far Chemicals', town: '330604100' });
    await profile.db.enterprises.bulkPut([own, elsewhere]);
    renderSignedIn(
      <MemoryRouter>
        <EnterpriseList />
      </MemoryRouter>,
      profile,
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]!).getByText('Mingda Dyes')).toBeTruthy();
    expect(screen.getByText('1 enterprise')).toBeTruthy();
  });

  it('filters by a lower-case credit code and by part of the name', async () => {
    const dye = makeEnterprise({ name: 'Mingda Dyes' });
    const coat = makeEnterprise({ name: 'Shangyu Coatings' });
    await profile.db.enterprises.bulkPut([dye, coat]);
    renderSignedIn(
      <MemoryRouter>
        <EnterpriseList />
      </MemoryRouter>,
      profile,
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(2));

    const user = userEvent.setup({ delay: null });
    const search = screen.getByPlaceholderText('Search by name or credit code, or address');
    await user.type(search, coat.creditCode.toLowerCase());
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]!).getByText('Shangyu Coatings')).toBeTruthy();
    expect(screen.getByText('1 enterprise')).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'dyes');
    await waitFor(() => expect(within(bodyRows()[0]!).queryByText('Mingda Dyes')).toBeTruthy());
    expect(bodyRows()).toHaveLength(1);
  });

  it('names towns and tracks in Chinese when the language is Chinese', async () => {
    await profile.db.enterprises.put(makeEnterprise({ town: '330604004', track: 'merger' }));
    renderSignedIn(
      <MemoryRouter>
        <EnterpriseList />
      </MemoryRouter>,
      profile,
      'zh-CN',
    );
    expect(await screen.findByText('道墟街道')).toBeTruthy();
    expect(screen.getByText('兼并重组')).toBeTruthy();
    expect(screen.getByPlaceholderText('按名称、统一社会信用代码或地址搜索')).toBeTruthy();
  });

  it('filters by town, track, hazard level and overdue hazards together with the search', async () => {
    const major = makeEnterprise({
      name: 'Ammonia Works',
      town: '330604004',
      track: 'merger',
      units: unitsFromChemicals([{ name: 'Liquid ammonia', cas: '7664-41-7', maxQuantityT: 20 }]),
      peopleWithin500m: 120,
    });
    const late = makeEnterprise({ name: 'Late Coatings', town: '330604400' });
    const plain = makeEnterprise({ name: 'Plain Dyes', town: '330604004', track: 'shutdown' });
    await profile.db.enterprises.bulkPut([major, late, plain]);
    await profile.db.findings.put(
      makeFinding({ enterpriseId: late.id, deadline: '2020-01-01', status: 'open' }),
    );
    renderSignedIn(
      <MemoryRouter>
        <EnterpriseList />
      </MemoryRouter>,
      profile,
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    const user = userEvent.setup({ delay: null });
    const names = () => bodyRows().map((r) => within(r).getByRole('link').textContent);

    await user.click(screen.getByRole('checkbox', { name: 'Has overdue hazards' }));
    await waitFor(() => expect(names()).toEqual(['Late Coatings']));
    await user.click(screen.getByRole('checkbox', { name: 'Has overdue hazards' }));

    await user.click(screen.getByRole('combobox', { name: 'Major hazard source level' }));
    await user.click(await screen.findByTitle('Level 4'));
    await waitFor(() => expect(names()).toEqual(['Ammonia Works']));
    expect(within(bodyRows()[0]!).getByText('Level 4')).toBeTruthy();
  });
});
