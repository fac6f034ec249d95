import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSessionStore,
  EncryptionUnavailableError,
} from '../../../../electron/main/session-store';
import { fakeSafeStorage } from '../fake-safe-storage';
import { sampleSession } from '../sample-session';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fi-session-'));
  file = join(dir, 'session.bin');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('createSessionStore', () => {
  it('round-trips a session through encryption, never writing the token in clear', async () => {
    const store = createSessionStore(file, fakeSafeStorage());
    expect(await store.load()).toBeNull();
    await store.store(sampleSession());
    const bytes = await readFile(file);
    expect(bytes.toString('latin1')).not.toContain(sampleSession().token);
    expect(bytes.toString('utf8')).not.toContain('inspector.li');
    expect(await store.load()).toEqual(sampleSession());
    await store.clear();
    expect(await exists(file)).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('refuses to store when the system cannot encrypt, and says so', async () => {
    const store = createSessionStore(file, fakeSafeStorage({ available: false }));
    await expect(store.store(sampleSession())).rejects.toThrow(EncryptionUnavailableError);
    await expect(store.store(sampleSession())).rejects.toThrow(/encryptionUnavailable/);
    expect(await exists(file)).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('treats the Linux plain-text fallback as no encryption', async () => {
    const store = createSessionStore(file, fakeSafeStorage({ backend: 'basic_text' }));
    await expect(store.store(sampleSession())).rejects.toThrow(EncryptionUnavailableError);
    expect(await exists(file)).toBe(false);
  });

  it('forgets a session it cannot decrypt', async () => {
    await createSessionStore(file, fakeSafeStorage()).store(sampleSession());
    // Another key (another OS account) cannot read it.
    expect(await createSessionStore(file, fakeSafeStorage()).load()).toBeNull();
    await writeFile(file, 'garbage');
    expect(await createSessionStore(file, fakeSafeStorage()).load()).toBeNull();
  });

  it('encrypts a session again when the key store says its key was rotated', async () => {
    const rotated = fakeSafeStorage({ rotated: true });
    const store = createSessionStore(file, rotated);
    await store.store(sampleSession());
    const before = await readFile(file);
    expect(rotated.encryptions).toBe(1);
    expect(await store.load()).toEqual(sampleSession());
    expect(rotated.encryptions).toBe(2);
    expect((await readFile(file)).equals(before)).toBe(false);
    expect(await store.load()).toEqual(sampleSession());
  });

  it('refuses an invalid session', async () => {
    const store = createSessionStore(file, fakeSafeStorage());
    await expect(store.store({ ...sampleSession(), token: 'short' })).rejects.toThrow();
    expect(await exists(file)).toBe(false);
  });
});
