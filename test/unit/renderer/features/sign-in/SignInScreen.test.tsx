import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../../../renderer/src/app/App';
import { databaseName } from '../../../../../renderer/src/db/database';
import type { PlatformApi } from '../../../../../domain/platform/contract';
import { makeEnterprise, makeUser } from '../../../../support/record-fixtures';
import { enterprisePull, fakeFetch, json } from '../../support/fake-hq';
import { openWebPlatform, withWebPlatform } from '../../support/web-platform';
import { errorOf } from '../../support/field-error';

const origin = 'https://hq.test:8787';
let api: PlatformApi;

withWebPlatform(origin, (opened) => (api = opened));

async function renderSignIn() {
  render(<App api={api} />);
  const user = userEvent.setup({ delay: null });
  await screen.findByRole('button', { name: 'Sign in' });
  return user;
}

// antd's first render in jsdom is slow; these tests click through the whole screen.
describe('SignInScreen', { timeout: 30_000 }, () => {
  it('shows its labelled fields and the server it signs in to', async () => {
    await renderSignIn();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByText(origin)).toBeTruthy();
    expect(screen.queryByText('Not encrypted')).toBeNull();
    expect(screen.getByLabelText('Language')).toBeTruthy();
  });

  it('shows inline errors for empty fields and sends nothing', async () => {
    const hq = fakeFetch(() => json(500, {}));
    vi.stubGlobal('fetch', hq.fetch);
    const user = await renderSignIn();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(errorOf('Username')).toBe('Required'));
    expect(errorOf('Password')).toBe('Required');
    expect(hq.requests).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it(
    'refuses a plain-http server on another computer until the user allows it',
    { timeout: 60_000 },
    async () => {
      const insecure = 'http://10.0.0.5:8787';
      api = await openWebPlatform(insecure);
      const hq = fakeFetch(() =>
        json(401, { error: 'invalid_credentials', message: 'invalid username or password' }),
      );
      vi.stubGlobal('fetch', hq.fetch);
      const user = await renderSignIn();
      // The refused server's form is open at once and says why.
      await waitFor(() =>
        expect(errorOf('Server address')).toBe(
          'Plain http to another computer is not encrypted. Use an https address, or allow insecure connections.',
        ),
      );
      expect(screen.queryByText('Insecure connections are allowed')).toBeNull();
      await user.type(screen.getByLabelText('Username'), 'inspector.li');
      await user.type(screen.getByLabelText('Password'), 'demo12345');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      expect(hq.requests).toHaveLength(0);

      await user.click(screen.getByRole('checkbox', { name: /Allow insecure connections/ }));
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Insecure connections are allowed',
      );
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(screen.queryByLabelText('Server address')).toBeNull());
      expect((await api.getSettings()).allowInsecureHttp).toBe(true);
      expect(screen.getByText('Not encrypted')).toBeTruthy();

      await user.click(screen.getByRole('button', { name: /Sign in/ }));
      await waitFor(() => expect(hq.requests).toHaveLength(1));
      expect(hq.requests[0]?.url.href).toBe(`${insecure}/api/v1/auth/login`);
    },
  );

  it("shows the server's refusal of a wrong password", async () => {
    const hq = fakeFetch(() =>
      json(401, { error: 'invalid_credentials', message: 'invalid username or password' }),
    );
    vi.stubGlobal('fetch', hq.fetch);
    const user = await renderSignIn();
    await user.type(screen.getByLabelText('Username'), 'inspector.wang');
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password');
    expect(hq.requests[0]?.url.href).toBe(`${origin}/api/v1/auth/login`);
    expect(hq.requests[0]?.body).toMatchObject({ username: 'inspector.wang' });
    expect(await api.loadSession()).toBeNull();
  });

  it('says when the server cannot be reached, and when sign-in is rate limited', async () => {
    let answer: () => Promise<Response> = () => Promise.reject(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', () => answer());
    const user = await renderSignIn();
    await user.type(screen.getByLabelText('Username'), 'inspector.li');
    await user.type(screen.getByLabelText('Password'), 'demo12345');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `Cannot reach the server at ${origin}`,
    );

    answer = async () =>
      json(429, { error: 'rate_limited', message: 'slow down' }, { 'retry-after': '300' });
    // jsdom never ends antd's motion, so the button keeps its loading icon (named "loading").
    await user.click(screen.getByRole('button', { name: /Sign in/ }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Too many attempts, try again in 5 minutes',
      ),
    );
  });

  it('signs in, remembers the session, pulls, and opens the enterprise list', async () => {
    const me = makeUser();
    const enterprise = makeEnterprise({ name: 'Mingda Dyes' });
    const hq = fakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/auth/login') {
        return json(200, { token: 'k'.repeat(43), deviceId: crypto.randomUUID(), user: me });
      }
      if (url.pathname === '/api/v1/sync/pull') return enterprisePull(enterprise);
      return json(404, { error: 'not_found', message: 'no' });
    });
    vi.stubGlobal('fetch', hq.fetch);
    const user = await renderSignIn();
    await user.type(screen.getByLabelText('Username'), 'Inspector.Li');
    await user.type(screen.getByLabelText('Password'), 'demo12345');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Mingda Dyes')).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /Enterprises/ })).toBeTruthy();
    expect((await api.loadSession())?.user.id).toBe(me.id);
    expect(hq.requests[0]?.body).toMatchObject({ username: 'inspector.li' });
    expect(hq.requests[1]?.headers.get('authorization')).toBe(`Bearer ${'k'.repeat(43)}`);
    indexedDB.deleteDatabase(databaseName(me.id));
  });
});
