// The sync envelope (domain/schemas/common.ts, syncFields) of a record the server makes itself: a
// new id, made by the acting user at the server's time, not deleted. A record written through
// writeRecords (sync/record-store.ts) starts at version 0 and is given the next sync version
// there; a record edited online with a version check (plans, cases, overrides, declarations)
// starts at 1.
import { v7 as uuidv7 } from 'uuid';

export function newRecordEnvelope(createdBy: string, at: string, version: 0 | 1 = 0) {
  return { id: uuidv7(), version, updatedAt: at, deletedAt: null, createdBy };
}
