import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  listAwaitingReview,
  listInspections,
} from '../../../../../renderer/src/db/repositories/inspections';
import { makeEnterprise, makeInspection } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const review = (status: 'pending' | 'approved' | 'returned') => ({
  status,
  comment: '',
  reviewerId: null,
  reviewedAt: null,
});

describe('inspection reads', () => {
  it('lists inspections newest first with their enterprise names', async () => {
    const e = makeEnterprise({ name: 'Dye Works' });
    await db.enterprises.put(e);
    await db.inspections.bulkPut([
      makeInspection({ enterpriseId: e.id, startedAt: '2026-10-01T09:00:00.000+08:00' }),
      makeInspection({ enterpriseId: e.id, startedAt: '2026-11-01T09:00:00.000+08:00' }),
    ]);
    const rows = await listInspections(db);
    expect(rows.map((r) => r.inspection.startedAt)).toEqual([
      '2026-11-01T09:00:00.000+08:00',
      '2026-10-01T09:00:00.000+08:00',
    ]);
    expect(rows.every((r) => r.enterpriseName === 'Dye Works')).toBe(true);
  });

  it('queues only submitted inspections pending review, oldest first', async () => {
    const older = makeInspection({ startedAt: '2026-09-01T09:00:00.000+08:00' });
    const newer = makeInspection({ startedAt: '2026-10-01T09:00:00.000+08:00' });
    await db.inspections.bulkPut([
      newer,
      older,
      makeInspection({ status: 'draft' }),
      makeInspection({ review: review('approved') }),
      makeInspection({ review: review('returned') }),
      makeInspection({ deletedAt: '2026-11-02T08:00:00.000+08:00' }),
    ]);
    expect((await listAwaitingReview(db)).map((r) => r.inspection.id)).toEqual([
      older.id,
      newer.id,
    ]);
  });
});
