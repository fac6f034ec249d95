// session:load, session:store and session:clear — the remembered sign-in, kept encrypted.
import type { SessionStore } from '../session-store';
import type { IpcContext } from './context';
import type { IpcEvent } from './handle';
import { handle } from './handle';

export function registerSessionIpc<E extends IpcEvent>(
  { ipcMain, isTrustedSender }: IpcContext<E>,
  store: SessionStore,
): void {
  handle(ipcMain, 'session:load', () => store.load(), isTrustedSender);
  handle(ipcMain, 'session:store', ([session]) => store.store(session), isTrustedSender);
  handle(ipcMain, 'session:clear', () => store.clear(), isTrustedSender);
}
