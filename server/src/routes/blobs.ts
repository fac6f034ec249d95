// Blobs by content address: POST /blobs/missing, PUT /blobs/:sha256 (streamed, verified against
// its name), POST /blobs/batch (many at once: blobs/batch-route.ts), GET /blobs/:sha256. A blob
// the caller may not know of (blobs/blob-access.ts) is answered as if the server did not hold
// it: missing, or 404. Uploads count against the caller's quota (blobs/upload-quota.ts).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { sha256Schema } from '../../../domain/schemas/common';
import { blobsMissingRequestSchema } from '../../../domain/sync/protocol';
import { authenticate } from '../auth/authenticate';
import { knownBlobs } from '../blobs/blob-access';
import type { BlobMime } from '../blobs/blob-store';
import { BLOB_MIMES, MAX_BLOB_BYTES, tooLarge } from '../blobs/blob-store';
import { registerBlobBatchRoute } from '../blobs/batch-route';
import { checkUploadQuota } from '../blobs/upload-quota';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import type { RouteContext } from './context';

const paramsSchema = z.strictObject({ sha256: sha256Schema });

/** A list of up to 1000 hashes: small. */
const MISSING_BODY_LIMIT = 128 * 1024;

export const blobRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { db, clock, blobs, uploadQuotaBytes } = context;
  // Any other body type reaches the handler as a stream too, to be refused with a clear 415.
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  registerBlobBatchRoute(app, context);

  app.post('/blobs/missing', { bodyLimit: MISSING_BODY_LIMIT }, async (request) => {
    const { user } = await authenticate(db, request, clock());
    const body = parseInput(blobsMissingRequestSchema, request.body, 'body');
    // Missing unless the caller may know of it: a caller without the bytes then uploads them,
    // which proves they hold them, and learns nothing of other users' photos.
    const known = await knownBlobs(db, user, body.hashes);
    return { missing: [...new Set(body.hashes)].filter((hash) => !known.has(hash)) };
  });

  app.put('/blobs/:sha256', async (request, reply) => {
    const caller = await authenticate(db, request, clock());
    const { sha256 } = parseInput(paramsSchema, request.params, 'params');
    const mime = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (!BLOB_MIMES.includes(mime as BlobMime)) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Send the bytes with Content-Type ${BLOB_MIMES.join(', ')}.`,
      );
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BLOB_BYTES) throw tooLarge();
    const { created } = await blobs.save(db, {
      sha256,
      mime: mime as BlobMime,
      source: request.raw,
      userId: caller.user.id,
      now: clock(),
      admit: (blob) => checkUploadQuota(db, caller.user.id, [blob], uploadQuotaBytes),
    });
    return reply.status(created ? 201 : 200).send({ sha256, created });
  });

  app.get('/blobs/:sha256', async (request, reply) => {
    const caller = await authenticate(db, request, clock());
    const { sha256 } = parseInput(paramsSchema, request.params, 'params');
    const blob = await blobs.read(db, sha256, caller.user);
    // 404 whether it is missing or not the caller's to read: its existence is not revealed.
    if (!blob) throw new ApiError(404, 'not_found', 'There is no such blob that you may read.');
    return reply
      .type(blob.mime)
      .header('Content-Length', String(blob.size))
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .send(blob.body);
  });
};
