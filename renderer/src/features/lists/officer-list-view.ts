// The officer list screen's rows from the user directory on this device: every inspector of the
// agencies, with their certificate and its expiry, their leave, and whether and why they would
// be left off a draw (no certificate or no expiry recorded, certificate expired, on leave today).
import { eligibleOn, officerListGaps } from '../../../../domain/rules/officer-list';
import type { OfficerListGap, UserForOfficerList } from '../../../../domain/rules/officer-list';
import type { LeavePeriod } from '../../../../domain/schemas/leave';

export type OfficerStatus = OfficerListGap | 'certificateExpired' | 'onLeave' | 'eligible';

export interface OfficerRow {
  userId: string;
  displayName: string;
  agencyId: string;
  certificateNo: string | null;
  certificateExpiresOn: string | null;
  leave: LeavePeriod[];
  /** Leave that has not ended by today. */
  currentLeave: LeavePeriod[];
  status: OfficerStatus;
}

type UserForRow = UserForOfficerList & { displayName: string };

function statusOf(user: UserForRow, gap: OfficerListGap | undefined, today: string): OfficerStatus {
  if (gap) return gap;
  const expiresOn = user.certificateExpiresOn as string;
  if (expiresOn < today) return 'certificateExpired';
  const dates = { certificateExpiresOn: expiresOn, leave: user.leave ?? [] };
  return eligibleOn(dates, today) ? 'eligible' : 'onLeave';
}

/** The inspectors (not removed) of `agencyId`, or of every agency when null, by name. */
export function officerRows(
  users: readonly UserForRow[],
  agencyId: string | null,
  today: string,
): OfficerRow[] {
  const own = users.filter(
    (u) => u.deletedAt === null && u.role === 'inspector' && (!agencyId || u.agencyId === agencyId),
  );
  const gaps = new Map(officerListGaps(own).map((g) => [g.userId, g.gap]));
  return own
    .map((u) => {
      const leave = [...(u.leave ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
      return {
        userId: u.id,
        displayName: u.displayName,
        agencyId: u.agencyId,
        certificateNo: u.certificateNo,
        certificateExpiresOn: u.certificateExpiresOn ?? null,
        leave,
        currentLeave: leave.filter((l) => l.to >= today),
        status: statusOf(u, gaps.get(u.id), today),
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
