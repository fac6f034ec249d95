import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mutation } from '../../../../domain/sync/protocol';
import { App } from '../../../../renderer/src/app/App';
import { openUserDatabase } from '../../../../renderer/src/db/database';
import { countPending, writeLocal } from '../../../../renderer/src/db/outbox/queue';
import type { PlatformApi } from '../../../../domain/platform/contract';
import {
  makeEnterprise,
  makeFinding,
  makeSession,
  makeUser,
} from '../../../support/record-fixtures';
import type { RecordedRequest } from '../support/fake-hq';
import { fakeFetch, json } from '../support/fake-hq';
import { openWebPlatform } from '../support/web-platform';
import { fakeSyncServer } from '../support/fake-sync-server';

let api: PlatformApi;
const session = makeSession();
const queued = makeFinding({ title: 'Unsent leaking valve' });

beforeEach(async () => {
  api = await openWebPlatform('https://hq.test');
  await api.storeSession(session);
  const db = openUserDatabase(session.user.id);
  await db.enterprises.put(makeEnterprise({ name: 'Remembered Dyes' }));
  // Work done on this device and not yet sent.
  await writeLocal(db, 'finding', queued);
  db.close();
});
afterEach(async () => {
  cleanup(); // unmount before deleting the database under it
  vi.unstubAllGlobals();
  for (const userId of [session.user.id, other.id]) await openUserDatabase(userId).delete();
});

const other = makeUser({ username: 'inspector.wang', displayName: 'Wang Fang' });
const expiredAnswer = () =>
  json(401, { error: 'session_expired', message: 'The session has expired: sign in again.' });

async function pendingOf(userId: string): Promise<number> {
  const db = openUserDatabase(userId);
  try {
    return await countPending(db);
  } finally {
    db.close();
  }
}

const pushedIds = (requests: RecordedRequest[]) =>
  requests
    .filter((r) => r.url.pathname.endsWith('/sync/push'))
    .flatMap((r) => (r.body as { mutations: Mutation[] }).mutations.map((m) => m.id));

function renderApp() {
  render(<App api={api} />);
  return userEvent.setup({ delay: null });
}

describe('a remembered session', { timeout: 30_000 }, () => {
  it('opens the local data directly when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    renderApp();
    expect(await screen.findByText('Remembered Dyes')).toBeTruthy();
    expect(screen.getByText(session.user.displayName)).toBeTruthy();
    expect(await api.loadSession()).toEqual(session);
  });

  it('keeps the work and the data open when the server ends the session, and asks to sign in', async () => {
    const hq = fakeFetch(expiredAnswer);
    vi.stubGlobal('fetch', hq.fetch);
    renderApp();
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText('Sign in again to sync')).toBeTruthy();
    expect(within(banner).getByText(/Your work stays on this device/)).toBeTruthy();
    // Nothing was closed or thrown away: the screens, the session, the queue.
    expect(await screen.findByText('Remembered Dyes')).toBeTruthy();
    expect(screen.getByText(session.user.displayName)).toBeTruthy();
    expect(await api.loadSession()).toEqual(session);
    expect(await pendingOf(session.user.id)).toBe(1);
    // The push counts what it holds before it goes (unsent): it may leave after the banner.
    await waitFor(() =>
      expect(hq.requests.some((r) => r.url.pathname.endsWith('/sync/push'))).toBe(true),
    );
    expect(await pendingOf(session.user.id)).toBe(1);
  });

  it('syncs the kept work once the same user signs in again on the same device', async () => {
    let accepting = false;
    const server = fakeSyncServer();
    const renewed = 'r'.repeat(43);
    const hq = fakeFetch((request) => {
      if (request.url.pathname === '/api/v1/auth/login') {
        accepting = true;
        return json(200, { token: renewed, deviceId: session.deviceId, user: session.user });
      }
      if (!accepting || request.headers.get('authorization') !== `Bearer ${renewed}`) {
        return expiredAnswer();
      }
      return server.handle(request);
    });
    vi.stubGlobal('fetch', hq.fetch);
    const user = renderApp();
    const banner = await screen.findByRole('alert');
    await user.click(within(banner).getByRole('button', { name: 'Sign in again' }));
    // (antd's ids are all "test-id" under test, so the dialog's name cannot be looked up.)
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Sign in again', { selector: '.ant-modal-title' }),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(/Enter the password of Li Ming \(inspector\.li\)/),
    ).toBeTruthy();
    // The password field has the focus: type and press Enter.
    const password = within(dialog).getByLabelText('Password');
    await waitFor(() => expect(document.activeElement).toBe(password));
    await user.keyboard('demo12345{Enter}');

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(async () => expect(await pendingOf(session.user.id)).toBe(0));
    expect(server.applied.map((m) => m.id)).toEqual([queued.id]);
    const login = hq.requests.find((r) => r.url.pathname === '/api/v1/auth/login');
    expect(login?.body).toMatchObject({
      username: 'inspector.li',
      password: 'demo12345',
      deviceId: session.deviceId,
    });
    expect(await api.loadSession()).toEqual({ ...session, token: renewed });
    expect(screen.getByText('Remembered Dyes')).toBeTruthy();
  });

  it('says so when the password is wrong, and can be put off with Escape', async () => {
    const hq = fakeFetch((request) =>
      request.url.pathname === '/api/v1/auth/login'
        ? json(401, { error: 'invalid_credentials', message: 'Wrong username or password.' })
        : expiredAnswer(),
    );
    vi.stubGlobal('fetch', hq.fetch);
    const user = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in again' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Password'), 'not-it{Enter}');
    expect(await within(dialog).findByText('Wrong username or password')).toBeTruthy();
    // The focus went back to the password field, where Escape closes the dialog. (jsdom never
    // ends antd's motion, so a closing dialog stays in the page, leaving.)
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Password'));
    await user.keyboard('{Escape}');
    await waitFor(() => {
      const open = screen.queryByRole('dialog');
      expect(open === null || open.classList.contains('ant-zoom-leave')).toBe(true);
    });
    expect(screen.getByText('Sign in again to sync')).toBeTruthy();
    expect(await api.loadSession()).toEqual(session);
    expect(await pendingOf(session.user.id)).toBe(1);
  });

  it("never sends the first user's queued work when another user signs in", async () => {
    const otherToken = 'o'.repeat(43);
    const server = fakeSyncServer();
    const hq = fakeFetch((request) => {
      if (request.url.pathname === '/api/v1/auth/login') {
        return json(200, { token: otherToken, deviceId: crypto.randomUUID(), user: other });
      }
      if (request.headers.get('authorization') === `Bearer ${otherToken}`) {
        return server.handle(request);
      }
      return expiredAnswer();
    });
    vi.stubGlobal('fetch', hq.fetch);
    const user = renderApp();
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: /Sign out/ }));
    await user.type(await screen.findByLabelText('Username'), 'inspector.wang');
    await user.type(screen.getByLabelText('Password'), 'demo12345');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wang Fang')).toBeTruthy();
    await waitFor(() =>
      expect(hq.requests.some((r) => r.url.pathname.endsWith('/sync/pull'))).toBe(true),
    );
    const asOther = hq.requests.filter(
      (r) => r.headers.get('authorization') === `Bearer ${otherToken}`,
    );
    expect(asOther.length).toBeGreaterThan(0);
    expect(pushedIds(asOther)).not.toContain(queued.id);
    expect(server.applied).toEqual([]);
    // The first user's work stays on this device for when they sign in again.
    expect(await pendingOf(session.user.id)).toBe(1);
  });
});

describe('signing out offline', { timeout: 30_000 }, () => {
  const logoutsOf = (requests: RecordedRequest[], token: string) =>
    requests.filter(
      (r) =>
        r.url.pathname === '/api/v1/auth/logout' &&
        r.headers.get('authorization') === `Bearer ${token}`,
    );

  async function signOutOffline() {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const user = renderApp();
    await screen.findByText('Remembered Dyes');
    await user.click(screen.getByRole('button', { name: /Sign out/ }));
    await screen.findByLabelText('Username');
    expect(await api.loadSession()).toBeNull();
    await waitFor(async () =>
      expect(await api.loadRevocations()).toEqual([
        { serverUrl: session.serverUrl, token: session.token },
      ]),
    );
    cleanup();
    return user;
  }

  it('revokes the session when the app next starts online, then forgets the token', async () => {
    await signOutOffline();
    const hq = fakeFetch(() => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', hq.fetch);
    renderApp();
    await waitFor(() => expect(logoutsOf(hq.requests, session.token)).toHaveLength(1));
    await waitFor(async () => expect(await api.loadRevocations()).toEqual([]));
  });

  it('revokes it before the next sign-in to that server', async () => {
    await signOutOffline();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const user = renderApp();
    await screen.findByLabelText('Username');
    const server = fakeSyncServer();
    const hq = fakeFetch((request) => {
      const { pathname } = request.url;
      if (pathname === '/api/v1/auth/logout') return new Response(null, { status: 204 });
      if (pathname === '/api/v1/auth/login') {
        return json(200, { token: 'n'.repeat(43), deviceId: session.deviceId, user: session.user });
      }
      return server.handle(request);
    });
    vi.stubGlobal('fetch', hq.fetch);
    await user.type(screen.getByLabelText('Username'), 'inspector.li');
    await user.type(screen.getByLabelText('Password'), 'demo12345');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Remembered Dyes');
    const paths = hq.requests.map((r) => r.url.pathname);
    expect(paths.indexOf('/api/v1/auth/logout')).toBeLessThan(paths.indexOf('/api/v1/auth/login'));
    expect(logoutsOf(hq.requests, session.token)).toHaveLength(1);
    expect(await api.loadRevocations()).toEqual([]);
  });

  it('keeps the token while the server cannot revoke it, and forgets it once it has', async () => {
    await signOutOffline();
    let answer = () => json(503, { error: 'unavailable', message: 'later' });
    const hq = fakeFetch(() => answer());
    vi.stubGlobal('fetch', hq.fetch);
    renderApp();
    await waitFor(() => expect(logoutsOf(hq.requests, session.token)).toHaveLength(1));
    expect(await api.loadRevocations()).toHaveLength(1);
    answer = () => json(401, { error: 'session_expired', message: 'already over' });
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(logoutsOf(hq.requests, session.token)).toHaveLength(2));
    await waitFor(async () => expect(await api.loadRevocations()).toEqual([]));
  });

  it('revokes at once when the server can be reached', async () => {
    const server = fakeSyncServer();
    const hq = fakeFetch((request) =>
      request.url.pathname === '/api/v1/auth/logout'
        ? new Response(null, { status: 204 })
        : server.handle(request),
    );
    vi.stubGlobal('fetch', hq.fetch);
    const user = renderApp();
    await screen.findByText('Remembered Dyes');
    await user.click(screen.getByRole('button', { name: /Sign out/ }));
    await waitFor(() => expect(logoutsOf(hq.requests, session.token)).toHaveLength(1));
    await waitFor(async () => expect(await api.loadRevocations()).toEqual([]));
    expect(await api.loadSession()).toBeNull();
  });
});
