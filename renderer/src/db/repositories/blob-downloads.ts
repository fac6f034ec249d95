// Photos and signatures that records on this device refer to but whose bytes were made on another
// device: fetched from the server when someone opens the record (a reviewer reading an
// inspection), checked against their hash, and kept as already uploaded, so the upload step never
// sends them back.
import type { BlobRef } from '../../../../domain/schemas/common';
import { sha256Hex } from '../../shared/sha256';
import type { FieldInspectorDb } from '../database';

/** Of `refs`, the ones whose bytes are not on this device (each hash once). */
export async function missingLocalBlobs(
  db: FieldInspectorDb,
  refs: readonly BlobRef[],
): Promise<BlobRef[]> {
  const unique = [...new Map(refs.map((r) => [r.sha256, r])).values()];
  const found = await db.blobs.bulkGet(unique.map((r) => r.sha256));
  return unique.filter((_, i) => found[i] === undefined);
}

export class BlobHashMismatchError extends Error {
  constructor(readonly sha256: string) {
    super(`the server's bytes for ${sha256} do not hash to that name`);
    this.name = 'BlobHashMismatchError';
  }
}

/** Keeps bytes fetched from the server, after checking that they are what `ref` names. */
export async function storeDownloadedBlob(
  db: FieldInspectorDb,
  ref: BlobRef,
  data: Blob,
): Promise<void> {
  // Read as bytes: a fetched Blob may come from another realm than this page's Blob class.
  const bytes = new Uint8Array(await data.arrayBuffer());
  if ((await sha256Hex(bytes)) !== ref.sha256) throw new BlobHashMismatchError(ref.sha256);
  const typed = new Blob([bytes], { type: ref.mime });
  await db.transaction('rw', [db.blobs, db.blobUploads], async () => {
    if ((await db.blobs.get(ref.sha256)) === undefined) {
      await db.blobs.put({ ...ref, data: typed });
      await db.blobUploads.put({ sha256: ref.sha256 });
    }
  });
}

export interface DownloadResult {
  downloaded: number;
  failed: number;
}

/** Fetches and stores every missing blob of `refs`, a few at a time; failures are counted. */
export async function downloadMissingBlobs(
  db: FieldInspectorDb,
  getBlob: (sha256: string) => Promise<Blob>,
  refs: readonly BlobRef[],
  parallel = 4,
): Promise<DownloadResult> {
  const queue = await missingLocalBlobs(db, refs);
  const result: DownloadResult = { downloaded: 0, failed: 0 };
  const worker = async () => {
    for (let ref = queue.shift(); ref; ref = queue.shift()) {
      try {
        await storeDownloadedBlob(db, ref, await getBlob(ref.sha256));
        result.downloaded++;
      } catch {
        result.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return result;
}
