// Every officer who takes part in an inspection (lead or co-inspector) pulls it, its hazards and
// its enterprise, and reads their photos and signatures, whatever their own towns: they signed
// it. Taken off a draft, they get removals; put back, they get it all again; the enterprise's
// moves do not take it from them. Pages stay in version order, without repeats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerAgencyIds } from '../../domain/rules/officers';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { Change, PullResponse } from '../../domain/sync/protocol';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { participantsBackfill } from '../../server/src/db/migration-5-uploads-participants';
import { readRecord } from '../../server/src/sync/record-store';
import { jpeg, photoRef, putBlob } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, getAs } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { newFinding, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';
const key = (c: { entity: string; id: string }) => `${c.entity}/${c.id}`;

describe.each(databaseKinds)('pull of the inspections an officer takes part in, on %s', (kind) => {
  let t: DemoApp;
  let li: Device; // the lead, of the zone
  let wang: Device; // a co-inspector whose towns are elsewhere
  let chen: Device; // a co-inspector of the zone
  let zhao: Device; // of other towns, takes no part
  let admin: Device;
  let inspection: Inspection;
  let findings: Finding[];
  const photo = jpeg('hazard photo taken together');
  const signature = jpeg('lead signature');
  /** The keys of the inspection, its findings and its enterprise. */
  let theirs: string[];

  beforeAll(async () => {
    t = await demoApp(kind);
    [li, wang, chen, zhao, admin] = (await Promise.all(
      ['inspector.li', 'inspector.wang', 'inspector.chen', 'inspector.zhao', 'admin'].map((u) =>
        signIn(t.app, t.district, u),
      ),
    )) as [Device, Device, Device, Device, Device];
    // An enterprise of the zone at which neither wang nor zhao took part in anything.
    const enterprise = t.district.enterprises.find(
      (e) =>
        e.town === ZONE &&
        !t.district.inspections.some(
          (i) =>
            i.enterpriseId === e.id &&
            [i.leadInspectorId, ...i.coInspectorIds].some(
              (id) => id === wang.userId || id === zhao.userId,
            ),
        ),
    );
    if (!enterprise) throw new Error('no enterprise of the zone without wang and zhao');
    expect((await putBlob(t.app, li.token, photo)).statusCode).toBe(201);
    expect((await putBlob(t.app, li.token, signature)).statusCode).toBe(201);
    inspection = newInspection(t.district, li.userId, enterprise.id, {
      coInspectorIds: [wang.userId, chen.userId],
      signatures: [
        {
          role: 'lead',
          userId: li.userId,
          name: '李',
          signedAt: '2026-11-29T08:00:00.000+08:00',
          image: photoRef(signature),
        },
      ],
    });
    findings = [0, 1].map(() => newFinding(inspection, { photos: [photoRef(photo)] }));
    theirs = [
      key({ entity: 'enterprise', id: enterprise.id }),
      key({ entity: 'inspection', id: inspection.id }),
      ...findings.map((f) => key({ entity: 'finding', id: f.id })),
    ].sort();
  });
  afterAll(() => t.close());

  const pull = async (device: Device, cursor: string | undefined, limit: number) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: bearer(device.token),
    });
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json()) as PullResponse;
  };

  /** Every page from `from` on, checked for order and repeats. */
  const pullAll = async (device: Device, from: string | undefined, limit = 1000) => {
    const changes: Change[] = [];
    let cursor = from;
    for (;;) {
      const page = await pull(device, cursor, limit);
      expect(page.changes.length).toBeLessThanOrEqual(limit);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const versions = changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const keys = changes.map(key);
    expect(new Set(keys).size, `${device.username} got a record twice`).toBe(keys.length);
    return { changes, cursor: cursor ?? '' };
  };

  /** Pulls from `from` whole and in small pages, expects the same, and returns the whole. */
  const pullChecked = async (device: Device, from: string | undefined) => {
    const whole = await pullAll(device, from);
    // From scratch, one small size; from a cursor, the sizes that split the fewest rows.
    for (const limit of from === undefined ? [7] : [1, 2, 3]) {
      expect((await pullAll(device, from, limit)).changes, `limit ${limit}`).toEqual(whole.changes);
    }
    return whole;
  };

  const ours = (changes: Change[]) => changes.filter((c) => theirs.includes(key(c)));
  const blobStatus = async (device: Device, bytes: Buffer) =>
    (await getAs(t.app, `/api/v1/blobs/${photoRef(bytes).sha256}`, device.token)).statusCode;

  /** li's change of the draft's officers; its agencies follow them, as the server requires. */
  const saveOfficers = async (coInspectorIds: string[]) => {
    const current = await readRecord(t.db, 'inspection', inspection.id);
    if (!current) throw new Error('the inspection is gone');
    const officers = { leadInspectorId: li.userId, coInspectorIds };
    const agencyIds = officerAgencyIds(
      officers,
      t.district.users.map((u) => u.record),
    );
    const res = await push(t.app, li, [
      upsert('inspection', { ...current, ...officers, agencyIds }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied']);
  };

  const cursors = new Map<string, string>();
  const pullFromLast = async (device: Device) => {
    const got = await pullChecked(device, cursors.get(device.username));
    cursors.set(device.username, got.cursor);
    return ours(got.changes);
  };

  it('sends an officer of other towns the inspection, its hazards and its enterprise, and lets her read their photos', async () => {
    for (const device of [li, wang, chen, zhao]) {
      const { changes, cursor } = await pullAll(device, undefined);
      cursors.set(device.username, cursor);
      const held = changes.map(key);
      // Before: the enterprise is the zone's users' only.
      expect(held.includes(theirs[0] ?? ''), device.username).toBe(
        device !== wang && device !== zhao,
      );
    }
    expect(await blobStatus(wang, photo)).toBe(404);

    const res = await push(t.app, li, [
      upsert('inspection', inspection),
      ...findings.map((f) => upsert('finding', f)),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const forWang = await pullFromLast(wang);
    expect(forWang.map(key).sort()).toEqual(theirs);
    expect(forWang.every((c) => c.data !== null && c.data.version === c.version)).toBe(true);
    expect(forWang.find((c) => c.entity === 'inspection')?.data).toMatchObject({
      coInspectorIds: [wang.userId, chen.userId],
    });
    // Nothing else of the zone comes with it.
    const other = await pullAll(wang, undefined);
    const zone = new Set(
      t.district.enterprises.filter((e) => e.town === ZONE).map((e) => `enterprise/${e.id}`),
    );
    const enterprises = other.changes.filter((c) => zone.has(key(c))).map(key);
    expect(enterprises).toContain(theirs[0]);
    expect(enterprises.length).toBeLessThan(zone.size);
    for (const k of theirs) expect(other.changes.map(key)).toContain(k);

    expect(await blobStatus(wang, photo)).toBe(200);
    expect(await blobStatus(wang, signature)).toBe(200);
    expect(await blobStatus(zhao, photo)).toBe(404);
    expect(await blobStatus(zhao, signature)).toBe(404);
    expect(await pullFromLast(zhao)).toEqual([]);
    // The lead and chen see the zone anyway: the records once each (the enterprise again, as it
    // took a new version for wang).
    for (const device of [li, chen]) {
      expect((await pullFromLast(device)).map(key).sort(), device.username).toEqual(theirs);
    }

    // A later change of a hazard reaches her alone, at its new version.
    const [first] = findings;
    const stored = first && (await readRecord(t.db, 'finding', first.id));
    if (!stored) throw new Error('the finding is not stored');
    const edited = await push(t.app, li, [upsert('finding', { ...stored, title: '更正的标题' })]);
    const again = await pullFromLast(wang);
    expect(again.map((c) => [key(c), c.version])).toEqual([
      [key({ entity: 'finding', id: stored.id }), edited.results[0]?.version],
    ]);
    for (const device of [li, chen]) expect(await pullFromLast(device)).toHaveLength(1);
  });

  it('removes them when she is taken off the draft, and sends them again when she is put back', async () => {
    await saveOfficers([chen.userId]);
    const removed = await pullFromLast(wang);
    expect(removed.map(key).sort()).toEqual(theirs);
    expect(removed.every((c) => c.data === null)).toBe(true);
    expect(await blobStatus(wang, photo)).toBe(404);
    expect(await blobStatus(wang, signature)).toBe(404);
    // A fresh device of hers gets none of it.
    const fresh = await pullAll(wang, undefined);
    const heldFresh = new Map(fresh.changes.map((c) => [key(c), c.data]));
    for (const k of theirs) expect(heldFresh.get(k) ?? null, k).toBeNull();

    // Still theirs: the lead and chen get the inspection's new version, no removal.
    for (const device of [li, chen]) {
      const got = await pullFromLast(device);
      expect(got.map(key), device.username).toEqual([`inspection/${inspection.id}`]);
      expect(got[0]?.data).not.toBeNull();
    }
    // Taken off too, chen still sees it by her towns.
    await saveOfficers([]);
    const forChen = await pullFromLast(chen);
    expect(forChen.map(key)).toEqual([`inspection/${inspection.id}`]);
    expect(forChen[0]?.data).not.toBeNull();

    await saveOfficers([wang.userId]);
    const back = await pullFromLast(wang);
    expect(back.map(key).sort()).toEqual(theirs);
    expect(back.every((c) => c.data !== null && c.data.version === c.version)).toBe(true);
    expect(await blobStatus(wang, photo)).toBe(200);
    expect(await pullFromLast(zhao)).toEqual([]);
  });

  it('keeps them with their officers when the enterprise moves, and gives them to the new town', async () => {
    // A town of zhao's, neither li's nor wang's.
    const town = t.district.users
      .find((u) => u.record.username === 'inspector.zhao')
      ?.record.jurisdiction.find((x) => x !== ZONE && x !== '330604004');
    const enterprise = await readRecord(t.db, 'enterprise', inspection.enterpriseId);
    if (!town || !enterprise) throw new Error('no town to move to');
    const moved = await push(t.app, admin, [upsert('enterprise', { ...enterprise, town })]);
    expect(moved.results.map((r) => r.status)).toEqual(['applied']);

    for (const device of [li, wang, zhao]) {
      const got = await pullFromLast(device);
      expect(got.map(key).sort(), device.username).toEqual(theirs);
      expect(
        got.every((c) => c.data !== null),
        device.username,
      ).toBe(true);
    }
    // Chen took no part any more and does not see the new town: removals.
    const forChen = await pullFromLast(chen);
    expect(forChen.map(key).sort()).toEqual(theirs);
    expect(forChen.every((c) => c.data === null)).toBe(true);
    // From scratch, each officer ends with the records.
    for (const device of [li, wang]) {
      const { changes } = await pullChecked(device, undefined);
      const held = new Map(changes.map((c) => [key(c), c.data]));
      for (const k of theirs) expect(held.get(k), `${device.username} ${k}`).toBeTruthy();
    }
  });

  it('keeps an enterprise with an officer while another of their inspections is there', async () => {
    const enterprise = t.district.enterprises.find(
      (e) =>
        e.town === ZONE &&
        e.id !== inspection.enterpriseId &&
        !t.district.inspections.some(
          (i) => i.enterpriseId === e.id && i.coInspectorIds.includes(wang.userId),
        ),
    );
    if (!enterprise) throw new Error('no other enterprise of the zone without wang');
    const visits = [0, 1].map(() =>
      newInspection(t.district, li.userId, enterprise.id, { coInspectorIds: [wang.userId] }),
    );
    const hazards = visits.map((v) => newFinding(v));
    const res = await push(t.app, li, [
      ...visits.map((v) => upsert('inspection', v)),
      ...hazards.map((f) => upsert('finding', f)),
    ]);
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    const joined = await pullChecked(wang, cursors.get(wang.username));
    cursors.set(wang.username, joined.cursor);
    expect(joined.changes.map(key)).toContain(`enterprise/${enterprise.id}`);

    const takeOff = async (visit: Inspection) => {
      const current = await readRecord(t.db, 'inspection', visit.id);
      if (!current) throw new Error('the visit is gone');
      const done = await push(t.app, li, [
        upsert('inspection', { ...current, coInspectorIds: [] }),
      ]);
      expect(done.results.map((r) => r.status)).toEqual(['applied']);
      const got = await pullChecked(wang, cursors.get(wang.username));
      cursors.set(wang.username, got.cursor);
      expect(got.changes.every((c) => c.data === null)).toBe(true);
      return got.changes.map(key).sort();
    };
    const [first, second] = visits;
    if (!first || !second) throw new Error('no visits');
    expect(await takeOff(first)).toEqual(
      [`inspection/${first.id}`, `finding/${hazards[0]?.id}`].sort(),
    );
    expect(await takeOff(second)).toEqual(
      [
        `inspection/${second.id}`,
        `finding/${hazards[1]?.id}`,
        `enterprise/${enterprise.id}`,
      ].sort(),
    );
  });

  it('repairs inspections taken part in before the server kept their officers', async () => {
    const enterprise = t.district.enterprises.find(
      (e) => e.town === ZONE && e.id !== inspection.enterpriseId,
    );
    if (!enterprise) throw new Error('no second enterprise in the zone');
    const earlier = newInspection(t.district, li.userId, enterprise.id, {
      coInspectorIds: [wang.userId],
    });
    const finding = newFinding(earlier);
    const res = await push(t.app, li, [upsert('inspection', earlier), upsert('finding', finding)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // As before migration 5: nobody knew wang took part, and his cursor moved past it all.
    await t.db.query(`DELETE FROM participants WHERE inspection_id = $1::uuid`, [earlier.id]);
    await t.db.query(`DELETE FROM participant_exits`);
    const before = await pullFromLast(wang);
    expect(before.map(key)).not.toContain(`inspection/${earlier.id}`);

    await t.db.transaction(async (tx) => {
      for (const statement of participantsBackfill) await tx.query(statement);
    });
    const repaired = await pullChecked(wang, cursors.get(wang.username));
    const keys = repaired.changes.filter((c) => c.data !== null).map(key);
    for (const k of [
      `enterprise/${enterprise.id}`,
      `inspection/${earlier.id}`,
      `finding/${finding.id}`,
    ]) {
      expect(keys).toContain(k);
    }
  });
});
