import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OfficerListScreen } from '../../../../../renderer/src/features/lists/OfficerListScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeSession, makeUser } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';

describe('the officer list', { timeout: 60_000 }, () => {
  let profile: Profile;
  const me = makeUser({ role: 'supervisor', displayName: 'Sun Liqun' });
  withTestProfile(
    (opened) => (profile = opened),
    () => makeSession({ user: me }),
  );

  it('shows the agency’s inspectors from this device, offline, with who a draw leaves off and why', async () => {
    await profile.db.users.bulkPut([
      me,
      makeUser({ displayName: 'Li Ming', certificateExpiresOn: '2099-12-31', leave: [] }),
      makeUser({
        displayName: 'Wang Lei',
        certificateExpiresOn: '2099-12-31',
        leave: [{ from: '2099-03-01', to: '2099-03-05', note: '年休假' }],
      }),
      makeUser({ displayName: 'Chen Jing', certificateExpiresOn: null }),
    ]);
    renderSignedIn(<OfficerListScreen />, profile, 'en');
    const table = await screen.findByRole('table');
    const row = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    expect(within(row('Li Ming')).getByText('May be drawn')).toBeTruthy();
    expect(within(row('Wang Lei')).getByText('2099-03-01 to 2099-03-05 (年休假)')).toBeTruthy();
    expect(
      within(row('Chen Jing')).getByText('No certificate expiry recorded: not drawn'),
    ).toBeTruthy();
    expect(within(table).queryByText('Sun Liqun')).toBeNull();
  });
});
