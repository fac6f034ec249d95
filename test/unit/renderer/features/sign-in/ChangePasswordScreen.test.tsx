import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../../renderer/src/app/App';
import { databaseName } from '../../../../../renderer/src/db/database';
import type { PlatformApi } from '../../../../../domain/platform/contract';
import { makeEnterprise, makeUser } from '../../../../support/record-fixtures';
import { enterprisePull, fakeFetch, json } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { withWebPlatform } from '../../support/web-platform';
import { errorOf } from '../../support/field-error';

const origin = 'https://hq.test:8787';
let api: PlatformApi;

withWebPlatform(origin, (opened) => (api = opened));

async function signIn(password = 'first-pass-1') {
  render(<App api={api} />);
  const user = userEvent.setup({ delay: null });
  await screen.findByRole('button', { name: 'Sign in' });
  await user.type(screen.getByLabelText('Username'), 'inspector.new');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

const paths = (requests: RecordedRequest[]) => requests.map((r) => r.url.pathname);

const me = makeUser();
afterEach(() => {
  indexedDB.deleteDatabase(databaseName(me.id));
});

/** The server's answer to a sign-in with a first password an administrator gave. */
const firstSignIn = () =>
  json(200, {
    token: 'k'.repeat(43),
    deviceId: crypto.randomUUID(),
    user: me,
    passwordChangeRequired: true,
  });

describe('the first sign-in with a password an administrator gave', { timeout: 90_000 }, () => {
  it('asks for a new password before anything else, and checks it before sending', async () => {
    const hq = fakeFetch(() => firstSignIn());
    vi.stubGlobal('fetch', hq.fetch);
    const user = await signIn();
    expect(await screen.findByRole('heading', { name: 'Change your first password' })).toBeTruthy();
    // Nothing is synced and nothing is remembered until the password is changed.
    expect(paths(hq.requests)).toEqual(['/api/v1/auth/login']);
    expect(await api.loadSession()).toBeNull();

    // Too short, typed differently twice:
    await user.type(screen.getByLabelText('Current password'), 'first-pass-1');
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('New password again'), 'other');
    await user.click(screen.getByRole('button', { name: /Change password/ }));
    await waitFor(() => expect(errorOf('New password')).toBe('At least 8 characters'));
    expect(errorOf('New password again')).toBe('The two new passwords differ');
    // The same as the current one:
    await user.clear(screen.getByLabelText('New password'));
    await user.type(screen.getByLabelText('New password'), 'first-pass-1');
    await user.click(screen.getByRole('button', { name: /Change password/ }));
    await waitFor(() =>
      expect(errorOf('New password')).toBe('The new password must differ from the current one'),
    );
    expect(paths(hq.requests)).toEqual(['/api/v1/auth/login']);
  });

  it("shows the server's refusal of a wrong current password, then opens the app and syncs", async () => {
    const enterprise = makeEnterprise({ name: 'Mingda Dyes' });
    let changeAnswer = () => json(403, { error: 'wrong_password', message: 'wrong' });
    const hq = fakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/auth/login') return firstSignIn();
      if (url.pathname === '/api/v1/auth/change-password') return changeAnswer();
      if (url.pathname === '/api/v1/sync/pull') return enterprisePull(enterprise);
      return json(404, { error: 'not_found', message: 'no' });
    });
    vi.stubGlobal('fetch', hq.fetch);
    const user = await signIn();
    await screen.findByRole('heading', { name: 'Change your first password' });
    await user.type(screen.getByLabelText('Current password'), 'wrong-pass-1');
    await user.type(screen.getByLabelText('New password'), 'my-own-pass-2');
    await user.type(screen.getByLabelText('New password again'), 'my-own-pass-2');
    await user.click(screen.getByRole('button', { name: /Change password/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('The current password is wrong');
    const change = hq.requests.at(-1);
    expect(change?.headers.get('authorization')).toBe(`Bearer ${'k'.repeat(43)}`);
    expect(change?.body).toEqual({ currentPassword: 'wrong-pass-1', newPassword: 'my-own-pass-2' });
    expect(await api.loadSession()).toBeNull();

    changeAnswer = () => new Response(null, { status: 204 });
    await user.click(screen.getByRole('button', { name: /Change password/ }));
    expect(await screen.findByText('Mingda Dyes')).toBeTruthy();
    expect((await api.loadSession())?.user.id).toBe(me.id);
    expect(paths(hq.requests)).toContain('/api/v1/sync/pull');
  });

  it('goes back to the sign-in, and the session is ended on the server', async () => {
    const hq = fakeFetch(({ url }) =>
      url.pathname === '/api/v1/auth/login' ? firstSignIn() : new Response(null, { status: 204 }),
    );
    vi.stubGlobal('fetch', hq.fetch);
    const user = await signIn();
    await user.click(await screen.findByRole('button', { name: 'Back to sign-in' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    await waitFor(() => expect(paths(hq.requests)).toContain('/api/v1/auth/logout'));
    expect(await api.loadSession()).toBeNull();
  });

  it("says a deactivated account's sign-in is refused", async () => {
    const hq = fakeFetch(() =>
      json(403, { error: 'account_deactivated', message: 'This account has been deactivated' }),
    );
    vi.stubGlobal('fetch', hq.fetch);
    await signIn();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This account has been deactivated by an administrator. Ask an administrator to reactivate it.',
    );
    expect(await api.loadSession()).toBeNull();
  });
});
