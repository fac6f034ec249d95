// Where the renderer finds its platform: the preload's window.api in the desktop app, or the
// web implementation, installed on window.api, in browser mode.
import type { PlatformApi } from '../../../../domain/platform/contract';
import { createWebPlatform } from './web-platform';

declare global {
  interface Window {
    api: PlatformApi;
  }
}

/** True when a preload script provided window.api before the app started (the desktop app). */
export function hasPreloadApi(): boolean {
  return typeof (window as Partial<Window>).api === 'object';
}

export function getPlatform(): PlatformApi {
  if (!hasPreloadApi()) {
    window.api = createWebPlatform(window.localStorage, window.location);
  }
  return window.api;
}
