// The register holds when many devices submit at once: to one server process (on each database),
// and to several real server processes sharing one PostgreSQL database, as when headquarters runs
// on more than one machine. Each agency's numbers of each kind and year must come out 1..N with
// no repeat and no gap, and each inspection must hold exactly the documents it issues.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobRef } from '../../domain/schemas/common';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { Mutation, PushResponse } from '../../domain/sync/protocol';
import { SCHEMA_VERSION, pushResponseSchema } from '../../domain/sync/protocol';
import type { Queryable } from '../../server/src/db/database';
import { takeSequence } from '../../server/src/register/assign-numbers';
import type { DemoDistrict } from '../../server/src/seed/demo-district';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { seedDistrict } from '../../server/src/seed/seed-demo';
import { sha } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { DEMO_PASSWORD_FOR_TESTS, TEST_NOW, demoApp } from '../support/demo-app';
import { FINISHED_AT, completed } from '../support/inspection-fixtures';
import { newFinding, newInspection, upsert } from '../support/push-fixtures';
import type { RegisterRow } from '../support/register-fixtures';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import type { TestDatabase } from '../support/test-databases';
import { databaseKinds, freshDatabase } from '../support/test-databases';

/** One way to reach a server: in the test's process (inject) or a server process (fetch). */
interface Server {
  request(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    headers: Record<string, string>,
    body?: string | Buffer,
  ): Promise<{ status: number; text: string }>;
}

function injected(app: DemoApp['app']): Server {
  return {
    async request(method, url, headers, body) {
      const res = await app.inject({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: body }),
      });
      return { status: res.statusCode, text: res.body };
    },
  };
}

function overHttp(process: ServerProcess): Server {
  return {
    async request(method, url, headers, body) {
      const res = await fetch(`${process.url}${url}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      return { status: res.status, text: await res.text() };
    },
  };
}

interface Session {
  userId: string;
  token: string;
  deviceId: string;
  nextMid: number;
}

async function signIn(server: Server, username: string, device: number): Promise<Session> {
  const res = await server.request(
    'POST',
    '/api/v1/auth/login',
    { 'content-type': 'application/json' },
    JSON.stringify({
      username,
      password: DEMO_PASSWORD_FOR_TESTS,
      deviceName: `device ${device}`,
    }),
  );
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  const body = JSON.parse(res.text) as { token: string; deviceId: string; user: { id: string } };
  return { userId: body.user.id, token: body.token, deviceId: body.deviceId, nextMid: 1 };
}

/** Uploads the device's signature image (each officer "signs" with it) and answers its reference. */
async function uploadSignature(server: Server, session: Session, seed: string): Promise<BlobRef> {
  const bytes = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    Buffer.from(`signature ${seed}`),
  ]);
  const sha256 = sha(bytes);
  const res = await server.request(
    'PUT',
    `/api/v1/blobs/${sha256}`,
    { authorization: `Bearer ${session.token}`, 'content-type': 'image/png' },
    bytes,
  );
  if (res.status >= 300) throw new Error(`upload: ${res.status} ${res.text}`);
  return { sha256, mime: 'image/png', size: bytes.length };
}

async function pushAll(
  server: Server,
  session: Session,
  inputs: Omit<Mutation, 'mid'>[],
): Promise<PushResponse> {
  const mutations = inputs.map((m) => ({ ...m, mid: session.nextMid++ }));
  const res = await server.request(
    'POST',
    '/api/v1/sync/push',
    { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    JSON.stringify({ deviceId: session.deviceId, schemaVersion: SCHEMA_VERSION, mutations }),
  );
  if (res.status !== 200) throw new Error(`push: ${res.status} ${res.text}`);
  return pushResponseSchema.parse(JSON.parse(res.text));
}

/** Leads and their co-inspectors: two agencies, each numbering its own documents. */
const CREWS = [
  { lead: 'inspector.li', co: 'inspector.wang' },
  { lead: 'inspector.chen', co: 'inspector.zhao' },
] as const;
const ZONE = '330604400';

/** A complete inspection by `lead` with `co`, as the app submits it, signed with `image`. */
function completeInspection(
  district: DemoDistrict,
  lead: string,
  co: string,
  image: BlobRef,
): Inspection {
  const enterprise = district.enterprises.find((e) => e.town === ZONE);
  if (!enterprise) throw new Error('no enterprise in the zone');
  const draft = newInspection(district, lead, enterprise.id, { coInspectorIds: [co] });
  const sign = (role: 'lead' | 'co' | 'enterprise', userId: string | null) => ({
    role,
    userId,
    name: '签名人',
    image,
    signedAt: FINISHED_AT,
  });
  return completed(district, draft, [sign('lead', lead), sign('co', co), sign('enterprise', null)]);
}

interface Sent {
  inspection: Inspection;
  hazards: number;
}

/**
 * `devices` devices (crews in turn, each on the server of its turn) each push `batches` batches
 * of `perBatch` inspections at once; every third inspection has no hazard. Answers what was sent.
 */
async function submitConcurrently(
  servers: Server[],
  district: DemoDistrict,
  options: { devices: number; batches: number; perBatch: number },
): Promise<Sent[]> {
  const userId = (username: string) => {
    const user = district.users.find((u) => u.record.username === username);
    if (!user) throw new Error(`no demo user ${username}`);
    return user.record.id;
  };
  const sent: Sent[] = [];
  // Signed in one after another: sign-ins of one address in parallel count as failures until
  // they are settled, and the throttle would hold the later ones back.
  const sessions: Session[] = [];
  for (let device = 0; device < options.devices; device++) {
    const crew = CREWS[device % CREWS.length] ?? CREWS[0];
    sessions.push(await signIn(servers[device % servers.length] as Server, crew.lead, device));
  }
  await Promise.all(
    sessions.map(async (session, device) => {
      const crew = CREWS[device % CREWS.length] ?? CREWS[0];
      const home = servers[device % servers.length] as Server;
      const image = await uploadSignature(home, session, `device ${device}`);
      for (let b = 0; b < options.batches; b++) {
        // Each batch may reach another process: sessions and devices are the database's.
        const server = servers[(device + b) % servers.length] as Server;
        const inspections = Array.from({ length: options.perBatch }, () =>
          completeInspection(district, userId(crew.lead), userId(crew.co), image),
        );
        const mutations = inspections.flatMap((inspection, i) => {
          const hazards = (b * options.perBatch + i) % 3 === 2 ? 0 : 1;
          sent.push({ inspection, hazards });
          const findings: Finding[] = Array.from({ length: hazards }, () => newFinding(inspection));
          return [
            upsert('inspection', inspection),
            ...findings.map((f) => upsert('finding', f)),
            upsert(
              'inspection',
              { ...inspection, status: 'submitted', finishedAt: FINISHED_AT },
              0,
            ),
          ];
        });
        const res = await pushAll(server, session, mutations);
        const refused = res.results.filter((r) => r.status !== 'applied');
        expect(refused, JSON.stringify(refused)).toEqual([]);
      }
    }),
  );
  return sent;
}

/** Every register 1..N without repeat or gap; every inspection holds exactly its documents. */
async function expectRegisterWhole(db: Queryable, district: DemoDistrict, sent: Sent[]) {
  const rows = await db.query<RegisterRow & { document_id: string }>(
    `SELECT agency_id::text AS agency_id, kind, year, sequence, number,
       inspection_id::text AS inspection_id, document_id::text AS document_id
     FROM document_register ORDER BY agency_id, kind, year, sequence`,
  );
  const registers = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.agency_id}/${r.kind}/${r.year}`;
    registers.set(key, [...(registers.get(key) ?? []), r.sequence]);
  }
  for (const [key, sequences] of registers) {
    expect(sequences, key).toEqual(sequences.map((_, i) => i + 1));
  }
  expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  // Each inspection: its record, and its order when it had hazards, in its lead's register.
  const agencyOfUser = new Map(district.users.map((u) => [u.record.id, u.record.agencyId]));
  const expected = sent
    .flatMap(({ inspection, hazards }) =>
      (hazards > 0 ? ['order', 'record'] : ['record']).map(
        (kind) => `${inspection.id}/${kind}/${agencyOfUser.get(inspection.leadInspectorId)}`,
      ),
    )
    .sort();
  expect(rows.map((r) => `${r.inspection_id}/${r.kind}/${r.agency_id}`).sort()).toEqual(expected);
  // Both agencies numbered both kinds, so the registers above were shared by devices.
  expect(registers.size).toBeGreaterThanOrEqual(4);
  const documents = await db.query<{ id: string; sequence: number }>(
    `SELECT id::text AS id, (data->>'sequence')::int AS sequence FROM records
     WHERE entity = 'document' ORDER BY id`,
  );
  expect(documents.map((d) => d.id)).toEqual(rows.map((r) => r.document_id).sort());
}

describe.each(databaseKinds)('a register’s counter under concurrent transactions on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(() => db.close());

  it('hands out 1..N to the transactions that commit, whatever their interleaving', async () => {
    const key = { agencyId: crypto.randomUUID(), kind: 'record' as const, year: 2026 };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 3));
    const taken = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db
          .transaction(async (tx) => {
            // Each statement answers late: the transactions interleave as much as they can.
            const slow: Queryable = {
              query: async (sql, params) => {
                const rows = await tx.query(sql, params);
                await pause();
                return rows as never;
              },
            };
            const first = await takeSequence(slow, key, 1 + (i % 2));
            // Every third rolls back: the numbers it took go back with it.
            if (i % 3 === 2) throw new Error('rolled back');
            return [first, 1 + (i % 2)] as const;
          })
          .catch(() => null),
      ),
    );
    const numbers = taken
      .filter((t) => t !== null)
      .flatMap(([first, count]) => Array.from({ length: count }, (_, k) => first + k))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const [counter] = await db.query<{ last: number }>(
      'SELECT last_sequence AS last FROM document_counters WHERE agency_id = $1::uuid',
      [key.agencyId],
    );
    expect(counter?.last).toBe(numbers.length);
  });
});

describe.each(databaseKinds)(
  'one server process numbering concurrent submissions on %s',
  (kind) => {
    let t: DemoApp;
    beforeAll(async () => {
      t = await demoApp(kind);
    });
    afterAll(() => t.close());

    it('gives every agency, kind and year the numbers 1..N', async () => {
      const sent = await submitConcurrently([injected(t.app)], t.district, {
        devices: 6,
        batches: 3,
        perBatch: 2,
      });
      await expectRegisterWhole(t.db, t.district, sent);
    });
  },
);

describe('several server processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  let district: DemoDistrict;
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    district = buildDemoDistrict(TEST_NOW);
    await seedDistrict(db, district, TEST_NOW);
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'fi-register-'));
      dirs.push(dir);
      processes.push(await startServerProcess(dir, { DATABASE_URL: db.url ?? '', FI_DEMO: '' }));
    }
  }, 120_000);
  afterAll(async () => {
    for (const p of processes) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('gives every agency, kind and year the numbers 1..N', async () => {
    const sent = await submitConcurrently(processes.map(overHttp), district, {
      devices: 12,
      batches: 4,
      perBatch: 2,
    });
    await expectRegisterWhole(db, district, sent);
  }, 180_000);
});
