// What stops an inspection from being submitted: the completeness check run before the record is
// locked. Each problem is a code with the parameters a translated message needs.
import type { Finding } from '../schemas/finding';
import type { Inspection } from '../schemas/inspection';
import type { ChecklistTemplate } from '../schemas/template';
import type { User } from '../schemas/user';
import { officerIds, officerProblem } from './officers';

export type SubmissionProblem =
  | { code: 'item.unanswered'; itemId: string }
  | { code: 'item.failedWithoutFinding'; itemId: string }
  | { code: 'officers.tooFew'; qualified: number }
  | { code: 'officer.unknown'; userId: string }
  | { code: 'officer.notInspector'; userId: string }
  | { code: 'officer.noCertificate'; userId: string }
  | { code: 'signature.missing'; role: 'lead' | 'co'; userId: string }
  | { code: 'signature.missing'; role: 'enterprise' }
  | { code: 'enterpriseRep.missing' }
  | { code: 'location.missing' };

export interface SubmissionInput {
  inspection: Pick<
    Inspection,
    | 'id'
    | 'leadInspectorId'
    | 'coInspectorIds'
    | 'location'
    | 'itemResults'
    | 'enterpriseRep'
    | 'signatures'
    | 'refusedToSign'
  >;
  /** Every template the inspection uses: a joint inspection combines several agencies' lists. */
  templates: readonly Pick<ChecklistTemplate, 'sections'>[];
  /** Findings on the device; those of other inspections and deleted ones are ignored. */
  findings: readonly Pick<Finding, 'inspectionId' | 'itemId' | 'deletedAt'>[];
  /** The synced user directory. */
  users: readonly Pick<User, 'id' | 'role' | 'certificateNo' | 'deletedAt'>[];
}

/** The minimum number of certified officers on a site visit (两人以上执法, two-officer rule). */
export const MIN_OFFICERS = 2;

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';

/** Every problem that blocks submission, in the order a person fixes them; empty means ready. */
export function checkSubmission(input: SubmissionInput): SubmissionProblem[] {
  return [
    ...checkItems(input),
    ...checkOfficers(input),
    ...checkSignatures(input),
    ...checkEnterpriseRep(input),
    ...checkLocation(input),
  ];
}

function checkItems({ inspection, templates, findings }: SubmissionInput): SubmissionProblem[] {
  const results = new Map(inspection.itemResults.map((r) => [r.itemId, r.result]));
  const withFinding = new Set(
    findings
      .filter((f) => f.inspectionId === inspection.id && f.deletedAt === null)
      .map((f) => f.itemId),
  );
  const problems: SubmissionProblem[] = [];
  const seen = new Set<string>();
  for (const template of templates) {
    for (const section of template.sections) {
      for (const { id } of section.items) {
        // A joint inspection may list one item in two templates; it is answered once.
        if (seen.has(id)) continue;
        seen.add(id);
        const result = results.get(id);
        if (result === undefined) problems.push({ code: 'item.unanswered', itemId: id });
        else if (result === 'fail' && !withFinding.has(id)) {
          problems.push({ code: 'item.failedWithoutFinding', itemId: id });
        }
      }
    }
  }
  return problems;
}

function checkOfficers({ inspection, users }: SubmissionInput): SubmissionProblem[] {
  const byId = new Map(users.filter((u) => u.deletedAt === null).map((u) => [u.id, u]));
  const problems: SubmissionProblem[] = [];
  let qualified = 0;
  for (const userId of officerIds(inspection)) {
    const problem = officerProblem(byId.get(userId));
    if (problem === 'unknown') problems.push({ code: 'officer.unknown', userId });
    else if (problem === 'notInspector') problems.push({ code: 'officer.notInspector', userId });
    else if (problem === 'noCertificate') problems.push({ code: 'officer.noCertificate', userId });
    else qualified++;
  }
  // Named before the individual officers' problems: it is the rule a person has to satisfy.
  if (qualified < MIN_OFFICERS) problems.unshift({ code: 'officers.tooFew', qualified });
  return problems;
}

function checkSignatures({ inspection }: SubmissionInput): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const signedBy = new Set(
    inspection.signatures.filter((s) => s.role !== 'enterprise').map((s) => s.userId),
  );
  for (const userId of officerIds(inspection)) {
    if (!signedBy.has(userId)) {
      const role = userId === inspection.leadInspectorId ? 'lead' : 'co';
      problems.push({ code: 'signature.missing', role, userId });
    }
  }
  // The representative signs, or the officers record that they refused and why (拒绝签字).
  const repSigned = inspection.signatures.some((s) => s.role === 'enterprise');
  const refused = inspection.refusedToSign !== null && !blank(inspection.refusedToSign.reason);
  if (!repSigned && !refused) problems.push({ code: 'signature.missing', role: 'enterprise' });
  return problems;
}

function checkEnterpriseRep({ inspection }: SubmissionInput): SubmissionProblem[] {
  // Named even when they refuse to sign: the record says who was present for the enterprise.
  return inspection.enterpriseRep === null || blank(inspection.enterpriseRep.name)
    ? [{ code: 'enterpriseRep.missing' }]
    : [];
}

function checkLocation({ inspection }: SubmissionInput): SubmissionProblem[] {
  // Entered by hand when positioning fails, but never absent: it proves where the visit was.
  return inspection.location === null ? [{ code: 'location.missing' }] : [];
}
