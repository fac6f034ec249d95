// Why the server refuses a mutation, said so that the app can put it in the user's language: a
// code, its parameters, and the English sentence every other reader (logs, scripts) gets. The
// app translates the codes it knows and shows the English sentence for any other.
import { z } from 'zod';

export const REFUSAL_TEXTS = {
  outsideJurisdiction: 'the enterprise of this {{entity}} is outside your jurisdiction',
  unknownEnterprise: 'enterpriseId names no enterprise the server knows',
  unknownInspection: 'inspectionId names no inspection the server knows',
  enterpriseMismatch: "enterpriseId must be the enterprise of the finding's inspection",
  submittedLocked:
    'the inspection of this hazard has been submitted: change the hazard by an amendment with a reason',
  adminOnly: 'only an administrator may change {{entity}} records',
  notYourInspection: 'you may change only inspections you lead or co-sign',
  mustTakePart: 'you must be the lead inspector or a co-inspector of this inspection',
  notYourFinding: 'you may change only findings of inspections you lead or co-sign',
  newReviewPending: 'a new inspection starts with its review pending',
  reviewBySupervisor:
    'only a supervisor of an agency the inspection names may approve or return an inspection',
  resubmitOnly:
    "an inspector may change an inspection's review only to resubmit it after it was returned (returned to pending, with the supervisor's comment kept)",
  resubmitSubmitted: 'only a submitted inspection is resubmitted for review',
  rectificationOnly:
    'only the rectification state of a finding (status, deadline, rectification, verification, history) may change here, not {{fields}}',
  deadlineNeedsFailedReinspection:
    'the deadline of a finding changes here only with a failed re-inspection or a granted extension',
  closeNeedsPassedReinspection: 'a finding closes only with a passed re-inspection',
  verifierMustBeYou: 'a verification must name you as the verifying officer',
  verificationVisit:
    'a verification must name a re-inspection of this enterprise that you lead or co-sign',
  supervisorCreates: 'a supervisor may not create {{entity}} records',
  supervisorReviewOnly: 'a supervisor may change only the review of an inspection, not {{fields}}',
  nothingToDelete: 'there is no {{entity}} {{id}} to delete',
  dataRequired: 'data is required for an upsert',
  idMismatch: "data.id must be the mutation's id",
  invalid: 'invalid {{entity}}: {{issues}}',
  invalidMerged: "merged with the server's copy, the {{entity}} is invalid: {{issues}}",
  usernameTaken: 'data.username is already taken by another user',
  photoNotUploaded:
    'this record refers to the photo or signature {{sha256}}, which you have not uploaded and may not otherwise read: upload it before the record that refers to it',
  historyRewritten:
    "a finding's history only grows: its earlier steps may not be changed or removed",
  extensionsRewritten:
    'a request for more time may not be changed or removed once recorded; only its decision is added, once',
  rectificationUnexplained:
    "the finding's {{fields}} must be what the steps added to its history make of it",
  recorderMustBeYou: 'a step added to the history must name you as the person who recorded it',
  statedDateFuture:
    "a date or time given for a rectification step may not be later than today by the server's clock",
  reportNeedsOpen: 'only an open hazard is reported rectified',
  reinspectionNeedsRectified: 'only a hazard reported rectified is re-inspected',
  passNeedsPhotos: 'a passed re-inspection needs at least one after-photo',
  newDeadlineRequired: 'a failed re-inspection sets a new deadline',
  newDeadlineNotAfterToday: 'a new deadline must be later than today ({{today}})',
  reinspectionByOfficer:
    'only an inspector or a supervisor who takes part in the visit records a re-inspection',
  verificationDate: 'a re-inspection is recorded with a time on the day of its visit',
  verificationStale:
    'a re-inspection must come after the hazard was found, on or after the day its rectification was reported, and after its previous re-inspection',
  verificationOfficers: 'a verification must name the officers of its re-inspection visit',
  extensionNeedsOpen: 'more time is asked only for an open hazard',
  extensionPending: 'a request for more time is already waiting for a decision',
  extensionDeadlineNotLater:
    'the deadline asked for must be later than today and than the current deadline',
  extensionBySupervisor: 'only a supervisor decides a request for more time',
  extensionOtherAgency:
    "only a supervisor of an agency of the hazard's inspection decides its requests for more time",
  extensionTookPart:
    'a supervisor who took part in the inspection that found the hazard may not decide its requests for more time',
  extensionNotPending: 'a decision must answer a request for more time that is waiting for one',
  extensionClosed: 'the hazard is closed: its requests for more time are no longer decided',
  grantNotAfterDeadline: 'a granted deadline must be later than the current deadline',
  baseVersionAhead:
    'baseVersion {{baseVersion}} is above the version of this {{entity}} on the server ({{version}})',
  submittedFinal:
    'a submitted inspection stays submitted: it never returns to draft and is never deleted',
  deleteOwnDraftOnly: 'only a draft inspection may be deleted, and only by its lead inspector',
  hazardDeleteDraftOnly:
    'a hazard may be deleted only while its inspection is a draft, by an officer who takes part in it',
  findingInspectionFixed: 'a hazard stays in the inspection it was recorded in',
  leadMustBeYou: 'a new inspection must name you as its lead inspector',
  leadFixed: 'the lead inspector of an inspection never changes',
  draftSetupLeadOnly: "only a draft's lead changes its co-inspectors, checklists or place",
  leadNotInspector:
    'an inspection is led by an inspector with a certificate number (a supervisor leads only a re-inspection)',
  agenciesOfOfficers: "an inspection's agencies must be those of its officers: {{agencyIds}}",
  coInspectorUnknown: 'co-inspector {{userId}} is not an active user',
  coInspectorNotInspector: 'co-inspector {{userId}} is not an inspector',
  coInspectorDeactivated:
    '{{userId}} has been deactivated by an administrator and may no longer be named to an inspection',
  coInspectorNoCertificate: 'co-inspector {{userId}} has no law-enforcement certificate number',
  submissionIncomplete: 'the inspection is not ready to be submitted: {{problems}}',
  amendmentRequired:
    'a submitted inspection changes only by an amendment that names what it changes; {{fields}} changed without one',
  amendmentFieldsUnchanged: 'the new amendments name {{fields}}, which this change does not change',
  amendmentsAppendOnly:
    'amendments are only ever appended: earlier ones may not be removed, reordered or rewritten',
  amendmentNotYours: 'a new amendment must be yours, of an inspection you take part in',
  amendmentNotSubmitted: 'only a submitted inspection is amended',
  reviewOtherAgency: 'only a supervisor of an agency the inspection names may review it',
  reviewNotSubmitted: 'only a submitted inspection is approved or returned',
  reviewOwnInspection: 'no one reviews an inspection they take part in',
  returnNeedsComment: 'returning an inspection needs a comment saying what to correct',
  unknownAgency: 'agencyId names no agency the server knows',
  serverWritten:
    '{{entity}} records are written by the server only (tasks come from a draw): a device may not create, change or delete them',
  taskUnknown: 'taskId names no task the server holds for this enterprise',
  storeFailed:
    'the server could not store this change and applied nothing of it; the other changes of the sync were applied',
  reinspectionKindFixed:
    'an inspection is a re-inspection visit or not from when it is made: its kind does not change to or from reinspection',
  reinspectionSubmitted: 'a re-inspection visit is recorded submitted when it is made',
  reinspectionOfficers:
    'a re-inspection is made by at least two officers with law-enforcement certificates; this visit has {{qualified}}',
  reinspectionNoAnswers: 'a re-inspection visit answers no checklist items',
  reinspectionNoHazards: 'hazards are recorded in an inspection, not in a re-inspection visit',
  templatesByAdministration:
    'checklist templates are published through the administration of templates, not by sync: a published version never changes',
  receiptDocument:
    'a service receipt records a document this record issues: {{document}} is not one (a re-inspection visit serves its opinion, an inspection its record or order)',
  receiptServedBy:
    'a service receipt is served by officers of its inspection; {{userId}} is not one',
  receiptFixed:
    'a recorded service receipt never changes and is never removed: a document is served once',
  extensionReceiptNotGranted:
    'only a granted extension issues a decision to serve: this request is not granted',
  extensionReceiptServedBy:
    'an extension decision is served by the supervisor who granted it or the officers of the hazard’s inspection',
  extensionReceiptRecorder:
    'an extension decision’s service receipt is recorded by one who may serve it: the supervisor who granted it or an officer of the hazard’s inspection',
  extensionReceiptBeforeRequest:
    'an extension decision is not served before the day the enterprise asked for more time',
  extensionReceiptFuture:
    "a service receipt's time may not be later than now by the server's clock",
  documentServerWritten:
    'official document numbers are assigned by the server when the issuing record arrives: a device may not write {{entity}} records',
  unknownTown: '{{town}} names no town of the district the server knows',
  townCodeTaken: 'another town already has the code {{code}}',
  townCodeFixed: "a town's code never changes: users and enterprises name the town by it",
  photoTakenLater:
    '{{field}} says the photo was taken at {{at}}, later than the server received it ({{receivedAt}}) by more than {{minutes}} minutes: a photo is not taken in the future (check the clock of the device)',
  builtInReadOnly:
    'a built-in checklist is read-only and none can be made through sync: copy it to make a checklist of your own',
  gradingVersionUnknown:
    'the grading snapshot names the GB 18218 table version {{version}}, which the server does not hold: it cannot check the grading',
  gradingMismatch:
    "the grading snapshot's stated levels are not what its units give when graded again with its table version",
  gradingSnapshotFixed:
    'a grading snapshot is made when the inspection is submitted and never changes afterwards',
} as const;

export type RefusalCode = keyof typeof REFUSAL_TEXTS;

/** The longest a refusal's parameter may be (a list of a record's wrong fields is cut there). */
export const MAX_REFUSAL_PARAM = 2000;

/**
 * As sent with a refused mutation. The code stays a plain string here, so that an app older than
 * the server still reads answers carrying a code it does not know.
 */
export const refusalSchema = z.object({
  code: z.string().min(1).max(100),
  params: z.record(z.string(), z.string().max(MAX_REFUSAL_PARAM)).optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;

export function refusal(code: RefusalCode, params?: Record<string, string>): Refusal {
  return params ? { code, params } : { code };
}

/** The refusal's template with its parameters filled in. */
function fillRefusal(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** The English sentence of a refusal the server makes. */
export function refusalText({ code, params }: Refusal): string {
  const template = (REFUSAL_TEXTS as Record<string, string>)[code];
  return template === undefined ? code : fillRefusal(template, params);
}
