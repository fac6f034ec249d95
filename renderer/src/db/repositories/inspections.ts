// Reads of inspections for the lists and the review queue; writes arrive through
// synced-records.ts (and later through writeLocal in outbox.ts).
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { FieldInspectorDb } from '../database';
import { enterpriseNames } from './enterprises';

export interface InspectionRow {
  inspection: Inspection;
  enterpriseName: string | null;
}

async function withNames(db: FieldInspectorDb, list: Inspection[]): Promise<InspectionRow[]> {
  const names = await enterpriseNames(db);
  return list.map((inspection) => ({
    inspection,
    enterpriseName: names.get(inspection.enterpriseId) ?? null,
  }));
}

/** Every live inspection, newest first. */
export async function listInspections(db: FieldInspectorDb): Promise<InspectionRow[]> {
  const all = await db.inspections.orderBy('startedAt').reverse().toArray();
  return withNames(
    db,
    all.filter((i) => i.deletedAt === null),
  );
}

/** Submitted inspections waiting for a supervisor, oldest first. */
export async function listAwaitingReview(db: FieldInspectorDb): Promise<InspectionRow[]> {
  const submitted = await db.inspections.where('status').equals('submitted').sortBy('startedAt');
  return withNames(
    db,
    submitted.filter((i) => i.deletedAt === null && i.review.status === 'pending'),
  );
}
