// The desktop page's Content Security Policy, kept in step with the settings: connect-src names
// the HQ server of the Settings and the server the remembered session signed in to, each only
// if the transport rule allows it. main sends the policy with every app:// response, so a page
// loaded after a change gets the new one; a change that needs it reloads the page.
import type { Settings } from '../../domain/platform/contract';
import { contentSecurityPolicy } from '../../domain/transport/content-security-policy';
import { checkServerAddress } from '../../domain/transport/server-address';
import type { TransportPolicy } from '../../domain/transport/server-address';
import type { SessionStore } from './session-store';

/**
 * The origins the page may fetch from: each of the given server addresses (the one in Settings,
 * the one the current session signed in to) that the transport rule allows. A refused address
 * is left out, so the page cannot reach it even if the client's own check were bypassed.
 */
export function serverConnectOrigins(
  addresses: readonly (string | null)[],
  policy: TransportPolicy,
): string[] {
  const origins = new Set<string>();
  for (const address of addresses) {
    if (address === null) continue;
    const check = checkServerAddress(address, policy);
    if (check.ok) origins.add(check.origin);
  }
  return [...origins].sort();
}

export interface DesktopCsp {
  /** The policy for the next page load. */
  policy(): string;
  /** Takes saved settings; true when the policy changed, so the page must reload to use it. */
  updateSettings(settings: Settings): boolean;
  /** The server of the remembered session (null once signed out). */
  updateSessionServer(serverUrl: string | null): void;
}

export function createDesktopCsp(initial: Settings): DesktopCsp {
  let settings = initial;
  let sessionServer: string | null = null;
  const policy = () =>
    contentSecurityPolicy(serverConnectOrigins([settings.serverUrl, sessionServer], settings));
  return {
    policy,
    updateSettings(next) {
      const before = policy();
      settings = next;
      return policy() !== before;
    },
    updateSessionServer(serverUrl) {
      sessionServer = serverUrl;
    },
  };
}

/** The session store, telling `onServer` which server the remembered session belongs to. */
export function reportingSessionServer(
  store: SessionStore,
  onServer: (serverUrl: string | null) => void,
): SessionStore {
  return {
    async load() {
      const session = await store.load();
      onServer(session?.serverUrl ?? null);
      return session;
    },
    async store(session) {
      await store.store(session);
      onServer(session.serverUrl);
    },
    async clear() {
      await store.clear();
      onServer(null);
    },
  };
}

/** The part of Electron's WebRequest that adds the policy to the development server's pages. */
export interface HeaderHook {
  onHeadersReceived(
    filter: { urls: string[] },
    listener: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void,
  ): void;
}

/**
 * While developing, the page comes from electron-vite's server rather than app://: its answers
 * get the same policy (replacing any the server sent).
 */
export function applyCspToDevServer(
  webRequest: HeaderHook,
  devOrigin: string,
  policy: () => string,
): void {
  webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy()] } });
  });
}
