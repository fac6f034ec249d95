// Offline, the header says so once, and "Sync now" cannot be pressed: the line beside it says that
// the sync starts by itself when the network is back. Online again, both return.
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppHeader } from '../../../../../renderer/src/app/AppHeader';
import { SyncScreen } from '../../../../../renderer/src/features/sync/SyncScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { renderSignedIn, withTestProfile } from '../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Sync screen and the header offline', { timeout: 30_000 }, () => {
  it('say "Offline" once and offer no sync until the network is back', async () => {
    setOnline(false);
    renderSignedIn(
      <>
        <AppHeader />
        <SyncScreen />
      </>,
      profile,
    );
    const header = screen.getByRole('banner');
    expect(within(header).getAllByText('Offline')).toHaveLength(1);
    const button = await screen.findByRole('button', { name: /Sync now/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(
      screen.getByText('This device is offline. Sync starts by itself when the network is back.'),
    ).toBeTruthy();

    setOnline(true);
    expect(within(header).getByText('Online')).toBeTruthy();
    expect(within(header).queryByText('Offline')).toBeNull();
    expect(
      screen.queryByText('This device is offline. Sync starts by itself when the network is back.'),
    ).toBeNull();
  });
});
