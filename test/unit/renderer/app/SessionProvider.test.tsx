import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../renderer/src/app/App';
import { openUserDatabase } from '../../../../renderer/src/db/database';
import type { PlatformApi } from '../../../../renderer/src/platform/contract';
import { createWebPlatform } from '../../../../renderer/src/platform/web-platform';
import { makeEnterprise, makeSession } from '../support/fixtures';
import { json } from '../support/fake-hq';

let api: PlatformApi;
const session = makeSession();

beforeEach(async () => {
  api = createWebPlatform(window.localStorage, { origin: 'https://hq.test' });
  window.api = api;
  await api.setSettings({ language: 'en' });
  await api.storeSession(session);
  const db = openUserDatabase(session.user.id);
  await db.enterprises.put(makeEnterprise({ name: 'Remembered Dyes' }));
  db.close();
});
afterEach(async () => {
  cleanup(); // unmount before deleting the database under it
  vi.unstubAllGlobals();
  const db = openUserDatabase(session.user.id);
  await db.delete();
});

describe('a remembered session', { timeout: 30_000 }, () => {
  it('opens the local data directly when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    render(<App api={api} />);
    expect(await screen.findByText('Remembered Dyes')).toBeTruthy();
    expect(screen.getByText(session.user.displayName)).toBeTruthy();
    expect(await api.loadSession()).toEqual(session);
  });

  it('signs out with a message when the server no longer knows the token', async () => {
    vi.stubGlobal('fetch', async () =>
      json(401, { error: 'unauthorized', message: 'token revoked' }),
    );
    render(<App api={api} />);
    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(await api.loadSession()).toBeNull();
  });
});
