// The document register (文书登记) as pushes fill it: a submitted inspection's record, and its
// rectification order when it has hazards, and a re-inspection visit's opinion, each numbered
// 1, 2, 3… per agency (the lead's), kind and year (of the issuing day in China), once, in the
// push's transaction; a refused push, a rolled-back batch and a batch sent again take no number;
// no device writes a number. Every case reads the register and the records back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { RegisteredDocument } from '../../domain/schemas/document';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import { reinspectionVisit } from '../../renderer/src/db/repositories/rectification';
import { buildApp } from '../../server/src/app';
import type { DemoApp } from '../support/demo-app';
import { demoApp, getAs } from '../support/demo-app';
import { decided, snapshot } from '../support/inspection-fixtures';
import type { Device, MutationInput } from '../support/push-fixtures';
import { readRegister, submissionBatch, submitWithHazards } from '../support/register-fixtures';
import { numbered, push, rawPush, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';

describe.each(databaseKinds)('the document register on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let chen: Device;
  let wang: Device;
  let admin: Device;
  let supervisor: Device;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await demoApp(kind);
    [li, chen, wang, admin, supervisor] = (await Promise.all(
      ['inspector.li', 'inspector.chen', 'inspector.wang', 'admin', 'supervisor.safety'].map((u) =>
        signIn(t.app, t.district, u),
      ),
    )) as [Device, Device, Device, Device, Device];
    const enterprise = t.district.enterprises.find((e) => e.town === ZONE);
    if (!enterprise) throw new Error('no enterprise in the zone');
    enterpriseId = enterprise.id;
  });
  afterAll(() => t.close());

  const agencyOf = (device: Device) =>
    t.district.users.find((u) => u.record.id === device.userId)?.record.agencyId ?? '';
  const user = (device: Device): User => {
    const found = t.district.users.find((u) => u.record.id === device.userId)?.record;
    if (!found) throw new Error(`no demo user ${device.username}`);
    return found;
  };

  const register = () => readRegister(t.db);
  const numbersOf = async (inspectionId: string) =>
    (await register()).filter((r) => r.inspection_id === inspectionId);

  /** Every register's numbers are 1..N, each with its document record. */
  async function expectGapless() {
    const rows = await register();
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.agency_id}/${r.kind}/${r.year}`;
      groups.set(key, [...(groups.get(key) ?? []), r.sequence]);
    }
    for (const [key, sequences] of groups) {
      expect(sequences, key).toEqual(sequences.map((_, i) => i + 1));
    }
    const counters = await t.db.query<{ key: string; last: number }>(
      `SELECT agency_id::text || '/' || kind || '/' || year AS key, last_sequence AS last
       FROM document_counters`,
    );
    for (const c of counters) expect(groups.get(c.key)?.length ?? 0, c.key).toBe(c.last);
    const [docs] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE entity = 'document'`,
    );
    expect(docs?.n).toBe(rows.length);
  }

  const submitBatch = (lead: Device, coIds: string[], hazards: number, o?: Partial<Inspection>) =>
    submissionBatch(t, lead, coIds, enterpriseId, hazards, o);
  const submit = (lead: Device, coIds: string[], hazards: number, o?: Partial<Inspection>) =>
    submitWithHazards(t, lead, coIds, enterpriseId, hazards, o);

  it('numbers a submitted inspection’s record, and its order when it has hazards, in the lead’s register', async () => {
    const withHazards = await submit(li, [wang.userId], 2);
    const without = await submit(li, [wang.userId], 0);
    const safety = agencyOf(li);
    expect(await numbersOf(withHazards.id)).toEqual([
      {
        agency_id: safety,
        kind: 'order',
        year: 2026,
        sequence: 1,
        number: '上虞应急责改〔2026〕第0001号',
        inspection_id: withHazards.id,
      },
      {
        agency_id: safety,
        kind: 'record',
        year: 2026,
        sequence: 1,
        number: '上虞应急检记〔2026〕第0001号',
        inspection_id: withHazards.id,
      },
    ]);
    expect((await numbersOf(without.id)).map((r) => [r.kind, r.number])).toEqual([
      ['record', '上虞应急检记〔2026〕第0002号'],
    ]);
    await expectGapless();
  });

  it('sends each number to the devices of the enterprise’s town as a document record', async () => {
    const inspection = await submit(li, [wang.userId], 1);
    const res = await getAs(t.app, '/api/v1/sync/pull?limit=1000', li.token);
    const docs = res
      .json<{ changes: { entity: string; data: RegisteredDocument }[] }>()
      .changes.filter((c) => c.entity === 'document' && c.data.inspectionId === inspection.id)
      .map((c) => c.data);
    expect(docs.map((d) => [d.kind, d.number, d.issuedOn, d.officerIds])).toEqual([
      ['record', '上虞应急检记〔2026〕第0003号', '2026-11-29', [li.userId, wang.userId]],
      ['order', '上虞应急责改〔2026〕第0002号', '2026-11-29', [li.userId, wang.userId]],
    ]);
    // wang's towns are elsewhere, but he took part: he pulls them too; zhao neither.
    const wangPull = await getAs(t.app, '/api/v1/sync/pull?limit=1000', wang.token);
    expect(
      wangPull
        .json<{ changes: { entity: string; data: RegisteredDocument }[] }>()
        .changes.filter((c) => c.entity === 'document' && c.data.inspectionId === inspection.id),
    ).toHaveLength(2);
    const zhao = await signIn(t.app, t.district, 'inspector.zhao');
    const zhaoPull = await getAs(t.app, '/api/v1/sync/pull?limit=1000', zhao.token);
    expect(
      zhaoPull
        .json<{ changes: { entity: string; data: RegisteredDocument }[] }>()
        .changes.filter((c) => c.entity === 'document'),
    ).toEqual([]);
  });

  it('numbers a joint inspection in its lead’s register only', async () => {
    // chen (environment bureau) leads, li (safety bureau) co-inspects.
    const before = await register();
    const joint = await submit(chen, [li.userId], 1, { kind: 'joint' });
    const rows = await numbersOf(joint.id);
    expect(rows.map((r) => [r.agency_id, r.kind, r.sequence, r.number])).toEqual([
      [agencyOf(chen), 'order', 1, '上虞生态环境责改〔2026〕第0001号'],
      [agencyOf(chen), 'record', 1, '上虞生态环境检记〔2026〕第0001号'],
    ]);
    expect((await register()).filter((r) => r.agency_id === agencyOf(li))).toEqual(
      before.filter((r) => r.agency_id === agencyOf(li)),
    );
  });

  it('numbers a re-inspection visit’s opinion', async () => {
    const original = await submit(li, [wang.userId], 1);
    const visit = reinspectionVisit(original, user(li), [user(chen)], '2026-11-28T23:30:00.000Z');
    const res = await push(t.app, li, [upsert('inspection', visit)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied']);
    expect((await numbersOf(visit.id)).map((r) => [r.agency_id, r.kind, r.number])).toEqual([
      [agencyOf(li), 'reinspection', '上虞应急复查〔2026〕第0001号'],
    ]);
    await expectGapless();
  });

  it('gives no second number when the batch is sent again or the inspection changes later', async () => {
    const batch = await submitBatch(li, [wang.userId], 1);
    const mutations = numbered(li, batch.mutations);
    const first = await rawPush(t.app, li, mutations);
    expect(first.statusCode).toBe(200);
    const once = await numbersOf(batch.draft.id);
    expect(once.map((r) => r.kind)).toEqual(['order', 'record']);
    const again = await rawPush(t.app, li, mutations);
    expect(again.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(
      mutations.map(() => 'duplicate'),
    );
    // Written again later (a supervisor's approval), it issues nothing new.
    await decided(t, supervisor, batch.draft.id, 'approved');
    expect(await numbersOf(batch.draft.id)).toEqual(once);
    await expectGapless();
  });

  it('numbers by the year of the issuing day in China, not in UTC', async () => {
    // 17:00 UTC on 31 December is 1 January 2027 in China: the first of 2027's register.
    t.setNow(new Date('2027-01-02T10:00:00+08:00'));
    try {
      // Signed in anew: a session from November has expired by January.
      const lead = await signIn(t.app, t.district, 'inspector.li');
      const late = await submit(lead, [wang.userId], 0, {
        finishedAt: '2026-12-31T17:00:00.000Z',
      });
      expect((await numbersOf(late.id)).map((r) => [r.year, r.number])).toEqual([
        [2027, '上虞应急检记〔2027〕第0001号'],
      ]);
      const early = await submit(lead, [wang.userId], 0, {
        finishedAt: '2026-12-31T15:59:00.000Z',
      });
      expect((await numbersOf(early.id)).map((r) => r.year)).toEqual([2026]);
    } finally {
      t.setNow(new Date('2026-11-29T08:00:00+08:00'));
    }
    await expectGapless();
  });

  it('takes no number for a refused submission', async () => {
    const before = await register();
    const batch = await submitBatch(li, [wang.userId], 1);
    // Unsigned by the enterprise: the submission is refused, the draft and hazard kept.
    const last = batch.mutations.at(-1);
    const unsigned = {
      ...(last?.data as Inspection),
      signatures: (last?.data as Inspection).signatures.filter((s) => s.role !== 'enterprise'),
    };
    const res = await push(t.app, li, [
      ...batch.mutations.slice(0, -1),
      upsert('inspection', unsigned, 0),
    ]);
    expect(res.results.at(-1)?.reason?.code).toBe('submissionIncomplete');
    expect(await register()).toEqual(before);
    const next = await submit(li, [wang.userId], 0);
    expect((await numbersOf(next.id)).map((r) => r.sequence)).toEqual([
      before.filter((r) => r.kind === 'record' && r.agency_id === agencyOf(li) && r.year === 2026)
        .length + 1,
    ]);
    await expectGapless();
  });

  it('takes no number for a batch that rolls back after its writes', async () => {
    let failing: FastifyInstance | undefined;
    try {
      failing = await buildApp({
        db: t.db,
        clock: () => new Date('2026-11-29T08:00:00+08:00'),
        hooks: {
          beforePushCommit: () => Promise.reject(new Error('injected failure before commit')),
        },
      });
      const device = await signIn(failing, t.district, 'inspector.li');
      const before = await register();
      const batch = await submitBatch(device, [wang.userId], 1);
      const res = await rawPush(failing, device, numbered(device, batch.mutations));
      expect(res.statusCode).toBe(500);
      expect(await register()).toEqual(before);
      expect(await snapshot(t, [batch.draft.id])).toEqual([]);
    } finally {
      await failing?.close();
    }
    // The numbers the failed batch had taken are the next ones given.
    const next = await submit(li, [wang.userId], 1);
    expect((await numbersOf(next.id)).length).toBe(2);
    await expectGapless();
  });

  it('refuses a document record from any device, administrators too, storing nothing', async () => {
    const [existing] = await t.db.query<{ id: string; version: number; data: RegisteredDocument }>(
      `SELECT id::text AS id, version, data FROM records WHERE entity = 'document' LIMIT 1`,
    );
    if (!existing) throw new Error('no document registered yet');
    const before = await snapshot(t, [existing.id]);
    const forged = { ...existing.data, id: crypto.randomUUID(), version: 0, sequence: 9999 };
    for (const [device, mutation] of [
      [li, upsert('document', forged)],
      [admin, upsert('document', forged)],
      [admin, upsert('document', { ...existing.data, sequence: 1 }, existing.version)],
      [
        admin,
        {
          entity: 'document',
          id: existing.id,
          op: 'delete',
          data: null,
          baseVersion: existing.version,
        },
      ],
    ] as [Device, MutationInput][]) {
      const res = await push(t.app, device, [mutation]);
      expect(res.results[0]?.reason?.code, device.username).toBe('documentServerWritten');
    }
    expect(await snapshot(t, [existing.id, forged.id])).toEqual(before);
    await expectGapless();
  });
});
