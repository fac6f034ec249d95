// The one application window: locked-down web preferences, shown once it has painted, loading
// the renderer from app:// (or from the dev server while developing).
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Field Inspector',
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Where the window loads the renderer from. */
export function rendererUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? APP_ENTRY_URL;
}

/** The part of a BrowserWindow the shell uses after creating it. */
export interface ShellWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  isDestroyed(): boolean;
}

export type WindowFactory<W extends ShellWindow> = (options: BrowserWindowConstructorOptions) => W;

export interface CreateWindowOptions<W extends ShellWindow> {
  newWindow: WindowFactory<W>;
  preloadPath: string;
  devServerUrl: string | undefined;
}

export function createMainWindow<W extends ShellWindow>(options: CreateWindowOptions<W>): W {
  const window = options.newWindow(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(rendererUrl(options.devServerUrl)).catch((error: unknown) => {
    console.error('Could not load the renderer', error);
  });
  return window;
}

/** Bring the existing window to the front (a second launch lands here). */
export function focusWindow(window: ShellWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
