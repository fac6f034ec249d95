// Registers every channel of the contract; a test checks that none is left out.
import type { Settings } from '../../../domain/platform/contract';
import type { RevocationStore } from '../revocation-store';
import type { SessionStore } from '../session-store';
import type { SettingsStore } from '../settings-store';
import type { AppInfoSource } from './app';
import { registerAppIpc } from './app';
import type { IpcContext } from './context';
import { registerFilesIpc } from './files';
import type { IpcEvent } from './handle';
import type { PdfDeps } from './pdf';
import { registerPdfIpc } from './pdf';
import { registerRevocationIpc, registerSessionIpc } from './session';
import { registerSettingsIpc } from './settings';

export interface IpcDeps<E> extends PdfDeps<E> {
  app: AppInfoSource;
  settings: SettingsStore;
  session: SessionStore;
  revocations: RevocationStore;
  onSettingsChange?: (settings: Settings) => void;
}

export function registerIpc<E extends IpcEvent>(context: IpcContext<E>, deps: IpcDeps<E>): void {
  registerAppIpc(context, deps.app);
  registerSettingsIpc(context, deps.settings, deps.onSettingsChange);
  registerSessionIpc(context, deps.session);
  registerRevocationIpc(context, deps.revocations);
  registerFilesIpc(context, deps);
  registerPdfIpc(context, deps);
}
