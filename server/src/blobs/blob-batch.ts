// Owns reading a blob batch (POST /blobs/batch, framed as domain/sync/protocol.ts describes): the
// body is read as it streams, each blob hashed as its bytes arrive and then checked against its
// name and declared type. A blob that fails those checks is refused by name; a body that is not
// framed as its header declares (truncated, longer, a bad header) is refused whole.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { BlobBatchHeader } from '../../../domain/sync/protocol';
import {
  MAX_BLOB_BATCH_BYTES,
  MAX_BLOB_BATCH_HEADER_BYTES,
  blobBatchHeaderSchema,
} from '../../../domain/sync/protocol';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import type { BlobMime } from './blob-store';
import { looksLike } from './blob-store';

/** The length prefix, the largest header and the largest payload. */
export const MAX_BLOB_BATCH_BODY = 4 + MAX_BLOB_BATCH_HEADER_BYTES + MAX_BLOB_BATCH_BYTES;

export interface ReceivedBlob {
  sha256: string;
  mime: BlobMime;
  bytes: Buffer;
  /** Why the blob is not kept, or null when its bytes are what its name and type say. */
  refused: string | null;
}

type Entry = BlobBatchHeader['blobs'][number];

export const batchTooLarge = () =>
  new ApiError(
    413,
    'payload_too_large',
    `A blob batch may hold at most ${MAX_BLOB_BATCH_BYTES} bytes of blobs.`,
  );

const badFraming = (message: string) => new ApiError(400, 'invalid_batch', message);

function parseHeader(bytes: Buffer): Entry[] {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw badFraming('The batch header is not JSON.');
  }
  return parseInput(blobBatchHeaderSchema, json, 'body').blobs;
}

function check(entry: Entry, digest: string, bytes: Buffer): string | null {
  if (digest !== entry.sha256) return `the bytes hash to ${digest}, not to ${entry.sha256}`;
  if (!looksLike(entry.mime, bytes)) return `the bytes are not ${entry.mime} data`;
  return null;
}

/** Reads a whole batch; every blob comes back, refused or not, in the header's order. */
export async function readBlobBatch(source: AsyncIterable<Buffer>): Promise<ReceivedBlob[]> {
  let head = Buffer.alloc(0);
  let entries: Entry[] | null = null;
  const received: ReceivedBlob[] = [];
  let hash: Hash = createHash('sha256');
  let parts: Buffer[] = [];
  let got = 0;
  let total = 0;

  const take = (chunk: Buffer): Buffer => {
    const entry = entries?.[received.length];
    if (!entry) throw badFraming('The body is longer than its header declares.');
    const part = chunk.subarray(0, entry.size - got);
    hash.update(part);
    parts.push(part);
    got += part.length;
    if (got === entry.size) {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, got);
      const refused = check(entry, hash.digest('hex'), bytes);
      received.push({ sha256: entry.sha256, mime: entry.mime, bytes, refused });
      hash = createHash('sha256');
      parts = [];
      got = 0;
    }
    return chunk.subarray(part.length);
  };

  for await (const chunk of source) {
    total += chunk.length;
    if (total > MAX_BLOB_BATCH_BODY) throw batchTooLarge();
    let rest = chunk;
    if (entries === null) {
      head = Buffer.concat([head, rest]);
      if (head.length < 4) continue;
      const length = head.readUInt32BE(0);
      if (length === 0 || length > MAX_BLOB_BATCH_HEADER_BYTES) {
        throw badFraming(`The batch header must hold 1 to ${MAX_BLOB_BATCH_HEADER_BYTES} bytes.`);
      }
      if (head.length < 4 + length) continue;
      entries = parseHeader(head.subarray(4, 4 + length));
      rest = head.subarray(4 + length);
      head = Buffer.alloc(0);
    }
    while (rest.length > 0) rest = take(rest);
  }
  if (entries === null || received.length < entries.length) {
    throw badFraming('The body ends before the blobs its header declares.');
  }
  return received;
}
