import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createRevocationStore } from '../../../../electron/main/revocation-store';
import { EncryptionUnavailableError } from '../../../../electron/main/session-store';
import { MAX_PENDING_REVOCATIONS } from '../../../../domain/platform/contract';
import { fakeSafeStorage } from '../fake-safe-storage';
import { exists, useTempFile } from '../temp-file';

const tempFile = useTempFile('fi-revocations-', 'revocations.bin');

const pending = (n: number) => ({
  serverUrl: 'https://hq.example.gov.cn',
  token: `tok_${String(n).padStart(40, '0')}`,
});

describe('createRevocationStore', () => {
  it('keeps the tokens to revoke encrypted, never in clear, and forgets them when emptied', async () => {
    const store = createRevocationStore(tempFile(), fakeSafeStorage());
    expect(await store.load()).toEqual([]);
    await store.store([pending(1), pending(2)]);
    const bytes = await readFile(tempFile());
    expect(bytes.toString('latin1')).not.toContain(pending(1).token);
    expect(bytes.toString('latin1')).not.toContain('hq.example');
    expect(await store.load()).toEqual([pending(1), pending(2)]);
    await store.store([]);
    expect(await exists(tempFile())).toBe(false);
    expect(await store.load()).toEqual([]);
  });

  it('keeps nothing when the system cannot encrypt, and says so', async () => {
    const store = createRevocationStore(tempFile(), fakeSafeStorage({ backend: 'basic_text' }));
    await expect(store.store([pending(1)])).rejects.toThrow(EncryptionUnavailableError);
    expect(await exists(tempFile())).toBe(false);
    expect(await store.load()).toEqual([]);
  });

  it('forgets what it cannot decrypt or read', async () => {
    await createRevocationStore(tempFile(), fakeSafeStorage()).store([pending(1)]);
    expect(await createRevocationStore(tempFile(), fakeSafeStorage()).load()).toEqual([]);
    await writeFile(tempFile(), 'garbage');
    expect(await createRevocationStore(tempFile(), fakeSafeStorage()).load()).toEqual([]);
  });

  it('refuses malformed entries and more than it keeps', async () => {
    const store = createRevocationStore(tempFile(), fakeSafeStorage());
    await expect(
      store.store([{ serverUrl: 'not a url', token: pending(1).token }]),
    ).rejects.toThrow();
    const tooMany = Array.from({ length: MAX_PENDING_REVOCATIONS + 1 }, (_, i) => pending(i));
    await expect(store.store(tooMany)).rejects.toThrow();
    expect(await exists(tempFile())).toBe(false);
  });
});
