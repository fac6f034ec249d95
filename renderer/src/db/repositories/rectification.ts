// Rectification and re-inspection of hazards on this device: the enterprise's report of
// rectification (open → rectified) and the re-inspection that verifies it (→ closed, or → open
// with a new deadline). Every write goes with its outbox row through writeLocal, and each
// function checks everything before it writes anything, so a refused input leaves no trace.
//
// A re-inspection is a visit: the verification names the inspection of kind `reinspection` made
// for it. One such inspection per officer, enterprise and day is made here (led by the officer,
// submitted at once, under the original inspection's checklist) and reused by the day's further
// re-inspections at that enterprise, so one visit is one inspection record.
import { v7 as uuidv7 } from 'uuid';
import { chinaDateOf, todayInChina } from '../../../../domain/rules/calendar-date';
import type { ExtensionDeciderProblem } from '../../../../domain/rules/extension';
import {
  RectificationError,
  recordReinspection as applyReinspection,
  reinspectionProblem,
  reportRectification,
} from '../../../../domain/rules/rectification';
import type {
  ReinspectionInput,
  RectificationReportInput,
} from '../../../../domain/rules/rectification';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';
import { queueTables, writeLocal } from './outbox';

export { RectificationError } from '../../../../domain/rules/rectification';

export type Recorder = Pick<User, 'id' | 'role' | 'agencyId' | 'jurisdiction'>;

/**
 * Refusals that depend on this device's data rather than on the input: the hazard, its place, its
 * inspection, and who may decide a request for more time on it.
 */
export class RectificationAccessError extends Error {
  override readonly name = 'RectificationAccessError';
  constructor(
    readonly code:
      'notFound' | 'outsideJurisdiction' | 'inspectionMissing' | ExtensionDeciderProblem,
  ) {
    super(`rectification refused: ${code}`);
  }
}

/** The live hazard `id` in the user's jurisdiction (administrators see every town). */
export async function liveFinding(
  db: FieldInspectorDb,
  id: string,
  user: Recorder,
): Promise<Finding> {
  const finding = await db.findings.get(id);
  if (!finding || finding.deletedAt !== null) throw new RectificationAccessError('notFound');
  if (user.role !== 'admin') {
    const enterprise = await db.enterprises.get(finding.enterpriseId);
    if (!enterprise || !user.jurisdiction.includes(enterprise.town)) {
      throw new RectificationAccessError('outsideJurisdiction');
    }
  }
  return finding;
}

/** Records the enterprise's report that it has rectified the hazard: status `rectified`. */
export async function recordRectificationReport(
  db: FieldInspectorDb,
  findingId: string,
  input: RectificationReportInput,
  user: Recorder,
  now: () => Date = () => new Date(),
): Promise<Finding> {
  return db.transaction('rw', [db.findings, db.enterprises, ...queueTables(db)], async () => {
    const finding = await liveFinding(db, findingId, user);
    const at = now();
    const next = reportRectification(finding, input, {
      userId: user.id,
      at: at.toISOString(),
      today: todayInChina(at),
    });
    await writeLocal(db, 'finding', next, now);
    return next;
  });
}

/** The officer's re-inspection visit to the enterprise today, if one is already recorded. */
async function todaysVisit(
  db: FieldInspectorDb,
  enterpriseId: string,
  user: Recorder,
  today: string,
): Promise<Inspection | undefined> {
  const visits = await db.inspections.where('enterpriseId').equals(enterpriseId).toArray();
  return visits.find(
    (i) =>
      i.deletedAt === null &&
      i.kind === 'reinspection' &&
      i.status === 'submitted' &&
      i.leadInspectorId === user.id &&
      chinaDateOf(i.startedAt) === today,
  );
}

/** A submitted re-inspection visit under the original inspection's checklist. */
export function reinspectionVisit(
  original: Inspection,
  user: Recorder,
  at: string,
  id: string = uuidv7(),
): Inspection {
  return {
    id,
    version: 0,
    updatedAt: at,
    deletedAt: null,
    createdBy: user.id,
    enterpriseId: original.enterpriseId,
    templateId: original.templateId,
    templateVersion: original.templateVersion,
    ...(original.templateRefs ? { templateRefs: original.templateRefs } : {}),
    kind: 'reinspection',
    agencyIds: [user.agencyId],
    leadInspectorId: user.id,
    coInspectorIds: [],
    startedAt: at,
    finishedAt: at,
    location: null,
    itemResults: [],
    enterpriseRep: null,
    signatures: [],
    refusedToSign: null,
    status: 'submitted',
    // To the review queue, whoever made it: no one reviews a visit they took part in.
    review: { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
    amendments: [],
  };
}

/**
 * Records a re-inspection of a rectified hazard: passed closes it, failed reopens it with the
 * new deadline. Answers the finding as stored and the visit it was verified in.
 */
export async function recordReinspection(
  db: FieldInspectorDb,
  findingId: string,
  input: ReinspectionInput,
  user: Recorder,
  now: () => Date = () => new Date(),
): Promise<{ finding: Finding; visit: Inspection }> {
  return db.transaction(
    'rw',
    [db.findings, db.enterprises, db.inspections, ...queueTables(db)],
    async () => {
      const finding = await liveFinding(db, findingId, user);
      const at = now();
      const today = todayInChina(at);
      // Checked before the visit is made, so a refused input writes nothing at all.
      const problem = reinspectionProblem(finding, input, today);
      if (problem) throw new RectificationError(problem);
      let visit = await todaysVisit(db, finding.enterpriseId, user, today);
      if (!visit) {
        const original = await db.inspections.get(finding.inspectionId);
        if (!original) throw new RectificationAccessError('inspectionMissing');
        visit = reinspectionVisit(original, user, at.toISOString());
        await writeLocal(db, 'inspection', visit, now);
      }
      const next = applyReinspection(
        finding,
        input,
        { userId: user.id, at: at.toISOString(), today },
        visit,
      );
      await writeLocal(db, 'finding', next, now);
      return { finding: next, visit };
    },
  );
}
