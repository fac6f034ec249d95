import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { SessionContext } from '../../../../../renderer/src/session/session-context';
import { SettingsProvider } from '../../../../../renderer/src/app/SettingsProvider';
import { SettingsScreen } from '../../../../../renderer/src/features/settings/SettingsScreen';
import { applySettingsPatch } from '../../../../../domain/platform/contract';
import type { PlatformApi, Settings } from '../../../../../domain/platform/contract';
import { createWebPlatform } from '../../../../../renderer/src/shared/platform/web-platform';
import { signedInSession, withTestProfile } from '../../support/render';
import { errorOf } from '../../support/field-error';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

/**
 * The desktop platform as the renderer sees it: settings kept like main keeps them (through
 * applySettingsPatch), and an editable server address.
 */
function desktopPlatform(initial: Settings): PlatformApi & { saved: () => Settings } {
  const web = createWebPlatform(window.localStorage, { origin: 'http://127.0.0.1:8787' });
  let settings = initial;
  return {
    ...web,
    appInfo: async () => ({ ...(await web.appInfo()), shell: 'electron' }),
    getSettings: async () => settings,
    setSettings: async (patch) => (settings = applySettingsPatch(settings, patch)),
    saved: () => settings,
  };
}

function renderSettings(api: PlatformApi) {
  window.api = api;
  const session = signedInSession(profile);
  render(
    <SettingsProvider api={api}>
      <SessionContext.Provider value={session}>
        <SettingsScreen />
      </SessionContext.Provider>
    </SettingsProvider>,
  );
  return userEvent.setup({ delay: null });
}

const INSECURE =
  'Plain http to another computer is not encrypted. Use an https address, or allow insecure connections.';

// antd's first render in jsdom is slow; these tests click through the whole screen.
describe('SettingsScreen server address', { timeout: 60_000 }, () => {
  let desktop: ReturnType<typeof desktopPlatform>;
  beforeEach(() => {
    desktop = desktopPlatform({
      serverUrl: 'https://hq.example.gov.cn',
      language: 'en',
      allowInsecureHttp: false,
    });
  });

  it('refuses plain http to another computer until insecure connections are allowed, and warns what that risks', async () => {
    const user = renderSettings(desktop);
    const address = await screen.findByLabelText('Server address');
    const allow = screen.getByRole('checkbox', { name: /Allow insecure connections/ });
    expect((allow as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByText('Insecure connections are allowed')).toBeNull();

    await user.clear(address);
    await user.type(address, 'http://10.0.0.5:8787');
    await user.click(screen.getByRole('button', { name: /Save/ }));
    await waitFor(() => expect(errorOf('Server address')).toBe(INSECURE));
    expect(desktop.saved().serverUrl).toBe('https://hq.example.gov.cn');

    await user.click(allow);
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain('Insecure connections are allowed');
    expect(warning.textContent).toContain('your password');
    expect(warning.textContent).toContain('Anyone on the same network');
    await user.click(screen.getByRole('button', { name: /Save/ }));
    await waitFor(() =>
      expect(desktop.saved()).toEqual({
        serverUrl: 'http://10.0.0.5:8787',
        language: 'en',
        allowInsecureHttp: true,
      }),
    );
  });

  it('hides the warning when the permission is turned off again', async () => {
    const user = renderSettings(desktop);
    const allow = await screen.findByRole('checkbox', { name: /Allow insecure connections/ });
    await user.click(allow);
    expect(await screen.findByText('Insecure connections are allowed')).toBeTruthy();
    await user.click(allow);
    await waitFor(() => expect(screen.queryByText('Insecure connections are allowed')).toBeNull());
  });

  it('refuses the 127.0.0.1@evil.example trick even with insecure connections allowed', async () => {
    const user = renderSettings(desktop);
    const address = await screen.findByLabelText('Server address');
    await user.click(screen.getByRole('checkbox', { name: /Allow insecure connections/ }));
    await user.clear(address);
    await user.type(address, 'http://127.0.0.1@evil.example');
    await user.click(screen.getByRole('button', { name: /Save/ }));
    await waitFor(() =>
      expect(errorOf('Server address')).toBe(
        'The address must not contain a user name or password (text before @)',
      ),
    );
    expect(desktop.saved().serverUrl).toBe('https://hq.example.gov.cn');
  });

  it('says it in Chinese too', async () => {
    const chinese = desktopPlatform({
      serverUrl: 'http://10.0.0.5:8787',
      language: 'zh-CN',
      allowInsecureHttp: true,
    });
    renderSettings(chinese);
    expect(await screen.findByRole('checkbox', { name: /允许不安全连接/ })).toHaveProperty(
      'checked',
      true,
    );
    const warning = screen.getByRole('alert');
    expect(warning.textContent).toContain('已允许不安全连接');
    expect(warning.textContent).toContain('明文');
  });

  it('in the browser, keeps the address of the page and changes only the permission', async () => {
    const web = createWebPlatform(window.localStorage, { origin: 'http://10.0.0.5:8787' });
    await web.setSettings({ language: 'en' });
    const user = renderSettings(web);
    const address = await screen.findByLabelText('Server address');
    expect(address.hasAttribute('readonly')).toBe(true);
    expect(
      screen.getByText('In the browser, the app always uses the server it was opened from.'),
    ).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Allow insecure connections/ }));
    await user.click(screen.getByRole('button', { name: /Save/ }));
    await waitFor(async () => expect((await web.getSettings()).allowInsecureHttp).toBe(true));
  });
});
