// Findings (hazards) on this device: reads for the lists and the enterprise file, the hazard
// form's writes, and the form's drafts. A valid hazard is stored with its outbox row in one
// transaction (writeLocal); a half-filled one lives only in the local findingDrafts table until it
// is valid, so nothing invalid is ever queued for the server. Pulled records arrive through
// synced-records.ts.
import { isOverdue } from '../../../../domain/rules/deadlines';
import type { Finding } from '../../../../domain/schemas/finding';
import type { FindingFields } from '../../../../domain/rules/finding-from-item';
import type { FieldInspectorDb, FindingDraftRow } from '../database';
import { enterpriseNames } from './enterprises';
import { queueTables, writeLocal } from '../outbox/queue';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export interface FindingRow {
  finding: Finding;
  enterpriseName: string | null;
}

/** Every live finding, earliest deadline first. */
export async function listFindings(db: FieldInspectorDb): Promise<FindingRow[]> {
  const [all, names] = await Promise.all([
    db.findings.orderBy('deadline').toArray(),
    enterpriseNames(db),
  ]);
  return all
    .filter((f) => f.deletedAt === null)
    .map((finding) => ({ finding, enterpriseName: names.get(finding.enterpriseId) ?? null }));
}

export async function getFinding(db: FieldInspectorDb, id: string): Promise<Finding | undefined> {
  const found = await db.findings.get(id);
  return found && found.deletedAt === null ? found : undefined;
}

/** The live findings with these ids, in the order given; missing and deleted ones are skipped. */
export async function getFindingsByIds(db: FieldInspectorDb, ids: string[]): Promise<Finding[]> {
  const found = await db.findings.bulkGet(ids);
  return found.filter((f): f is Finding => f !== undefined && f.deletedAt === null);
}

/** The live findings of one inspection, earliest deadline first. */
export async function listFindingsOfInspection(
  db: FieldInspectorDb,
  inspectionId: string,
): Promise<Finding[]> {
  const list = await db.findings.where('inspectionId').equals(inspectionId).sortBy('deadline');
  return list.filter((f) => f.deletedAt === null);
}

/** The live findings of one enterprise, earliest deadline first. */
export async function listFindingsOfEnterprise(
  db: FieldInspectorDb,
  enterpriseId: string,
): Promise<Finding[]> {
  const list = await db.findings.where('enterpriseId').equals(enterpriseId).sortBy('deadline');
  return list.filter((f) => f.deletedAt === null);
}

/** How many overdue hazards each enterprise has on `today` (enterprises with none are absent). */
export async function overdueCountsByEnterprise(
  db: FieldInspectorDb,
  today: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  // Only open hazards can be overdue; the deadline index narrows them to the past ones.
  await db.findings
    .where('deadline')
    .below(today)
    .each((f) => {
      if (f.deletedAt === null && isOverdue(f, today)) {
        counts.set(f.enterpriseId, (counts.get(f.enterpriseId) ?? 0) + 1);
      }
    });
  return counts;
}

/** What the hazard form edits; the rest of a finding is set when it is made or by review. */
export type FindingContent = FindingFields & Pick<Finding, 'responsiblePerson' | 'photos'>;

export interface FindingKey {
  id: string;
  inspectionId: string;
  enterpriseId: string;
  /** The signed-in user, recorded as creator when the finding is new. */
  createdBy: string;
}

/**
 * Stores a valid hazard with its outbox row and drops its draft, in one transaction: the form's
 * state is either the draft or the record, never both and never neither. The stored record's
 * version, status and verification are kept (read inside the transaction, so a pull that landed
 * meanwhile is not undone).
 */
export async function saveFindingContent(
  db: FieldInspectorDb,
  key: FindingKey,
  content: FindingContent,
  now: Clock = systemClock,
): Promise<Finding> {
  return db.transaction('rw', [db.findings, ...queueTables(db), db.findingDrafts], async () => {
    const stored = await db.findings.get(key.id);
    const base: Finding = stored ?? {
      id: key.id,
      version: 0,
      updatedAt: '',
      deletedAt: null,
      createdBy: key.createdBy,
      inspectionId: key.inspectionId,
      enterpriseId: key.enterpriseId,
      status: 'open',
      verification: null,
      ...content,
    };
    const record: Finding = { ...base, ...content, updatedAt: now().toISOString() };
    await writeLocal(db, 'finding', record, now);
    await db.findingDrafts.delete(key.id);
    return record;
  });
}

/** Keeps a hazard form that is not yet valid, on this device only (nothing is queued). */
export async function saveFindingDraft(
  db: FieldInspectorDb,
  draft: FindingDraftRow,
): Promise<void> {
  await db.findingDrafts.put(draft);
}

export async function getFindingDraft(
  db: FieldInspectorDb,
  id: string,
): Promise<FindingDraftRow | undefined> {
  return db.findingDrafts.get(id);
}

export async function listFindingDraftsOfInspection(
  db: FieldInspectorDb,
  inspectionId: string,
): Promise<FindingDraftRow[]> {
  return db.findingDrafts.where('inspectionId').equals(inspectionId).toArray();
}

/**
 * Removes a hazard from its inspection: the draft goes, and a stored record becomes a tombstone
 * that is queued like any other change.
 */
export async function removeFinding(
  db: FieldInspectorDb,
  id: string,
  now: Clock = systemClock,
): Promise<void> {
  await db.transaction('rw', [db.findings, ...queueTables(db), db.findingDrafts], async () => {
    await db.findingDrafts.delete(id);
    const stored = await db.findings.get(id);
    if (!stored || stored.deletedAt !== null) return;
    const at = now().toISOString();
    await writeLocal(db, 'finding', { ...stored, deletedAt: at, updatedAt: at }, now);
  });
}

/** Every finding of these inspections, deleted ones too (the caller decides what counts). */
export async function listFindingRecordsOfInspections(
  db: FieldInspectorDb,
  inspectionIds: readonly string[],
): Promise<Finding[]> {
  return db.findings
    .where('inspectionId')
    .anyOf([...inspectionIds])
    .toArray();
}
