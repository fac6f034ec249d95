// Renders an administration screen for a signed-in administrator whose server is a fake one.
import type { ReactElement } from 'react';
import type { Profile } from '../../../../../renderer/src/session/profile';
import type { UiLanguage } from '../../../../../renderer/src/i18n/resolve-language';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderOnline } from '../../support/render';

export function renderAdmin(
  ui: ReactElement,
  profile: Profile,
  handler: (r: RecordedRequest) => Response | Promise<Response>,
  language: UiLanguage = 'en',
) {
  return renderOnline(ui, profile, handler, language);
}
