// Owns the local copy of the server's conflicts log (what supervisors last fetched, so the
// Conflicts screen works offline) and the supervisors' choices on it: queued here until the sync
// sends them, then either replaced by the server's answer or kept with the reason it was refused.
import type { EntityName } from '../../../../domain/schemas/entities';
import type { ConflictResolution, ConflictView } from '../../../../domain/sync/protocol';
import type { ConflictChoiceRow, ConflictLogRow, FieldInspectorDb } from '../database';

const FETCHED_AT_KEY = 'conflictLog.fetchedAt';

/** What a conflict is about, as far as this device knows the record. */
export interface ConflictSubject {
  entity: EntityName;
  /** The hazard's title, the enterprise's, user's or agency's name, the template's title. */
  title: string | null;
  enterpriseName: string | null;
  /** For an inspection (or a hazard's inspection): when it started. */
  inspectionStartedAt: string | null;
}

export interface ConflictEntry {
  conflict: ConflictLogRow;
  subject: ConflictSubject;
  choice: ConflictChoiceRow | null;
  keptUserName: string | null;
  losingUserName: string | null;
  resolvedByName: string | null;
}

export class ConflictChoiceError extends Error {
  override readonly name = 'ConflictChoiceError';
  constructor(readonly reason: 'unknown' | 'resolved' | 'queued') {
    super(`cannot choose on this conflict: ${reason}`);
  }
}

/**
 * Queues a choice on an open conflict, in one transaction with the check that it is still open
 * here and not already chosen. The sync sends it (sync/conflict-choices.ts).
 */
export async function queueConflictChoice(
  db: FieldInspectorDb,
  conflictId: string,
  keep: ConflictResolution,
  now: Date,
): Promise<ConflictChoiceRow> {
  return db.transaction('rw', db.conflictLog, db.conflictChoices, async () => {
    const conflict = await db.conflictLog.get(conflictId);
    if (!conflict) throw new ConflictChoiceError('unknown');
    if (conflict.resolvedAt !== null) throw new ConflictChoiceError('resolved');
    const earlier = await db.conflictChoices.get(conflictId);
    if (earlier?.state === 'pending') throw new ConflictChoiceError('queued');
    const row: ConflictChoiceRow = {
      conflictId,
      keep,
      chosenAt: now.toISOString(),
      state: 'pending',
      error: null,
    };
    await db.conflictChoices.put(row);
    return row;
  });
}

/** Choices waiting to be sent, oldest first. */
export async function listPendingConflictChoices(
  db: FieldInspectorDb,
): Promise<ConflictChoiceRow[]> {
  const rows = await db.conflictChoices.where('state').equals('pending').toArray();
  return rows.sort((a, b) => (a.chosenAt < b.chosenAt ? -1 : a.chosenAt > b.chosenAt ? 1 : 0));
}

export async function countPendingConflictChoices(db: FieldInspectorDb): Promise<number> {
  return db.conflictChoices.where('state').equals('pending').count();
}

/** The server applied a choice: its answer replaces the cached entry and the choice is done. */
export async function storeResolvedConflict(
  db: FieldInspectorDb,
  resolved: ConflictView,
): Promise<void> {
  await db.transaction('rw', db.conflictLog, db.conflictChoices, async () => {
    await db.conflictLog.put(resolved);
    await db.conflictChoices.delete(resolved.id);
  });
}

/** The server refused a choice for good: kept, with the reason, for the supervisor to read. */
export async function markConflictChoiceFailed(
  db: FieldInspectorDb,
  conflictId: string,
  error: NonNullable<ConflictChoiceRow['error']>,
): Promise<void> {
  await db.conflictChoices.update(conflictId, { state: 'failed', error });
}

/** The supervisor has read why a choice failed. */
export async function dismissConflictChoice(
  db: FieldInspectorDb,
  conflictId: string,
): Promise<void> {
  await db.conflictChoices.delete(conflictId);
}

/**
 * Replaces the cached log with the server's current one. Entries the server no longer lists are
 * dropped unless a choice on them is still queued or refused (the screen keeps showing those).
 */
export async function replaceConflictLog(
  db: FieldInspectorDb,
  conflicts: readonly ConflictView[],
  fetchedAt: Date,
): Promise<void> {
  await db.transaction('rw', db.conflictLog, db.conflictChoices, db.meta, async () => {
    const keep = new Set([
      ...conflicts.map((c) => c.id),
      ...(await db.conflictChoices.toCollection().primaryKeys()),
    ]);
    const stale = (await db.conflictLog.toCollection().primaryKeys()).filter((id) => !keep.has(id));
    await db.conflictLog.bulkDelete(stale);
    await db.conflictLog.bulkPut([...conflicts]);
    await db.meta.put({ key: FETCHED_AT_KEY, value: fetchedAt.toISOString() });
  });
}

/** When the cached log was last fetched from the server, or null if never. */
export async function conflictLogFetchedAt(db: FieldInspectorDb): Promise<string | null> {
  const row = await db.meta.get(FETCHED_AT_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

async function subjectOf(db: FieldInspectorDb, c: ConflictLogRow): Promise<ConflictSubject> {
  const subject: ConflictSubject = {
    entity: c.entity,
    title: null,
    enterpriseName: null,
    inspectionStartedAt: null,
  };
  const enterpriseName = async (id: string) => (await db.enterprises.get(id))?.name ?? null;
  switch (c.entity) {
    case 'finding': {
      const finding = await db.findings.get(c.recordId);
      if (!finding) return subject;
      const inspection = await db.inspections.get(finding.inspectionId);
      return {
        ...subject,
        title: finding.title,
        enterpriseName: await enterpriseName(finding.enterpriseId),
        inspectionStartedAt: inspection?.startedAt ?? null,
      };
    }
    case 'inspection': {
      const inspection = await db.inspections.get(c.recordId);
      if (!inspection) return subject;
      return {
        ...subject,
        enterpriseName: await enterpriseName(inspection.enterpriseId),
        inspectionStartedAt: inspection.startedAt,
      };
    }
    case 'enterprise':
      return { ...subject, title: await enterpriseName(c.recordId) };
    case 'user':
      return { ...subject, title: (await db.users.get(c.recordId))?.displayName ?? null };
    case 'agency':
      return { ...subject, title: (await db.agencies.get(c.recordId))?.name ?? null };
    case 'template':
      return { ...subject, title: (await db.templates.get(c.recordId))?.title ?? null };
    case 'task': {
      // Devices never write tasks, so none should be in conflict; said plainly if one is.
      const task = await db.tasks.get(c.recordId);
      return task
        ? { ...subject, enterpriseName: await enterpriseName(task.enterpriseId) }
        : subject;
    }
    case 'document':
      // Written by the server only, so never in conflict; named by its number all the same.
      return { ...subject, title: (await db.documents.get(c.recordId))?.number ?? null };
    case 'town':
      return { ...subject, title: (await db.towns.get(c.recordId))?.name ?? null };
    case 'gb18218Edition':
      // Written by the server only, so never in conflict; named by its version all the same.
      return {
        ...subject,
        title: (await db.gb18218Editions.get(c.recordId))?.table.version.label ?? null,
      };
  }
}

/**
 * The cached conflicts that are open (or resolved), newest first, each with what it is about,
 * the people's names and the local choice on it. A conflict chosen here but not yet sent is
 * still open: it stays in the open list, marked as waiting.
 */
export async function listConflictEntries(
  db: FieldInspectorDb,
  status: 'open' | 'resolved',
): Promise<ConflictEntry[]> {
  const all = await db.conflictLog.orderBy('at').reverse().toArray();
  const wanted = all.filter((c) => (c.resolvedAt === null) === (status === 'open'));
  const choices = new Map(
    (await db.conflictChoices.bulkGet(wanted.map((c) => c.id)))
      .filter((c): c is ConflictChoiceRow => c !== undefined)
      .map((c) => [c.conflictId, c]),
  );
  const names = new Map<string, string | null>();
  const nameOf = async (id: string | null) => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, (await db.users.get(id))?.displayName ?? null);
    return names.get(id) ?? null;
  };
  const entries: ConflictEntry[] = [];
  for (const conflict of wanted) {
    entries.push({
      conflict,
      subject: await subjectOf(db, conflict),
      choice: choices.get(conflict.id) ?? null,
      keptUserName: await nameOf(conflict.keptUserId),
      losingUserName: await nameOf(conflict.losingUserId),
      resolvedByName: await nameOf(conflict.resolvedBy),
    });
  }
  return entries;
}
