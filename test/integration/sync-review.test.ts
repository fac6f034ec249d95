import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendInspection } from '../../domain/rules/amendment';
import { resubmittedReview } from '../../domain/rules/review';
import type { Inspection } from '../../domain/schemas/inspection';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp } from '../support/demo-app';
import { decided, submittedInspection } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { enterpriseFor, push, signIn, upsert } from '../support/push-fixtures';
import { recordState, mustBeStored } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

/** The inspection amended as the app amends it: its checklist's first answer corrected. */
function amended(returned: Inspection, by: string, at: string, reason: string): Inspection {
  const [first, ...rest] = returned.itemResults;
  if (!first) throw new Error('the inspection has no answers');
  const result = amendInspection(
    returned,
    { ...returned, itemResults: [{ ...first, result: 'na', note: '已补充说明' }, ...rest] },
    { by, at, reason },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.inspection;
}

describe.each(databaseKinds)('review decisions and resubmission on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let supervisor: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
  });
  afterAll(() => t.close());

  const stored = (id: string) => mustBeStored<Inspection>(t.db, 'inspection', id);

  /** A submitted inspection of li's, returned by the supervisor; answers the server's copy. */
  async function returnedInspection(comment: string) {
    const submitted = await submittedInspection(
      t,
      li,
      [wang.userId],
      enterpriseFor(t.district, 'inspector.li'),
    );
    return decided(t, supervisor, submitted.id, 'returned', comment);
  }

  it('accepts an inspector resubmitting a returned inspection with an amendment', async () => {
    const returned = await returnedInspection('请补充现场照片');
    const resubmitted: Inspection = {
      ...amended(returned, li.userId, '2026-11-29T07:50:00.000+08:00', '按退回意见补充'),
      review: resubmittedReview(returned.review),
    };
    const res = await push(t.app, li, [upsert('inspection', resubmitted, returned.version)]);
    expect(res.results[0]).toMatchObject({ status: 'applied' });
    const after = (await stored(returned.id)).data;
    expect(after.review).toEqual({
      status: 'pending',
      comment: '请补充现场照片',
      reviewerId: supervisor.userId,
      // The return's time as the server recorded it.
      reviewedAt: returned.review.reviewedAt,
    });
    expect(after.amendments).toHaveLength(1);
    expect(after.itemResults[0]?.note).toBe('已补充说明');
    // Nothing was logged as a conflict: the resubmission is a change of the inspector's own.
    const conflicts = await t.db.query<{ field: string }>(
      "SELECT field FROM conflicts WHERE entity = 'inspection' AND record_id = $1::uuid",
      [returned.id],
    );
    expect(conflicts).toEqual([]);

    // The supervisor then approves it as usual.
    const approved = await push(t.app, supervisor, [
      upsert('inspection', {
        ...after,
        version: (await stored(returned.id)).version,
        review: {
          status: 'approved',
          comment: '',
          reviewerId: supervisor.userId,
          reviewedAt: '2026-11-23T09:00:00.000+08:00',
        },
      }),
    ]);
    expect(approved.results[0]?.status).toBe('applied');
    expect((await stored(returned.id)).data.review.status).toBe('approved');
  });

  it('rejects an inspector approving (or returning) an inspection, with a reason', async () => {
    const returned = await returnedInspection('签字不全');
    const { version } = await stored(returned.id);
    const approve = {
      ...returned,
      review: { ...returned.review, status: 'approved' as const, reviewerId: li.userId },
    };
    const res = await push(t.app, li, [upsert('inspection', approve, version)]);
    expect(res.results[0]?.status).toBe('rejected');
    expect(res.results[0]?.error).toMatch(/only a supervisor of an agency the inspection names/);

    const pending = await returnedInspection('再次退回');
    const selfReturn = {
      ...pending,
      review: resubmittedReview(pending.review),
    };
    // First put it back to pending, then try to return it again as the inspector.
    const back = await push(t.app, li, [
      upsert('inspection', selfReturn, (await stored(pending.id)).version),
    ]);
    expect(back.results[0]?.status).toBe('applied');
    const reReturn = await push(t.app, li, [
      upsert(
        'inspection',
        { ...selfReturn, review: { ...selfReturn.review, status: 'returned' as const } },
        (await stored(pending.id)).version,
      ),
    ]);
    expect(reReturn.results[0]?.status).toBe('rejected');
    expect(reReturn.results[0]?.error).toMatch(/only a supervisor of an agency/);
    expect((await stored(returned.id)).data.review.status).toBe('returned');
    expect((await stored(pending.id)).data.review.status).toBe('pending');
  });

  it('ignores any other pending review as a stale copy, and refuses resubmitting a draft', async () => {
    const returned = await returnedInspection('补充检查记录');
    const { version } = await stored(returned.id);
    // A pending review that is not the resubmission (here: the comment wiped) is what a device
    // holding an old copy sends: the stored review stands.
    const rewritten = {
      ...returned,
      review: { ...resubmittedReview(returned.review), comment: '' },
    };
    const res = await push(t.app, li, [upsert('inspection', rewritten, version)]);
    expect(res.results[0]?.status).toBe('applied');
    expect(await stored(returned.id)).toEqual({ version, data: returned });

    const draft = {
      ...returned,
      status: 'draft' as const,
      review: resubmittedReview(returned.review),
    };
    const before = await recordState(t.db, 'inspection', returned.id);
    const drafted = await push(t.app, li, [
      upsert('inspection', draft, (await stored(returned.id)).version),
    ]);
    expect(drafted.results[0]?.status).toBe('rejected');
    expect(drafted.results[0]?.error).toMatch(/only a submitted inspection is resubmitted/);
    // Taken, the write would have made it a draft again and its review pending (the comment
    // stays either way): it is still submitted and returned, at the same version.
    const after = await recordState(t.db, 'inspection', returned.id);
    expect(after.record?.data).toMatchObject({
      status: 'submitted',
      review: { status: 'returned', comment: '补充检查记录' },
    });
    expect(after).toEqual(before);
  });

  // This test used to keep the approval: an amendment of an approved inspection now sends it
  // back to review, whatever the inspector's device knew of the approval.
  it("sends a supervisor's later approval back to review when the inspector's amendment arrives after it", async () => {
    const returned = await returnedInspection('补充照片');
    const { version } = await stored(returned.id);
    // The supervisor changes their mind and approves before the inspector's device syncs.
    const approved = await decided(t, supervisor, returned.id, 'approved', '同意');
    const late: Inspection = {
      ...amended(returned, li.userId, '2026-11-29T07:55:00.000+08:00', '补充'),
      review: resubmittedReview(returned.review),
    };
    const res = await push(t.app, li, [upsert('inspection', late, version)]);
    expect(res.results[0]?.status).toBe('applied');
    const after = (await stored(returned.id)).data;
    // Pending again, the approval's comment, reviewer and time kept and marked as reopened.
    expect(after.review).toEqual({
      ...approved.review,
      status: 'pending',
      reopenedFrom: 'approved',
    });
    expect(after.amendments).toHaveLength(1);
    expect(after.amendments[0]?.recordedAt).toBe(TEST_NOW.toISOString());
  });
});
