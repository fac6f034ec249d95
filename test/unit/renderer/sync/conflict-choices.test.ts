import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '../support/test-database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import {
  queueConflictChoice,
  replaceConflictLog,
} from '../../../../renderer/src/db/repositories/conflict-log';
import { writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { syncConflictChoices } from '../../../../renderer/src/sync/conflict-choices';
import { runSyncCycle } from '../../../../renderer/src/sync/sync-cycle';
import { fakeConflictLog, makeConflictView } from '../support/fake-conflicts';
import { fakeFetch } from '../support/fake-hq';
import { fakeSyncServer } from '../support/fake-sync-server';
import { makeFinding, newId } from '../../../support/record-fixtures';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const now = new Date('2026-11-29T01:00:00.000Z');

/** The real HTTP client against stand-ins for sync and the conflicts log. */
function hq(conflicts = fakeConflictLog()) {
  const server = fakeSyncServer();
  const http = fakeFetch((request) => conflicts.handle(request, (r) => server.handle(r)));
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 'x'.repeat(40),
    fetch: http.fetch,
  });
  return { client, conflicts, http, server };
}

const calls = (http: ReturnType<typeof hq>['http']) =>
  http.requests.map(
    (r) =>
      // The pull's own query (page size) is not this step's business.
      `${r.method} ${r.url.pathname}${r.url.pathname.endsWith('/pull') ? '' : r.url.search}`,
  );

describe('sending conflict choices', () => {
  it('a choice made offline waits in the queue and goes out with the next sync, between push and pull', async () => {
    const conflict = makeConflictView();
    await replaceConflictLog(db, [conflict], now);
    await queueConflictChoice(db, conflict.id, 'losing', now);

    const offline = await syncConflictChoices({
      client: {
        listConflicts: () => Promise.reject(new TypeError('offline')),
        resolveConflict: () =>
          createApiClient({
            serverUrl: 'https://hq.test',
            fetch: () => Promise.reject(new TypeError('Failed to fetch')),
          }).resolveConflict(conflict.id, 'losing'),
      },
      db,
      refreshLog: true,
    });
    expect(offline).toEqual({ sent: 0, failed: 0, waiting: 1, refreshed: false });
    expect(await db.conflictChoices.get(conflict.id)).toMatchObject({ state: 'pending' });

    const { client, conflicts, http } = hq(fakeConflictLog([conflict]));
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));
    await runSyncCycle({ client, db, deviceId: newId(), reviewsConflicts: true, now: () => now });

    expect(calls(http)).toEqual([
      'POST /api/v1/sync/push',
      `POST /api/v1/conflicts/${conflict.id}/resolve`,
      'GET /api/v1/conflicts?status=open&limit=500',
      'GET /api/v1/conflicts?status=resolved&limit=100',
      'GET /api/v1/sync/pull',
    ]);
    expect(http.requests[1]?.body).toEqual({ keep: 'losing' });
    expect(conflicts.conflicts.get(conflict.id)?.resolution).toBe('losing');
    expect(await db.conflictChoices.count()).toBe(0);
    expect(await db.conflictLog.get(conflict.id)).toMatchObject({ resolution: 'losing' });
  });

  it('keeps a refused choice with its reason and still finishes the sync', async () => {
    const conflict = makeConflictView();
    await replaceConflictLog(db, [conflict], now);
    await queueConflictChoice(db, conflict.id, 'losing', now);
    const log = fakeConflictLog([conflict]);
    log.refuse = { status: 409, error: 'changed_since', message: 'title has changed again' };
    const { client, http } = hq(log);

    const result = await runSyncCycle({ client, db, deviceId: newId(), reviewsConflicts: true });

    expect(result.pulled).toBeDefined();
    expect(calls(http).at(-1)).toBe('GET /api/v1/sync/pull');
    expect(await db.conflictChoices.get(conflict.id)).toEqual({
      conflictId: conflict.id,
      keep: 'losing',
      chosenAt: now.toISOString(),
      state: 'failed',
      error: { status: 409, code: 'changed_since', message: 'title has changed again' },
    });
  });

  it("an inspector's sync asks nothing about conflicts", async () => {
    const { client, http } = hq();
    await runSyncCycle({ client, db, deviceId: newId() });
    expect(calls(http)).toEqual(['GET /api/v1/sync/pull']);
  });
});
