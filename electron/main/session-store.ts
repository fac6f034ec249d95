// Owns the remembered sign-in (session.bin in userData): the session JSON encrypted with the
// operating system's key store through Electron's safeStorage. Never written in clear.
import { readFile, rm } from 'node:fs/promises';
import type { Session } from '../../domain/platform/contract';
import { sessionSchema } from '../../domain/platform/contract';
import { writeFileAtomic } from './settings-store';

/**
 * The part of Electron's safeStorage the store uses: its asynchronous methods (the synchronous
 * ones are deprecated since Electron 45 and go in 46; they decrypt what those encrypted).
 */
export interface Encryptor {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  /** shouldReEncrypt: the key was rotated, so the data should be encrypted again. */
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: 'basic_text' means no key store, i.e. a hard-coded key. */
  getSelectedStorageBackend?(): string;
}

export class EncryptionUnavailableError extends Error {
  constructor() {
    super(
      'session.encryptionUnavailable: this system offers no key store to encrypt the session, ' +
        'so it is not remembered; sign in again next time',
    );
    this.name = 'EncryptionUnavailableError';
  }
}

export interface SessionStore {
  load(): Promise<Session | null>;
  store(session: Session): Promise<void>;
  clear(): Promise<void>;
}

/** Whether `encryptor` really encrypts (with a key from the operating system's store). */
export async function canEncrypt(encryptor: Encryptor): Promise<boolean> {
  if (!(await encryptor.isAsyncEncryptionAvailable())) return false;
  // On Linux without a secret service, safeStorage "encrypts" with a fixed key: not a secret.
  return encryptor.getSelectedStorageBackend?.() !== 'basic_text';
}

export function createSessionStore(filePath: string, encryptor: Encryptor): SessionStore {
  const write = async (session: Session) =>
    writeFileAtomic(filePath, await encryptor.encryptStringAsync(JSON.stringify(session)));
  return {
    async load() {
      if (!(await canEncrypt(encryptor))) return null;
      let encrypted: Buffer;
      try {
        encrypted = await readFile(filePath);
      } catch {
        return null;
      }
      let decrypted: { result: string; shouldReEncrypt: boolean };
      let parsed: ReturnType<typeof sessionSchema.safeParse>;
      try {
        decrypted = await encryptor.decryptStringAsync(encrypted);
        parsed = sessionSchema.safeParse(JSON.parse(decrypted.result));
      } catch {
        // Encrypted under another key (a different OS account) or damaged: forget it.
        return null;
      }
      if (!parsed.success) return null;
      // Under a rotated key: keep it readable tomorrow; if that fails, it is still read today.
      if (decrypted.shouldReEncrypt) await write(parsed.data).catch(() => undefined);
      return parsed.data;
    },
    async store(session) {
      const valid = sessionSchema.parse(session);
      if (!(await canEncrypt(encryptor))) throw new EncryptionUnavailableError();
      await write(valid);
    },
    async clear() {
      await rm(filePath, { force: true });
    },
  };
}
