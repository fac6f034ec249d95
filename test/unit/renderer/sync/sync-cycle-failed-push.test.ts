// A cycle whose push fails still pulls, then fails with the push's error; a session the server
// no longer knows stops the cycle before it asks for anything more.
import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPending, writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { ApiError, NetworkError } from '../../../../renderer/src/sync/errors';
import { runSyncCycle } from '../../../../renderer/src/sync/sync-cycle';
import { enterprisePull, fakeFetch, json } from '../support/fake-hq';
import { makeEnterprise, makeFinding, newId } from '../../../support/record-fixtures';
import { withTestDatabase } from '../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

/** A server whose push answers `push` and whose pull sends one enterprise (or answers `pull`). */
function server(push: () => Response, pull?: () => Response) {
  const enterprise = makeEnterprise();
  const hq = fakeFetch(({ url }) => {
    if (url.pathname.endsWith('/sync/push')) return push();
    if (url.pathname.endsWith('/sync/pull')) {
      return pull?.() ?? enterprisePull(enterprise, 3);
    }
    return json(404, { error: 'not_found', message: 'no such route' });
  });
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 'x'.repeat(40),
    fetch: hq.fetch,
  });
  const paths = () => hq.requests.map((r) => r.url.pathname.replace('/api/v1', ''));
  return { client, enterprise, paths };
}

describe('a sync whose push fails', () => {
  it.each([
    ['a server error', () => json(503, { error: 'unavailable', message: 'down for a moment' })],
    ['a refused batch', () => json(413, { error: 'payload_too_large', message: 'too large' })],
  ])(
    'after %s, still pulls, keeps the change queued, and fails with the push error',
    async (_what, push) => {
      const hq = server(push);
      await writeLocal(db, 'finding', makeFinding({ version: 0 }));
      const failure = await runSyncCycle({ client: hq.client, db, deviceId: newId() }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ApiError);
      expect(hq.paths()).toEqual(['/sync/push', '/sync/pull']);
      expect(await db.enterprises.get(hq.enterprise.id)).toBeDefined();
      expect(await countPending(db)).toBe(1);
    },
  );

  it('reports the push error even when the pull fails too, unless the pull finds the session over', async () => {
    const down = server(
      () => json(500, { error: 'internal', message: 'push failed' }),
      () => json(502, { error: 'bad_gateway', message: 'pull failed' }),
    );
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));
    await expect(runSyncCycle({ client: down.client, db, deviceId: newId() })).rejects.toThrow(
      'push failed',
    );
    const over = server(
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(401, { error: 'unauthorized', message: 'sign in again' }),
    );
    const failure = await runSyncCycle({ client: over.client, db, deviceId: newId() }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).unauthorized).toBe(true);
  });

  it('stops without pulling when the server no longer knows the session', async () => {
    const hq = server(() => json(401, { error: 'unauthorized', message: 'sign in again' }));
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));
    const failure = await runSyncCycle({ client: hq.client, db, deviceId: newId() }).catch(
      (error: unknown) => error,
    );
    expect((failure as ApiError).unauthorized).toBe(true);
    expect(hq.paths()).toEqual(['/sync/push']);
  });

  it('tries the pull after a network error too (it fails the same way when the network is down)', async () => {
    const hq = server(() => {
      throw new TypeError('Failed to fetch');
    });
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));
    const failure = await runSyncCycle({ client: hq.client, db, deviceId: newId() }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NetworkError);
    expect(hq.paths()).toEqual(['/sync/push', '/sync/pull']);
  });
});
