import { useLiveQuery } from 'dexie-react-hooks';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import type { FieldInspectorDb, FindingDraftRow } from '../../db/database';
import { getFinding, getFindingDraft } from '../../db/repositories/findings';
import { getInspectionRecord } from '../../db/repositories/inspections';

export interface StoredFinding {
  finding: Finding | null;
  draft: FindingDraftRow | null;
  /** The hazard's inspection is submitted: it changes only by amendment. */
  submitted: boolean;
}

async function isSubmitted(db: FieldInspectorDb, inspectionId: string | undefined) {
  if (inspectionId === undefined) return false;
  return (await getInspectionRecord(db, inspectionId))?.status === 'submitted';
}

/** The stored record and draft of one hazard, and whether it is locked; undefined while loading. */
export function useStoredFinding(id: string, inspectionId?: string): StoredFinding | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [finding, draft, submitted] = await Promise.all([
      getFinding(db, id),
      getFindingDraft(db, id),
      isSubmitted(db, inspectionId),
    ]);
    return { finding: finding ?? null, draft: draft ?? null, submitted };
  }, [db, id, inspectionId]);
}
