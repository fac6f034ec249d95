// What every ipc/<domain>.ts registration receives: where to register, and whom to trust.
import type { InvokeRegistry, IpcEvent, SenderCheck } from './handle';

export interface IpcContext<E extends IpcEvent> {
  ipcMain: InvokeRegistry<E>;
  isTrustedSender: SenderCheck;
}
