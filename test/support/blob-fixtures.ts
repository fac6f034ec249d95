// Photo bytes for the blob tests, and the stores they run against: each database kind with the
// bytes in the database, and PGlite once more with the bytes in files.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
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

/** A reference to `bytes` as a record holds it. */
export const photoRef = (bytes: Buffer) => ({
  sha256: sha(bytes),
  mime: 'image/jpeg' as const,
  size: bytes.length,
});

/** PUT /blobs/:sha256 of `bytes` as the session `token`. */
export function putBlob(app: FastifyInstance, token: string, bytes: Buffer, mime = 'image/jpeg') {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/blobs/${sha(bytes)}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': mime },
    payload: bytes,
  });
}

/** POST /blobs/missing of `hashes` as the session `token`: the hashes answered missing. */
export async function missingFor(app: FastifyInstance, token: string, hashes: string[]) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/blobs/missing',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ hashes }),
  });
  if (res.statusCode !== 200) throw new Error(`blobs/missing: ${res.statusCode} ${res.body}`);
  return res.json<{ missing: string[] }>().missing;
}

/** POST /blobs/batch of JPEG `blobs` as the session `token`. */
export function postBlobBatch(app: FastifyInstance, token: string, blobs: Buffer[]) {
  const header = Buffer.from(
    JSON.stringify({
      blobs: blobs.map((b) => ({ sha256: sha(b), mime: 'image/jpeg', size: b.length })),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return app.inject({
    method: 'POST',
    url: '/api/v1/blobs/batch',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/vnd.field-inspector.blob-batch',
    },
    payload: Buffer.concat([length, header, ...blobs]),
  });
}
