// Owns revocations.bin in userData: the tokens of sign-outs made offline, kept until the server
// they came from has revoked them, encrypted like the session itself (session-store.ts). Without
// a key store nothing is kept, as no session is: such a token simply expires on the server.
import { readFile, rm } from 'node:fs/promises';
import type { PendingRevocation } from '../../domain/platform/contract';
import { pendingRevocationsSchema } from '../../domain/platform/contract';
import type { Encryptor } from './session-store';
import { EncryptionUnavailableError, canEncrypt } from './session-store';
import { writeFileAtomic } from './settings-store';

export interface RevocationStore {
  load(): Promise<PendingRevocation[]>;
  store(revocations: PendingRevocation[]): Promise<void>;
}

export function createRevocationStore(filePath: string, encryptor: Encryptor): RevocationStore {
  return {
    async load() {
      if (!(await canEncrypt(encryptor))) return [];
      let encrypted: Buffer;
      try {
        encrypted = await readFile(filePath);
      } catch {
        return [];
      }
      try {
        const parsed = pendingRevocationsSchema.safeParse(
          JSON.parse((await encryptor.decryptStringAsync(encrypted)).result),
        );
        return parsed.success ? parsed.data : [];
      } catch {
        // Encrypted under another key or damaged: those tokens expire on the server by themselves.
        return [];
      }
    },
    async store(revocations) {
      const valid = pendingRevocationsSchema.parse(revocations);
      if (valid.length === 0) {
        await rm(filePath, { force: true });
        return;
      }
      if (!(await canEncrypt(encryptor))) throw new EncryptionUnavailableError();
      await writeFileAtomic(filePath, await encryptor.encryptStringAsync(JSON.stringify(valid)));
    },
  };
}
