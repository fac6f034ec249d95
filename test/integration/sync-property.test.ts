// Model-based test of the whole sync protocol: three inspector devices (two of inspector.li, one
// of inspector.wang) and a supervisor's device, each with its own IndexedDB (fake-indexeddb) and
// the renderer's real sync code, against the real server app on PGlite and on PostgreSQL. Random
// offline edits, syncs in small batches with dropped answers (the server applied the batch, the
// device never heard) and duplicated batches, and server restarts on the same database; then
// every device syncs until quiet. Invariants: each mutation is applied once, no device's latest edit is lost,
// and every device holds exactly what the server holds for its user.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayReview } from '../../domain/rules/review';
import { entitySchemas } from '../../domain/schemas/entities';
import type { EntityName } from '../../domain/schemas/entities';
import type { Finding } from '../../domain/schemas/finding';
import { buildApp } from '../../server/src/app';
import { entityTables, openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { getLastMid } from '../../renderer/src/db/outbox/numbering';
import { writeLocal } from '../../renderer/src/db/outbox/queue';
import { recordReview } from '../../renderer/src/db/repositories/reviews';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { ApiClient } from '../../renderer/src/sync/api-client';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import type { DemoApp } from '../support/demo-app';
import { demoApp, login, TEST_NOW } from '../support/demo-app';
import { injectRequest } from '../support/inject-fetch';
import { databaseKinds } from '../support/test-databases';

type Fault = 'none' | 'drop' | 'duplicate' | 'editDuringPull';

interface Device {
  name: string;
  username: string;
  userId: string;
  role: string;
  deviceId: string;
  db: FieldInspectorDb;
  client: ApiClient;
  /** What the next push request suffers. */
  fault: Fault;
  /** The latest value this device wrote to each record (title, or review comment). */
  latest: Map<string, string>;
}

let t: DemoApp;
let app: FastifyInstance;
const devices: Device[] = [];
let counter = 0;

/** fetch, answered by the current app through inject; push requests may suffer the device's fault. */
function transport(device: () => Device): typeof fetch {
  const once = (url: URL, init: RequestInit) => injectRequest(app, url, init);
  return (async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const d = device();
    if (url.pathname.endsWith('/sync/pull') && d.fault === 'editDuringPull') {
      // The person edits while the sync is between its push and its pull.
      d.fault = 'none';
      await editFinding(d, counter, false);
      return once(url, init);
    }
    if (url.pathname.endsWith('/sync/push') && (d.fault === 'drop' || d.fault === 'duplicate')) {
      const fault = d.fault;
      d.fault = 'none';
      const first = await once(url, init);
      if (fault === 'drop') throw new TypeError('fetch failed: the answer was lost');
      void first;
      return once(url, init);
    }
    return once(url, init);
  }) as typeof fetch;
}

async function addDevice(name: string, username: string): Promise<void> {
  const answer = await login(app, username);
  const me = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${answer.token}` },
  });
  const user = me.json<{ user: { id: string; role: string } }>().user;
  const db = openUserDatabase(`${user.id}-${name}`);
  const holder: { device?: Device } = {};
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: answer.token,
    fetch: transport(() => holder.device!),
  });
  const self: Device = {
    name,
    username,
    userId: user.id,
    role: user.role,
    deviceId: answer.deviceId,
    db,
    client,
    fault: 'none',
    latest: new Map(),
  };
  holder.device = self;
  devices.push(self);
}

/** Small batches, so that a sync sends several and a fault can fall between them. */
const sync = (d: Device) =>
  runSyncCycle({
    client: d.client,
    db: d.db,
    deviceId: d.deviceId,
    batchLimits: { maxMutations: 2, maxBytes: 1_000_000 },
  });

async function restartServer(): Promise<void> {
  await app.close();
  app = await buildApp({ db: t.db, clock: () => TEST_NOW });
}

async function editFinding(d: Device, pick: number, create: boolean): Promise<void> {
  // Drafts only, as the app allows: a submitted inspection's hazards change by amendment. Every
  // draft the user takes part in, wherever it is: taking part grants writing it.
  const own = (await d.db.inspections.toArray()).filter(
    (i) =>
      i.deletedAt === null &&
      i.status === 'draft' &&
      (i.leadInspectorId === d.userId || i.coInspectorIds.includes(d.userId)),
  );
  if (own.length === 0) return;
  const ownIds = new Set(own.map((i) => i.id));
  const findings = (await d.db.findings.toArray()).filter(
    (f) => ownIds.has(f.inspectionId) && f.deletedAt === null,
  );
  const title = `t${++counter}-${d.name}`;
  const at = new Date(TEST_NOW.getTime() + counter * 1000).toISOString();
  let next: Finding;
  if (create || findings.length === 0) {
    const inspection = own[pick % own.length]!;
    next = {
      id: crypto.randomUUID(),
      version: 0,
      updatedAt: at,
      deletedAt: null,
      createdBy: d.userId,
      inspectionId: inspection.id,
      enterpriseId: inspection.enterpriseId,
      itemId: null,
      title,
      description: '',
      category: 'fire',
      grade: 'general',
      legalBasis: 'Fire Protection Law, art. 16',
      requirement: 'Clear the escape route',
      deadline: '2026-12-31',
      responsiblePerson: 'Zhang Wei',
      photos: [],
      status: 'open',
      verification: null,
    };
  } else {
    next = { ...findings[pick % findings.length]!, title, updatedAt: at };
  }
  await writeLocal(d.db, 'finding', next);
  d.latest.set(`finding:${next.id}`, title);
}

async function review(d: Device, pick: number, approve: boolean): Promise<void> {
  const me = await d.db.users.get(d.userId);
  if (!me) return;
  // Those the app offers this supervisor: of their agency, submitted, not their own visits.
  const submitted = (await d.db.inspections.where('status').equals('submitted').toArray()).filter(
    (i) => mayReview(i, me),
  );
  const target = submitted[pick % Math.max(1, submitted.length)];
  if (!target) return;
  const comment = `c${++counter}`;
  await recordReview(d.db, target.id, { status: approve ? 'approved' : 'returned', comment }, me);
  d.latest.set(`inspection:${target.id}`, comment);
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    device: fc.nat(2),
    pick: fc.nat(50),
    create: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('review' as const), pick: fc.nat(50), approve: fc.boolean() }),
  fc.record({
    kind: fc.constant('sync' as const),
    device: fc.nat(3),
    fault: fc.constantFrom<Fault>('none', 'none', 'drop', 'duplicate', 'editDuringPull'),
  }),
  fc.record({ kind: fc.constant('restart' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function run(step: Op): Promise<void> {
  switch (step.kind) {
    case 'edit':
      return editFinding(devices[step.device]!, step.pick, step.create);
    case 'review':
      return review(devices[3]!, step.pick, step.approve);
    case 'sync': {
      const d = devices[step.device]!;
      d.fault = step.fault;
      await sync(d).catch((error: unknown) => {
        // Only the injected loss of an answer may fail a sync.
        if (!(error instanceof Error && error.name === 'NetworkError')) throw error;
      });
      d.fault = 'none';
      await checkQueuedEditsOnTop(d);
      return;
    }
    case 'restart':
      return restartServer();
  }
}

/** A record with a queued edit shows that edit, whatever the pull brought meanwhile. */
async function checkQueuedEditsOnTop(d: Device): Promise<void> {
  for (const row of await d.db.outbox.toArray()) {
    if (row.entity !== 'finding') continue;
    const local = await d.db.findings.get(row.id);
    expect(local?.title, `${d.name}: queued edit of ${row.id} stays on top`).toBe(
      d.latest.get(`finding:${row.id}`),
    );
  }
}

/** Everything the server holds for the device's user, by a fresh full pull. */
async function serverScope(d: Device): Promise<Map<string, Record<string, unknown>>> {
  const scope = new Map<string, Record<string, unknown>>();
  let cursor: string | null = null;
  for (;;) {
    const page = await d.client.pull({ cursor, limit: 1000 });
    for (const change of page.changes) {
      if (change.data) scope.set(`${change.entity}:${change.id}`, change.data);
      else scope.delete(`${change.entity}:${change.id}`);
    }
    if (!page.hasMore) return scope;
    cursor = page.cursor;
  }
}

async function localRecords(d: Device): Promise<Map<string, Record<string, unknown>>> {
  const local = new Map<string, Record<string, unknown>>();
  for (const [entity, table] of Object.entries(entityTables)) {
    for (const record of await d.db.table(table).toArray()) {
      const parsed = entitySchemas[entity as EntityName].parse(record);
      local.set(`${entity}:${(record as { id: string }).id}`, parsed as Record<string, unknown>);
    }
  }
  return local;
}

async function checkInvariants(): Promise<void> {
  const twice = await t.db.query(
    `SELECT device_id, mid, count(*) AS n FROM history WHERE mid IS NOT NULL
     GROUP BY device_id, mid HAVING count(*) > 1`,
  );
  expect(twice, 'a mutation was applied more than once').toEqual([]);

  for (const d of devices) {
    expect(await d.db.outbox.count(), `${d.name} still has queued changes`).toBe(0);
    expect(await d.db.rejected.count(), `${d.name} had a change refused`).toBe(0);
    const [row] = await t.db.query<{ last_mid: number }>(
      'SELECT last_mid FROM devices WHERE device_id = $1',
      [d.deviceId],
    );
    expect(Number(row?.last_mid ?? 0), `${d.name}: server and device agree on the last mid`).toBe(
      await getLastMid(d.db, d.deviceId),
    );
    for (const [key, value] of d.latest) {
      const [entity, id] = key.split(':') as [string, string];
      const path = entity === 'finding' ? "after->>'title'" : "after->'review'->>'comment'";
      const found = await t.db.query(
        `SELECT 1 FROM history WHERE entity = $1 AND id = $2::uuid AND ${path} = $3`,
        [entity, id, value],
      );
      expect(found.length, `${d.name}'s latest value ${value} of ${key} reached the server`).toBe(
        1,
      );
    }
    const [scope, local] = await Promise.all([serverScope(d), localRecords(d)]);
    expect([...local.keys()].sort(), `${d.name} holds the records of its scope`).toEqual(
      [...scope.keys()].sort(),
    );
    for (const [key, record] of scope) {
      expect(local.get(key), `${d.name}: ${key}`).toEqual(
        entitySchemas[key.split(':')[0] as EntityName].parse(record),
      );
    }
  }
}

describe.each(databaseKinds)('sync between devices and the server on %s, under faults', (kind) => {
  beforeAll(async () => {
    devices.length = 0;
    t = await demoApp(kind);
    app = t.app;
    await addDevice('li-a', 'inspector.li');
    await addDevice('li-b', 'inspector.li');
    await addDevice('wang', 'inspector.wang');
    await addDevice('supervisor', 'supervisor.safety');
    for (const d of devices) await sync(d);
  });
  afterAll(async () => {
    for (const d of devices) {
      d.db.close();
      await d.db.delete();
    }
    await app.close();
    await t.db.close();
  });

  it('applies every mutation once, loses nothing and converges', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (steps) => {
        for (const step of steps) await run(step);
        // Quiet: everyone syncs, twice round, so that each sees what the others pushed.
        for (let round = 0; round < 2; round++) for (const d of devices) await sync(d);
        await checkInvariants();
      }),
      { numRuns: 30 },
    );
    // The runs did exercise the protocol: every device's mutations reached the server.
    for (const d of devices) {
      const [row] = await t.db.query<{ n: number }>(
        'SELECT count(*) AS n FROM history WHERE device_id = $1',
        [d.deviceId],
      );
      expect(Number(row?.n), `${d.name} pushed something`).toBeGreaterThan(0);
    }
  });
});
