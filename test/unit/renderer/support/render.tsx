// Renders a screen as a signed-in user would see it: i18n in the chosen language, antd, and a
// profile over a real (fake-indexeddb) database; the sync worker is never started.
import { cleanup, render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach } from 'vitest';
import { openProfile } from '../../../../renderer/src/session/profile';
import type { Profile } from '../../../../renderer/src/session/profile';
import { SessionContext } from '../../../../renderer/src/session/session-context';
import type { SessionContextValue } from '../../../../renderer/src/session/session-context';
import { createI18n } from '../../../../renderer/src/i18n/i18n';
import type { UiLanguage } from '../../../../renderer/src/i18n/resolve-language';
import type { Session } from '../../../../domain/platform/contract';
import { makeSession } from '../../../support/record-fixtures';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { fakeFetch } from './fake-hq';
import type { RecordedRequest } from './fake-hq';

export function openTestProfile(session: Session = makeSession()): Profile {
  return openProfile(session, { onUnauthorized: () => undefined });
}

/**
 * Registers the calling file's hooks: a fresh profile before each test, handed to `onOpen`; after
 * it the screen is unmounted before its database is closed and deleted.
 */
export function withTestProfile(
  onOpen: (profile: Profile) => void,
  session: () => Session = makeSession,
): void {
  let current: Profile | undefined;
  beforeEach(() => {
    current = openTestProfile(session());
    onOpen(current);
  });
  afterEach(async () => {
    cleanup();
    const profile = current;
    current = undefined;
    if (!profile) return;
    profile.db.close();
    await profile.db.delete();
  });
}

/** What a screen of `profile`'s sees of the session: signed in, synced once, nothing asked. */
export function signedInSession(profile: Profile): SessionContextValue {
  return {
    profile,
    firstSync: false,
    expired: false,
    signIn: async () => undefined,
    passwordChangeFor: null,
    changeFirstPassword: async () => undefined,
    cancelPasswordChange: async () => undefined,
    renewSession: async () => undefined,
    signOut: async () => undefined,
  };
}

export function renderSignedIn(ui: ReactElement, profile: Profile, language: UiLanguage = 'en') {
  const session = signedInSession(profile);
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <AntApp>
        <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
      </AntApp>
    </I18nextProvider>,
  );
}

/**
 * An online screen signed in with a client whose server answers `handler`; gives the requests the
 * screen sent, recorded as they arrive.
 */
export function renderOnline(
  ui: ReactElement,
  profile: Profile,
  handler: (r: RecordedRequest) => Response | Promise<Response>,
  language: UiLanguage = 'en',
): RecordedRequest[] {
  const hq = fakeFetch(handler);
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 't'.repeat(40),
    fetch: hq.fetch,
  });
  renderSignedIn(ui, { ...profile, client }, language);
  return hq.requests;
}
