// The browser-mode implementation of window.api: settings, the session and the tokens still to
// revoke live in localStorage, files leave through a download link, and printing uses the
// browser's own print dialog, whose "Save as PDF" destination makes the PDF (the print screen
// says how; the browser cannot make one of the page by itself without drawing the Chinese text
// as pictures). The page's title is the PDF's name while the dialog is open: browsers suggest it. The server is always the one that served the page: the page's
// Content Security Policy lets it connect to nothing else.

import {
  applySettingsPatch,
  pendingRevocationsSchema,
  printToPdfArgsSchema,
  saveFileArgsSchema,
  sessionSchema,
  settingsPatchSchema,
  settingsSchema,
} from '../../../../domain/platform/contract';
import type {
  PendingRevocation,
  PlatformApi,
  SaveResult,
  Session,
  Settings,
} from '../../../../domain/platform/contract';

export const SETTINGS_KEY = 'fi.settings';
export const SESSION_KEY = 'fi.session';
export const REVOCATIONS_KEY = 'fi.revocations';

/** What the web platform needs from the page beyond storage; tests pass their own. */
export interface WebPlatformDeps {
  download(name: string, blob: Blob): void;
  /** Opens the print dialog, suggesting `fileName` (without .pdf) for a PDF. */
  print(fileName: string): void;
  navigatorLanguage(): string;
  userAgentPlatform(): string;
}

const browserDeps: WebPlatformDeps = {
  download(name, blob) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // The click starts the download synchronously; the URL is no longer needed afterwards.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
  print(fileName) {
    const title = document.title;
    document.title = fileName;
    try {
      // Returns once the dialog has closed.
      window.print();
    } finally {
      document.title = title;
    }
  },
  navigatorLanguage: () => navigator.language,
  userAgentPlatform: () => navigator.platform || 'web',
};

function readJson(storage: Storage, key: string): unknown {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function createWebPlatform(
  storage: Storage,
  location: Pick<Location, 'origin'>,
  deps: WebPlatformDeps = browserDeps,
): PlatformApi {
  const defaults: Settings = settingsSchema.parse({
    serverUrl: location.origin,
    language: 'system',
    allowInsecureHttp: false,
  });

  function readSettings(): Settings {
    const stored = settingsPatchSchema.safeParse(readJson(storage, SETTINGS_KEY) ?? {});
    // A damaged entry falls back field by field to the defaults rather than failing the app.
    const merged = settingsSchema.safeParse({
      ...defaults,
      ...(stored.success ? stored.data : {}),
      serverUrl: defaults.serverUrl,
    });
    return merged.success ? merged.data : defaults;
  }

  return {
    appInfo: async () => ({
      name: 'Field Inspector',
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      shell: 'web',
      platform: deps.userAgentPlatform(),
      locale: deps.navigatorLanguage(),
    }),
    getSettings: async () => readSettings(),
    setSettings: async (patch) => {
      const next = applySettingsPatch(readSettings(), patch);
      if (next.serverUrl !== defaults.serverUrl) {
        throw new Error(
          `settings.serverUrl: in the browser the app talks only to the server it was opened from (${defaults.serverUrl})`,
        );
      }
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    loadSession: async () => {
      const parsed = sessionSchema.safeParse(readJson(storage, SESSION_KEY));
      return parsed.success ? parsed.data : null;
    },
    storeSession: async (session: Session) => {
      storage.setItem(SESSION_KEY, JSON.stringify(sessionSchema.parse(session)));
    },
    clearSession: async () => {
      storage.removeItem(SESSION_KEY);
    },
    loadRevocations: async () => {
      const parsed = pendingRevocationsSchema.safeParse(readJson(storage, REVOCATIONS_KEY));
      return parsed.success ? parsed.data : [];
    },
    storeRevocations: async (revocations: PendingRevocation[]) => {
      const valid = pendingRevocationsSchema.parse(revocations);
      if (valid.length === 0) storage.removeItem(REVOCATIONS_KEY);
      else storage.setItem(REVOCATIONS_KEY, JSON.stringify(valid));
    },
    saveFile: async (args): Promise<SaveResult> => {
      const { defaultName, data } = saveFileArgsSchema.parse(args);
      // Copy into a fresh ArrayBuffer-backed view: Blob does not take shared buffers.
      deps.download(defaultName, new Blob([new Uint8Array(data)]));
      return { saved: true, path: null };
    },
    printToPdf: async (args): Promise<SaveResult> => {
      const { defaultName } = printToPdfArgsSchema.parse(args);
      deps.print(defaultName.replace(/\.pdf$/i, ''));
      // The browser's dialog does not say whether the person saved a file.
      return { saved: false, path: null };
    },
  } satisfies PlatformApi;
}
