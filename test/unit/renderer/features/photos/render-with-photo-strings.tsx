// Renders photo components as the app does: the app's own i18n set-up with its locale files (the
// photo texts live in their `photos` section), antd without motion; and object URLs for jsdom.
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach } from 'vitest';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import type { UiLanguage } from '../../../../../renderer/src/i18n/resolve-language';

export function renderWithPhotoStrings(ui: ReactElement, language: UiLanguage = 'en') {
  const i18n = createI18n(language);
  // A wrapper (not a wrapping element) so that rerender() keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      {/* Without motion, closed dialogs leave the page at once (jsdom never ends a transition). */}
      <ConfigProvider theme={{ token: { motion: false } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
  return render(ui, { wrapper });
}

/** jsdom has no object URLs; these record what was created and revoked. */
export function recordObjectUrls() {
  const created: string[] = [];
  const revoked: string[] = [];
  const original = {
    create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'),
    revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL'),
  };
  let next = 1;
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    writable: true,
    value: () => {
      const url = `blob:photos-test/${next++}`;
      created.push(url);
      return url;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', {
    configurable: true,
    writable: true,
    value: (url: string) => revoked.push(url),
  });
  const restore = () => {
    for (const [name, descriptor] of [
      ['createObjectURL', original.create],
      ['revokeObjectURL', original.revoke],
    ] as const) {
      if (descriptor) Object.defineProperty(URL, name, descriptor);
      else Reflect.deleteProperty(URL, name);
    }
  };
  return {
    created,
    revoked,
    restore,
    get live() {
      return created.filter((url) => !revoked.includes(url));
    },
  };
}

/** Registers hooks that record object URLs in each test and put the real functions back after. */
export function withRecordedObjectUrls(): void {
  let urls: ReturnType<typeof recordObjectUrls> | undefined;
  beforeEach(() => {
    urls = recordObjectUrls();
  });
  afterEach(() => {
    urls?.restore();
    urls = undefined;
  });
}
