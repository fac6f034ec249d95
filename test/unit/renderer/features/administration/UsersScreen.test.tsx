import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UsersScreen } from '../../../../../renderer/src/features/administration/users/UsersScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { json } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { adminUser, agencyA, townA } from '../../support/admin-fixtures';
import { withTestProfile } from '../../support/render';
import { renderAdmin } from './render-admin';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const expired = adminUser({
  id: '0197a000-0000-7000-8000-0000000000e1',
  displayName: 'Li Ming',
  certificateNo: 'AJ-330604-01',
  certificateExpiresOn: '2020-01-31',
  certificateExpiring: true,
});
const expiring = adminUser({
  id: '0197a000-0000-7000-8000-0000000000e2',
  username: 'inspector.wang',
  displayName: 'Wang Fang',
  certificateNo: 'AJ-330604-02',
  certificateExpiresOn: '2099-12-31',
  certificateExpiring: true,
  mustChangePassword: true,
});

function server(extra: (r: RecordedRequest) => Response | undefined = () => undefined) {
  return (r: RecordedRequest) => {
    const answer = extra(r);
    if (answer) return answer;
    if (r.url.pathname === '/api/v1/admin/towns') {
      return json(200, { district: { name: '上虞区', code: '330604' }, towns: [townA] });
    }
    if (r.url.pathname === '/api/v1/admin/agencies') return json(200, { agencies: [agencyA] });
    return json(200, { users: [expired, expiring] });
  };
}

describe('the users screen', { timeout: 60_000 }, () => {
  it('lists users with their certificate flagged, and searches with the filters given', async () => {
    const requests = renderAdmin(<UsersScreen />, profile, server());
    const table = await screen.findByRole('table');
    const row = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    expect(within(row('Li Ming')).getByText('Expired')).toBeTruthy();
    expect(within(row('Wang Fang')).getByText('Expires soon')).toBeTruthy();
    expect(within(row('Wang Fang')).getByText('Must change password')).toBeTruthy();
    expect(within(row('Li Ming')).getByText('Baiguan')).toBeTruthy();

    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: 'Search users' }), 'wang');
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByTitle('Deactivated'));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(
        Object.fromEntries(
          requests.filter((r) => r.url.pathname === '/api/v1/admin/users').at(-1)?.url
            .searchParams ?? [],
        ),
      ).toEqual({ search: 'wang', active: 'false' }),
    );
  });

  it('deactivates a user only after a confirmation naming the consequence', async () => {
    const requests = renderAdmin(
      <UsersScreen />,
      profile,
      server(({ method, url }) =>
        method === 'POST' && url.pathname.endsWith('/deactivate')
          ? json(200, { active: false })
          : undefined,
      ),
    );
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Deactivate Li Ming?' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/their devices can no longer sync: work not yet sent stays/),
    ).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual([
        `/api/v1/admin/users/${expired.id}/deactivate`,
      ]),
    );
    expect(await screen.findByText('Li Ming is deactivated')).toBeTruthy();
  });

  it('creates a user with a first password, and names a taken username on its field', async () => {
    const requests = renderAdmin(
      <UsersScreen />,
      profile,
      server(({ method }) =>
        method === 'POST'
          ? json(409, {
              error: 'username_taken',
              message: 'A user named "inspector.zhao" already exists.',
              issues: [{ path: 'username', message: 'is taken by another user' }],
            })
          : undefined,
      ),
    );
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Username'), 'inspector.zhao');
    await user.type(within(dialog).getByLabelText('Name'), 'Zhao Lei');
    await user.type(within(dialog).getByLabelText('First password'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    // An inspector needs a certificate, and the first password is too short: nothing is sent.
    expect(await within(dialog).findByText('Inspectors need a certificate number')).toBeTruthy();
    expect(within(dialog).getByText('At least 8 characters')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Law-enforcement certificate'), 'AJ-330604-09');
    await user.clear(within(dialog).getByLabelText('First password'));
    await user.type(within(dialog).getByLabelText('First password'), 'first-pass-1');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This username is taken by another user.',
    );
    expect(requests.filter((r) => r.method === 'POST')[0]?.body).toEqual({
      username: 'inspector.zhao',
      displayName: 'Zhao Lei',
      role: 'inspector',
      agencyId: agencyA.id,
      jurisdiction: [],
      certificateNo: 'AJ-330604-09',
      password: 'first-pass-1',
    });
  });

  it("edits a user's certificate and leave (refusing leave that ends before it starts), and resets a password after checking it", async () => {
    const requests = renderAdmin(
      <UsersScreen />,
      profile,
      server(({ method, url }) => {
        if (method === 'PATCH') return json(200, { user: { ...expired, active: undefined } });
        if (method === 'POST' && url.pathname.endsWith('/reset-password')) {
          return json(200, { revokedSessions: 2 });
        }
        return undefined;
      }),
    );
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Edit Li Ming' }));
    const dialog = await screen.findByRole('dialog');
    const expiry = within(dialog).getByLabelText('Certificate valid until');
    await user.clear(expiry);
    await user.type(expiry, '2031-06-30');
    await user.click(within(dialog).getByRole('button', { name: /Add leave/ }));
    await user.type(within(dialog).getByLabelText('Leave from 1'), '2027-03-10');
    await user.type(within(dialog).getByLabelText('Leave until 1'), '2027-03-01');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('The last day cannot be before the first.'),
    ).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    await user.clear(within(dialog).getByLabelText('Leave until 1'));
    await user.type(within(dialog).getByLabelText('Leave until 1'), '2027-03-12');
    await user.type(within(dialog).getByLabelText('Note 1'), '年休假');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.url.pathname).toBe(`/api/v1/admin/users/${expired.id}`);
    expect(patch?.body).toEqual({
      displayName: 'Li Ming',
      role: 'inspector',
      agencyId: agencyA.id,
      jurisdiction: [townA.code],
      certificateNo: 'AJ-330604-01',
      certificateExpiresOn: '2031-06-30',
      leave: [{ from: '2027-03-10', to: '2027-03-12', note: '年休假' }],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Reset password: Li Ming' }));
    const reset = await screen.findByRole('dialog');
    expect(within(reset).getByText(/Every session of this user ends at once/)).toBeTruthy();
    await user.type(within(reset).getByLabelText('First password'), 'short');
    await user.click(within(reset).getByRole('button', { name: 'Reset password' }));
    expect(await within(reset).findByText('At least 8 characters')).toBeTruthy();
    await user.clear(within(reset).getByLabelText('First password'));
    await user.type(within(reset).getByLabelText('First password'), 'new-first-2');
    await user.click(within(reset).getByRole('button', { name: /Reset password/ }));
    expect(await screen.findByText('Password reset; 2 sessions ended')).toBeTruthy();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.url.pathname, r.body])).toEqual([
      [`/api/v1/admin/users/${expired.id}/reset-password`, { password: 'new-first-2' }],
    ]);
  });
});
