// Owns the body of POST /blobs/batch (framed as domain/sync/protocol.ts describes): a 4-byte
// big-endian header length, the JSON header naming each blob, then the blobs' bytes back to back.
// The body is a Blob made of the stored Blobs, so the photos are not copied to build it.
import type { BlobBatchHeader } from '../../../domain/sync/protocol';
import { BLOB_BATCH_MIME } from '../../../domain/sync/protocol';

export interface BatchBlob {
  sha256: string;
  mime: BlobBatchHeader['blobs'][number]['mime'];
  data: Blob;
}

export function blobBatchBody(blobs: readonly BatchBlob[]): Blob {
  const header: BlobBatchHeader = {
    blobs: blobs.map((b) => ({ sha256: b.sha256, mime: b.mime, size: b.data.size })),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, json.length);
  return new Blob([length, json, ...blobs.map((b) => b.data)], { type: BLOB_BATCH_MIME });
}
