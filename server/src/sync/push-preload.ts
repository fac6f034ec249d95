// Owns what a push batch reads before applying its mutations: the stored records it writes, the
// enterprises and inspections they refer to, their towns, and the history the field merge needs.
import type { EntityName } from '../../../domain/schemas/entities';
import type { Mutation } from '../../../domain/sync/protocol';
import type { Queryable } from '../db/database';
import type { LaterChange } from './history';
import { changesAfter } from './history';
import { rectificationVisitIds } from './rectification-rules';
import type { ReferenceCache } from './reference-cache';
import type { StoredRecord } from './stored-records';
import { loadRecords, recordKey } from './stored-records';

/** What a batch reads before applying its mutations. */
export interface Preloaded {
  /** The stored records the batch writes, by recordKey; its own writes replace them as it goes. */
  cache: Map<string, StoredRecord>;
  /** Their scopes as stored (records the batch creates are absent), by recordKey. */
  storedTowns: Map<string, string | null>;
  /** The enterprises and inspections the batch refers to but does not write, by recordKey. */
  references: Map<string, Readonly<Record<string, unknown>>>;
  /** The stored town of each enterprise the batch writes or refers to, by id. */
  enterpriseTowns: Map<string, string>;
}

/** Loads what the batch touches and refers to: its records, their enterprises and inspections. */
export async function preload(
  tx: Queryable,
  mutations: Mutation[],
  referenceCache: Pick<ReferenceCache, 'load'>,
): Promise<Preloaded> {
  const cache = await loadRecords(
    tx,
    mutations.map((m) => ({ entity: m.entity, id: m.id })),
  );
  const refs = new Map<string, { entity: EntityName; id: string }>();
  const addRef = (entity: 'enterprise' | 'inspection', id: unknown) => {
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) {
      const key = recordKey(entity, id);
      if (!cache.has(key)) refs.set(key, { entity, id });
    }
  };
  for (const m of mutations) {
    for (const data of [m.data, cache.get(recordKey(m.entity, m.id))?.data]) {
      if (!data) continue;
      if (m.entity === 'inspection' || m.entity === 'finding')
        addRef('enterprise', data.enterpriseId);
      if (m.entity === 'finding') {
        addRef('inspection', data.inspectionId);
        // Verifications name re-inspection visits, which an earlier batch may have sent.
        for (const id of rectificationVisitIds(data)) addRef('inspection', id);
      }
    }
  }
  const references = await referenceCache.load(tx, [...refs.values()]);
  const enterpriseTowns = new Map<string, string>();
  for (const r of cache.values()) {
    if (r.entity === 'enterprise' && r.town !== null) enterpriseTowns.set(r.id, r.town);
  }
  for (const [key, { entity, id }] of refs) {
    const town = references.get(key)?.town;
    if (entity === 'enterprise' && typeof town === 'string') enterpriseTowns.set(id, town);
  }
  return {
    cache,
    storedTowns: new Map([...cache].map(([key, r]) => [key, r.town])),
    references,
    enterpriseTowns,
  };
}

/**
 * The history after each stored record's earliest base version in the batch, in one query: what
 * the field merge needs to know what the client's copy held. Records whose stored version is not
 * past the base need none.
 */
export async function laterHistory(
  tx: Queryable,
  mutations: readonly Mutation[],
  stored: ReadonlyMap<string, StoredRecord>,
): Promise<Map<string, LaterChange[]>> {
  const earliest = new Map<string, { entity: EntityName; id: string; after: number }>();
  for (const m of mutations) {
    const key = recordKey(m.entity, m.id);
    const record = stored.get(key);
    if (!record || record.version <= m.baseVersion) continue;
    const known = earliest.get(key);
    if (!known || m.baseVersion < known.after) {
      earliest.set(key, { entity: m.entity, id: m.id, after: m.baseVersion });
    }
  }
  return changesAfter(tx, [...earliest.values()]);
}
