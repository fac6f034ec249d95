import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '../../../../../renderer/src/features/settings/persistent-storage';

function storage(granted: boolean, already = false) {
  const calls: string[] = [];
  return {
    calls,
    manager: {
      persisted: async () => {
        calls.push('persisted');
        return already;
      },
      persist: async () => {
        calls.push('persist');
        return granted;
      },
    },
  };
}

describe('requestPersistentStorage', () => {
  it('asks the browser and answers what it granted', async () => {
    const yes = storage(true);
    expect(await requestPersistentStorage(yes.manager)).toBe(true);
    expect(yes.calls).toEqual(['persisted', 'persist']);
    expect(await requestPersistentStorage(storage(false).manager)).toBe(false);
  });

  it('does not ask again once storage is persistent', async () => {
    const already = storage(false, true);
    expect(await requestPersistentStorage(already.manager)).toBe(true);
    expect(already.calls).toEqual(['persisted']);
  });

  it('answers null where the browser has no storage manager or it fails', async () => {
    expect(await requestPersistentStorage(undefined)).toBeNull();
    const broken = {
      persisted: async () => false,
      persist: async (): Promise<boolean> => {
        throw new Error('not allowed');
      },
    };
    expect(await requestPersistentStorage(broken)).toBeNull();
  });
});
