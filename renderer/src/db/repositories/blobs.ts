// Photo and signature bytes kept on this device, and which of them the server still lacks. A
// blob is uploaded once the server has confirmed holding its hash (a row in `blobUploads`, so
// that the row holding the bytes is never rewritten); records that refer to a blob are pushed
// only after it is uploaded, so the server never holds a dangling reference.
import type { BlobRef } from '../../../../domain/schemas/common';
import type { BlobRow, FieldInspectorDb, OutboxRow } from '../database';

/** Keeps bytes made on this device (harmless when the same hash is already there). */
export async function putLocalBlob(db: FieldInspectorDb, ref: BlobRef, data: Blob): Promise<void> {
  await db.transaction('rw', db.blobs, async () => {
    const existing = await db.blobs.get(ref.sha256);
    if (!existing) await db.blobs.put({ ...ref, data });
  });
}

export async function getLocalBlob(
  db: FieldInspectorDb,
  sha256: string,
): Promise<BlobRow | undefined> {
  return db.blobs.get(sha256);
}

/** Several kept blobs in one read (an upload batch's worth), in the order of `hashes`. */
export async function getLocalBlobs(
  db: FieldInspectorDb,
  hashes: readonly string[],
): Promise<(BlobRow | undefined)[]> {
  return db.blobs.bulkGet([...hashes]);
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Every blob hash queued records (or any rows with data) refer to (photos, signatures…). */
export function referencedHashes(rows: readonly Pick<OutboxRow, 'data'>[]): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const hash = record.sha256;
    if (typeof hash === 'string' && SHA256.test(hash) && typeof record.mime === 'string') {
      found.add(hash);
    }
    for (const child of Object.values(record)) visit(child, depth + 1);
  };
  for (const row of rows) visit(row.data, 0);
  return found;
}

/**
 * Outbox rows read at once while looking for the blobs they refer to: a small first page, so
 * that the first photos go after a short read, then larger ones.
 */
const CHECK_PAGES = { first: 500, rest: 2000 };

/**
 * The hashes to ask the server about, a page at a time: blobs that queued records refer to (the
 * server may have lost or never had them), in queue order, then the other blobs of this device
 * not yet confirmed uploaded; each hash once. Uploads follow this order, so the photos of the
 * push's next batch are usually sent before it asks for them, and the first of them can go while
 * the rest of a long queue is still being read.
 */
export async function* hashesToCheck(
  db: FieldInspectorDb,
  pages: { first: number; rest: number } = CHECK_PAGES,
): AsyncGenerator<string[]> {
  const seen = new Set<string>();
  const fresh = (hashes: Iterable<string>) => {
    const out: string[] = [];
    for (const hash of hashes) {
      if (!seen.has(hash)) out.push(hash);
      seen.add(hash);
    }
    return out;
  };
  let after = 0;
  let size = pages.first;
  for (;;) {
    // By seq, after the last row read: rows settled meanwhile are simply not there.
    const rows = await db.outbox.where(':id').above(after).limit(size).toArray();
    const last = rows.at(-1)?.seq;
    if (last === undefined) break;
    after = last;
    const page = fresh(referencedHashes(rows));
    if (page.length > 0) yield page;
    if (rows.length < size) break;
    size = pages.rest;
  }
  const rest = fresh(await unsentHashes(db));
  if (rest.length > 0) yield rest;
}

export async function markUploaded(db: FieldInspectorDb, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await db.blobUploads.bulkPut(hashes.map((sha256) => ({ sha256 })));
}

/** Whether the server has confirmed holding the blob. */
export async function isUploaded(db: FieldInspectorDb, sha256: string): Promise<boolean> {
  return (await db.blobUploads.get(sha256)) !== undefined;
}

/** The hashes of blobs kept here that the server has not confirmed holding (keys only). */
export async function unsentHashes(db: FieldInspectorDb): Promise<string[]> {
  const [kept, uploaded] = await Promise.all([
    db.blobs.toCollection().primaryKeys(),
    db.blobUploads.toCollection().primaryKeys(),
  ]);
  const sent = new Set(uploaded);
  return kept.filter((hash) => !sent.has(hash));
}

/** How many photos and signatures wait to be uploaded. */
export async function countPendingBlobs(db: FieldInspectorDb): Promise<number> {
  return (await unsentHashes(db)).length;
}

/** How many blobs (photos, signatures) this device keeps. */
export async function countLocalBlobs(db: FieldInspectorDb): Promise<number> {
  return db.blobs.count();
}
