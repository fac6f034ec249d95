// Stands in for Electron's safeStorage (which needs the OS key store): a reversible cipher
// that keeps the plain text out of the stored bytes, and switches for "no key store".
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryptor } from '../../../electron/main/session-store';

export interface FakeSafeStorageOptions {
  available?: boolean;
  backend?: string;
  /** Answer every decryption as made under a rotated key. */
  rotated?: boolean;
}

export interface FakeSafeStorage extends Encryptor {
  /** How many times something was encrypted. */
  readonly encryptions: number;
}

export function fakeSafeStorage(options: FakeSafeStorageOptions = {}): FakeSafeStorage {
  const key = randomBytes(32);
  let encryptions = 0;
  return {
    get encryptions() {
      return encryptions;
    },
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    async encryptStringAsync(plainText) {
      encryptions++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const result = Buffer.concat([
        decipher.update(encrypted.subarray(28)),
        decipher.final(),
      ]).toString();
      return { result, shouldReEncrypt: options.rotated ?? false };
    },
  };
}
