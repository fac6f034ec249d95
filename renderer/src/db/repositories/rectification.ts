// Rectification and re-inspection of hazards on this device: the enterprise's report of
// rectification (open → rectified) and the re-inspection that verifies it (→ closed, or → open
// with a new deadline). Every write goes with its outbox row through writeLocal, and each
// function checks everything before it writes anything, so a refused input leaves no trace.
//
// A re-inspection is a visit: the verification names the inspection of kind `reinspection` made
// for it. One such inspection per officer, enterprise, day and co-inspectors is made here (led by
// the officer with the colleagues they name, at least two officers as for every enforcement act,
// submitted at once, under the original inspection's checklist) and reused by the day's further
// re-inspections at that enterprise with the same colleagues, so one visit is one record.
import { coversTown } from '../../../../domain/rules/jurisdiction';
import { v7 as uuidv7 } from 'uuid';
import { chinaDateOf, todayInChina } from '../../../../domain/rules/calendar-date';
import type { ExtensionDeciderProblem } from '../../../../domain/rules/extension';
import { officerAgencyIds } from '../../../../domain/rules/officers';
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
import { reinspectionVisitProblems } from '../../../../domain/rules/reinspection-visit';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';
import { queueTables, writeLocal } from '../outbox/queue';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

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

/** Who records a re-inspection: they lead its visit, so whether they may count as an officer. */
export type Reinspector = Recorder & Pick<User, 'certificateNo' | 'deletedAt'>;

/** A re-inspection as the officer records it: its result, and who else made the visit. */
export interface ReinspectionEntry extends ReinspectionInput {
  /** The visit's co-inspectors: at least one, as a visit is made by two officers or more. */
  coInspectorIds: readonly string[];
}

/**
 * Thrown when the visit would not be one (domain reinspectionVisitProblems): too few officers
 * with certificates, or a co-inspector this device's user directory does not hold.
 */
export class ReinspectionVisitError extends Error {
  override readonly name = 'ReinspectionVisitError';
  constructor(readonly code: 'officersTooFew' | 'officerUnknown') {
    super(`re-inspection visit refused: ${code}`);
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
    if (!enterprise || !coversTown(user, enterprise.town)) {
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
  now: Clock = systemClock,
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

const sameOfficers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** The officer's re-inspection visit to the enterprise today with these colleagues, if recorded. */
async function todaysVisit(
  db: FieldInspectorDb,
  enterpriseId: string,
  user: Recorder,
  coInspectorIds: readonly string[],
  today: string,
): Promise<Inspection | undefined> {
  const visits = await db.inspections.where('enterpriseId').equals(enterpriseId).toArray();
  return visits.find(
    (i) =>
      i.deletedAt === null &&
      i.kind === 'reinspection' &&
      i.status === 'submitted' &&
      i.leadInspectorId === user.id &&
      sameOfficers(i.coInspectorIds, coInspectorIds) &&
      chinaDateOf(i.startedAt) === today,
  );
}

/**
 * A submitted re-inspection visit under the original inspection's checklist, led by `user` with
 * `coInspectors`; its agencies are its officers' (as the server requires).
 */
export function reinspectionVisit(
  original: Inspection,
  user: Recorder,
  coInspectors: readonly Pick<User, 'id' | 'agencyId'>[],
  at: string,
  id: string = uuidv7(),
): Inspection {
  const coInspectorIds = [...new Set(coInspectors.map((u) => u.id))].filter((u) => u !== user.id);
  const officers = { leadInspectorId: user.id, coInspectorIds };
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
    agencyIds: officerAgencyIds(officers, [user, ...coInspectors]),
    ...officers,
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
 * Records a re-inspection of a rectified hazard, made by `user` with the co-inspectors the entry
 * names: passed closes it, failed reopens it with the new deadline. Answers the finding as stored
 * and the visit it was verified in.
 */
export async function recordReinspection(
  db: FieldInspectorDb,
  findingId: string,
  entry: ReinspectionEntry,
  user: Reinspector,
  now: Clock = systemClock,
): Promise<{ finding: Finding; visit: Inspection }> {
  const { coInspectorIds, ...input } = entry;
  return db.transaction(
    'rw',
    [db.findings, db.enterprises, db.inspections, db.users, ...queueTables(db)],
    async () => {
      const finding = await liveFinding(db, findingId, user);
      const at = now();
      const today = todayInChina(at);
      // Checked before the visit is made, so a refused input writes nothing at all.
      const problem = reinspectionProblem(finding, input, today);
      if (problem) throw new RectificationError(problem);
      const colleagues = [...new Set(coInspectorIds)].filter((id) => id !== user.id);
      const found = await db.users.bulkGet(colleagues);
      if (found.some((u) => u === undefined)) throw new ReinspectionVisitError('officerUnknown');
      const coInspectors = found.filter((u) => u !== undefined);
      let visit = await todaysVisit(db, finding.enterpriseId, user, colleagues, today);
      if (!visit) {
        const original = await db.inspections.get(finding.inspectionId);
        if (!original) throw new RectificationAccessError('inspectionMissing');
        visit = reinspectionVisit(original, user, coInspectors, at.toISOString());
        if (reinspectionVisitProblems(visit, [user, ...coInspectors]).length > 0) {
          throw new ReinspectionVisitError('officersTooFew');
        }
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
