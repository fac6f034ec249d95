import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../../domain/platform/contract';
import { methodChannels } from '../../../../domain/platform/contract';
import { buildApi } from '../../../../electron/preload/api';

describe('buildApi', () => {
  it('offers exactly one method per contract entry, and nothing generic', () => {
    const api = buildApi(async () => undefined);
    expect(Object.keys(api).sort()).toEqual(Object.keys(methodChannels).sort());
    for (const generic of ['send', 'invoke', 'on', 'ipcRenderer']) {
      expect(api).not.toHaveProperty(generic);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(Object.entries(methodChannels))(
    '%s invokes only %s, forwarding its arguments',
    async (method, channel) => {
      const invoked: [Channel, unknown[]][] = [];
      const api = buildApi(async (c, args) => {
        invoked.push([c, args]);
        return 'answer';
      });
      const call = (api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[
        method
      ];
      expect(await call?.({ probe: 1 })).toBe('answer');
      expect(invoked).toEqual([[channel, [{ probe: 1 }]]]);
    },
  );
});
