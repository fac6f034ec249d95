// Owns the rules of an inspection's life that hold for every role, administrators included: a
// submitted inspection stays submitted and is never deleted; only its lead deletes a draft (and
// hazards go only with a draft); a new inspection is led by its sender, its agencies are its
// officers' and its co-inspectors may inspect; the lead never changes; a submission passes the
// same completeness check as on the device, and a re-inspection visit (which skips it) is what
// the device makes of one: submitted when made, two officers, no answers and no hazards of its
// own; a service receipt serves a document the record issues, by its officers; amendments and
// reviews follow their own modules, and so does the grading snapshot a submission keeps.
import {
  officerAgencyIds,
  officerProblem,
  sameAgencies,
  takesPart,
} from '../../../domain/rules/officers';
import { sameValue } from '../../../domain/rules/inspection-changes';
import { reinspectionVisitProblems } from '../../../domain/rules/reinspection-visit';
import { checkSubmission } from '../../../domain/rules/submission';
import type { SubmissionInput, SubmissionProblem } from '../../../domain/rules/submission';
import type { Amendment, Inspection } from '../../../domain/schemas/inspection';
import type { User } from '../../../domain/schemas/user';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import { checkAmendments } from './amendment-rules';
import { checkGradingSnapshot } from './grading-snapshot-rules';
import type { Gb18218Table } from '../../../domain/data/gb18218-table';
import { RECTIFICATION_FIELDS } from './rectification-rules';
import { checkReview } from './review-rules';
import type { WriteCheck } from './write-rules';

/** What the server knows beyond the record itself, gathered by the push for these rules. */
export interface RecordFacts {
  /** The user directory as the server holds it (with users written earlier in the batch). */
  users: ReadonlyMap<string, User>;
  /** Users an administrator deactivated: they may no longer be named to an inspection. */
  deactivated: ReadonlySet<string>;
  /** The amendments this mutation appends (stamped by the server). */
  freshAmendments: readonly Amendment[];
  /** The server sent the inspection back to review because of those amendments. */
  reviewReopened: boolean;
  /**
   * For a mutation that submits an inspection (`submits`): its templates and hazards as the
   * server holds them, hazards written earlier in the same batch included, and the templates it
   * names that the server does not hold.
   */
  submission?: Omit<SubmissionInput, 'inspection' | 'users'> & {
    missingTemplateIds?: readonly string[];
  };
  /** The published GB 18218 editions, read when a mutation sends a grading snapshot. */
  gb18218Editions?: readonly Gb18218Table[];
}

/**
 * Whether the mutation submits the inspection: a stored draft, or a new record, arriving
 * submitted. A re-inspection visit that a device records already submitted (with no checklist of
 * its own) is no submission of a site visit's record: the device makes it without the
 * completeness check, and the server holds it to checkReinspectionVisit instead.
 */
export function submits(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): boolean {
  if (after.status !== 'submitted' || after.deletedAt !== null) return false;
  if (!before) return after.kind !== 'reinspection';
  return before.status === 'draft';
}

const deleting = (before: { deletedAt: unknown } | undefined, after: { deletedAt: unknown }) =>
  after.deletedAt !== null && (before?.deletedAt ?? null) === null;

export function checkRecordRules(
  user: User,
  check: WriteCheck,
  facts: RecordFacts,
): Refusal | null {
  if (check.entity === 'inspection') {
    const before = check.before as Inspection | undefined;
    const after = check.after as Inspection;
    return (
      checkReview(user, before, after, check.changed, facts.reviewReopened) ??
      checkLifecycle(user, before, after) ??
      checkDraftSetup(user, before, check.changed) ??
      checkOfficers(user, before, after, check.changed, facts) ??
      checkReinspectionVisit(before, after, check.changed, facts.users) ??
      checkAmendments(user, before, after, facts.freshAmendments, check.changed) ??
      checkSubmitted(before, after, facts) ??
      checkGradingSnapshot(before, after, check.changed, facts.gb18218Editions) ??
      checkServiceReceipts(after, check.changed) ??
      checkReceiptsKept(before, after, check.changed) ??
      checkAdministrator(user, check)
    );
  }
  if (check.entity === 'finding') {
    return checkFindingLifecycle(user, check) ?? checkAdministrator(user, check);
  }
  return null;
}

const VISIT_FIELDS = ['leadInspectorId', 'coInspectorIds', 'itemResults'];

/**
 * A re-inspection visit skips the completeness check of a site visit (`submits`), so the server
 * holds it to what a visit is (domain reinspectionVisitProblems): recorded submitted when made,
 * by two officers with certificates, answering no checklist; and no inspection becomes or stops
 * being one afterwards (a draft would otherwise be submitted as a visit, or a visit amended into a
 * site visit that no completeness check has seen). Officers and answers are checked when the
 * visit is made or they change, so a visit recorded before this rule is still reviewed.
 */
function checkReinspectionVisit(
  before: Inspection | undefined,
  after: Inspection,
  changed: ReadonlySet<string>,
  users: ReadonlyMap<string, User>,
): Refusal | null {
  const visit = after.kind === 'reinspection';
  if (before && (before.kind === 'reinspection') !== visit) return refusal('reinspectionKindFixed');
  if (!visit) return null;
  if (!before && after.status !== 'submitted') return refusal('reinspectionSubmitted');
  if (before && !VISIT_FIELDS.some((f) => changed.has(f))) return null;
  const [problem] = reinspectionVisitProblems(after, [...users.values()]);
  if (problem?.code === 'officers.tooFew') {
    return refusal('reinspectionOfficers', { qualified: String(problem.qualified) });
  }
  if (problem?.code === 'items.answered') return refusal('reinspectionNoAnswers');
  return null;
}

/**
 * Inspections and their hazards are the officers' records: an administrator, who takes part in
 * none (they lead none and are no co-inspector), writes no inspection and no hazard's content.
 * A hazard's rectification state is left to the rectification rules.
 */
function checkAdministrator(user: User, check: WriteCheck): Refusal | null {
  if (user.role !== 'admin') return null;
  if (check.entity === 'inspection') {
    const officers = (check.before ?? check.after) as Inspection;
    return takesPart(officers, user.id) ? null : refusal('notYourInspection');
  }
  const content = [...check.changed].some((f) => !RECTIFICATION_FIELDS.has(f));
  const inspection = check.lookup('inspection', check.after.inspectionId) as
    Pick<Inspection, 'leadInspectorId' | 'coInspectorIds'> | undefined;
  return content && !(inspection && takesPart(inspection, user.id))
    ? refusal('notYourFinding')
    : null;
}

function checkLifecycle(
  user: User,
  before: Inspection | undefined,
  after: Inspection,
): Refusal | null {
  if (
    before?.status === 'submitted' &&
    (after.status !== 'submitted' || after.deletedAt !== null)
  ) {
    return refusal('submittedFinal');
  }
  if (deleting(before, after)) {
    const lead = (before ?? after).leadInspectorId;
    if (after.status !== 'draft' || lead !== user.id) return refusal('deleteOwnDraftOnly');
  }
  return null;
}

/** What was chosen when the inspection began (domain/rules/draft-setup.ts). */
const SETUP_FIELDS = [
  'coInspectorIds',
  'templateId',
  'templateVersion',
  'templateRefs',
  'location',
];

/**
 * Until submission a draft's setup is its lead's to change: a co-inspector writes the draft's
 * answers and hazards, never who else takes part, which checklists it uses or where it is.
 */
function checkDraftSetup(
  user: User,
  before: Inspection | undefined,
  changed: ReadonlySet<string>,
): Refusal | null {
  if (!before || before.status !== 'draft' || before.leadInspectorId === user.id) return null;
  return SETUP_FIELDS.some((f) => changed.has(f)) ? refusal('draftSetupLeadOnly') : null;
}

const OFFICER_FIELDS = ['leadInspectorId', 'coInspectorIds', 'agencyIds'];

function checkOfficers(
  user: User,
  before: Inspection | undefined,
  after: Inspection,
  changed: ReadonlySet<string>,
  { users, deactivated }: Pick<RecordFacts, 'users' | 'deactivated'>,
): Refusal | null {
  if (!before && after.leadInspectorId !== user.id) return refusal('leadMustBeYou');
  // Led by an officer who may inspect; a supervisor leads only their own re-inspection visit.
  const mayLead =
    officerProblem(user) === null || (user.role === 'supervisor' && after.kind === 'reinspection');
  if (!before && !mayLead) return refusal('leadNotInspector');
  if (before && before.leadInspectorId !== after.leadInspectorId) return refusal('leadFixed');
  if (before && !OFFICER_FIELDS.some((f) => changed.has(f))) return null;
  const added = after.coInspectorIds.filter((id) => !before?.coInspectorIds.includes(id));
  for (const userId of added) {
    const problem = officerProblem(users.get(userId));
    if (problem === 'unknown') return refusal('coInspectorUnknown', { userId });
    if (problem === 'notInspector') return refusal('coInspectorNotInspector', { userId });
    if (problem === 'noCertificate') return refusal('coInspectorNoCertificate', { userId });
    // Named when added only: an officer deactivated later stays on the records they took part in.
    if (deactivated.has(userId)) return refusal('coInspectorDeactivated', { userId });
  }
  const expected = officerAgencyIds(after, [...users.values()]);
  if (!sameAgencies(after.agencyIds, expected)) {
    return refusal('agenciesOfOfficers', { agencyIds: expected.join(', ') });
  }
  return null;
}

/**
 * A service receipt records the service of a document the inspection issues (a visit its
 * opinion; any other its record or order), by officers of the inspection.
 */
function checkServiceReceipts(after: Inspection, changed: ReadonlySet<string>): Refusal | null {
  if (!changed.has('serviceReceipts')) return null;
  for (const receipt of after.serviceReceipts ?? []) {
    const visit = after.kind === 'reinspection';
    if (visit !== (receipt.document === 'reinspection')) {
      return refusal('receiptDocument', { document: receipt.document });
    }
    const stranger = receipt.servedBy.find((id) => !takesPart(after, id));
    if (stranger) return refusal('receiptServedBy', { userId: stranger });
  }
  return null;
}

/**
 * A service receipt is a signed record of the service: once the server holds one, it stays as
 * recorded. Later changes only add receipts (of documents not yet served).
 */
function checkReceiptsKept(
  before: Inspection | undefined,
  after: Inspection,
  changed: ReadonlySet<string>,
): Refusal | null {
  if (!before || !changed.has('serviceReceipts')) return null;
  const kept = after.serviceReceipts ?? [];
  const lost = (before.serviceReceipts ?? []).some((held) => !kept.some((r) => sameValue(r, held)));
  return lost ? refusal('receiptFixed') : null;
}

/** A problem of checkSubmission as the refusal lists it: its code and what it concerns. */
function problemText(p: SubmissionProblem): string {
  if ('itemId' in p) return `${p.code} (${p.itemId})`;
  if ('userId' in p) return `${p.code} (${p.userId})`;
  if (p.code === 'officers.tooFew') return `${p.code} (${p.qualified})`;
  if (p.code === 'signature.missing') return `${p.code} (${p.role})`;
  return p.code;
}

/** The longest list of problems a refusal carries (its parameters are at most 2000 characters). */
const MAX_PROBLEMS_TEXT = 1900;

function checkSubmitted(
  before: Inspection | undefined,
  after: Inspection,
  facts: RecordFacts,
): Refusal | null {
  if (!submits(before, after) || !facts.submission) return null;
  const { missingTemplateIds = [], ...held } = facts.submission;
  const problems = checkSubmission({
    inspection: after,
    users: [...facts.users.values()],
    ...held,
  }).map(problemText);
  // A checklist the server does not hold has no items to check: its answers were never seen.
  for (const id of missingTemplateIds) problems.push(`template.unknown (${id})`);
  // Handed in when finished: the review's age and the record's time line count from it.
  if (after.finishedAt === null || Date.parse(after.finishedAt) < Date.parse(after.startedAt)) {
    problems.push('finishedAt.invalid');
  }
  if (problems.length === 0) return null;
  let text = problems.join(', ');
  if (text.length > MAX_PROBLEMS_TEXT) text = `${text.slice(0, MAX_PROBLEMS_TEXT)}…`;
  return refusal('submissionIncomplete', { problems: text });
}

/**
 * A hazard stays with the inspection it was recorded in, and is deleted only with a draft: while
 * its inspection is a draft (deleted in the same batch or not), by an officer who takes part in
 * it. A submitted inspection's hazards are never deleted, not even by amendment.
 */
function checkFindingLifecycle(user: User, check: WriteCheck): Refusal | null {
  const { before, after } = check;
  if (before && before.inspectionId !== after.inspectionId) {
    return refusal('findingInspectionFixed');
  }
  // What a visit found is in the verifications of the hazards it re-inspected.
  if (!before && check.lookup('inspection', after.inspectionId)?.kind === 'reinspection') {
    return refusal('reinspectionNoHazards');
  }
  if (!deleting(before as { deletedAt: unknown } | undefined, after as { deletedAt: unknown })) {
    return null;
  }
  const inspection = check.lookup('inspection', after.inspectionId);
  const officers = inspection as Pick<Inspection, 'leadInspectorId' | 'coInspectorIds'> | undefined;
  if (inspection?.status !== 'draft' || !officers || !takesPart(officers, user.id)) {
    return refusal('hazardDeleteDraftOnly');
  }
  return null;
}
