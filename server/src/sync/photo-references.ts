// Owns the push's check of the photos and signatures a batch's records refer to: a record may newly
// refer to a blob only if the server holds it and its writer may know of it (uploaded those bytes,
// or may already read a record that refers to them; administrators every blob: see
// blobs/blob-access.ts). References the stored record already had are not new. One query per
// batch, for the hashes its mutations bring that their stored records lack, read under the
// version lock at the start of the batch.
import type { EntityName } from '../../../domain/schemas/entities';
import type { User } from '../../../domain/schemas/user';
import type { Mutation } from '../../../domain/sync/protocol';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import { knownBlobs } from '../blobs/blob-access';
import type { Queryable } from '../db/database';
import { blobReferences } from './blob-references';
import type { StoredRecord } from './stored-records';
import { recordKey } from './stored-records';

const SHA256 = /^[0-9a-f]{64}$/;

export interface PhotoCheck {
  /**
   * The refusal of a write of record `entity`/`id` whose data would be `after`, when it refers to
   * a blob its stored copy did not and its writer may not refer to; null otherwise.
   */
  refusal(entity: EntityName, id: string, after: Record<string, unknown>): Refusal | null;
}

/**
 * Reads what the batch's writer may newly refer to. `stored` holds the batch's records as stored
 * before it (read before any of its mutations is applied).
 */
export async function photoCheckOf(
  tx: Queryable,
  user: User,
  mutations: readonly Mutation[],
  stored: ReadonlyMap<string, StoredRecord>,
): Promise<PhotoCheck> {
  const before = new Map<string, Set<string>>();
  for (const [key, record] of stored) {
    const hashes = blobReferences(record.entity, record.data);
    if (hashes.length > 0) before.set(key, new Set(hashes));
  }
  const storedRefs = (key: string) => before.get(key) ?? new Set<string>();
  // Whatever a write ends up referring to comes from its mutation's data or its stored copy.
  // (Data not yet validated: what is not a hash is left to the schema to refuse.)
  const asked = new Set<string>();
  for (const m of mutations) {
    if (!m.data) continue;
    const had = storedRefs(recordKey(m.entity, m.id));
    for (const hash of blobReferences(m.entity, m.data)) {
      if (!had.has(hash) && SHA256.test(hash)) asked.add(hash);
    }
  }
  const allowed = await knownBlobs(tx, user, asked);
  return {
    refusal(entity, id, after) {
      const had = storedRefs(recordKey(entity, id));
      const denied = blobReferences(entity, after).find((h) => !had.has(h) && !allowed.has(h));
      return denied === undefined ? null : refusal('photoNotUploaded', { sha256: denied });
    },
  };
}
