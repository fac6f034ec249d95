// Owns whether a record may open a penalty case, on the server's own facts and clock: a major
// hazard past its deadline and not closed, a hazard whose latest re-inspection failed and that is
// not closed, or a submitted inspection the enterprise refused to sign. Answers the enterprise,
// its town and the inspection that recorded it, or throws a 422 that says what is wrong.
import { todayInChina } from '../../../domain/rules/calendar-date';
import { findingCaseOrigins } from '../../../domain/rules/case-origin';
import { findingSchema } from '../../../domain/schemas/finding';
import type { CaseOriginKind } from '../../../domain/schemas/penalty-case';
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

export interface CaseOriginFacts {
  enterpriseId: string;
  town: string;
  inspectionId: string;
  /** The inspection's lead and co-inspectors, of whatever agency. */
  inspectionOfficers: string[];
}

interface Row {
  data: Record<string, unknown>;
  town: string | null;
  deleted: boolean;
}

async function stored(tx: Queryable, entity: string, id: string): Promise<Row | undefined> {
  const [row] = await tx.query<Row>(
    `SELECT data, town, deleted_at IS NOT NULL AS deleted FROM records
     WHERE entity = $1 AND id = $2::uuid`,
    [entity, id],
  );
  return row && !row.deleted ? row : undefined;
}

const notEligible = (message: string) => new ApiError(422, 'case_origin_not_eligible', message);

function hazardReason(
  kind: CaseOriginKind,
  data: Record<string, unknown>,
  now: Date,
): string | null {
  const parsed = findingSchema.safeParse(data);
  if (!parsed.success) return 'The hazard on the server is not a valid record.';
  if (findingCaseOrigins(parsed.data, todayInChina(now)).includes(kind)) return null;
  return kind === 'overdueMajorHazard'
    ? 'The hazard is not a major hazard past its deadline that is still not closed.'
    : 'The hazard’s last re-inspection did not fail, or it is closed.';
}

export async function caseOriginFacts(
  tx: Queryable,
  user: User,
  origin: { kind: CaseOriginKind; recordId: string },
  now: Date,
): Promise<CaseOriginFacts> {
  const isHazard = origin.kind !== 'refusedInspection';
  const record = await stored(tx, isHazard ? 'finding' : 'inspection', origin.recordId);
  if (!record) {
    throw notEligible(
      `No ${isHazard ? 'hazard' : 'inspection'} ${origin.recordId} is on the server.`,
    );
  }
  const inspectionId = isHazard ? String(record.data.inspectionId) : origin.recordId;
  const inspection = isHazard ? await stored(tx, 'inspection', inspectionId) : record;
  if (!inspection || record.town === null)
    throw notEligible('The record’s inspection is not on the server.');
  if (!user.jurisdiction.includes(record.town)) {
    throw new ApiError(403, 'case_forbidden', 'The enterprise is outside your towns.');
  }
  const agencies = Array.isArray(inspection.data.agencyIds) ? inspection.data.agencyIds : [];
  if (!agencies.includes(user.agencyId)) {
    throw new ApiError(403, 'case_forbidden', 'Your agency took no part in the inspection.');
  }
  const reason = isHazard
    ? hazardReason(origin.kind, record.data, now)
    : inspection.data.status !== 'submitted' || inspection.data.refusedToSign === null
      ? 'The inspection was not refused by the enterprise.'
      : null;
  if (reason) throw notEligible(reason);
  const co = Array.isArray(inspection.data.coInspectorIds) ? inspection.data.coInspectorIds : [];
  return {
    enterpriseId: String(record.data.enterpriseId),
    town: record.town,
    inspectionId,
    inspectionOfficers: [String(inspection.data.leadInspectorId), ...co.map(String)],
  };
}
