// One running app per user: a second launch hands over to the first, which comes to the front.
import type { ShellWindow } from './windows';
import { focusWindow } from './windows';

/** The part of Electron's app the lock needs. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** True when this process is the first instance; otherwise it quits and answers false. */
export function claimSingleInstance(app: InstanceApp, current: () => ShellWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(current()));
  return true;
}
