// settings:get and settings:set — the desktop settings (server URL, language).
import type { Settings } from '../../../domain/platform/contract';
import type { SettingsStore } from '../settings-store';
import type { IpcContext } from './context';
import type { IpcEvent } from './handle';
import { handle } from './handle';

export function registerSettingsIpc<E extends IpcEvent>(
  { ipcMain, isTrustedSender }: IpcContext<E>,
  store: SettingsStore,
  onChange: (settings: Settings) => void = () => undefined,
): void {
  handle(ipcMain, 'settings:get', () => store.get(), isTrustedSender);
  handle(
    ipcMain,
    'settings:set',
    async ([patch]) => {
      const settings = await store.set(patch);
      onChange(settings);
      return settings;
    },
    isTrustedSender,
  );
}
