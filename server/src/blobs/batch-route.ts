// Owns POST /blobs/batch: many photos in one request, with one sign-in check and one metadata
// insert, instead of one PUT /blobs/:sha256 each (which keeps working). The answer names every
// blob: created, uploaded by this caller before, or refused (its bytes are not what its name and
// type say). The blobs kept count against the caller's quota, all or none.
import type { FastifyInstance } from 'fastify';
import type { BlobBatchResult } from '../../../domain/sync/protocol';
import { BLOB_BATCH_MIME } from '../../../domain/sync/protocol';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../routes/context';
import { MAX_BLOB_BATCH_BODY, batchTooLarge, readBlobBatch } from './blob-batch';
import { checkUploadQuota } from './upload-quota';

/** Adds the route to `app`, whose content-type parsers hand request bodies over as streams. */
export function registerBlobBatchRoute(
  app: FastifyInstance,
  { db, clock, blobs, uploadQuotaBytes }: RouteContext,
) {
  app.post('/blobs/batch', async (request) => {
    const caller = await authenticate(db, request, clock());
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== BLOB_BATCH_MIME) {
      throw new ApiError(415, 'unsupported_media_type', `Send a batch as ${BLOB_BATCH_MIME}.`);
    }
    if (Number(request.headers['content-length'] ?? 0) > MAX_BLOB_BATCH_BODY) {
      throw batchTooLarge();
    }
    const received = await readBlobBatch(request.raw);
    const kept = received.filter((b) => b.refused === null);
    await checkUploadQuota(
      db,
      caller.user.id,
      kept.map((b) => ({ sha256: b.sha256, size: b.bytes.length })),
      uploadQuotaBytes,
    );
    const created = await blobs.saveMany(db, kept, { userId: caller.user.id, now: clock() });
    const results = received.map(({ sha256, refused }): BlobBatchResult => {
      if (refused !== null) return { sha256, status: 'refused', error: refused };
      return { sha256, status: created.has(sha256) ? 'created' : 'exists' };
    });
    return { results };
  });
}
