// Owns the remembered sign-in (session.bin in userData): the session JSON encrypted with the
// operating system's key store through Electron's safeStorage. Never written in clear.
import { readFile, rm } from 'node:fs/promises';
import type { Session } from '../../renderer/src/platform/contract';
import { sessionSchema } from '../../renderer/src/platform/contract';
import { writeFileAtomic } from './settings-store';

/** The part of Electron's safeStorage the store uses. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
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
export function canEncrypt(encryptor: Encryptor): boolean {
  if (!encryptor.isEncryptionAvailable()) return false;
  // On Linux without a secret service, safeStorage "encrypts" with a fixed key: not a secret.
  return encryptor.getSelectedStorageBackend?.() !== 'basic_text';
}

export function createSessionStore(filePath: string, encryptor: Encryptor): SessionStore {
  return {
    async load() {
      if (!canEncrypt(encryptor)) return null;
      let encrypted: Buffer;
      try {
        encrypted = await readFile(filePath);
      } catch {
        return null;
      }
      try {
        const parsed = sessionSchema.safeParse(JSON.parse(encryptor.decryptString(encrypted)));
        return parsed.success ? parsed.data : null;
      } catch {
        // Encrypted under another key (a different OS account) or damaged: forget it.
        return null;
      }
    },
    async store(session) {
      const valid = sessionSchema.parse(session);
      if (!canEncrypt(encryptor)) throw new EncryptionUnavailableError();
      await writeFileAtomic(filePath, encryptor.encryptString(JSON.stringify(valid)));
    },
    async clear() {
      await rm(filePath, { force: true });
    },
  };
}
