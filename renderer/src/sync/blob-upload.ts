// Uploading photos and signatures before the records that refer to them: ask the server which
// hashes it lacks (in chunks the protocol allows), send those held here a few at a time, and mark every
// hash the server now holds as uploaded. A blob the server refuses (its bytes no longer match
// the hash) is left unmarked and does not stop the others.
import type { FieldInspectorDb } from '../db/database';
import { getLocalBlob, hashesToCheck, markUploaded } from '../db/repositories/blobs';
import type { ApiClient } from './api-client';
import { ApiError } from './errors';

const MISSING_CHUNK = 1000;
/** Photos sent at once: enough to hide each request's latency, few enough not to flood the link. */
const UPLOAD_CONCURRENCY = 4;

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

  const progress: BlobProgress = { done: 0, total: missing.length };
  onProgress?.({ ...progress });
  // Each hash's outcome by its place in `missing`, so that the result lists them in that order
  // whatever order the uploads finish in.
  const outcomes: ('uploaded' | 'unavailable' | undefined)[] = [];
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < missing.length) {
      const index = next++;
      const hash = missing[index]!;
      try {
        outcomes[index] = await uploadOne(client, db, hash);
      } catch (error) {
        // Stop handing out uploads; the ones in flight finish before the error is thrown.
        failure ??= { error };
        return;
      }
      progress.done++;
      onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, missing.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;

  const result: BlobUploadResult = { uploaded: 0, unavailable: [] };
  outcomes.forEach((outcome, index) => {
    if (outcome === 'uploaded') result.uploaded++;
    else if (outcome === 'unavailable') result.unavailable.push(missing[index]!);
  });
  return result;
}

async function uploadOne(
  client: Pick<ApiClient, 'putBlob'>,
  db: FieldInspectorDb,
  hash: string,
): Promise<'uploaded' | 'unavailable'> {
  const blob = await getLocalBlob(db, hash);
  if (!blob) return 'unavailable';
  try {
    await client.putBlob(hash, blob.mime, blob.data);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400)) throw error;
    return 'unavailable';
  }
  await markUploaded(db, [hash]);
  return 'uploaded';
}
