// Renders an administration screen of templates or enterprises at a path, with a client whose
// server answers `handler`, inside a router that also names the pages the screen leads to.
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Profile } from '../../../../renderer/src/session/profile';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import type { UiLanguage } from '../../../../renderer/src/i18n/resolve-language';
import { fakeFetch } from './fake-hq';
import type { RecordedRequest } from './fake-hq';
import { renderSignedIn } from './render';

export function renderAdminScreen(
  profile: Profile,
  { path, route, screen }: { path: string; route: string; screen: ReactElement },
  handler: (r: RecordedRequest) => Response | Promise<Response>,
  language: UiLanguage = 'en',
): RecordedRequest[] {
  const hq = fakeFetch(handler);
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 't'.repeat(40),
    fetch: hq.fetch,
  });
  renderSignedIn(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={route} element={screen} />
        <Route path="*" element={<p>page {'elsewhere'}</p>} />
      </Routes>
    </MemoryRouter>,
    { ...profile, client },
    language,
  );
  return hq.requests;
}

/** The path the router shows when the screen navigated away. */
export const ELSEWHERE = 'page elsewhere';
