// A statistics screen counted on the demo district's day, each test over a profile of its own that
// is closed and deleted after the test, so no test sees another's figures.
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach } from 'vitest';
import type { Profile } from '../../../../renderer/src/session/profile';
import type { UiLanguage } from '../../../../renderer/src/i18n/resolve-language';
import { DEMO_TODAY } from './demo-district';
import { openTestProfile, renderSignedIn } from './render';

/** Registers the file's clean-up; `openProfile` opens the test's (empty) profile. */
export function withDistrictScreen(Screen: ComponentType<{ today?: string }>) {
  let profile: Profile | undefined;
  afterEach(async () => {
    profile?.db.close();
    await profile?.db.delete();
    profile = undefined;
  });
  return {
    openProfile: (): Profile => (profile = openTestProfile()),
    renderScreen: (p: Profile, language: UiLanguage = 'en') =>
      renderSignedIn(
        <MemoryRouter>
          <Screen today={DEMO_TODAY} />
        </MemoryRouter>,
        p,
        language,
      ),
  };
}

/** The text of the element a figure's test id names. */
export const testIdText = (testId: string) => screen.getByTestId(testId).textContent;
