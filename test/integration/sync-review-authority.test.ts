// Who approves or returns an inspection, as the server enforces it through POST /sync/push: only a
// supervisor of an agency the inspection names, only a submitted inspection, never one they took
// part in, a return with a comment; the reviewer recorded is the caller and the time the server's,
// and a device's copy of a decision already taken is no new decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection, Review } from '../../domain/schemas/inspection';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp } from '../support/demo-app';
import {
  completeDraft,
  decided,
  expectRefused,
  storedInspection,
  submittedInspection,
} from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { enterpriseFor, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const approval = (reviewerId: string, comment = '同意'): Review => ({
  status: 'approved',
  comment,
  reviewerId,
  reviewedAt: '2020-01-01T00:00:00.000Z',
});

describe.each(databaseKinds)('review authority on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let supervisor: Device;
  let envSupervisor: Device;
  let admin: Device;
  let enterprise: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    envSupervisor = await signIn(t.app, t.district, 'supervisor.env');
    admin = await signIn(t.app, t.district, 'admin');
    enterprise = enterpriseFor(t.district, 'inspector.li');
  });
  afterAll(() => t.close());

  const submitted = () => submittedInspection(t, li, [wang.userId], enterprise);
  const reviewAs = async (device: Device, inspection: Inspection, review: Review) => {
    const { version } = await storedInspection(t, inspection.id);
    return upsert('inspection', { ...inspection, review }, version);
  };

  it('refuses a supervisor of another agency, and administrators', async () => {
    const inspection = await submitted();
    const ids = [inspection.id];
    const other = await reviewAs(envSupervisor, inspection, approval(envSupervisor.userId));
    await expectRefused(t, envSupervisor, [other], 'reviewOtherAgency', ids);
    const byAdmin = await reviewAs(admin, inspection, approval(admin.userId));
    await expectRefused(t, admin, [byAdmin], 'reviewBySupervisor', ids);
  });

  it('refuses a decision on a draft', async () => {
    const draft = await completeDraft(t, li, [wang.userId], enterprise);
    await push(t.app, li, [upsert('inspection', draft)]);
    const approve = await reviewAs(supervisor, draft, approval(supervisor.userId));
    await expectRefused(t, supervisor, [approve], 'reviewNotSubmitted', [draft.id]);
  });

  it("refuses a supervisor's decision on a visit they took part in: their own re-inspection", async () => {
    // Sent approved by its own lead, it is stored waiting for review.
    const visit = newInspection(t.district, supervisor.userId, enterprise, {
      kind: 'reinspection',
      status: 'submitted',
      coInspectorIds: [li.userId],
      itemResults: [],
      finishedAt: '2026-11-29T07:00:00.000+08:00',
      review: approval(supervisor.userId),
    });
    const made = await push(t.app, supervisor, [upsert('inspection', visit)]);
    expect(made.results[0]?.status).toBe('applied');
    const stored = await storedInspection(t, visit.id);
    expect(stored.data.review).toEqual({
      status: 'pending',
      comment: '',
      reviewerId: null,
      reviewedAt: null,
    });
    const approve = await reviewAs(supervisor, stored.data, approval(supervisor.userId));
    await expectRefused(t, supervisor, [approve], 'reviewOwnInspection', [visit.id]);
  });

  it('refuses a return without a comment', async () => {
    const inspection = await submitted();
    const review: Review = { ...approval(supervisor.userId, '   '), status: 'returned' };
    const returned = await reviewAs(supervisor, inspection, review);
    await expectRefused(t, supervisor, [returned], 'returnNeedsComment', [inspection.id]);
  });

  it("records the caller as the reviewer and the server's time, whatever the device wrote", async () => {
    const inspection = await submitted();
    const named = await reviewAs(supervisor, inspection, approval(li.userId));
    const res = await push(t.app, supervisor, [named]);
    expect(res.results[0]?.status).toBe('applied');
    expect((await storedInspection(t, inspection.id)).data.review).toEqual({
      status: 'approved',
      comment: '同意',
      reviewerId: supervisor.userId,
      reviewedAt: TEST_NOW.toISOString(),
    });
  });

  it("takes a device's copy of the decision it sent as no new decision", async () => {
    const inspection = await submitted();
    const first = await decided(t, supervisor, inspection.id, 'returned', '补充照片');
    const before = await storedInspection(t, inspection.id);
    t.setNow(new Date(TEST_NOW.getTime() + 3_600_000));
    try {
      // The device's own copy: the same status and comment, its own time, an old base.
      const copy: Review = { ...first.review, reviewedAt: '2026-11-29T07:31:00.000+08:00' };
      const res = await push(t.app, supervisor, [
        upsert('inspection', { ...inspection, review: copy }, inspection.version),
      ]);
      expect(res.results[0]?.status).toBe('applied');
      expect(await storedInspection(t, inspection.id)).toEqual(before);
      // A new comment is a new decision, made now.
      const again = await decided(t, supervisor, inspection.id, 'returned', '补充签字');
      expect(again.review.reviewedAt).toBe(new Date(TEST_NOW.getTime() + 3_600_000).toISOString());
    } finally {
      t.setNow(TEST_NOW);
    }
  });
});
