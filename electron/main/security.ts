// App-wide security hooks: every web contents may only show the app's own pages, opens no
// windows, attaches no webviews, and gets no permission but the camera and geolocation.

/** https hosts whose links (laws, regulations) open in the system browser. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'www.mem.gov.cn', // Ministry of Emergency Management
  'www.mee.gov.cn', // Ministry of Ecology and Environment
  'flk.npc.gov.cn', // National database of laws and regulations
];

interface PreventableEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The part of WebContents the hooks touch (the real one is passed in production). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => Promise<void>;
  externalHosts?: readonly string[];
}

export function isAllowedExternalUrl(url: string, hosts: readonly string[]): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && hosts.includes(u.hostname);
  } catch {
    return false;
  }
}

export function guardWebContents(contents: GuardedContents, options: GuardOptions): void {
  const hosts = options.externalHosts ?? EXTERNAL_HOSTS;
  const keepInApp = (event: PreventableEvent): void => {
    if (!options.isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, hosts)) {
      options.openExternal(url).catch((error: unknown) => {
        console.error('Could not open external link', error);
      });
    }
    return { action: 'deny' };
  });
}

/** What a permission request or check says about itself (a subset of Electron's details). */
export interface PermissionContext {
  /** The requesting page (request handler: requestingUrl; check handler: requestingOrigin). */
  url: string | undefined;
  /** Request handler: the media kinds asked for. */
  mediaTypes?: readonly string[];
  /** Check handler: the single media kind checked. */
  mediaType?: string;
}

/** Camera (video only, never the microphone) and geolocation, and only for the app itself. */
export function isPermissionAllowed(
  permission: string,
  context: PermissionContext,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!context.url || !isAppUrl(context.url)) return false;
  if (permission === 'geolocation') return true;
  if (permission !== 'media') return false;
  if (context.mediaTypes !== undefined) {
    return context.mediaTypes.length > 0 && context.mediaTypes.every((t) => t === 'video');
  }
  return context.mediaType === 'video';
}

/** The part of Electron's Session the permission handlers are installed on. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string; mediaTypes?: readonly string[] },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { mediaType?: string },
    ) => boolean,
  ): void;
}

export function restrictPermissions(
  session: PermissionSession,
  isAppUrl: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const context: PermissionContext = { url: details.requestingUrl };
    if (details.mediaTypes) context.mediaTypes = details.mediaTypes;
    callback(isPermissionAllowed(permission, context, isAppUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const context: PermissionContext = { url: requestingOrigin };
    if (details.mediaType) context.mediaType = details.mediaType;
    return isPermissionAllowed(permission, context, isAppUrl);
  });
}
