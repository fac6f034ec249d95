// Owns blobs (photos, signatures) addressed by the SHA-256 of their bytes. Metadata is always a
// row of the blobs table; the bytes live in that row (PostgreSQL, so that every server process
// behind a load balancer sees them) or, with the embedded database on disk, in files under the
// data directory: <dir>/aa/bb/<sha256>. Uploads are hashed while they stream and kept only when
// the bytes hash to their name. Every upload is remembered with its user (blob_uploads): the
// proof that they hold the bytes, which lets a record of theirs refer to it (blob-access.ts).
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { User } from '../../../domain/schemas/user';
import type { DatabaseKind, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { callerParams, mayKnowSql } from './blob-access';
import { createHashLocks } from './hash-locks';

export const MAX_BLOB_BYTES = 20 * 1024 * 1024;
export const BLOB_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type BlobMime = (typeof BLOB_MIMES)[number];

export interface BlobUpload {
  sha256: string;
  mime: BlobMime;
  source: Readable;
  userId: string;
  now: Date;
  /**
   * Called once the bytes are verified, before anything is kept; throws to keep nothing (the
   * upload quota, see upload-quota.ts).
   */
  admit?: (blob: { sha256: string; size: number }) => Promise<void>;
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
  /**
   * Stores the upload; `created` is false only when this same user had uploaded those bytes
   * before (whoever else did: a caller who sends the bytes learns nothing of other users).
   */
  save(db: Queryable, upload: BlobUpload): Promise<{ created: boolean }>;
  /** Stores verified blobs with one metadata insert; the hashes the user had not uploaded before. */
  saveMany(
    db: Queryable,
    blobs: readonly VerifiedBlob[],
    by: { userId: string; now: Date },
  ): Promise<Set<string>>;
  /** The blob if `user` may read it (see readableBlob), else null. */
  read(db: Queryable, sha256: string, user: User): Promise<StoredBlob | null>;
  /**
   * Removes the bytes of blobs whose rows were just deleted (blob-gc.ts), except any whose row an
   * upload has written again meanwhile.
   */
  removeBytes(db: Queryable, hashes: readonly string[]): Promise<void>;
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

/**
 * The blob's row (unless already there) and its upload by this user, in one statement; answers
 * whether this user's upload is new. An upload of bytes no record has referred to yet is pending
 * (counted by the quota). `rows` are the blobs, each once (a batch header names each once).
 */
async function insertMeta(
  db: Queryable,
  rows: readonly { sha256: string; mime: string; size: number; bytes: Buffer | null }[],
  by: { userId: string; now: Date },
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const params: unknown[] = [by.userId, by.now.toISOString()];
  const values = rows.map((b) => {
    const at = params.length;
    params.push(b.sha256, b.mime, b.size, b.bytes);
    return `($${at + 1}, $${at + 2}, $${at + 3}::int, $${at + 4}::bytea)`;
  });
  // Data-modifying parts of a WITH all run, and every part reads the tables as they were before
  // the statement: the last part sees the user's uploads before this one.
  const created = await db.query<{ sha256: string }>(
    `WITH v (sha256, mime, size, bytes) AS (VALUES ${values.join(', ')}),
     stored AS (
       INSERT INTO blobs (sha256, mime, size, created_by, created_at, bytes)
       SELECT sha256, mime, size, $1::uuid, $2::timestamptz, bytes FROM v
       ON CONFLICT (sha256) DO NOTHING),
     uploaded AS (
       INSERT INTO blob_uploads (sha256, user_id, size, uploaded_at, pending)
       SELECT v.sha256, $1::uuid, v.size, $2::timestamptz,
         NOT coalesce((SELECT b.referenced FROM blobs b WHERE b.sha256 = v.sha256), false)
       FROM v
       ON CONFLICT (sha256, user_id) DO UPDATE SET uploaded_at = excluded.uploaded_at)
     SELECT v.sha256 FROM v WHERE NOT EXISTS (
       SELECT 1 FROM blob_uploads u WHERE u.sha256 = v.sha256 AND u.user_id = $1::uuid OFFSET 0)`,
    params,
  );
  return new Set(created.map((r) => r.sha256));
}

const insertOne = async (
  db: Queryable,
  upload: BlobUpload,
  size: number,
  bytes: Buffer | null,
): Promise<boolean> =>
  (await insertMeta(db, [{ sha256: upload.sha256, mime: upload.mime, size, bytes }], upload)).has(
    upload.sha256,
  );

const insertVerified = (
  db: Queryable,
  blobs: readonly VerifiedBlob[],
  by: { userId: string; now: Date },
  withBytes: boolean,
) =>
  insertMeta(
    db,
    blobs.map((b) => ({
      sha256: b.sha256,
      mime: b.mime,
      size: b.bytes.length,
      bytes: withBytes ? b.bytes : null,
    })),
    by,
  );

/** The blob's row if `user` may read it (blob-access.ts: its uploaders, readers of a record). */
async function readableBlob(db: Queryable, sha256: string, user: User) {
  const rows = await db.query<{ mime: string; size: number; bytes: Uint8Array | null }>(
    `SELECT b.mime, b.size, b.bytes FROM blobs b WHERE b.sha256 = $1 AND ${mayKnowSql('b.sha256', 2)}`,
    [sha256, ...callerParams(user)],
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
      await upload.admit?.(got);
      return { created: await insertOne(db, upload, got.size, Buffer.concat(chunks)) };
    },
    saveMany: (db, blobs, by) => insertVerified(db, blobs, by, true),
    async read(db, sha256, user) {
      const row = await readableBlob(db, sha256, user);
      if (!row?.bytes) return null;
      return { mime: row.mime, size: row.size, body: Buffer.from(row.bytes) };
    },
    // The bytes went with their rows.
    removeBytes: async () => undefined,
  };
}

/** Bytes in files under `dir` (the embedded database's data directory). */
export function fileBlobStore(dir: string): BlobStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const locks = createHashLocks();
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
        await upload.admit?.(got);
        // The file is in place before its row exists, so a row always has its bytes; a crash in
        // between leaves a file that the next upload of the same bytes overwrites.
        await ensureDir(join(pathOf(upload.sha256), '..'));
        const release = await locks.acquire([upload.sha256]);
        try {
          await rename(tmp, pathOf(upload.sha256));
          moved = true;
          return { created: await insertOne(db, upload, got.size, null) };
        } finally {
          release();
        }
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
      const release = await locks.acquire(blobs.map((b) => b.sha256));
      try {
        await Promise.all(blobs.map((b) => writeFileAt(b)));
        return await insertVerified(db, blobs, by, false);
      } finally {
        release();
      }
    },
    async read(db, sha256, user) {
      const row = await readableBlob(db, sha256, user);
      if (!row) return null;
      const body = row.bytes ? Buffer.from(row.bytes) : createReadStream(pathOf(sha256));
      return { mime: row.mime, size: row.size, body };
    },
    async removeBytes(db, hashes) {
      if (hashes.length === 0) return;
      const release = await locks.acquire(hashes);
      try {
        // An upload of the same bytes since the rows went put its file back: it stays.
        const back = await db.query<{ sha256: string }>(
          `SELECT sha256 FROM blobs WHERE sha256 IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(hashes)],
        );
        const keep = new Set(back.map((r) => r.sha256));
        await Promise.all(
          hashes.filter((h) => !keep.has(h)).map((h) => rm(pathOf(h), { force: true })),
        );
      } finally {
        release();
      }
    },
  };
}

/** Where blob bytes go: files under the data directory with the embedded database, else rows. */
export function configuredBlobStore(kind: DatabaseKind, dataDir: string): BlobStore {
  return kind === 'pglite' ? fileBlobStore(join(dataDir, 'blobs')) : databaseBlobStore();
}
