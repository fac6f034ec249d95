import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { draftContents } from '../../db/repositories/draft-setup';
import type { DraftContents } from '../../db/repositories/draft-setup';

/** What deleting the draft would lose, live; undefined while loading. */
export function useDraftContents(inspectionId: string): DraftContents | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => draftContents(db, inspectionId), [db, inspectionId]);
}
