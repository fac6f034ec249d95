// What a re-inspection visit must be: the inspection of kind `reinspection` recorded, submitted,
// when officers go back to an enterprise to verify hazards it reported rectified. It answers no
// checklist and records no hazard (what it found is in the verifications of the hazards it
// re-inspected), so the completeness check of a site visit does not apply; but like every
// enforcement act at an enterprise it is made by at least two officers with law-enforcement
// certificates (两人以上执法). The device builds visits that pass this and the server checks it.
import type { Inspection } from '../schemas/inspection';
import type { User } from '../schemas/user';
import { officerProblem } from './officers';
import { MIN_OFFICERS } from './submission';

export type ReinspectionVisitProblem =
  { code: 'officers.tooFew'; qualified: number } | { code: 'items.answered' };

type Visit = Pick<Inspection, 'leadInspectorId' | 'coInspectorIds' | 'itemResults'>;
type Officer = Pick<User, 'id' | 'role' | 'certificateNo' | 'deletedAt'>;

/**
 * Whether `user` counts as an officer of a re-inspection visit: an inspector with a certificate,
 * or, as its lead, a supervisor with one (supervisors lead their own re-inspections).
 */
export function reinspectionOfficer(user: Officer | undefined, asLead: boolean): boolean {
  if (officerProblem(user) === null) return true;
  return (
    asLead &&
    user !== undefined &&
    user.deletedAt === null &&
    user.role === 'supervisor' &&
    (user.certificateNo ?? '').trim() !== ''
  );
}

/** Every problem of the visit, in the order a person fixes them; empty means it may be recorded. */
export function reinspectionVisitProblems(
  visit: Visit,
  users: readonly Officer[],
): ReinspectionVisitProblem[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  const officers = [...new Set([visit.leadInspectorId, ...visit.coInspectorIds])];
  const qualified = officers.filter((id) =>
    reinspectionOfficer(byId.get(id), id === visit.leadInspectorId),
  ).length;
  const problems: ReinspectionVisitProblem[] = [];
  if (qualified < MIN_OFFICERS) problems.push({ code: 'officers.tooFew', qualified });
  if (visit.itemResults.length > 0) problems.push({ code: 'items.answered' });
  return problems;
}
