import { describe, expect, it } from 'vitest';
import type { Review } from '../../../../../domain/schemas/inspection';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { saveFindingAmendment } from '../../../../../renderer/src/db/repositories/finding-amendments';
import { writeLocal } from '../../../../../renderer/src/db/outbox/queue';
import type { FindingContent } from '../../../../../renderer/src/db/repositories/findings';
import { makeFinding, makeInspection, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const me = newId();
const at = new Date('2026-11-22T02:00:00.000Z');
const now = () => at;
const returned = {
  status: 'returned' as const,
  comment: 'Grade the alarm hazard as major',
  reviewerId: newId(),
  reviewedAt: '2026-11-21T09:00:00.000+08:00',
};

async function seed(review: Review = returned) {
  const inspection = makeInspection({ leadInspectorId: me, version: 3, review });
  const finding = makeFinding({
    inspectionId: inspection.id,
    enterpriseId: inspection.enterpriseId,
    itemId: 'storage.alarm',
    version: 2,
  });
  await db.inspections.put(inspection);
  await db.findings.put(finding);
  return { inspection, finding };
}

const contentOf = (f: ReturnType<typeof makeFinding>): FindingContent => ({
  itemId: f.itemId,
  title: f.title,
  description: f.description,
  category: f.category,
  grade: f.grade,
  legalBasis: f.legalBasis,
  requirement: f.requirement,
  deadline: f.deadline,
  responsiblePerson: f.responsiblePerson,
  photos: f.photos,
});

describe('saveFindingAmendment', () => {
  it('writes the hazard, the amendment and both outbox rows, and resubmits a return', async () => {
    const { inspection, finding } = await seed();
    const result = await saveFindingAmendment(
      db,
      {
        findingId: finding.id,
        inspectionId: inspection.id,
        content: { ...contentOf(finding), grade: 'major', itemId: null },
        by: me,
        reason: 'Graded wrongly on site',
      },
      now,
    );
    expect(result.ok).toBe(true);
    const stored = await db.findings.get(finding.id);
    expect(stored).toMatchObject({
      grade: 'major',
      version: 2,
      itemId: 'storage.alarm',
      amendedAt: at.toISOString(),
    });
    const amended = await db.inspections.get(inspection.id);
    expect(amended?.review).toEqual({ ...returned, status: 'pending' });
    expect(amended?.amendments).toEqual([
      {
        at: at.toISOString(),
        by: me,
        reason: 'Graded wrongly on site',
        findingId: finding.id,
        findingTitle: finding.title,
        changes: [{ field: 'grade', before: 'general', after: 'major' }],
      },
    ]);
    // The amendment goes first: the server takes the hazard's change only after it.
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((r) => [r.entity, r.id, r.baseVersion])).toEqual([
      ['inspection', inspection.id, 3],
      ['finding', finding.id, 2],
    ]);
  });

  it('queues the amended hazard after the amendment, behind an unsent earlier edit of it', async () => {
    const { inspection, finding } = await seed();
    // The hazard's rectification, recorded on this device and not yet sent.
    await writeLocal(db, 'finding', { ...finding, status: 'rectified' }, now);
    const result = await saveFindingAmendment(
      db,
      {
        findingId: finding.id,
        inspectionId: inspection.id,
        content: { ...contentOf(finding), title: 'Corrected title' },
        by: me,
        reason: 'Misspelt on site',
      },
      now,
    );
    expect(result.ok).toBe(true);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((r) => [r.entity, (r.data as { title?: string } | null)?.title])).toEqual([
      ['finding', finding.title],
      ['inspection', undefined],
      ['finding', 'Corrected title'],
    ]);
  });

  it('adds a hazard to a submitted inspection and drops its form draft', async () => {
    const { inspection, finding } = await seed({ ...returned, status: 'pending' });
    const id = newId();
    await db.findingDrafts.put({
      id,
      inspectionId: inspection.id,
      enterpriseId: inspection.enterpriseId,
      values: { title: 'half' },
      updatedAt: at.toISOString(),
    });
    const result = await saveFindingAmendment(
      db,
      {
        findingId: id,
        inspectionId: inspection.id,
        content: { ...contentOf(finding), itemId: null, title: 'Blocked exit' },
        by: me,
        reason: 'Missed on site',
      },
      now,
    );
    expect(result.ok).toBe(true);
    expect(await db.findings.get(id)).toMatchObject({ createdBy: me, version: 0, status: 'open' });
    expect(await db.findingDrafts.get(id)).toBeUndefined();
    const amendment = (await db.inspections.get(inspection.id))?.amendments[0];
    expect(amendment).toMatchObject({ findingAdded: true, findingTitle: 'Blocked exit' });
    // A pending review stays as it is.
    expect((await db.inspections.get(inspection.id))?.review.status).toBe('pending');
  });

  it('writes nothing without a reason', async () => {
    const { inspection, finding } = await seed();
    const result = await saveFindingAmendment(db, {
      findingId: finding.id,
      inspectionId: inspection.id,
      content: { ...contentOf(finding), title: 'Changed' },
      by: me,
      reason: ' ',
    });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'amendment.reasonRequired',
    ]);
    expect((await db.findings.get(finding.id))?.title).toBe(finding.title);
    expect((await db.inspections.get(inspection.id))?.amendments).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stores neither record when the second outbox row cannot be written', async () => {
    const { inspection, finding } = await seed();
    db.outbox.hook('creating', (_key, row) => {
      if (row.entity === 'finding') throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(
      saveFindingAmendment(db, {
        findingId: finding.id,
        inspectionId: inspection.id,
        content: { ...contentOf(finding), title: 'Changed' },
        by: me,
        reason: 'Typo',
      }),
    ).rejects.toThrow();
    expect((await db.findings.get(finding.id))?.title).toBe(finding.title);
    expect((await db.inspections.get(inspection.id))?.amendments).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });
});
