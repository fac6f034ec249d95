import { useLiveQuery } from 'dexie-react-hooks';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../app/session-context';
import type { FindingDraftRow } from '../../db/database';
import { getFinding, getFindingDraft } from '../../db/repositories/findings';

export interface HazardSource {
  finding: Finding | null;
  draft: FindingDraftRow | null;
}

/** The stored record and draft of one hazard; undefined while loading. */
export function useHazardSource(id: string): HazardSource | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [finding, draft] = await Promise.all([getFinding(db, id), getFindingDraft(db, id)]);
    return { finding: finding ?? null, draft: draft ?? null };
  }, [db, id]);
}
