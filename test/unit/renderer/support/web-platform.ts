// The app's web platform over jsdom's localStorage, as a browser that opened the app from an HQ
// server finds it: for the tests that render the whole app, signed out, in English.
import { afterEach, beforeEach, vi } from 'vitest';
import type { PlatformApi } from '../../../../domain/platform/contract';
import { createWebPlatform } from '../../../../renderer/src/shared/platform/web-platform';

/** A web platform served from `origin`, made window.api, its language set to English. */
export async function openWebPlatform(origin: string): Promise<PlatformApi> {
  const api = createWebPlatform(window.localStorage, { origin });
  window.api = api;
  await api.setSettings({ language: 'en' });
  return api;
}

/**
 * Registers the calling file's hooks: a web platform from `origin` before each test, handed to
 * `onOpen`; after it, the fetch a test stubbed is restored.
 */
export function withWebPlatform(origin: string, onOpen: (api: PlatformApi) => void): void {
  beforeEach(async () => {
    onOpen(await openWebPlatform(origin));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}
