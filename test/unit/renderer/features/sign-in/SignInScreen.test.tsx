import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../../renderer/src/app/App';
import { databaseName } from '../../../../../renderer/src/db/database';
import { createWebPlatform } from '../../../../../renderer/src/platform/web-platform';
import type { PlatformApi } from '../../../../../renderer/src/platform/contract';
import { makeEnterprise, makeUser } from '../../support/fixtures';
import { fakeFetch, json } from '../../support/fake-hq';

const origin = 'http://hq.test:8787';
let api: PlatformApi;

beforeEach(async () => {
  api = createWebPlatform(window.localStorage, { origin });
  window.api = api;
  await api.setSettings({ language: 'en' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The error text that a field's input points to with aria-describedby, if any. */
function errorOf(label: string): string | null {
  const input = screen.getByLabelText(label);
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const id = input.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

async function renderSignIn() {
  render(<App api={api} />);
  const user = userEvent.setup({ delay: null });
  await screen.findByRole('button', { name: 'Sign in' });
  return user;
}

// antd's first render in jsdom is slow; these tests click through the whole screen.
describe('SignInScreen', { timeout: 30_000 }, () => {
  it('shows its labelled fields with the server pre-filled', async () => {
    await renderSignIn();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect((screen.getByLabelText('Server') as HTMLInputElement).value).toBe(origin);
    expect(screen.getByLabelText('Language')).toBeTruthy();
  });

  it('shows inline errors for empty fields and sends nothing', async () => {
    const hq = fakeFetch(() => json(500, {}));
    vi.stubGlobal('fetch', hq.fetch);
    const user = await renderSignIn();
    await user.clear(screen.getByLabelText('Server'));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(errorOf('Username')).toBe('Required'));
    expect(errorOf('Password')).toBe('Required');
    expect(errorOf('Server')).toBe('Required');
    expect(hq.requests).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

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
      if (url.pathname === '/api/v1/sync/pull') {
        return json(200, {
          changes: [{ entity: 'enterprise', id: enterprise.id, version: 1, data: enterprise }],
          cursor: 'c1',
          hasMore: false,
        });
      }
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
