import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ShellWindow } from '../../../../electron/main/windows';
import {
  createMainWindow,
  focusWindow,
  mainWindowOptions,
} from '../../../../electron/main/windows';

class FakeWindow implements ShellWindow {
  readonly events: string[] = [];
  readyListener: (() => void) | null = null;
  minimized = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListener = listener;
  }
  show() {
    this.events.push('show');
  }
  async loadURL(url: string) {
    this.events.push(`load ${url}`);
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    this.events.push('restore');
  }
  focus() {
    this.events.push('focus');
  }
  isDestroyed() {
    return false;
  }
}

describe('mainWindowOptions', () => {
  it('locks the renderer down and uses the given preload', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('createMainWindow', () => {
  it('loads the renderer over app:// and shows the window only once it is ready', () => {
    const window = createMainWindow({
      newWindow: (options) => new FakeWindow(options),
      preloadPath: '/app/out/preload/index.cjs',
      devServerUrl: undefined,
    });
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(window.events).toEqual(['load app://bundle/index.html']);
    window.readyListener?.();
    expect(window.events).toEqual(['load app://bundle/index.html', 'show']);
  });

  it('loads the dev server while developing', () => {
    const window = createMainWindow({
      newWindow: (options) => new FakeWindow(options),
      preloadPath: '/p.cjs',
      devServerUrl: 'http://localhost:5173',
    });
    expect(window.events).toEqual(['load http://localhost:5173']);
  });
});

describe('focusWindow', () => {
  it('restores a minimised window and brings it to the front', () => {
    const window = new FakeWindow({});
    window.minimized = true;
    focusWindow(window);
    expect(window.events).toEqual(['restore', 'show', 'focus']);
  });

  it('does nothing without a window', () => {
    expect(() => focusWindow(null)).not.toThrow();
  });
});
