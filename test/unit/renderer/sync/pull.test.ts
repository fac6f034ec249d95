import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobRef } from '../../../../domain/schemas/common';
import type { Change, PullResponse } from '../../../../domain/sync/protocol';
import { openUserDatabase } from '../../../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { getCursor, resetCursor } from '../../../../renderer/src/db/repositories/meta';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { ProtocolError } from '../../../../renderer/src/sync/errors';
import { pullAll } from '../../../../renderer/src/sync/pull';
import type { PullProgress } from '../../../../renderer/src/sync/pull';
import { writeLocal } from '../../../../renderer/src/db/outbox/queue';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  newId,
} from '../../../support/record-fixtures';
import { fakeFetch, json, pagedPull } from '../support/fake-hq';
import { markUploaded } from '../../../../renderer/src/db/repositories/blobs';

let db: FieldInspectorDb;

beforeEach(async () => {
  db = openUserDatabase(newId());
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function upsert(record: { id: string; version: number }, entity: Change['entity']): Change {
  return { entity, id: record.id, version: record.version, data: record };
}

function clientFor(pages: Change[][]) {
  const hq = fakeFetch(pagedPull(pages));
  return {
    client: createApiClient({
      serverUrl: 'https://hq.test',
      token: 'x'.repeat(40),
      fetch: hq.fetch,
    }),
    requests: hq.requests,
  };
}

describe('pullAll', () => {
  it('applies every page, reports progress and stores the last cursor', async () => {
    const enterprises = [makeEnterprise(), makeEnterprise(), makeEnterprise()];
    const finding = makeFinding({ enterpriseId: enterprises[0]!.id });
    const { client, requests } = clientFor([
      [upsert(enterprises[0]!, 'enterprise'), upsert(enterprises[1]!, 'enterprise')],
      [upsert(enterprises[2]!, 'enterprise'), upsert(finding, 'finding')],
    ]);
    const seen: PullProgress[] = [];
    const result = await pullAll({ client, db, onProgress: (p) => seen.push(p) });

    expect(result).toEqual({ pages: 2, applied: 4, deleted: 0 });
    expect(seen.map((p) => p.applied)).toEqual([2, 4]);
    expect(await db.enterprises.count()).toBe(3);
    expect(await db.findings.get(finding.id)).toEqual(finding);
    expect(await getCursor(db)).toBe('2');
    expect(requests.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, '1']);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${'x'.repeat(40)}`);
  });

  it('resumes from the stored cursor', async () => {
    const first = makeEnterprise();
    const second = makeEnterprise();
    const pages = [[upsert(first, 'enterprise')], [upsert(second, 'enterprise')]];
    await pullAll({ client: clientFor(pages.slice(0, 1)).client, db });
    const { client, requests } = clientFor(pages);
    await pullAll({ client, db });
    expect(requests.map((r) => r.url.searchParams.get('cursor'))).toEqual(['1']);
    expect(await db.enterprises.count()).toBe(2);
  });

  it('deletes records whose change carries no data', async () => {
    const kept = makeEnterprise();
    const gone = makeEnterprise();
    await pullAll({
      client: clientFor([[upsert(kept, 'enterprise'), upsert(gone, 'enterprise')]]).client,
      db,
    });
    const { client } = clientFor([
      [],
      [{ entity: 'enterprise', id: gone.id, version: gone.version + 10, data: null }],
    ]);
    const result = await pullAll({ client, db });
    expect(result.deleted).toBe(1);
    expect((await db.enterprises.toArray()).map((e) => e.id)).toEqual([kept.id]);
  });

  it('leaves records and cursor unchanged when a page fails schema parsing', async () => {
    const good = makeEnterprise();
    const alsoGood = makeEnterprise();
    const bad = { ...makeEnterprise(), creditCode: '91330604000000000X' };
    const { client } = clientFor([
      [upsert(good, 'enterprise')],
      [upsert(alsoGood, 'enterprise'), upsert(bad, 'enterprise')],
    ]);
    await expect(pullAll({ client, db })).rejects.toBeInstanceOf(ProtocolError);
    // The first page landed with its cursor; nothing of the bad page did.
    expect((await db.enterprises.toArray()).map((e) => e.id)).toEqual([good.id]);
    expect(await getCursor(db)).toBe('1');
  });

  it('rejects a change whose record id differs from the change id', async () => {
    const record = makeEnterprise();
    const { client } = clientFor([
      [{ entity: 'enterprise', id: newId(), version: 1, data: record }],
    ]);
    await expect(pullAll({ client, db })).rejects.toBeInstanceOf(ProtocolError);
    expect(await db.enterprises.count()).toBe(0);
    expect(await getCursor(db)).toBeNull();
  });
});

/**
 * A server whose pages are served by cursor name ('' for none) and can be changed between pulls;
 * an unknown cursor fails the request, as a dropped connection would.
 */
function scriptedServer() {
  const pages = new Map<string, PullResponse>();
  const hq = fakeFetch(({ url }) => {
    const page = pages.get(url.searchParams.get('cursor') ?? '');
    return page ? json(200, page) : json(503, { error: 'unavailable', message: 'try later' });
  });
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 'x'.repeat(40),
    fetch: hq.fetch,
  });
  return { pages, client };
}

const blobRef = (n: number): BlobRef => ({
  sha256: n.toString(16).padStart(64, '0'),
  mime: 'image/jpeg',
  size: 10,
});

async function putBlob(ref: BlobRef, uploaded: boolean) {
  await db.blobs.put({ ...ref, data: new Blob(['x']) });
  if (uploaded) await markUploaded(db, [ref.sha256]);
}

describe('pullAll after the server starts over (reset)', () => {
  // The device's first scope: two towns' enterprises, an inspection and findings with photos.
  const kept = makeEnterprise({ town: '330604001' });
  const lost = makeEnterprise({ town: '330604002' });
  const lostInspection = makeInspection({ enterpriseId: lost.id });
  const onlyLost = blobRef(1); // a photo of a lost finding only
  const shared = blobRef(2); // also a photo of a kept finding
  const unsent = blobRef(3); // bytes of a lost finding not yet uploaded
  const lostFinding = makeFinding({
    enterpriseId: lost.id,
    inspectionId: lostInspection.id,
    photos: [onlyLost, shared, unsent],
  });
  const keptFinding = makeFinding({ enterpriseId: kept.id, photos: [shared] });
  const changed = makeEnterprise({ town: '330604002' }); // changed on the device, not yet sent
  const gained = makeEnterprise({ town: '330604003' });

  async function pullFirstScope(server: ReturnType<typeof scriptedServer>) {
    server.pages.set('', {
      changes: [
        upsert(kept, 'enterprise'),
        upsert(lost, 'enterprise'),
        upsert(changed, 'enterprise'),
        upsert(lostInspection, 'inspection'),
      ],
      cursor: 'old-1',
      hasMore: true,
    });
    server.pages.set('old-1', {
      changes: [upsert(lostFinding, 'finding'), upsert(keptFinding, 'finding')],
      cursor: 'old-2',
      hasMore: false,
    });
    await pullAll({ client: server.client, db });
    for (const ref of [onlyLost, shared]) await putBlob(ref, true);
    await putBlob(unsent, false);
    await writeLocal(db, 'enterprise', { ...changed, name: 'Renamed offline' });
  }

  /** The re-pull of the new scope: the kept records again and a gained one, over two pages. */
  function serveNewScope(server: ReturnType<typeof scriptedServer>, from: string) {
    server.pages.set(from, {
      changes: [upsert(kept, 'enterprise'), upsert(gained, 'enterprise')],
      cursor: 'new-1',
      hasMore: true,
      reset: true,
    });
    server.pages.set('new-1', {
      changes: [upsert(keptFinding, 'finding')],
      cursor: 'new-2',
      hasMore: false,
    });
  }

  const ids = async () => ({
    enterprises: (await db.enterprises.toCollection().primaryKeys()).sort(),
    inspections: await db.inspections.toCollection().primaryKeys(),
    findings: await db.findings.toCollection().primaryKeys(),
    blobs: (await db.blobs.toCollection().primaryKeys()).sort(),
  });

  it('keeps exactly what the re-pull sent, the unsent change and the photos still referred to', async () => {
    const server = scriptedServer();
    await pullFirstScope(server);
    serveNewScope(server, 'old-2');

    const result = await pullAll({ client: server.client, db });

    expect(result).toEqual({ pages: 2, applied: 3, deleted: 3 });
    expect(await ids()).toEqual({
      enterprises: [kept.id, gained.id, changed.id].sort(),
      inspections: [],
      findings: [keptFinding.id],
      blobs: [shared.sha256, unsent.sha256].sort(),
    });
    expect((await db.enterprises.get(changed.id))?.name).toBe('Renamed offline');
    expect(await db.outbox.count()).toBe(1);
    expect(await getCursor(db)).toBe('new-2');
    expect(await db.repulled.count()).toBe(0);
  });

  it('removes nothing until an interrupted re-pull completes, then what it did not resend', async () => {
    const server = scriptedServer();
    await pullFirstScope(server);
    serveNewScope(server, 'old-2');
    const second = server.pages.get('new-1');
    server.pages.delete('new-1');

    await expect(pullAll({ client: server.client, db })).rejects.toThrow();
    // Half-way: the first page landed, nothing was removed.
    expect((await ids()).enterprises).toEqual([kept.id, lost.id, gained.id, changed.id].sort());
    expect(await db.findings.count()).toBe(2);
    expect(await getCursor(db)).toBe('new-1');

    // Resumed from its cursor (no reset any more): what the first page sent is kept.
    server.pages.set('new-1', second!);
    const result = await pullAll({ client: server.client, db });
    expect(result.deleted).toBe(3);
    expect(await ids()).toEqual({
      enterprises: [kept.id, gained.id, changed.id].sort(),
      inspections: [],
      findings: [keptFinding.id],
      blobs: [shared.sha256, unsent.sha256].sort(),
    });
  });

  it('forgets what an interrupted re-pull delivered when the server starts over again', async () => {
    const server = scriptedServer();
    await pullFirstScope(server);
    serveNewScope(server, 'old-2');
    server.pages.delete('new-1');
    await expect(pullAll({ client: server.client, db })).rejects.toThrow();

    // The scope changed again: `gained` is no longer sent, and must not survive on old marks.
    server.pages.set('new-1', {
      changes: [upsert(kept, 'enterprise'), upsert(keptFinding, 'finding')],
      cursor: 'newer-1',
      hasMore: false,
      reset: true,
    });
    await pullAll({ client: server.client, db });
    expect((await ids()).enterprises).toEqual([kept.id, changed.id].sort());
    expect((await ids()).findings).toEqual([keptFinding.id]);
  });

  it('sweeps a pull that starts without a cursor too (the device forgot its cursor)', async () => {
    const server = scriptedServer();
    await pullFirstScope(server);
    await resetCursor(db);
    server.pages.clear();
    serveNewScope(server, '');
    server.pages.set('', { ...server.pages.get('')!, reset: undefined });
    await pullAll({ client: server.client, db });
    expect((await ids()).enterprises).toEqual([kept.id, gained.id, changed.id].sort());
  });

  it('removes nothing on a first pull without a cursor that owes no re-pull', async () => {
    await db.enterprises.put(lost);
    const server = scriptedServer();
    server.pages.set('', { changes: [upsert(kept, 'enterprise')], cursor: 'c1', hasMore: false });
    await pullAll({ client: server.client, db });
    expect((await ids()).enterprises).toEqual([kept.id, lost.id].sort());
  });

  it('removes nothing on an ordinary pull that goes on from its cursor', async () => {
    const server = scriptedServer();
    await pullFirstScope(server);
    server.pages.set('old-2', {
      changes: [upsert(gained, 'enterprise')],
      cursor: 'old-3',
      hasMore: false,
    });
    expect(await pullAll({ client: server.client, db })).toEqual({
      pages: 1,
      applied: 1,
      deleted: 0,
    });
    expect((await ids()).enterprises).toEqual([kept.id, lost.id, gained.id, changed.id].sort());
    expect(await db.findings.count()).toBe(2);
    expect(await db.blobs.count()).toBe(3);
  });
});
