import { describe, expect, it } from 'vitest';
import type { BlobBatchResult } from '../../domain/sync/protocol';
import { BLOB_BATCH_MIME, MAX_BLOB_BATCH_BYTES } from '../../domain/sync/protocol';
import { blobStoreCases, inFileStore, jpeg, sha } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { bearer, errorBody, getAs } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { pushNewFinding, signIn, withSignedInApp } from '../support/push-fixtures';

interface Part {
  sha256: string;
  bytes: Buffer;
  mime?: string;
  /** The size the header declares, when it is not the bytes' length. */
  size?: number;
}

/** A body framed as the protocol says: length, JSON header, the bytes back to back. */
function batchBody(parts: Part[]): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      blobs: parts.map((p) => ({
        sha256: p.sha256,
        mime: p.mime ?? 'image/jpeg',
        size: p.size ?? p.bytes.length,
      })),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, ...parts.map((p) => p.bytes)]);
}

const named = (bytes: Buffer): Part => ({ sha256: sha(bytes), bytes });

describe.each(blobStoreCases)('blob batches on $kind (in files: $files)', ({ kind, files }) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', { blobsInFiles: files }, (app, device) => {
    t = app;
    li = device;
  });

  const send = (body: Buffer, token: string | null = li.token, type = BLOB_BATCH_MIME) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/blobs/batch',
      headers: { ...(token ? bearer(token) : {}), 'content-type': type },
      payload: body,
    });
  const results = (res: { json: <T>() => T }) => res.json<{ results: BlobBatchResult[] }>().results;
  const get = (device: Device, hash: string) => getAs(t.app, `/api/v1/blobs/${hash}`, device.token);
  const stored = async (hashes: string[]) =>
    (
      await t.db.query<{ sha256: string }>(
        'SELECT sha256 FROM blobs WHERE sha256 IN (SELECT value FROM jsonb_array_elements_text($1::jsonb)) ORDER BY sha256',
        [JSON.stringify(hashes)],
      )
    ).map((r) => r.sha256);

  it('stores every blob of a batch, answers each by name, and serves them like any upload', async () => {
    const parts = ['a', 'b', 'c'].map((s, i) => named(jpeg(`batch-${s}`, 1000 + i * 70_000)));
    const res = await send(batchBody(parts));
    expect(res.statusCode).toBe(200);
    expect(results(res)).toEqual(parts.map((p) => ({ sha256: p.sha256, status: 'created' })));
    for (const p of parts) {
      const got = await get(li, p.sha256);
      expect(got.statusCode).toBe(200);
      expect(Buffer.compare(got.rawPayload, p.bytes)).toBe(0);
      if (t.blobDir) expect(inFileStore(t.blobDir, p.sha256)).toBe(true);
    }
    const [meta] = await t.db.query<{ size: number; mime: string }>(
      'SELECT size, mime FROM blobs WHERE sha256 = $1',
      [parts[2]?.sha256],
    );
    expect(meta).toEqual({ size: 141_000, mime: 'image/jpeg' });
  });

  it('answers blobs already stored as existing, and stores the new ones beside them', async () => {
    const old = named(jpeg('dup-old'));
    expect(results(await send(batchBody([old])))[0]?.status).toBe('created');
    const fresh = named(jpeg('dup-new'));
    const res = await send(batchBody([old, fresh]));
    expect(res.statusCode).toBe(200);
    expect(results(res).map((r) => r.status)).toEqual(['exists', 'created']);
    // Sent again whole (a retried request): nothing changes.
    expect(results(await send(batchBody([old, fresh]))).map((r) => r.status)).toEqual([
      'exists',
      'exists',
    ]);
  });

  it('refuses by name a blob whose bytes do not hash to it or are not its type, keeps the others', async () => {
    const good = named(jpeg('good'));
    const wrong = { sha256: sha(jpeg('something else')), bytes: jpeg('mismatch') };
    const text = Buffer.from('plain text, not a picture');
    const notJpeg = named(text);
    const res = await send(batchBody([good, wrong, notJpeg]));
    expect(res.statusCode).toBe(200);
    const [first, second, third] = results(res);
    expect(first).toEqual({ sha256: good.sha256, status: 'created' });
    expect(second?.status).toBe('refused');
    expect(second?.error).toContain(`not to ${wrong.sha256}`);
    expect(third).toMatchObject({ sha256: notJpeg.sha256, status: 'refused' });
    expect(await stored([good.sha256, wrong.sha256, notJpeg.sha256])).toEqual([good.sha256]);
    if (t.blobDir) expect(inFileStore(t.blobDir, wrong.sha256)).toBe(false);
  });

  it('refuses whole a body that is not framed as its header says, and stores nothing of it', async () => {
    const a = named(jpeg('frame-a'));
    const b = named(jpeg('frame-b'));
    const whole = batchBody([a, b]);
    const truncated = await send(whole.subarray(0, whole.length - 10));
    expect(truncated.statusCode).toBe(400);
    expect(errorBody(truncated).error).toBe('invalid_batch');
    const longer = await send(Buffer.concat([whole, Buffer.from('extra')]));
    expect(longer.statusCode).toBe(400);
    const badHeader = Buffer.concat([Buffer.from([0, 0, 0, 5]), Buffer.from('{"no')]);
    expect((await send(badHeader)).statusCode).toBe(400);
    const twice = await send(batchBody([a, a]));
    expect(twice.statusCode).toBe(400);
    expect(await stored([a.sha256, b.sha256])).toEqual([]);
    expect((await send(whole, li.token, 'application/octet-stream')).statusCode).toBe(415);
  });

  it('refuses an oversized batch with 413 before reading it, and a header declaring too much with 400', async () => {
    const big = jpeg('big', MAX_BLOB_BATCH_BYTES + 20_000);
    const tooBig = await send(batchBody([named(big)]));
    expect(tooBig.statusCode).toBe(413);
    expect(errorBody(tooBig).error).toBe('payload_too_large');
    const halves = [
      jpeg('half-1', MAX_BLOB_BATCH_BYTES / 2),
      jpeg('half-2', MAX_BLOB_BATCH_BYTES / 2 + 1),
    ];
    const declared = batchBody(
      halves.map((h) => ({ sha256: sha(h), bytes: h.subarray(0, 10), size: h.length })),
    );
    const refused = await send(declared);
    expect(refused.statusCode).toBe(400);
    expect(await stored(halves.map(sha))).toEqual([]);
  });

  it('refuses a batch without a valid session and stores nothing', async () => {
    const part = named(jpeg('anonymous'));
    const anonymous = await send(batchBody([part]), null);
    expect(anonymous.statusCode).toBe(401);
    expect((await send(batchBody([part]), 'not-a-token')).statusCode).toBe(401);
    expect(await stored([part.sha256])).toEqual([]);
  });

  it('serves a batched photo only to users who may read a record referring to it', async () => {
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const supervisor = await signIn(t.app, t.district, 'supervisor.env');
    const part = named(jpeg('batched-photo'));
    expect(results(await send(batchBody([part])))[0]?.status).toBe('created');
    expect((await get(li, part.sha256)).statusCode).toBe(200);
    expect((await get(wang, part.sha256)).statusCode).toBe(404);
    expect((await get(supervisor, part.sha256)).statusCode).toBe(404);

    const { res } = await pushNewFinding(t.app, t.district, li, {
      photos: [{ sha256: part.sha256, mime: 'image/jpeg', size: part.bytes.length }],
    });
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await get(supervisor, part.sha256)).statusCode).toBe(200);
    // wang's towns do not include this enterprise's (blobs.test.ts checks the demo district).
    expect((await get(wang, part.sha256)).statusCode).toBe(404);
  });
});
