// The officer list (执法检查人员名录库) built from the user directory, who on it may be drawn on a
// day or for a period, and the conflicts declared with enterprises that are in force.
import type {
  ConflictDeclaration,
  ConflictPair,
  ExclusionReason,
  OfficerEntry,
  OfficerFields,
} from '../schemas/officer';
import type { User } from '../schemas/user';
import { canonicalSet } from './canonical-json';

/** A user as the officer list reads it; the officer fields are absent on older user records. */
export type UserForOfficerList = Pick<
  User,
  'id' | 'role' | 'agencyId' | 'certificateNo' | 'deletedAt'
> &
  Partial<OfficerFields>;

/** Why an inspector of the directory is not on the officer list. */
export type OfficerListGap = 'noCertificate' | 'noCertificateExpiry';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function gapOf(user: UserForOfficerList): OfficerListGap | null {
  if ((user.certificateNo ?? '').trim() === '') return 'noCertificate';
  if (!user.certificateExpiresOn) return 'noCertificateExpiry';
  return null;
}

const isInspector = (u: UserForOfficerList) => u.deletedAt === null && u.role === 'inspector';

/**
 * The officer list: every inspector (not deleted) with a certificate number and its expiry, by
 * user id. Supervisors and administrators are not on it: a draw sends inspectors.
 */
export function officerList(users: readonly UserForOfficerList[]): OfficerEntry[] {
  return users
    .filter((u) => isInspector(u) && gapOf(u) === null)
    .map((u) => ({
      userId: u.id,
      agencyId: u.agencyId,
      certificateNo: (u.certificateNo as string).trim(),
      certificateExpiresOn: u.certificateExpiresOn as string,
      leave: canonicalSet((u.leave ?? []).map(({ from, to }) => ({ from, to }))),
    }))
    .sort((a, b) => byId(a.userId, b.userId));
}

/** Inspectors left off the list and why, so that a screen can ask for what is missing. */
export function officerListGaps(
  users: readonly UserForOfficerList[],
): { userId: string; gap: OfficerListGap }[] {
  return users
    .filter(isInspector)
    .map((u) => ({ userId: u.id, gap: gapOf(u) }))
    .filter((g): g is { userId: string; gap: OfficerListGap } => g.gap !== null)
    .sort((a, b) => byId(a.userId, b.userId));
}

type OfficerDates = Pick<OfficerEntry, 'certificateExpiresOn' | 'leave'>;

/** Whether the officer may be sent on `date`: certificate still valid and not on leave. */
export function eligibleOn(officer: OfficerDates, date: string): boolean {
  return officerPeriodExclusions(officer, { from: date, to: date }).length === 0;
}

/**
 * Why the officer may not be drawn for a period (both days included), or none: the certificate
 * must be valid on every day of it, and the officer on leave on none. An officer on leave for a
 * day of the period is not drawn for it, since the visit may fall on any of its days.
 */
export function officerPeriodExclusions(
  officer: OfficerDates,
  period: { from: string; to: string },
): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (officer.certificateExpiresOn < period.to) reasons.push('certificateExpires');
  if (officer.leave.some((l) => l.from <= period.to && l.to >= period.from)) {
    reasons.push('onLeave');
  }
  return reasons;
}

/** The conflicts in force: declarations not withdrawn, each pair once. */
export function activeConflicts(
  declarations: readonly Pick<ConflictDeclaration, 'officerId' | 'enterpriseId' | 'deletedAt'>[],
): ConflictPair[] {
  return canonicalSet(
    declarations
      .filter((d) => d.deletedAt === null)
      .map(({ officerId, enterpriseId }) => ({ officerId, enterpriseId })),
  );
}
