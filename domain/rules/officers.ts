// Who an inspection belongs to: its officers (the lead and the co-inspectors), whether a person
// takes part in it, which agencies it is of (those of its officers), and who may be named an
// officer at all. The device builds new inspections with these and the server checks them.
import type { Inspection } from '../schemas/inspection';
import type { User } from '../schemas/user';

type Officers = Pick<Inspection, 'leadInspectorId' | 'coInspectorIds'>;

/** The lead and co-inspectors, each once, lead first. */
export function officerIds(inspection: Officers): string[] {
  return [...new Set([inspection.leadInspectorId, ...inspection.coInspectorIds])];
}

/** Whether `userId` is the lead or a co-inspector of the inspection. */
export function takesPart(inspection: Officers, userId: string): boolean {
  return inspection.leadInspectorId === userId || inspection.coInspectorIds.includes(userId);
}

/**
 * The agencies an inspection is of: those of its officers, each once, in the officers' order (a
 * joint inspection names several). Officers the directory does not know add none.
 */
export function officerAgencyIds(
  inspection: Officers,
  users: readonly Pick<User, 'id' | 'agencyId'>[],
): string[] {
  const byId = new Map(users.map((u) => [u.id, u.agencyId]));
  const agencies = officerIds(inspection).map((id) => byId.get(id));
  return [...new Set(agencies.filter((a) => a !== undefined))];
}

/** Whether two lists name the same agencies, in any order and counting each once. */
export function sameAgencies(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

export type OfficerProblem = 'unknown' | 'notInspector' | 'noCertificate';

/**
 * Why a user may not be named an officer of an inspection, or null when they may: they must be
 * in the directory and not deleted, an inspector, with a law-enforcement certificate number.
 */
export function officerProblem(
  user: Pick<User, 'role' | 'certificateNo' | 'deletedAt'> | undefined,
): OfficerProblem | null {
  if (!user || user.deletedAt !== null) return 'unknown';
  if (user.role !== 'inspector') return 'notInspector';
  if ((user.certificateNo ?? '').trim() === '') return 'noCertificate';
  return null;
}
