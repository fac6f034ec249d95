import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { recordReview } from '../../../../../renderer/src/db/repositories/reviews';
import type { ReviewError } from '../../../../../renderer/src/db/repositories/reviews';
import { makeInspection, makeUser } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const supervisor = makeUser({ username: 'supervisor.zhou', role: 'supervisor' });
const at = () => new Date('2026-11-29T02:00:00Z');

describe('recordReview', () => {
  it('writes the decision and queues it for the server in one go', async () => {
    const inspection = makeInspection({ version: 6 });
    await db.inspections.put(inspection);
    await recordReview(db, inspection.id, { status: 'approved', comment: '' }, supervisor, at);
    const stored = await db.inspections.get(inspection.id);
    expect(stored?.review).toEqual({
      status: 'approved',
      comment: '',
      reviewerId: supervisor.id,
      reviewedAt: '2026-11-29T02:00:00.000Z',
    });
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ entity: 'inspection', id: inspection.id, baseVersion: 6 });
    expect(row?.data).toMatchObject({ review: { status: 'approved' } });
  });

  it('requires a comment to return an inspection, and refuses inspectors and drafts', async () => {
    const inspection = makeInspection();
    const draft = makeInspection({ status: 'draft' });
    await db.inspections.bulkPut([inspection, draft]);
    const codeOf = (p: Promise<unknown>) => p.catch((e: ReviewError) => e.code);
    expect(
      await codeOf(
        recordReview(db, inspection.id, { status: 'returned', comment: '  ' }, supervisor),
      ),
    ).toBe('commentRequired');
    expect(
      await codeOf(
        recordReview(db, inspection.id, { status: 'approved', comment: '' }, makeUser()),
      ),
    ).toBe('notReviewer');
    expect(
      await codeOf(recordReview(db, draft.id, { status: 'approved', comment: '' }, supervisor)),
    ).toBe('notSubmitted');
    expect(await db.outbox.count()).toBe(0);
    await recordReview(
      db,
      inspection.id,
      { status: 'returned', comment: ' Fix item 3 ' },
      supervisor,
    );
    expect((await db.inspections.get(inspection.id))?.review).toMatchObject({
      status: 'returned',
      comment: 'Fix item 3',
    });
  });

  it('refuses administrators, supervisors of another agency and those who took part', async () => {
    const mine = makeInspection({ agencyIds: [supervisor.agencyId] });
    const foreign = makeInspection({ agencyIds: [crypto.randomUUID()] });
    const ownVisit = makeInspection({
      agencyIds: [supervisor.agencyId],
      leadInspectorId: supervisor.id,
    });
    await db.inspections.bulkPut([mine, foreign, ownVisit]);
    const codeOf = (p: Promise<unknown>) => p.catch((e: ReviewError) => e.code);
    const approve = { status: 'approved' as const, comment: '' };
    const admin = makeUser({ username: 'admin.sys', role: 'admin', agencyId: supervisor.agencyId });
    expect(await codeOf(recordReview(db, mine.id, approve, admin))).toBe('notReviewer');
    expect(await codeOf(recordReview(db, foreign.id, approve, supervisor))).toBe('otherAgency');
    expect(await codeOf(recordReview(db, ownVisit.id, approve, supervisor))).toBe('ownInspection');
    expect(await db.outbox.count()).toBe(0);
  });
});
