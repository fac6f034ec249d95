// Owns blobs (photos, signatures) addressed by the SHA-256 of their bytes. Metadata is always a
// row of the blobs table; the bytes live in that row (PostgreSQL, so that every server process
// behind a load balancer sees them) or, with the embedded database on disk, in files under the
// data directory: <dir>/aa/bb/<sha256>. Uploads are hashed while they stream and kept only when
// the bytes hash to their name.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

export const MAX_BLOB_BYTES = 20 * 1024 * 1024;
export const BLOB_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type BlobMime = (typeof BLOB_MIMES)[number];

export interface BlobUpload {
  sha256: string;
  mime: BlobMime;
  source: Readable;
  userId: string;
  now: Date;
}

/** A blob already hashed and checked against its name (see blob-batch.ts). */
export interface VerifiedBlob {
  sha256: string;
  mime: BlobMime;
  bytes: Buffer;
}

export interface StoredBlob {
  mime: string;
  size: number;
  body: Buffer | Readable;
}

export interface BlobStore {
  /** Where the bytes live, for log lines and tests. */
  readonly location: 'database' | 'files';
  /** Stores the upload; false when a blob of that hash was already there. */
  save(db: Queryable, upload: BlobUpload): Promise<{ created: boolean }>;
  /** Stores verified blobs with one metadata insert; the hashes that were not there before. */
  saveMany(
    db: Queryable,
    blobs: readonly VerifiedBlob[],
    by: { userId: string; now: Date },
  ): Promise<Set<string>>;
  /** The blob if `user` may read it (see readableBlob), else null. */
  read(db: Queryable, sha256: string, user: User): Promise<StoredBlob | null>;
}

export const tooLarge = () =>
  new ApiError(413, 'payload_too_large', `A blob may hold at most ${MAX_BLOB_BYTES} bytes.`);

const signatures: Record<BlobMime, (head: Buffer) => boolean> = {
  'image/jpeg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  'image/png': (h) => h.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  'image/webp': (h) =>
    h.subarray(0, 4).toString('latin1') === 'RIFF' &&
    h.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Hashes and counts the bytes passing through; refuses more than MAX_BLOB_BYTES. */
function meter() {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  async function* pass(chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > MAX_BLOB_BYTES) throw tooLarge();
      if (head.length < 12) head = Buffer.concat([head, chunk.subarray(0, 12 - head.length)]);
      hash.update(chunk);
      yield chunk;
    }
  }
  return { pass, result: () => ({ sha256: hash.digest('hex'), size, head }) };
}

/** Whether `bytes` start as data of type `mime` do. */
export const looksLike = (mime: BlobMime, bytes: Buffer): boolean => signatures[mime](bytes);

function verify(upload: BlobUpload, got: { sha256: string; size: number; head: Buffer }) {
  if (got.size === 0) throw new ApiError(400, 'empty_blob', 'The request body is empty.');
  if (got.sha256 !== upload.sha256) {
    throw new ApiError(
      400,
      'hash_mismatch',
      `The bytes hash to ${got.sha256}, not to ${upload.sha256}: nothing was stored.`,
    );
  }
  if (!signatures[upload.mime](got.head)) {
    throw new ApiError(415, 'unsupported_media_type', `The bytes are not ${upload.mime} data.`);
  }
}

async function insertMeta(
  db: Queryable,
  upload: BlobUpload,
  size: number,
  bytes: Buffer | null,
): Promise<boolean> {
  const rows = await db.query<{ sha256: string }>(
    `INSERT INTO blobs (sha256, mime, size, created_by, created_at, bytes)
     VALUES ($1, $2, $3, $4::uuid, $5::timestamptz, $6) ON CONFLICT (sha256) DO NOTHING
     RETURNING sha256`,
    [upload.sha256, upload.mime, size, upload.userId, upload.now.toISOString(), bytes],
  );
  return rows.length > 0;
}

/** One row per blob in one statement (at most MAX_BLOB_BATCH_COUNT blobs, so few parameters). */
async function insertMetaMany(
  db: Queryable,
  blobs: readonly VerifiedBlob[],
  by: { userId: string; now: Date },
  withBytes: boolean,
): Promise<Set<string>> {
  if (blobs.length === 0) return new Set();
  const params: unknown[] = [by.userId, by.now.toISOString()];
  const rows = blobs.map((b) => {
    const at = params.length;
    params.push(b.sha256, b.mime, b.bytes.length, withBytes ? b.bytes : null);
    return `($${at + 1}, $${at + 2}, $${at + 3}::int, $1::uuid, $2::timestamptz, $${at + 4}::bytea)`;
  });
  const inserted = await db.query<{ sha256: string }>(
    `INSERT INTO blobs (sha256, mime, size, created_by, created_at, bytes)
     VALUES ${rows.join(', ')} ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    params,
  );
  return new Set(inserted.map((r) => r.sha256));
}

/**
 * The blob's row if `user` may read it: admins read every blob; others a blob that a record in
 * their scope refers to (town in their jurisdiction, or a record everyone reads), and the
 * uploader their own upload until some record refers to it.
 */
async function readableBlob(db: Queryable, sha256: string, user: User) {
  const rows = await db.query<{ mime: string; size: number; bytes: Uint8Array | null }>(
    `SELECT b.mime, b.size, b.bytes FROM blobs b WHERE b.sha256 = $1 AND (
       $2::boolean
       OR EXISTS (SELECT 1 FROM blob_refs br JOIN records r
                    ON r.entity = br.entity AND r.id = br.record_id
                  WHERE br.sha256 = b.sha256 AND (r.town IS NULL
                    OR r.town IN (SELECT value FROM jsonb_array_elements_text($3::jsonb))))
       OR (b.created_by = $4::uuid AND NOT EXISTS (SELECT 1 FROM blob_refs br WHERE br.sha256 = b.sha256)))`,
    [sha256, user.role === 'admin', JSON.stringify(user.jurisdiction), user.id],
  );
  return rows[0] ?? null;
}

/** Bytes in the blobs table. */
export function databaseBlobStore(): BlobStore {
  return {
    location: 'database',
    async save(db, upload) {
      const m = meter();
      const chunks: Buffer[] = [];
      await pipeline(upload.source, m.pass, async (stream: AsyncIterable<Buffer>) => {
        for await (const chunk of stream) chunks.push(chunk);
      });
      const got = m.result();
      verify(upload, got);
      return { created: await insertMeta(db, upload, got.size, Buffer.concat(chunks)) };
    },
    saveMany: (db, blobs, by) => insertMetaMany(db, blobs, by, true),
    async read(db, sha256, user) {
      const row = await readableBlob(db, sha256, user);
      if (!row?.bytes) return null;
      return { mime: row.mime, size: row.size, body: Buffer.from(row.bytes) };
    },
  };
}

/** Bytes in files under `dir` (the embedded database's data directory). */
export function fileBlobStore(dir: string): BlobStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  // Directories made by this process: each is made once, not once per upload.
  const made = new Map<string, Promise<unknown>>();
  const ensureDir = (path: string) => {
    let done = made.get(path);
    if (!done) {
      done = mkdir(path, { recursive: true }).catch((error: unknown) => {
        made.delete(path);
        throw error;
      });
      made.set(path, done);
    }
    return done;
  };
  const writeFileAt = async (blob: VerifiedBlob) => {
    const tmpDir = join(dir, 'tmp');
    await ensureDir(tmpDir);
    const tmp = join(tmpDir, randomUUID());
    try {
      await writeFile(tmp, blob.bytes);
      await ensureDir(join(pathOf(blob.sha256), '..'));
      await rename(tmp, pathOf(blob.sha256));
    } catch (error) {
      await rm(tmp, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') made.clear();
      throw error;
    }
  };
  return {
    location: 'files',
    async save(db, upload) {
      const tmpDir = join(dir, 'tmp');
      await ensureDir(tmpDir);
      const tmp = join(tmpDir, randomUUID());
      let moved = false;
      try {
        const m = meter();
        await pipeline(upload.source, m.pass, createWriteStream(tmp));
        const got = m.result();
        verify(upload, got);
        // The file is in place before its row exists, so a row always has its bytes; a crash in
        // between leaves a file that the next upload of the same bytes overwrites.
        await ensureDir(join(pathOf(upload.sha256), '..'));
        await rename(tmp, pathOf(upload.sha256));
        moved = true;
        return { created: await insertMeta(db, upload, got.size, null) };
      } catch (error) {
        // A directory removed behind the server's back is made again by the next upload.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') made.clear();
        throw error;
      } finally {
        if (!moved) await rm(tmp, { force: true });
      }
    },
    async saveMany(db, blobs, by) {
      // As with save: every file is in place before the rows that point at it exist.
      await Promise.all(blobs.map((b) => writeFileAt(b)));
      return insertMetaMany(db, blobs, by, false);
    },
    async read(db, sha256, user) {
      const row = await readableBlob(db, sha256, user);
      if (!row) return null;
      const body = row.bytes ? Buffer.from(row.bytes) : createReadStream(pathOf(sha256));
      return { mime: row.mime, size: row.size, body };
    },
  };
}

/** Which of `hashes` the server does not hold, in the order asked, each once. */
export async function missingBlobs(db: Queryable, hashes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return [];
  const rows = await db.query<{ sha256: string }>(
    `SELECT sha256 FROM blobs WHERE sha256 IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(unique)],
  );
  const present = new Set(rows.map((r) => r.sha256));
  return unique.filter((h) => !present.has(h));
}
