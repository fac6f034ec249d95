import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DevicesScreen } from '../../../../../renderer/src/features/administration/devices/DevicesScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { json } from '../../support/fake-hq';
import { adminDevice } from '../../support/admin-fixtures';
import { withTestProfile } from '../../support/render';
import { renderAdmin } from './render-admin';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

describe('the devices screen', { timeout: 60_000 }, () => {
  it('lists each device with its user, contacts and unsent changes, and orders a wipe after saying what it does', async () => {
    let wiped = false;
    const device = adminDevice();
    const requests = renderAdmin(<DevicesScreen />, profile, ({ method }) => {
      if (method === 'POST') {
        wiped = true;
        return new Response(null, { status: 202 });
      }
      return json(200, {
        devices: [
          wiped ? { ...device, wipeOrderedAt: '2026-11-29T02:00:00.000Z' } : device,
          adminDevice({
            deviceId: '0197a000-0000-7000-8000-0000000000f2',
            name: 'Old laptop',
            unsentCount: null,
            unsentReportedAt: null,
            revokedAt: '2026-11-01T00:00:00.000Z',
            sessions: [],
          }),
        ],
      });
    });
    const table = await screen.findByRole('table');
    const row = within(table).getByText('Field Inspector on LAPTOP-7').closest('tr') as HTMLElement;
    expect(within(row).getByText('Li Ming (inspector.li)')).toBeTruthy();
    expect(within(row).getByText(/^3 \(reported /)).toBeTruthy();
    expect(within(row).getByText('Expires soon')).toBeTruthy();
    expect(within(row).getByText('In use')).toBeTruthy();
    const old = within(table).getByText('Old laptop').closest('tr') as HTMLElement;
    expect(within(old).getByText('Not reported')).toBeTruthy();
    expect(within(old).getByText('Revoked')).toBeTruthy();

    const user = userEvent.setup({ delay: null });
    await user.click(
      within(row).getByRole('button', {
        name: 'Order wipe: Field Inspector on LAPTOP-7 (Li Ming)',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'At its next contact the device first sends everything it still holds, then deletes all its data and signs out.',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Order wipe' }));
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual([
        `/api/v1/admin/devices/${device.deviceId}/wipe`,
      ]),
    );
    expect(await screen.findByText('Wipe ordered')).toBeTruthy();
  });

  it('ends one session of a device', async () => {
    const device = adminDevice();
    const requests = renderAdmin(<DevicesScreen />, profile, ({ method }) =>
      method === 'POST' ? new Response(null, { status: 204 }) : json(200, { devices: [device] }),
    );
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Expand row' }));
    await user.click(await screen.findByRole('button', { name: 'End session' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'End session' }));
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual([
        `/api/v1/admin/sessions/${'a'.repeat(32)}/revoke`,
      ]),
    );
  });

  it('says so when no device has signed in, in Chinese', async () => {
    renderAdmin(<DevicesScreen />, profile, () => json(200, { devices: [] }), 'zh-CN');
    expect(await screen.findByText('尚无设备登录。')).toBeTruthy();
  });
});
