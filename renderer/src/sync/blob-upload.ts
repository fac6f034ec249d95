// Uploading photos and signatures before the records that refer to them: ask the server which
// hashes it lacks (in chunks the protocol allows), send each of those held here, and mark every
// hash the server now holds as uploaded. A blob the server refuses (its bytes no longer match
// the hash) is left unmarked and does not stop the others.
import type { FieldInspectorDb } from '../db/database';
import { getLocalBlob, hashesToCheck, markUploaded } from '../db/repositories/blobs';
import type { ApiClient } from './api-client';
import { ApiError } from './errors';

const MISSING_CHUNK = 1000;

export interface BlobProgress {
  done: number;
  total: number;
}

export interface BlobUploadOptions {
  client: Pick<ApiClient, 'missingBlobs' | 'putBlob'>;
  db: FieldInspectorDb;
  onProgress?: (progress: BlobProgress) => void;
}

export interface BlobUploadResult {
  uploaded: number;
  /** Hashes the server lacks that this device does not hold either (or whose bytes it refused). */
  unavailable: string[];
}

export async function uploadMissingBlobs({
  client,
  db,
  onProgress,
}: BlobUploadOptions): Promise<BlobUploadResult> {
  const hashes = await hashesToCheck(db);
  const missing: string[] = [];
  const present: string[] = [];
  for (let i = 0; i < hashes.length; i += MISSING_CHUNK) {
    const chunk = hashes.slice(i, i + MISSING_CHUNK);
    const lacking = new Set(await client.missingBlobs(chunk));
    for (const hash of chunk) (lacking.has(hash) ? missing : present).push(hash);
  }
  await markUploaded(db, present);

  const result: BlobUploadResult = { uploaded: 0, unavailable: [] };
  const progress: BlobProgress = { done: 0, total: missing.length };
  onProgress?.({ ...progress });
  for (const hash of missing) {
    const blob = await getLocalBlob(db, hash);
    if (!blob) {
      result.unavailable.push(hash);
    } else {
      try {
        await client.putBlob(hash, blob.mime, blob.data);
        await markUploaded(db, [hash]);
        result.uploaded++;
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 400)) throw error;
        result.unavailable.push(hash);
      }
    }
    progress.done++;
    onProgress?.({ ...progress });
  }
  return result;
}
