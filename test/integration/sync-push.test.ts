import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../domain/schemas/entities';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import { errorResponseSchema, MAX_PUSH_MUTATIONS } from '../../domain/sync/protocol';
import type { DemoApp } from '../support/demo-app';
import { bearer, errorBody, getAs, postJson } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  enterpriseFor,
  newFinding,
  newInspection,
  newInspectionOf,
  numbered,
  push,
  pushNewFinding,
  rawPush,
  signIn,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import {
  NEVER_STORED,
  historyCount,
  lastMidOf as storedLastMid,
  recordState,
  savedResult,
  storedRecord,
} from '../support/stored-state';
import { decided, submittedInspection } from '../support/inspection-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('POST /sync/push on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', {}, (app, device) => {
    t = app;
    li = device;
  });

  const stored = (entity: EntityName, id: string) => storedRecord<Inspection>(t.db, entity, id);
  const lastMidOf = (device: Device) => storedLastMid(t.db, device.deviceId);

  it('applies new records with server-set version, scope, author and review; history for each', async () => {
    const inspection = newInspectionOf(t.district, li, {
      // The client cannot approve its own inspection nor claim another author.
      review: { status: 'approved', comment: 'self', reviewerId: li.userId, reviewedAt: null },
      createdBy: t.district.users[0]?.record.id ?? li.userId,
      version: 77,
    });
    const finding = newFinding(inspection);
    const res = await push(t.app, li, [
      // A new record's base is 0, whatever version its data claims.
      upsert('inspection', inspection, 0),
      upsert('finding', finding),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(res.lastMid).toBe(2);
    const [first, second] = res.results;
    expect(second?.version).toBeGreaterThan(first?.version ?? Infinity);

    const row = await stored('inspection', inspection.id);
    const town = t.district.enterprises.find((e) => e.id === inspection.enterpriseId)?.town;
    expect(row?.version).toBe(first?.version);
    expect(row?.town).toBe(town);
    expect(row?.data.review.status).toBe('pending');
    expect(row?.data.createdBy).toBe(li.userId);
    expect((await stored('finding', finding.id))?.town).toBe(town);
    const history = await t.db.query<{ user_id: string; device_id: string; mid: number }>(
      `SELECT user_id::text AS user_id, device_id::text AS device_id, mid FROM history
       WHERE id IN ($1::uuid, $2::uuid) ORDER BY mid`,
      [inspection.id, finding.id],
    );
    expect(history).toEqual([
      { user_id: li.userId, device_id: li.deviceId, mid: 1 },
      { user_id: li.userId, device_id: li.deviceId, mid: 2 },
    ]);
  });

  it('answers a re-sent batch as duplicates with the earlier results, applying nothing again', async () => {
    const inspection = newInspectionOf(t.district, li);
    const bad = { ...newFinding(inspection), title: '' };
    const first = await push(t.app, li, [upsert('inspection', inspection), upsert('finding', bad)]);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    const again = await rawPush(t.app, li, first.mutations);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({
      results: [
        { mid: first.mutations[0]?.mid, status: 'duplicate', version: first.results[0]?.version },
        {
          mid: first.mutations[1]?.mid,
          status: 'duplicate',
          error: first.results[1]?.error,
          reason: { code: 'invalid', params: expect.objectContaining({ entity: 'finding' }) },
        },
      ],
      lastMid: first.lastMid,
    });
    expect(await historyCount(t.db, 'inspection', inspection.id)).toBe(1);
    expect(await recordState(t.db, 'finding', bad.id)).toEqual(NEVER_STORED);
  });

  it('refuses a gap with 409 and applies nothing of that batch', async () => {
    const before = await lastMidOf(li);
    const inspection = newInspectionOf(t.district, li);
    const res = await rawPush(t.app, li, [
      { ...upsert('inspection', inspection), mid: (before ?? 0) + 2 },
    ]);
    expect(res.statusCode).toBe(409);
    expect(errorBody(res).error).toBe('mid_gap');
    expect(await stored('inspection', inspection.id)).toBeUndefined();
    expect(await lastMidOf(li)).toBe(before);
    // The answer names the server's last mid, so the device can number the batch after it.
    const { lastMid } = errorResponseSchema.parse(res.json());
    expect(lastMid).toBe(before ?? 0);
    const resent = await push(t.app, li, [upsert('inspection', inspection)]);
    expect(resent.mutations[0]?.mid).toBe((lastMid ?? 0) + 1);
    expect(resent.results[0]?.status).toBe('applied');
    expect(await stored('inspection', inspection.id)).toBeDefined();
  });

  it('rejects invalid data naming the field, and the queue moves on', async () => {
    const inspection = newInspectionOf(t.district, li);
    const invalid = { ...newFinding(inspection), deadline: '31/12/2026', grade: 'huge' };
    const res = await push(t.app, li, [upsert('finding', invalid)]);
    expect(res.results[0]?.status).toBe('rejected');
    expect(res.results[0]?.error).toMatch(/data\.deadline must be a date/);
    expect(res.results[0]?.error).toMatch(/data\.grade/);
    expect(await recordState(t.db, 'finding', invalid.id)).toEqual(NEVER_STORED);
    expect(await lastMidOf(li)).toBe(res.lastMid);
    const next = await push(t.app, li, [upsert('inspection', inspection)]);
    expect(next.results[0]?.status).toBe('applied');
  });

  it('rejects forbidden writes per role, and applies none of them', async () => {
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    const admin = await signIn(t.app, t.district, 'admin');
    const mine = newInspectionOf(t.district, li);
    const liTown = mine.enterpriseId;
    const mineRes = await push(t.app, li, [upsert('inspection', mine)]);
    const version = mineRes.results[0]?.version ?? 0;
    const enterprise = t.district.enterprises[0];
    if (!enterprise) throw new Error('no enterprise');
    const liRecord = (await storedRecord<User>(t.db, 'user', li.userId))?.data;
    if (!liRecord) throw new Error('li is not stored');
    const allTowns = [...new Set(t.district.enterprises.map((e) => e.town))];

    // Each case changes something real; the record it names must be stored as it was.
    const cases: [Device, ReturnType<typeof upsert>, RegExp, string][] = [
      [
        li,
        upsert('enterprise', { ...enterprise, name: '改名' }, 1),
        /only an administrator/,
        'adminOnly',
      ],
      [
        // li makes herself an administrator of every town.
        li,
        upsert('user', { ...liRecord, role: 'admin', jurisdiction: allTowns }),
        /only an administrator/,
        'adminOnly',
      ],
      [
        li,
        upsert(
          'inspection',
          newInspection(t.district, li.userId, enterpriseFor(t.district, 'inspector.li', false)),
        ),
        /outside your jurisdiction/,
        'outsideJurisdiction',
      ],
      [
        li,
        upsert('inspection', newInspection(t.district, wang.userId, liTown)),
        /lead inspector or a co-inspector/,
        'mustTakePart',
      ],
      // wang's jurisdiction does not hold li's enterprise.
      [
        wang,
        upsert('inspection', { ...mine, version, leadInspectorId: wang.userId }),
        /outside your jurisdiction/,
        'outsideJurisdiction',
      ],
      [
        supervisor,
        upsert('inspection', { ...mine, version, kind: 'joint' }),
        /only the review of an inspection, not kind/,
        'supervisorReviewOnly',
      ],
      [
        supervisor,
        upsert('finding', newFinding(mine)),
        /may not create finding/,
        'supervisorCreates',
      ],
      [
        admin,
        upsert('finding', newFinding({ ...mine, id: mine.templateId })),
        /inspectionId names no/,
        'unknownInspection',
      ],
    ];
    for (const [device, mutation, reason, code] of cases) {
      const what = `${device.username} ${code}`;
      const before = await recordState(t.db, mutation.entity, mutation.id);
      const res = await push(t.app, device, [mutation]);
      expect(res.results[0]?.status, what).toBe('rejected');
      expect(res.results[0]?.error, what).toMatch(reason);
      // The same reason as a code, for the app to say in the user's language.
      expect(res.results[0]?.reason?.code, what).toBe(code);
      expect(await recordState(t.db, mutation.entity, mutation.id), what).toEqual(before);
      expect(await savedResult(t.db, device.deviceId, res.mutations[0]!.mid), what).toMatchObject({
        status: 'rejected',
        reason: { code },
      });
    }
    expect((await stored('inspection', mine.id))?.data).toMatchObject({
      version,
      kind: mine.kind,
      leadInspectorId: li.userId,
    });
    expect((await stored('enterprise', enterprise.id))?.data).not.toMatchObject({ name: '改名' });
    expect((await storedRecord<User>(t.db, 'user', li.userId))?.data).toEqual(liRecord);
  });

  // A supervisor used to return a draft here; only a submitted inspection is reviewed now, and
  // a submitted one changes only by amendment (which sends it back to review), so the inspector's
  // stale copy carries no edit of its own.
  it("keeps the review with its owner: a supervisor's decision stands against the inspector's stale copy", async () => {
    const supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const inspection = await submittedInspection(
      t,
      li,
      [wang.userId],
      enterpriseFor(t.district, li.username),
    );
    const v1 = (await stored('inspection', inspection.id))?.version ?? 0;
    const returned = await decided(t, supervisor, inspection.id, 'returned', '请补充照片');
    // The inspector, still on v1, sends the old (pending) review back.
    const edited = await push(t.app, li, [upsert('inspection', { ...inspection, version: v1 })]);
    expect(edited.results[0]?.status).toBe('applied');
    const row = await stored('inspection', inspection.id);
    expect(row?.data).toEqual(returned);
    expect(row?.data.review).toMatchObject({
      status: 'returned',
      comment: '请补充照片',
      reviewerId: supervisor.userId,
    });
  });

  it('logs a conflict with both values; the later change wins; a supervisor resolves it', async () => {
    const second = await signIn(t.app, t.district, 'inspector.li');
    const supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    const { finding, findingVersion: base } = await pushNewFinding(t.app, t.district, li, {
      title: '原标题',
    });

    const a = await push(t.app, li, [
      upsert('finding', { ...finding, version: base, title: '设备A的标题' }),
    ]);
    expect(a.results[0]?.status).toBe('applied');
    // Device B started from the same base: it changes the title too, and the description.
    const b = await push(t.app, second, [
      upsert('finding', { ...finding, version: base, title: '设备B的标题', description: 'B' }),
    ]);
    expect(b.results[0]?.status).toBe('conflict');
    expect(b.results[0]?.version).toBeGreaterThan(a.results[0]?.version ?? 0);
    // A third edit from base that touches only the requirement merges without a conflict.
    const c = await push(t.app, li, [
      upsert('finding', { ...finding, version: base, requirement: '立即整改' }),
    ]);
    expect(c.results[0]?.status).toBe('applied');
    const row = (await stored('finding', finding.id))?.data as unknown as Record<string, unknown>;
    expect(row).toMatchObject({ title: '设备B的标题', description: 'B', requirement: '立即整改' });

    const list = await getAs(t.app, '/api/v1/conflicts?status=open', supervisor.token);
    expect(list.statusCode, list.body).toBe(200);
    const conflicts = list
      .json<{ conflicts: Record<string, unknown>[] }>()
      .conflicts.filter((x) => x.recordId === finding.id);
    expect(conflicts).toEqual([
      expect.objectContaining({
        entity: 'finding',
        field: 'title',
        keptValue: '设备B的标题',
        losingValue: '设备A的标题',
        keptDeviceId: second.deviceId,
        losingDeviceId: li.deviceId,
        losingUserId: li.userId,
        resolvedAt: null,
      }),
    ]);
    expect((await getAs(t.app, '/api/v1/conflicts', li.token)).statusCode).toBe(403);

    const resolve = (keep: string) =>
      postJson(
        t.app,
        `/api/v1/conflicts/${String(conflicts[0]?.id)}/resolve`,
        { keep },
        bearer(supervisor.token),
      );
    // Restoring the overwritten title is judged as the supervisor's own push, and a supervisor
    // may not write a hazard's content (this used to restore it: conflicts.test.ts restores what
    // a supervisor may write).
    const before = await stored('finding', finding.id);
    const refused = await resolve('losing');
    expect(refused.statusCode).toBe(409);
    expect(errorBody(refused).error).toBe('rectificationOnly');
    expect(await stored('finding', finding.id)).toEqual(before);
    const kept = await resolve('kept');
    expect(kept.statusCode, kept.body).toBe(200);
    expect(await stored('finding', finding.id)).toEqual(before);
    const twice = await resolve('losing');
    expect(twice.statusCode).toBe(409);
    const invalid = await resolve('both');
    expect(invalid.statusCode).toBe(400);
    expect(errorBody(invalid).message).toMatch(/keep/);
  });

  it('knows which device created a record it has not changed since: that device edits it again from before without a conflict, another does not', async () => {
    const other = await signIn(t.app, t.district, 'inspector.li');
    const inspection = newInspectionOf(t.district, li);
    const mine = newFinding(inspection, { title: '本机初记' });
    const theirs = newFinding(inspection, { title: '本机初记' });
    const made = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', mine),
      upsert('finding', theirs),
    ]);
    const createdAt = made.results[1]?.version;

    // Edited again on the device that made it, which has not pulled yet: still from version 0.
    const again = await push(t.app, li, [upsert('finding', { ...mine, title: '本机再记' }, 0)]);
    expect(again.results[0]?.status).toBe('applied');
    const [maps] = await t.db.query<{
      field_versions: Record<string, number>;
      field_devices: Record<string, string | null>;
    }>('SELECT field_versions, field_devices FROM records WHERE id = $1::uuid', [mine.id]);
    // The first change names every field: the untouched ones at their creation, by its device.
    expect(maps?.field_versions).toMatchObject({
      title: again.results[0]?.version,
      description: createdAt,
    });
    expect(maps?.field_devices).toMatchObject({ title: li.deviceId, description: li.deviceId });

    // Another device's change from before the record existed collides with its creation.
    const stale = await push(t.app, other, [
      upsert('finding', { ...theirs, title: '另一台设备的标题' }, 0),
    ]);
    expect(stale.results[0]?.status).toBe('conflict');
  });

  it('deletes as a tombstone that pull sends with its data', async () => {
    const admin = await signIn(t.app, t.district, 'admin');
    const inspection = newInspectionOf(t.district, li);
    const created = await push(t.app, li, [upsert('inspection', inspection)]);
    const res = await push(t.app, li, [
      {
        entity: 'inspection',
        id: inspection.id,
        op: 'delete',
        data: null,
        baseVersion: created.results[0]?.version ?? 0,
      },
    ]);
    expect(res.results[0]?.status).toBe('applied');
    const row = await stored('inspection', inspection.id);
    expect(row?.data.deletedAt).toBe(row?.data.updatedAt);
    expect(row?.data.deletedAt).not.toBeNull();
    expect(row?.data.kind).toBe(inspection.kind);
    let cursor = '';
    let found: unknown;
    for (;;) {
      const page = await getAs(
        t.app,
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        admin.token,
      );
      const body = page.json<{
        changes: { id: string; data: unknown }[];
        cursor: string;
        hasMore: boolean;
      }>();
      found = body.changes.find((c) => c.id === inspection.id) ?? found;
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    expect(found).toMatchObject({ data: { id: inspection.id, deletedAt: expect.any(String) } });
  });

  it('keeps lastMid across a new sign-in that names the device; a foreign device id gets a new device', async () => {
    const device = await signIn(t.app, t.district, 'inspector.chen');
    const inspection = newInspectionOf(t.district, device);
    await push(t.app, device, [upsert('inspection', inspection)]);
    const again = await signIn(t.app, t.district, 'inspector.chen', device.deviceId);
    expect(again.deviceId).toBe(device.deviceId);
    // The old token of that device ends; the new one continues the numbering.
    expect((await getAs(t.app, '/api/v1/me', device.token)).statusCode).toBe(401);
    again.nextMid = device.nextMid;
    const dup = await rawPush(
      t.app,
      again,
      numbered(again, [upsert('inspection', inspection)]).map((m) => ({ ...m, mid: 1 })),
    );
    expect(dup.json()).toMatchObject({ results: [{ status: 'duplicate' }], lastMid: 1 });
    const foreign = await signIn(t.app, t.district, 'inspector.zhao', device.deviceId);
    expect(foreign.deviceId).not.toBe(device.deviceId);
  });

  it('refuses a batch of another device, another schema, too many mutations or too many bytes', async () => {
    const other = await signIn(t.app, t.district, 'inspector.li');
    const inspection = newInspectionOf(t.district, li);
    const one = [{ ...upsert('inspection', inspection), mid: 1 }];
    const liLastMid = await lastMidOf(li);
    const wrongDevice = await rawPush(t.app, { ...other, deviceId: li.deviceId }, one);
    expect(wrongDevice.statusCode).toBe(403);
    expect(await lastMidOf(li)).toBe(liLastMid);
    const schema = await rawPush(t.app, other, one, { schemaVersion: 99 });
    expect(schema.statusCode).toBe(409);
    const many = Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, (_, i) => ({
      ...one[0],
      mid: i + 1,
    }));
    const tooMany = await rawPush(t.app, other, many as typeof one);
    expect(tooMany.statusCode).toBe(400);
    expect(errorBody(tooMany).message).toMatch(/mutations/);
    const huge = {
      ...inspection,
      itemResults: [{ itemId: 'x', result: 'na', note: 'x'.repeat(6_000_000) }],
    };
    const tooBig = await rawPush(t.app, other, [{ ...upsert('inspection', huge), mid: 1 }]);
    expect(tooBig.statusCode).toBe(413);
    expect(errorBody(tooBig).error).toBe('payload_too_large');
    for (const data of ['text', [inspection], 7]) {
      const notObject = await rawPush(t.app, other, [
        { ...one[0], data } as unknown as (typeof one)[number],
      ]);
      expect(notObject.statusCode).toBe(400);
      expect(errorBody(notObject).message).toMatch(/mutations\.0\.data.*expected an object/);
    }
    const notJson = await postJson(t.app, '/api/v1/sync/push', '{"deviceId":', bearer(other.token));
    expect(notJson.statusCode).toBe(400);
    errorBody(notJson);
    expect(await lastMidOf(other)).toBe(0);
    expect(await stored('inspection', inspection.id)).toBeUndefined();
  });
});
