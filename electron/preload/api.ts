// Builds window.api from the contract's methodChannels table, so that a new channel in the
// contract becomes a preload method without anyone writing a generic send.
import type { Channel, PlatformApi } from '../../domain/platform/contract';
import { methodChannels } from '../../domain/platform/method-channels';

export type Invoke = (channel: Channel, args: unknown[]) => Promise<unknown>;

export function buildApi(invoke: Invoke): PlatformApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(methodChannels) as [string, Channel][]) {
    api[method] = (...args) => invoke(channel, args);
  }
  // Each entry forwards its arguments to its own channel; main validates them with the
  // channel's schema, which is what gives the PlatformApi types their meaning.
  return Object.freeze(api) as unknown as PlatformApi;
}
