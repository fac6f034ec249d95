import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  createSessionStore,
  EncryptionUnavailableError,
} from '../../../../electron/main/session-store';
import { fakeSafeStorage } from '../fake-safe-storage';
import { exists, useTempFile } from '../temp-file';
import { sampleSession } from '../sample-session';

const tempFile = useTempFile('fi-session-', 'session.bin');

describe('createSessionStore', () => {
  it('round-trips a session through encryption, never writing the token in clear', async () => {
    const store = createSessionStore(tempFile(), fakeSafeStorage());
    expect(await store.load()).toBeNull();
    await store.store(sampleSession());
    const bytes = await readFile(tempFile());
    expect(bytes.toString('latin1')).not.toContain(sampleSession().token);
    expect(bytes.toString('utf8')).not.toContain('inspector.li');
    expect(await store.load()).toEqual(sampleSession());
    await store.clear();
    expect(await exists(tempFile())).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('refuses to store when the system cannot encrypt, and says so', async () => {
    const store = createSessionStore(tempFile(), fakeSafeStorage({ available: false }));
    await expect(store.store(sampleSession())).rejects.toThrow(EncryptionUnavailableError);
    await expect(store.store(sampleSession())).rejects.toThrow(/encryptionUnavailable/);
    expect(await exists(tempFile())).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('treats the Linux plain-text fallback as no encryption', async () => {
    const store = createSessionStore(tempFile(), fakeSafeStorage({ backend: 'basic_text' }));
    await expect(store.store(sampleSession())).rejects.toThrow(EncryptionUnavailableError);
    expect(await exists(tempFile())).toBe(false);
  });

  it('forgets a session it cannot decrypt', async () => {
    await createSessionStore(tempFile(), fakeSafeStorage()).store(sampleSession());
    // Another key (another OS account) cannot read it.
    expect(await createSessionStore(tempFile(), fakeSafeStorage()).load()).toBeNull();
    await writeFile(tempFile(), 'garbage');
    expect(await createSessionStore(tempFile(), fakeSafeStorage()).load()).toBeNull();
  });

  it('encrypts a session again when the key store says its key was rotated', async () => {
    const rotated = fakeSafeStorage({ rotated: true });
    const store = createSessionStore(tempFile(), rotated);
    await store.store(sampleSession());
    const before = await readFile(tempFile());
    expect(rotated.encryptions).toBe(1);
    expect(await store.load()).toEqual(sampleSession());
    expect(rotated.encryptions).toBe(2);
    expect((await readFile(tempFile())).equals(before)).toBe(false);
    expect(await store.load()).toEqual(sampleSession());
  });

  it('refuses an invalid session', async () => {
    const store = createSessionStore(tempFile(), fakeSafeStorage());
    await expect(store.store({ ...sampleSession(), token: 'short' })).rejects.toThrow();
    expect(await exists(tempFile())).toBe(false);
  });
});
