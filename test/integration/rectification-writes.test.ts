// Rectification and re-inspection writes through POST /sync/push: who may report a hazard
// rectified, record a re-inspection visit and verify it, and what the server refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReinspection, reportRectification } from '../../domain/rules/rectification';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { DemoApp } from '../support/demo-app';
import { jpeg, sha } from '../support/blob-fixtures';
import { bearer, demoApp } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { newFinding, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { newVisit } from '../support/rectification-fixtures';
import { databaseKinds } from '../support/test-databases';
import { storedCopy } from '../support/stored-state';

const ZONE = '330604400';
// 07:30 in China, half an hour before the server's clock (TEST_NOW).
const at = '2026-11-28T23:30:00.000Z';
const today = '2026-11-29';
const photoBytes = jpeg('after-photo');
const photo = { sha256: sha(photoBytes), mime: 'image/jpeg' as const, size: photoBytes.length };

describe.each(databaseKinds)('rectification writes on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let chen: Device;
  let wang: Device;
  let supervisor: Device;
  let original: Inspection;
  const findings: Finding[] = [];

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    chen = await signIn(t.app, t.district, 'inspector.chen');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    // Each officer's device uploads the after-photo its verification refers to.
    for (const device of [li, chen, wang, supervisor]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/blobs/${photo.sha256}`,
        headers: { ...bearer(device.token), 'content-type': photo.mime },
        payload: photoBytes,
      });
      expect(res.statusCode).toBe(201);
    }
    // An enterprise in the development zone: li's and chen's jurisdiction, not wang's.
    const enterprise = t.district.enterprises.find((e) => e.town === ZONE);
    if (!enterprise) throw new Error('no enterprise in the zone');
    original = newInspection(t.district, li.userId, enterprise.id);
    const made = [0, 1, 2].map(() => newFinding(original, { deadline: '2026-11-20' }));
    const res = await push(t.app, li, [
      upsert('inspection', original),
      ...made.map((f) => upsert('finding', f)),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    made.forEach((f, i) => findings.push({ ...f, version: res.results[i + 1]?.version ?? 0 }));
  });
  afterAll(() => t.close());

  const stored = (id: string) => storedCopy<Finding>(t.db, 'finding', id);

  /** A re-inspection visit as the app makes one: two officers, no answers, submitted. */
  const visit = (lead: Device, overrides: Partial<Inspection> = {}): Inspection =>
    newVisit(
      t.district,
      lead.userId,
      original.enterpriseId,
      [lead === li ? wang.userId : li.userId],
      overrides,
    );

  it('lets an inspector of the town who did not find the hazard report it and re-inspect it', async () => {
    const f = findings[0]!;
    const reported = reportRectification(
      f,
      { reportedOn: '2026-11-28', note: '已整改' },
      { userId: chen.userId, at, today },
    );
    const first = await push(t.app, chen, [upsert('finding', reported, f.version)]);
    expect(first.results[0]?.status).toBe('applied');

    const v = visit(chen);
    const failed = recordReinspection(
      { ...reported, version: first.results[0]?.version ?? 0 },
      { result: 'failed', photos: [photo], note: '仍渗漏', newDeadline: '2026-12-20' },
      { userId: chen.userId, at, today },
      v,
    );
    const second = await push(t.app, chen, [upsert('inspection', v), upsert('finding', failed)]);
    expect(second.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const row = await stored(f.id);
    expect(row?.data).toMatchObject({ status: 'open', deadline: '2026-12-20' });
    expect(row?.data.verification).toMatchObject({ result: 'failed', inspectionId: v.id });
    expect(row?.data.history).toHaveLength(2);
  });

  it('accepts a verification naming a re-inspection visit that an earlier batch sent', async () => {
    const hazard = newFinding(original, { deadline: '2026-11-20' });
    const made = await push(t.app, li, [upsert('finding', hazard)]);
    expect(made.results[0]?.status).toBe('applied');
    const v = visit(chen);
    const sent = await push(t.app, chen, [upsert('inspection', v)]);
    expect(sent.results[0]?.status).toBe('applied');

    const reported = reportRectification(
      { ...hazard, version: made.results[0]?.version ?? 0 },
      { reportedOn: '2026-11-28', note: '' },
      { userId: chen.userId, at, today },
    );
    const failed = recordReinspection(
      reported,
      { result: 'failed', photos: [photo], note: '仍渗漏', newDeadline: '2026-12-20' },
      { userId: chen.userId, at, today },
      v,
    );
    const res = await push(t.app, chen, [upsert('finding', failed, failed.version)]);
    expect(res.results.map((r) => [r.status, r.error])).toEqual([['applied', undefined]]);
    expect((await stored(hazard.id))?.data.verification).toMatchObject({ inspectionId: v.id });
  });

  it('lets a supervisor record their own re-inspection visit and close a hazard on a pass', async () => {
    const f = findings[1]!;
    const reported = reportRectification(
      f,
      { reportedOn: '2026-11-28', note: '' },
      { userId: supervisor.userId, at, today },
    );
    const v = visit(supervisor, {
      review: { status: 'approved', comment: '', reviewerId: supervisor.userId, reviewedAt: at },
    });
    const passed = recordReinspection(
      reported,
      { result: 'passed', photos: [photo], note: '', newDeadline: null },
      { userId: supervisor.userId, at, today },
      v,
    );
    const res = await push(t.app, supervisor, [
      upsert('inspection', v),
      upsert('finding', passed, f.version),
    ]);
    expect(res.results.map((r) => [r.status, r.error])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
    ]);
    expect((await stored(f.id))?.data).toMatchObject({
      status: 'closed',
      verification: { result: 'passed', verifiedBy: supervisor.userId, photos: [photo] },
    });
  });

  it('refuses what the rules forbid and applies none of it', async () => {
    const f = findings[2]!;
    const before = await stored(f.id);
    const chenVisit = visit(chen);
    await push(t.app, chen, [upsert('inspection', chenVisit)]);
    const rectified = reportRectification(
      f,
      { reportedOn: '2026-11-28', note: '' },
      { userId: chen.userId, at, today },
    );
    const verified = (inspection: Inspection, userId = chen.userId) =>
      recordReinspection(
        rectified,
        { result: 'passed', photos: [photo], note: '', newDeadline: null },
        { userId, at, today },
        inspection,
      );
    const routineVisit = visit(supervisor, { kind: 'routine' });
    const visitForChen = visit(chen);
    const cases: [Device, ReturnType<typeof upsert>, RegExp][] = [
      [wang, upsert('finding', rectified, f.version), /outside your jurisdiction/],
      [
        chen,
        upsert('finding', { ...rectified, title: '改了标题' }, f.version),
        /only findings of inspections you lead or co-sign/,
      ],
      [chen, upsert('finding', { ...f, status: 'closed' }, f.version), /closes only with a passed/],
      [
        chen,
        upsert('finding', { ...f, deadline: '2027-06-30' }, f.version),
        /deadline .* only with a failed re-inspection/,
      ],
      [
        chen,
        upsert('finding', verified(original), f.version),
        /must name a re-inspection of this enterprise/,
      ],
      [
        chen,
        upsert('finding', verified(chenVisit, li.userId), f.version),
        /name you as the verifying officer/,
      ],
      [supervisor, upsert('inspection', routineVisit), /may not create/],
      [supervisor, upsert('inspection', visitForChen), /may not create/],
      [
        supervisor,
        upsert('finding', { ...f, requirement: '另行要求' }, f.version),
        /only the rectification state of a finding/,
      ],
    ];
    for (const [device, mutation, reason] of cases) {
      const res = await push(t.app, device, [mutation]);
      expect(res.results[0]?.status, `${device.username} ${reason}`).toBe('rejected');
      expect(res.results[0]?.error).toMatch(reason);
    }
    expect(await stored(f.id)).toEqual(before);
    const refusedVisits = await t.db.query<{ id: string }>(
      `SELECT id::text AS id FROM records WHERE entity = 'inspection' AND id = ANY($1::uuid[])`,
      [[routineVisit.id, visitForChen.id]],
    );
    expect(refusedVisits).toEqual([]);
  });
});
