// app:info — name, version and locale of the desktop app.
import type { IpcContext } from './context';
import type { IpcEvent } from './handle';
import { handle } from './handle';

/** The part of Electron's app the handler reads. */
export interface AppInfoSource {
  getName(): string;
  getVersion(): string;
  getLocale(): string;
}

export function registerAppIpc<E extends IpcEvent>(
  { ipcMain, isTrustedSender }: IpcContext<E>,
  app: AppInfoSource,
  platform: string = process.platform,
): void {
  handle(
    ipcMain,
    'app:info',
    () => ({
      name: app.getName(),
      version: app.getVersion(),
      shell: 'electron' as const,
      platform,
      locale: app.getLocale(),
    }),
    isTrustedSender,
  );
}
