import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/app/profile';
import { EnterpriseList } from '../../../../../renderer/src/features/enterprises/EnterpriseList';
import { makeEnterprise } from '../../support/fixtures';
import { openTestProfile, renderSignedIn } from '../../support/render';

let profile: Profile;
beforeEach(() => {
  profile = openTestProfile();
});
afterEach(async () => {
  cleanup(); // unmount before deleting the database under it
  profile.db.close();
  await profile.db.delete();
});

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.classList.contains('ant-table-row'));
}

describe('EnterpriseList', () => {
  it('shows loading, then the rows from the local database, then the empty state', async () => {
    const dye = makeEnterprise({ name: 'Mingda Dyes', town: '330604004', track: 'shutdown' });
    const coat = makeEnterprise({ name: 'Shangyu Coatings', town: '330604400' });
    await profile.db.enterprises.bulkPut([dye, coat]);

    const { container } = renderSignedIn(<EnterpriseList />, profile);
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();

    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    const first = within(bodyRows()[0]!);
    expect(first.getByText('Mingda Dyes')).toBeTruthy();
    expect(first.getByText(dye.creditCode)).toBeTruthy();
    expect(first.getByText('Daoxu Sub-district')).toBeTruthy();
    expect(first.getByText('Shutdown and elimination')).toBeTruthy();
    expect(screen.getByText('2 enterprises')).toBeTruthy();

    await profile.db.enterprises.clear();
    expect(
      await screen.findByText('No enterprises on this device yet. Sync to download them.'),
    ).toBeTruthy();
    expect(container.querySelector('.ant-table')).toBeNull();
  });

  it('filters by a lower-case credit code and by part of the name', async () => {
    const dye = makeEnterprise({ name: 'Mingda Dyes' });
    const coat = makeEnterprise({ name: 'Shangyu Coatings' });
    await profile.db.enterprises.bulkPut([dye, coat]);
    renderSignedIn(<EnterpriseList />, profile);
    await waitFor(() => expect(bodyRows()).toHaveLength(2));

    const user = userEvent.setup({ delay: null });
    const search = screen.getByPlaceholderText('Search by name or credit code');
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
    renderSignedIn(<EnterpriseList />, profile, 'zh-CN');
    expect(await screen.findByText('道墟街道')).toBeTruthy();
    expect(screen.getByText('兼并重组')).toBeTruthy();
    expect(screen.getByPlaceholderText('按名称或统一社会信用代码搜索')).toBeTruthy();
  });
});
