import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditScreen } from '../../../../../renderer/src/features/administration/audit/AuditScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { json } from '../../support/fake-hq';
import { adminUser, auditEntry } from '../../support/admin-fixtures';
import { withTestProfile } from '../../support/render';
import { renderAdmin } from './render-admin';

let profile: Profile;
withTestProfile((opened) => (profile = opened));
afterEach(() => {
  vi.unstubAllGlobals();
});

const admin = adminUser({
  id: '0197a000-0000-7000-8000-0000000000e9',
  username: 'admin.zhou',
  displayName: 'Zhou Admin',
  role: 'admin',
  certificateNo: null,
});

describe('the audit log screen', { timeout: 60_000 }, () => {
  it('lists actions with who, when, what and before/after, filters them, and exports them', async () => {
    const saveFile = vi.fn(async () => ({ saved: true, path: '/tmp/audit.xlsx' }));
    vi.stubGlobal('api', { ...window.api, saveFile });
    const requests = renderAdmin(<AuditScreen />, profile, ({ url }) => {
      if (url.pathname === '/api/v1/admin/users') return json(200, { users: [admin] });
      if (url.pathname === '/api/v1/admin/audit.xlsx') {
        return new Response(new Uint8Array([0x50, 0x4b]), { status: 200 });
      }
      return json(200, { entries: [auditEntry()] });
    });
    const table = await screen.findByRole('table');
    expect(within(table).getByText('User deactivated')).toBeTruthy();
    expect(await within(table).findByText('Zhou Admin')).toBeTruthy();
    const user = userEvent.setup({ delay: null });
    await user.click(within(table).getByRole('button', { name: 'Expand row' }));
    expect(await screen.findByText(/"active": false/)).toBeTruthy();

    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByTitle('Device'));
    await user.type(screen.getByLabelText('From'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(
        Object.fromEntries(
          requests.filter((r) => r.url.pathname === '/api/v1/admin/audit').at(-1)?.url
            .searchParams ?? [],
        ),
      ).toEqual({ targetKind: 'device', from: '2026-11-01T00:00:00.000+08:00' }),
    );

    await user.click(screen.getByRole('button', { name: 'Export to Excel' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const exported = requests.find((r) => r.url.pathname === '/api/v1/admin/audit.xlsx');
    expect(exported?.url.searchParams.get('targetKind')).toBe('device');
    expect(await screen.findByText('The audit log was saved')).toBeTruthy();
  });

  it('says when no action matches', async () => {
    renderAdmin(<AuditScreen />, profile, ({ url }) =>
      url.pathname === '/api/v1/admin/users'
        ? json(200, { users: [] })
        : json(200, { entries: [] }),
    );
    expect(await screen.findByText('No administrative actions match.')).toBeTruthy();
  });
});
