// The app's own origin: the renderer is served from app://bundle/ (or, in development, from
// the dev server electron-vite names in ELECTRON_RENDERER_URL). Everything else is foreign.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it does not parse. Node's URL reports the
 * origin of a non-special scheme such as app: as "null", so it is rebuilt here by hand.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.username || u.password) return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** The origins the app trusts: its own, plus the dev server while developing. */
export function trustedOrigins(devServerUrl: string | undefined): readonly string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}

/** A predicate telling whether a URL belongs to one of the given origins. */
export function createOriginCheck(origins: readonly string[]): (url: string) => boolean {
  return (url) => {
    const origin = originOf(url);
    return origin !== null && origins.includes(origin);
  };
}
