// A stand-in for ipcMain that records registrations and lets a test invoke them as a frame would.
import type { InvokeRegistry, IpcEvent } from '../../../electron/main/ipc/handle';

export interface FakeEvent extends IpcEvent {
  readonly sender: { readonly id: number };
}

export const APP_FRAME_URL = 'app://bundle/index.html#/enterprises';

export function eventFrom(url: string | null): FakeEvent {
  return { senderFrame: url === null ? null : { url }, sender: { id: 1 } };
}

export class FakeIpcMain implements InvokeRegistry<FakeEvent> {
  readonly listeners = new Map<
    string,
    (event: FakeEvent, ...args: unknown[]) => Promise<unknown>
  >();

  handle(channel: string, listener: (event: FakeEvent, ...args: unknown[]) => Promise<unknown>) {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }

  invoke(channel: string, event: FakeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  }
}
