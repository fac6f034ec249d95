// Who may write what: only admins write agencies, users, enterprises, templates and towns; inspectors
// start inspections at enterprises in their jurisdiction, and write the inspections they lead or
// co-sign and their findings there or wherever they took part (writableTowns); supervisors write
// the review of inspections and the rectification state of findings in their jurisdiction
// (inspectors too, for hazards found by others: re-inspection is field work), and may record a
// re-inspection visit they lead. Outside one's towns, a hazard's rectification is recorded only as
// a re-inspection at a visit one took part in. The
// hazards of a submitted inspection change only by amendment, whoever sends them. The rules every
// role is held to (an inspection's life, officers, amendments and review) are
// inspection-rules.ts's. Returns the refusal (domain/sync/refusals.ts) when refused.
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { EntityName } from '../../../domain/schemas/entities';
import type { User } from '../../../domain/schemas/user';
import {
  RECTIFICATION_FIELDS,
  RECTIFICATION_REFERENCED_FIELDS,
  rectificationWrite,
} from './rectification-rules';

export interface WriteCheck {
  entity: EntityName;
  /** The record as the server holds it, if it exists. */
  before: Record<string, unknown> | undefined;
  /** The record as it would be after the mutation. */
  after: Record<string, unknown>;
  /** Content fields the mutation changes. */
  changed: ReadonlySet<string>;
  /** Looks a record up (stored, or written earlier in the same batch). */
  lookup: (entity: 'enterprise' | 'inspection', id: unknown) => Record<string, unknown> | undefined;
}

/**
 * The fields these rules read of the enterprises and inspections a record refers to (through
 * `lookup`): the push loads only these of records it does not write.
 */
export const REFERENCED_FIELDS = [
  'town',
  'enterpriseId',
  'leadInspectorId',
  'coInspectorIds',
  'kind',
  'status',
  'amendments',
  ...RECTIFICATION_REFERENCED_FIELDS,
] as const;

const ADMIN_ONLY: ReadonlySet<EntityName> = new Set([
  'agency',
  'user',
  'enterprise',
  'template',
  'town',
]);
/** Written on the server only (a draw writes tasks): refused from every device, admins' too. */
const SERVER_ONLY: ReadonlySet<EntityName> = new Set(['task', 'gb18218Edition']);
const takesPart = (inspection: Record<string, unknown> | undefined, userId: string) =>
  inspection !== undefined &&
  (inspection.leadInspectorId === userId ||
    (Array.isArray(inspection.coInspectorIds) && inspection.coInspectorIds.includes(userId)));

function townOf(check: WriteCheck, record: Record<string, unknown> | undefined): string | null {
  if (!record) return null;
  const enterprise = check.lookup('enterprise', record.enterpriseId);
  return typeof enterprise?.town === 'string' ? enterprise.town : null;
}

/**
 * The towns where the caller may write this record: their jurisdiction, and the town of the
 * stored inspection they take part in (or of the hazard's inspection, before and after the change):
 * an officer who took part signed it, and taking part grants writing the draft and its hazards,
 * amending and signing, whatever their own towns. A new inspection is started in one's own towns.
 */
function writableTowns(user: User, check: WriteCheck): ReadonlySet<string> {
  const towns = new Set(user.jurisdiction);
  let inspection: Record<string, unknown> | undefined;
  if (check.entity === 'inspection') inspection = check.before;
  else if (check.entity === 'finding') {
    const found = [check.before, check.after].map(
      (f) => f && check.lookup('inspection', f.inspectionId),
    );
    const same = found.every((i) => i === undefined || i === found[1]);
    inspection = same ? found[1] : undefined;
  }
  const town = inspection && takesPart(inspection, user.id) ? townOf(check, inspection) : null;
  if (town !== null) towns.add(town);
  return towns;
}

/** The steps of a hazard's rectification the change appends to its history. */
function appendedSteps(check: WriteCheck): { kind?: unknown }[] {
  const history = (record: Record<string, unknown> | undefined) =>
    Array.isArray(record?.history) ? (record.history as { kind?: unknown }[]) : [];
  return history(check.after).slice(history(check.before).length);
}

function outsideJurisdiction(user: User, check: WriteCheck): Refusal | null {
  const steps = check.entity === 'finding' ? appendedSteps(check) : [];
  // Rectification outside one's towns is no part of taking part in the inspection that found the
  // hazard: only a re-inspection, which the ledger holds to a visit the caller took part in.
  const reinspecting =
    steps.length > 0 &&
    steps.every((e) => e.kind === 'reinspected') &&
    [...check.changed].every((f) => RECTIFICATION_FIELDS.has(f));
  const rectifying = steps.some((e) => e.kind !== 'reinspected');
  const towns = rectifying ? new Set(user.jurisdiction) : writableTowns(user, check);
  for (const record of [check.before, check.after]) {
    if (!record) continue;
    const town = townOf(check, record);
    if (town === null || !(towns.has(town) || reinspecting)) {
      return refusal('outsideJurisdiction', { entity: check.entity });
    }
  }
  return null;
}

/** References every user must get right, admins included: the server must know the enterprise. */
export function checkReferences(check: WriteCheck): Refusal | null {
  if (check.entity !== 'inspection' && check.entity !== 'finding') return null;
  if (!check.lookup('enterprise', check.after.enterpriseId)) {
    return refusal('unknownEnterprise');
  }
  if (check.entity === 'finding') {
    const inspection = check.lookup('inspection', check.after.inspectionId);
    if (!inspection) return refusal('unknownInspection');
    if (inspection.enterpriseId !== check.after.enterpriseId) {
      return refusal('enterpriseMismatch');
    }
  }
  return null;
}

/** What checkLockedFinding needs to know of a hazard's amendments beyond the records. */
export interface AmendmentLink {
  /** The caller: a hazard's change names an amendment of their own. */
  userId: string;
  /** The amendments earlier changes of this hazard named (its history and this batch). */
  used: ReadonlySet<string>;
}

/**
 * A submitted inspection is a signed record: its hazards change only by amendment (with a
 * reason, kept in the inspection's history). A change of a hazard's content (anything but its
 * rectification state), or a new hazard, is taken only when it names an amendment of that hazard
 * that the inspection, as it stands when the change arrives, records, that the caller made, and
 * that no earlier change of the hazard named. Everyone is held to this, admins too.
 */
export function checkLockedFinding(check: WriteCheck, link?: AmendmentLink): Refusal | null {
  if (check.entity !== 'finding') return null;
  const inspection = check.lookup('inspection', check.after.inspectionId);
  // A hazard of a submitted inspection stays locked if a change names another inspection.
  const earlier = check.before && check.lookup('inspection', check.before.inspectionId);
  if (inspection?.status !== 'submitted' && earlier?.status !== 'submitted') return null;
  const content = [...check.changed].some((field) => !RECTIFICATION_FIELDS.has(field));
  if (!content) return null;
  // The change names its amendment (the hazard's amendedAt), which must be one of this hazard
  // and not one its stored copy or an earlier change already named: each change needs its own.
  const amendedAt = check.after.amendedAt;
  const amendments = Array.isArray(inspection?.amendments) ? inspection.amendments : [];
  const named = amendments.find(
    (a: unknown): a is { by?: unknown } =>
      typeof a === 'object' &&
      a !== null &&
      (a as { findingId?: unknown }).findingId === check.after.id &&
      (a as { at?: unknown }).at === amendedAt,
  );
  const fresh =
    typeof amendedAt === 'string' &&
    check.before?.amendedAt !== amendedAt &&
    !(link?.used.has(amendedAt) ?? false);
  const own = link === undefined || named?.by === link.userId;
  return named && fresh && own ? null : refusal('submittedLocked');
}

export function checkWrite(user: User, check: WriteCheck): Refusal | null {
  if (SERVER_ONLY.has(check.entity)) return refusal('serverWritten', { entity: check.entity });
  if (user.role === 'admin') {
    // Published template versions never change, built-in ones not at all: templates are written
    // by the administration of templates (admin/template-admin.ts), never through a push.
    return check.entity === 'template' ? refusal('templatesByAdministration') : null;
  }
  if (ADMIN_ONLY.has(check.entity)) {
    return refusal('adminOnly', { entity: check.entity });
  }
  const scope = outsideJurisdiction(user, check);
  if (scope) return scope;
  if (user.role === 'supervisor') return supervisorWrite(user, check);
  if (check.entity === 'inspection') {
    if (check.before && !takesPart(check.before, user.id)) {
      return refusal('notYourInspection');
    }
    if (!takesPart(check.after, user.id)) {
      return refusal('mustTakePart');
    }
    // Who may change the review is review-rules.ts's, for every role.
    return null;
  }
  // A finding: the caller must take part in its inspection, before and after the change, or
  // record the rectification of a hazard in their jurisdiction (re-inspections are field work).
  for (const finding of [check.before, check.after]) {
    if (finding && !takesPart(check.lookup('inspection', finding.inspectionId), user.id)) {
      return check.before && [...check.changed].every((f) => RECTIFICATION_FIELDS.has(f))
        ? rectificationWrite(user, check)
        : refusal('notYourFinding');
    }
  }
  return null;
}

function supervisorWrite(user: User, check: WriteCheck): Refusal | null {
  // A supervisor who re-inspects hazards records the visit as a re-inspection they lead.
  const ownReinspection =
    check.entity === 'inspection' &&
    check.after.kind === 'reinspection' &&
    check.after.leadInspectorId === user.id;
  if (!check.before && ownReinspection) return null;
  if (!check.before) return refusal('supervisorCreates', { entity: check.entity });
  if (check.entity === 'finding') return rectificationWrite(user, check);
  const allowed = new Set(['review']);
  const other = [...check.changed].filter((f) => !allowed.has(f));
  if (other.length === 0) return null;
  return refusal('supervisorReviewOnly', { fields: other.join(', ') });
}
