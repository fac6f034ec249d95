// Amending an approved inspection on the device sends it back to review, as the server does when
// it takes the amendment; and an amendment of the inspection records what it changed.
import { describe, expect, it } from 'vitest';
import type { Review } from '../../../../../domain/schemas/inspection';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { saveFindingAmendment } from '../../../../../renderer/src/db/repositories/finding-amendments';
import { amendSubmittedInspection } from '../../../../../renderer/src/db/repositories/inspection-signing';
import { listAwaitingReview } from '../../../../../renderer/src/db/repositories/inspections';
import { makeFinding, makeInspection, makeUser, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const supervisor = makeUser({ username: 'supervisor.zhou', role: 'supervisor' });
const me = newId();
const now = () => new Date('2026-11-29T02:00:00.000Z');
const approved: Review = {
  status: 'approved',
  comment: 'Well recorded',
  reviewerId: supervisor.id,
  reviewedAt: '2026-11-21T09:00:00.000+08:00',
};

async function approvedInspection() {
  const inspection = makeInspection({
    leadInspectorId: me,
    review: approved,
    itemResults: [{ itemId: 'storage.alarm', result: 'pass', note: '' }],
    enterpriseRep: { name: 'Chen', title: '' },
  });
  await db.inspections.put(inspection);
  return inspection;
}

describe('amending an approved inspection', () => {
  it('puts it back to pending review, the approval kept, and records what changed', async () => {
    const inspection = await approvedInspection();
    expect(await listAwaitingReview(db, supervisor)).toEqual([]);
    const result = await amendSubmittedInspection(
      db,
      inspection.id,
      (current) => ({ ...current, enterpriseRep: { name: 'Chen', title: 'Manager' } }),
      { by: me, reason: 'Title added' },
      now,
    );
    expect(result.ok).toBe(true);
    const stored = await db.inspections.get(inspection.id);
    expect(stored?.review).toEqual({ ...approved, status: 'pending', reopenedFrom: 'approved' });
    expect(stored?.amendments).toEqual([
      {
        by: me,
        at: now().toISOString(),
        reason: 'Title added',
        changes: [{ field: 'enterpriseRep', before: 'Chen', after: 'Chen, Manager' }],
      },
    ]);
    const [row] = await db.outbox.toArray();
    expect(row?.data).toMatchObject({ review: { status: 'pending', reopenedFrom: 'approved' } });
    expect((await listAwaitingReview(db, supervisor)).map((r) => r.inspection.id)).toEqual([
      inspection.id,
    ]);
  });

  it('puts it back to pending review when one of its hazards is amended', async () => {
    const inspection = await approvedInspection();
    const finding = makeFinding({
      inspectionId: inspection.id,
      enterpriseId: inspection.enterpriseId,
    });
    await db.findings.put(finding);
    const result = await saveFindingAmendment(
      db,
      {
        findingId: finding.id,
        inspectionId: inspection.id,
        content: {
          itemId: finding.itemId,
          title: finding.title,
          description: finding.description,
          category: finding.category,
          grade: 'major',
          legalBasis: finding.legalBasis,
          requirement: finding.requirement,
          deadline: finding.deadline,
          responsiblePerson: finding.responsiblePerson,
          photos: finding.photos,
        },
        by: me,
        reason: 'Graded wrongly on site',
      },
      now,
    );
    expect(result.ok).toBe(true);
    expect((await db.inspections.get(inspection.id))?.review).toEqual({
      ...approved,
      status: 'pending',
      reopenedFrom: 'approved',
    });
  });
});
