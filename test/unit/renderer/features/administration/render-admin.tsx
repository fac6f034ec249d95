// Renders an administration screen for a signed-in administrator whose server is a fake one.
import type { ReactElement } from 'react';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { createApiClient } from '../../../../../renderer/src/sync/api-client';
import type { UiLanguage } from '../../../../../renderer/src/i18n/resolve-language';
import { fakeFetch } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderSignedIn } from '../../support/render';

export function renderAdmin(
  ui: ReactElement,
  profile: Profile,
  handler: (r: RecordedRequest) => Response | Promise<Response>,
  language: UiLanguage = 'en',
) {
  const hq = fakeFetch(handler);
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 't'.repeat(40),
    fetch: hq.fetch,
  });
  renderSignedIn(ui, { ...profile, client }, language);
  return hq.requests;
}
