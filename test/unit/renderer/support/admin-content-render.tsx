// Renders an administration screen of templates or enterprises at a path, with a client whose
// server answers `handler`, inside a router that also names the pages the screen leads to.
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Profile } from '../../../../renderer/src/session/profile';
import type { UiLanguage } from '../../../../renderer/src/i18n/resolve-language';
import type { RecordedRequest } from './fake-hq';
import { renderOnline } from './render';

export function renderAdminScreen(
  profile: Profile,
  { path, route, screen }: { path: string; route: string; screen: ReactElement },
  handler: (r: RecordedRequest) => Response | Promise<Response>,
  language: UiLanguage = 'en',
): RecordedRequest[] {
  return renderOnline(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={route} element={screen} />
        <Route path="*" element={<p>page {'elsewhere'}</p>} />
      </Routes>
    </MemoryRouter>,
    profile,
    handler,
    language,
  );
}

/** The path the router shows when the screen navigated away. */
export const ELSEWHERE = 'page elsewhere';
