// What the server said about this device's mutations beyond "applied": mutations it refused for
// good (with the reason) and mutations that overrode someone else's newer change. Both are kept
// for the Sync screen; dismissing one hides it from the list but keeps the row as an audit copy.
import type { ConflictRow, FieldInspectorDb, RejectedRow } from '../database';

/** Refused mutations the user has not dismissed yet, newest first. */
export async function listRejected(db: FieldInspectorDb): Promise<RejectedRow[]> {
  return (await db.rejected.where('dismissed').equals(0).sortBy('seq')).reverse();
}

/** Conflicts the user has not dismissed yet, newest first. */
export async function listConflicts(db: FieldInspectorDb): Promise<ConflictRow[]> {
  return (await db.conflicts.where('dismissed').equals(0).sortBy('seq')).reverse();
}

export async function dismissRejected(db: FieldInspectorDb, seq: number): Promise<void> {
  await db.rejected.update(seq, { dismissed: 1 });
}

export async function dismissConflict(db: FieldInspectorDb, seq: number): Promise<void> {
  await db.conflicts.update(seq, { dismissed: 1 });
}
