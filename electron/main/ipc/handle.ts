// The single way main answers the renderer: check who is asking, validate the arguments with
// the channel's schema from the contract, and only then run the handler.
import { z } from 'zod';
import type { Channel } from '../../../domain/platform/contract';
import { channels } from '../../../domain/platform/contract';

export type ChannelArgs<C extends Channel> = z.output<(typeof channels)[C]['args']>;
export type ChannelResult<C extends Channel> = z.output<(typeof channels)[C]['result']>;

/** The frame that sent a message (Electron's WebFrameMain; null once it is gone). */
export interface SenderFrame {
  readonly url: string;
}

/** What the helper needs of an invoke event; handlers may use more of the real one. */
export interface IpcEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The part of ipcMain the helper registers with. */
export interface InvokeRegistry<E extends IpcEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

export type SenderCheck = (frame: SenderFrame | null) => boolean;

export type ChannelHandler<E extends IpcEvent, C extends Channel> = (
  args: ChannelArgs<C>,
  event: E,
) => ChannelResult<C> | Promise<ChannelResult<C>>;

/** Trusts only frames whose URL is on the app's own origin. */
export function createSenderCheck(isAppUrl: (url: string) => boolean): SenderCheck {
  return (frame) => frame !== null && isAppUrl(frame.url);
}

export class IpcRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRejectedError';
  }
}

export function handle<E extends IpcEvent, C extends Channel>(
  ipcMain: InvokeRegistry<E>,
  channel: C,
  fn: ChannelHandler<E, C>,
  isTrustedSender: SenderCheck,
): void {
  const schema: z.ZodType = channels[channel].args;
  ipcMain.handle(channel, async (event, ...args) => {
    if (!isTrustedSender(event.senderFrame)) {
      throw new IpcRejectedError(`ipc.untrustedSender: ${channel} refused for a foreign frame`);
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      throw new IpcRejectedError(
        `ipc.invalidArguments: ${channel}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`,
      );
    }
    // The schema is the one for this channel, so its output is this channel's argument tuple.
    return fn(parsed.data as ChannelArgs<C>, event);
  });
}
