// Inspections on this device: reads for the lists, the review queue and the enterprise file, and
// the inspector's own writes (a draft and its checklist answers), each stored together with its
// outbox row by writeLocal. Records pulled from the server arrive through synced-records.ts.
import { v7 as uuidv7 } from 'uuid';
import { awaitsReview } from '../../../../domain/rules/amendment';
import { officerAgencyIds } from '../../../../domain/rules/officers';
import { compareBySubmission, mayReview } from '../../../../domain/rules/review';
import type { Inspection, ItemResult } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';
import { enterpriseNames } from './enterprises';
import { queueTables, writeLocal } from '../outbox/queue';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export interface InspectionRow {
  inspection: Inspection;
  enterpriseName: string | null;
}

async function withNames(db: FieldInspectorDb, list: Inspection[]): Promise<InspectionRow[]> {
  const names = await enterpriseNames(db);
  return list.map((inspection) => ({
    inspection,
    enterpriseName: names.get(inspection.enterpriseId) ?? null,
  }));
}

/** Every live inspection, newest first. */
export async function listInspections(db: FieldInspectorDb): Promise<InspectionRow[]> {
  const all = await db.inspections.orderBy('startedAt').reverse().toArray();
  return withNames(
    db,
    all.filter((i) => i.deletedAt === null),
  );
}

/** A row of the review queue: the inspection with what a reviewer sorts and picks by. */
export interface ReviewRow extends InspectionRow {
  leadInspectorName: string | null;
  /** Live hazards recorded in the inspection. */
  findingCount: number;
}

/**
 * Submitted inspections waiting for review (domain `awaitsReview`: pending, or decided and
 * amended since), oldest submission first. With a reviewer, only those they may review
 * (`mayReview`: of a supervisor's agency, not a visit they took part in; an administrator
 * reviews none).
 */
export async function listAwaitingReview(
  db: FieldInspectorDb,
  reviewer?: Pick<User, 'id' | 'role' | 'agencyId'>,
): Promise<ReviewRow[]> {
  const submitted = await db.inspections.where('status').equals('submitted').toArray();
  const waiting = submitted
    .filter((i) => awaitsReview(i) && (reviewer === undefined || mayReview(i, reviewer)))
    .sort(compareBySubmission);
  const ids = waiting.map((i) => i.id);
  const [rows, leads, findings] = await Promise.all([
    withNames(db, waiting),
    db.users.bulkGet(waiting.map((i) => i.leadInspectorId)),
    db.findings.where('inspectionId').anyOf(ids).toArray(),
  ]);
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.deletedAt === null) counts.set(f.inspectionId, (counts.get(f.inspectionId) ?? 0) + 1);
  }
  return rows.map((row, index) => ({
    ...row,
    leadInspectorName: leads[index]?.displayName ?? null,
    findingCount: counts.get(row.inspection.id) ?? 0,
  }));
}

/** What a person chooses when starting an inspection; the rest of the draft follows from it. */
export interface NewInspection {
  enterpriseId: string;
  kind: Inspection['kind'];
  /** Every template used, in order; a joint inspection has several. */
  templates: readonly { id: string; version: number }[];
  /** The signed-in officer, who leads it. */
  lead: Pick<User, 'id' | 'agencyId'>;
  coInspectorIds: readonly string[];
  location: Inspection['location'];
  /** The task it is made from (the server holds it to a task of the same enterprise). */
  taskId?: string | null;
}

/** Thrown when a co-inspector chosen is not in this device's user directory. */
export class UnknownOfficerError extends Error {
  override readonly name = 'UnknownOfficerError';
  constructor(readonly userId: string) {
    super(`co-inspector ${userId} is not in the user directory on this device`);
  }
}

/**
 * A fresh draft inspection made on this device: version 0, review pending, no results yet. Its
 * agencies are those of its officers (domain `officerAgencyIds`, as the server requires): the
 * lead's and each co-inspector's in `coInspectors`, so a joint inspection names every agency.
 */
export function draftInspection(
  input: NewInspection,
  coInspectors: readonly Pick<User, 'id' | 'agencyId'>[],
  now: Date,
  id: string = uuidv7(),
): Inspection {
  const [first] = input.templates;
  if (!first) throw new RangeError('an inspection needs at least one checklist template');
  const leadId = input.lead.id;
  const coInspectorIds = [...new Set(input.coInspectorIds)].filter((u) => u !== leadId);
  const officers = { leadInspectorId: leadId, coInspectorIds };
  const at = now.toISOString();
  return {
    id,
    version: 0,
    updatedAt: at,
    deletedAt: null,
    createdBy: leadId,
    enterpriseId: input.enterpriseId,
    templateId: first.id,
    templateVersion: first.version,
    templateRefs: input.templates.map(({ id: tid, version }) => ({ id: tid, version })),
    kind: input.kind,
    agencyIds: officerAgencyIds(officers, [input.lead, ...coInspectors]),
    ...officers,
    startedAt: at,
    finishedAt: null,
    location: input.location,
    itemResults: [],
    enterpriseRep: null,
    signatures: [],
    refusedToSign: null,
    status: 'draft',
    review: { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
    amendments: [],
    ...(input.taskId ? { taskId: input.taskId } : {}),
  };
}

/**
 * Creates the draft and queues it, in one transaction; answers the stored record. The
 * co-inspectors' agencies are read from the user directory on this device.
 */
export async function createInspection(
  db: FieldInspectorDb,
  input: NewInspection,
  now: Clock = systemClock,
): Promise<Inspection> {
  return db.transaction('rw', [db.inspections, db.users, ...queueTables(db)], async () => {
    const coIds = input.coInspectorIds.filter((u) => u !== input.lead.id);
    const found = await db.users.bulkGet(coIds);
    const missing = coIds.find((_, i) => found[i] === undefined);
    if (missing !== undefined) throw new UnknownOfficerError(missing);
    const inspection = draftInspection(
      input,
      found.filter((u) => u !== undefined),
      now(),
    );
    await writeLocal(db, 'inspection', inspection, now);
    return inspection;
  });
}

export async function getInspection(
  db: FieldInspectorDb,
  id: string,
): Promise<Inspection | undefined> {
  const found = await db.inspections.get(id);
  return found && found.deletedAt === null ? found : undefined;
}

/** Thrown when a change is asked of a submitted inspection (those change only by amendment). */
export class InspectionLockedError extends Error {
  constructor(id: string) {
    super(`inspection ${id} is submitted and locked`);
    this.name = 'InspectionLockedError';
  }
}

/**
 * Reads the stored draft, applies `change` and stores the result with its outbox row, all in one
 * transaction, so two quick changes (a result, then its note) never overwrite each other.
 */
export async function updateDraftInspection(
  db: FieldInspectorDb,
  id: string,
  change: (current: Inspection) => Inspection,
  now: Clock = systemClock,
): Promise<Inspection> {
  return db.transaction('rw', [db.inspections, ...queueTables(db)], async () => {
    const current = await db.inspections.get(id);
    if (!current) throw new RangeError(`no inspection ${id}`);
    if (current.status !== 'draft') throw new InspectionLockedError(id);
    const next = { ...change(current), updatedAt: now().toISOString() };
    await writeLocal(db, 'inspection', next, now);
    return next;
  });
}

/** Records (or replaces) the answer to one checklist item. */
export async function setItemResult(
  db: FieldInspectorDb,
  id: string,
  result: ItemResult,
  now: Clock = systemClock,
): Promise<Inspection> {
  return updateDraftInspection(
    db,
    id,
    (current) => {
      const others = current.itemResults.filter((r) => r.itemId !== result.itemId);
      return { ...current, itemResults: [...others, result] };
    },
    now,
  );
}

/** The enterprise's live inspections, newest first. */
export async function listInspectionsOfEnterprise(
  db: FieldInspectorDb,
  enterpriseId: string,
): Promise<Inspection[]> {
  const list = await db.inspections.where('enterpriseId').equals(enterpriseId).toArray();
  return list
    .filter((i) => i.deletedAt === null)
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}

/** One inspection, removed or not (a finding still shows the inspection that found it). */
export async function getInspectionRecord(
  db: FieldInspectorDb,
  id: string,
): Promise<Inspection | undefined> {
  return db.inspections.get(id);
}

/** The inspections with these ids (removed ones too), in order; missing ones undefined. */
export async function getInspectionRecords(
  db: FieldInspectorDb,
  ids: readonly string[],
): Promise<(Inspection | undefined)[]> {
  return db.inspections.bulkGet([...ids]);
}
