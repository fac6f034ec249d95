import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { amendSubmittedInspection } from '../../../../../renderer/src/db/repositories/inspection-signing';
import { listAwaitingReview } from '../../../../../renderer/src/db/repositories/inspections';
import { approveInspections } from '../../../../../renderer/src/db/repositories/reviews';
import { makeFinding, makeInspection, makeUser, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const supervisor = makeUser({ username: 'supervisor.zhou', role: 'supervisor' });
const at = () => new Date('2026-11-29T02:00:00Z');
const returned = {
  status: 'returned' as const,
  comment: 'Fix item 3',
  reviewerId: supervisor.id,
  reviewedAt: '2026-11-21T09:00:00.000+08:00',
};

describe('approveInspections', () => {
  it('approves every waiting one with its outbox row and skips the rest', async () => {
    const a = makeInspection({ version: 3 });
    const b = makeInspection({ version: 5 });
    const decided = makeInspection({ review: { ...returned, status: 'approved' } });
    await db.inspections.bulkPut([a, b, decided]);
    const result = await approveInspections(db, [a.id, b.id, decided.id, newId()], supervisor, at);
    expect(result.approved).toEqual([a.id, b.id]);
    expect(result.skipped).toHaveLength(2);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.id, r.baseVersion])).toEqual([
      [a.id, 3],
      [b.id, 5],
    ]);
    expect(rows[0]?.data).toMatchObject({
      review: { status: 'approved', reviewerId: supervisor.id, reviewedAt: at().toISOString() },
    });
  });

  it('refuses an inspector and writes nothing', async () => {
    const a = makeInspection();
    await db.inspections.put(a);
    await expect(approveInspections(db, [a.id], makeUser())).rejects.toThrow(/notReviewer/);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('listAwaitingReview for a reviewer', () => {
  // An administrator used to see every inspection here: review is now for supervisors only.
  it("keeps a supervisor's agency (none for an admin), oldest submission first, with lead and hazards", async () => {
    const lead = makeUser({ displayName: 'Li Ming' });
    const mine = makeInspection({
      agencyIds: [newId(), supervisor.agencyId],
      leadInspectorId: lead.id,
      finishedAt: '2026-11-02T09:00:00.000+08:00',
    });
    const older = makeInspection({ finishedAt: '2026-10-02T09:00:00.000+08:00' });
    const elsewhere = makeInspection({ agencyIds: [newId()] });
    await db.users.put(lead);
    await db.inspections.bulkPut([mine, older, elsewhere]);
    await db.findings.bulkPut([
      makeFinding({ inspectionId: mine.id }),
      makeFinding({ inspectionId: mine.id, deletedAt: '2026-11-03T09:00:00.000+08:00' }),
    ]);
    const rows = await listAwaitingReview(db, supervisor);
    expect(rows.map((r) => r.inspection.id)).toEqual([older.id, mine.id]);
    expect(rows[1]).toMatchObject({ leadInspectorName: 'Li Ming', findingCount: 1 });
    const admin = await listAwaitingReview(db, {
      id: newId(),
      role: 'admin',
      agencyId: supervisor.agencyId,
    });
    expect(admin).toHaveLength(0);
    // Nor does a supervisor review a visit they took part in: it waits for another.
    await db.inspections.put({ ...older, coInspectorIds: [supervisor.id] });
    expect((await listAwaitingReview(db, supervisor)).map((r) => r.inspection.id)).toEqual([
      mine.id,
    ]);
  });
});

describe('amending a returned inspection', () => {
  it('puts it back to review with the comment kept; other amendments leave the review', async () => {
    const back = makeInspection({ review: returned, enterpriseRep: { name: 'Chen', title: '' } });
    const plain = makeInspection({ enterpriseRep: { name: 'Chen', title: '' } });
    await db.inspections.bulkPut([back, plain]);
    const change = (i: typeof back) => ({
      ...i,
      enterpriseRep: { name: 'Chen', title: 'Manager' },
    });
    const amendment = { by: newId(), reason: 'Title added' };
    const result = await amendSubmittedInspection(db, back.id, change, amendment, at);
    expect(result.ok).toBe(true);
    expect((await db.inspections.get(back.id))?.review).toEqual({ ...returned, status: 'pending' });
    expect((await listAwaitingReview(db, supervisor)).map((r) => r.inspection.id)).toContain(
      back.id,
    );
    await amendSubmittedInspection(db, plain.id, change, amendment, at);
    expect((await db.inspections.get(plain.id))?.review).toEqual(plain.review);
  });
});
