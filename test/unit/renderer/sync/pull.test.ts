import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../../domain/sync/protocol';
import { openUserDatabase } from '../../../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { getCursor } from '../../../../renderer/src/db/repositories/meta';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { ProtocolError } from '../../../../renderer/src/sync/errors';
import { pullAll } from '../../../../renderer/src/sync/pull';
import type { PullProgress } from '../../../../renderer/src/sync/pull';
import { makeEnterprise, makeFinding, newId } from '../support/fixtures';
import { fakeFetch, pagedPull } from '../support/fake-hq';

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
      serverUrl: 'http://hq.test',
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
