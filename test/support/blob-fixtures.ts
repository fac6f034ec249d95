// Photo bytes for the blob tests, and the stores they run against: each database kind with the
// bytes in the database, and PGlite once more with the bytes in files.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKind } from '../../server/src/db/database';
import { databaseKinds } from './test-databases';

/** Bytes that start like a JPEG file, different for each seed. */
export function jpeg(seed: string, size = 2048): Buffer {
  const bytes = Buffer.alloc(size, seed);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

export const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const blobStoreCases = databaseKinds.flatMap(
  (kind): { kind: DatabaseKind; files: boolean }[] =>
    kind === 'pglite'
      ? [
          { kind, files: false },
          { kind, files: true },
        ]
      : [{ kind, files: false }],
);

/** Whether the file store holds a file for `hash` (fanned out by its first two byte pairs). */
export const inFileStore = (dir: string, hash: string) =>
  existsSync(join(dir, hash.slice(0, 2), hash.slice(2, 4), hash));
