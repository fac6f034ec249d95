// session:load, session:store and session:clear — the remembered sign-in, kept encrypted — and
// revocations:load and revocations:store, the tokens of offline sign-outs still to revoke.
import type { RevocationStore } from '../revocation-store';
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

export function registerRevocationIpc<E extends IpcEvent>(
  { ipcMain, isTrustedSender }: IpcContext<E>,
  store: RevocationStore,
): void {
  handle(ipcMain, 'revocations:load', () => store.load(), isTrustedSender);
  handle(
    ipcMain,
    'revocations:store',
    ([revocations]) => store.store(revocations),
    isTrustedSender,
  );
}
