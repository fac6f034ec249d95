// A draft inspection's lead changes what was chosen at the start (co-inspectors, templates,
// place) or deletes the draft. Owns those writes: each is checked against the stored draft and
// stored with its outbox rows in one transaction, so the server receives exactly what the device
// shows. The rules are the domain's (domain/rules/draft-setup.ts); the server checks them again.
import { applyDraftSetup, draftSetupProblems } from '../../../../domain/rules/draft-setup';
import type { DraftSetup, DraftSetupProblem } from '../../../../domain/rules/draft-setup';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';
import { queueTables, writeLocal } from '../outbox/queue';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

/** Thrown when a change or deletion of a draft breaks a rule; nothing was written. */
export class DraftSetupError extends Error {
  override readonly name = 'DraftSetupError';
  constructor(readonly problems: readonly DraftSetupProblem[]) {
    super(`draft not changed: ${problems.map((p) => p.code).join(', ')}`);
  }
}

/**
 * Applies the lead's change of the draft's co-inspectors, templates and place, in one
 * transaction with its outbox row; answers the stored draft. Templates and co-inspectors are
 * read from this device (a template not on it cannot be chosen).
 */
export async function changeDraftSetup(
  db: FieldInspectorDb,
  id: string,
  editor: Pick<User, 'id' | 'agencyId'>,
  setup: DraftSetup,
  now: Clock = systemClock,
): Promise<Inspection> {
  return db.transaction(
    'rw',
    [db.inspections, db.users, db.templates, ...queueTables(db)],
    async () => {
      const current = await db.inspections.get(id);
      if (!current) throw new RangeError(`no inspection ${id}`);
      const users = await db.users.toArray();
      const problems = draftSetupProblems(current, setup, editor.id, users);
      const found = await db.templates.bulkGet(setup.templates.map((t) => t.id));
      const templates = found.filter((t) => t !== undefined);
      if (templates.length !== setup.templates.length) {
        problems.push({ code: 'templates.required' });
      }
      if (problems.length > 0) throw new DraftSetupError(problems);
      // The lead's agency counts even if the directory on this device lacks the lead.
      const next = applyDraftSetup(current, setup, templates, [editor, ...users]);
      if (next === current) return current;
      const stored = { ...next, updatedAt: now().toISOString() };
      await writeLocal(db, 'inspection', stored, now);
      return stored;
    },
  );
}

/** What deleting a draft loses, for the confirmation that names it. */
export interface DraftContents {
  answers: number;
  /** Hazards recorded, and hazard forms not yet complete. */
  hazards: number;
  photos: number;
}

export async function draftContents(db: FieldInspectorDb, id: string): Promise<DraftContents> {
  const [inspection, findings, drafts] = await Promise.all([
    db.inspections.get(id),
    db.findings.where('inspectionId').equals(id).toArray(),
    db.findingDrafts.where('inspectionId').equals(id).toArray(),
  ]);
  const live = findings.filter((f) => f.deletedAt === null);
  const recorded = new Set(live.map((f) => f.id));
  const unsaved = drafts.filter((d) => !recorded.has(d.id));
  const draftPhotos = (d: (typeof drafts)[number]) =>
    Array.isArray(d.values.photos) ? d.values.photos.length : 0;
  // A recorded hazard's open form holds the photos the inspector sees: count those.
  const byDraft = new Map(drafts.map((d) => [d.id, draftPhotos(d)]));
  const photos =
    live.reduce((n, f) => n + (byDraft.get(f.id) ?? f.photos.length), 0) +
    unsaved.reduce((n, d) => n + draftPhotos(d), 0);
  return {
    answers: inspection?.itemResults.length ?? 0,
    hazards: live.length + unsaved.length,
    photos,
  };
}

/**
 * Deletes a draft by its lead, with its hazards: each stored record becomes a tombstone queued
 * with the draft's (hazards first, so the server sees them go while their inspection is a draft),
 * and half-filled hazard forms are dropped, all in one transaction.
 */
export async function deleteDraftInspection(
  db: FieldInspectorDb,
  id: string,
  editorId: string,
  now: Clock = systemClock,
): Promise<void> {
  await db.transaction(
    'rw',
    [db.inspections, db.findings, db.findingDrafts, ...queueTables(db)],
    async () => {
      const current = await db.inspections.get(id);
      if (!current) throw new RangeError(`no inspection ${id}`);
      if (current.status !== 'draft' || current.deletedAt !== null) {
        throw new DraftSetupError([{ code: 'notDraft' }]);
      }
      if (current.leadInspectorId !== editorId) throw new DraftSetupError([{ code: 'notLead' }]);
      const at = now().toISOString();
      const findings = await db.findings.where('inspectionId').equals(id).toArray();
      for (const finding of findings.filter((f) => f.deletedAt === null)) {
        await writeLocal(db, 'finding', { ...finding, deletedAt: at, updatedAt: at }, now);
      }
      await db.findingDrafts.where('inspectionId').equals(id).delete();
      await writeLocal(db, 'inspection', { ...current, deletedAt: at, updatedAt: at }, now);
    },
  );
}
