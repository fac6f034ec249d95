// Owns the push's memory of the enterprises and inspections that batches refer to without writing
// them: the few fields the write rules read of each, kept from one batch to the next, because a
// device's batches keep naming the same visits and reading them again was the largest lookup of
// each batch. It trusts nothing it cannot check: every write to `records` takes a fresh version
// from the global counter, so the memory is valid as of one version of one database (its epoch),
// and before each use, under the version lock, it forgets every record written since.
import type { EntityName } from '../../../domain/schemas/entities';
import type { Queryable } from '../db/database';
import { loadReferences, recordKey } from './stored-records';
import { REFERENCED_FIELDS } from './write-rules';

/** Entries kept at most (a district's enterprises and its recent visits); the oldest go first. */
const MAX_ENTRIES = 20_000;

/** The version counter as read under its lock. */
export interface VersionState {
  epoch: string;
  version: number;
}

export interface ReferenceCache {
  /**
   * Forgets what was written since the memory was last valid. Call it holding the version lock,
   * with the state that lock read: from then on, until the transaction ends, nothing else writes.
   */
  catchUp(tx: Queryable, state: VersionState): Promise<void>;
  /**
   * loadReferences of the fields the write rules read (REFERENCED_FIELDS), reading from the
   * database only the records not remembered.
   */
  load(
    tx: Queryable,
    keys: readonly { entity: EntityName; id: string }[],
  ): Promise<Map<string, Readonly<Record<string, unknown>>>>;
  /** Forgets records the caller's transaction writes (whether or not it commits). */
  forget(written: readonly { entity: EntityName; id: string }[]): void;
  /**
   * After a commit: the versions from `from` (exclusive) to `to` were all this transaction's,
   * and it forgot what it wrote, so the memory holds as of `to`, unless another transaction has
   * moved it meanwhile.
   */
  committed(from: VersionState, to: number): void;
  readonly size: number;
}

/** Kinds the write rules look up: the only ones remembered, so the only ones to forget. */
const REFERENCED: readonly EntityName[] = ['enterprise', 'inspection'];

function createReferenceCache(): ReferenceCache {
  const entries = new Map<string, Readonly<Record<string, unknown>>>();
  let validAt: VersionState | null = null;

  const clear = () => {
    entries.clear();
    validAt = null;
  };

  return {
    get size() {
      return entries.size;
    },
    async catchUp(tx, state) {
      if (validAt && validAt.epoch === state.epoch && validAt.version === state.version) return;
      if (!validAt || validAt.epoch !== state.epoch || validAt.version > state.version) {
        // Another database, or this one restored to an earlier state: nothing here holds.
        entries.clear();
      } else if (entries.size > 0) {
        const rows = await tx.query<{ entity: string; id: string }>(
          `SELECT entity, id::text AS id FROM records
           WHERE version > $1 AND entity IN ('enterprise', 'inspection')
           LIMIT $2`,
          [validAt.version, MAX_ENTRIES + 1],
        );
        // Past the limit, forgetting everything is cheaper than looking for each one.
        if (rows.length > MAX_ENTRIES) entries.clear();
        else for (const r of rows) entries.delete(recordKey(r.entity, r.id));
      }
      validAt = { ...state };
    },
    async load(tx, keys) {
      const found = new Map<string, Readonly<Record<string, unknown>>>();
      const unknown: { entity: EntityName; id: string }[] = [];
      for (const k of keys) {
        const known = validAt ? entries.get(recordKey(k.entity, k.id)) : undefined;
        if (known) found.set(recordKey(k.entity, k.id), known);
        else unknown.push(k);
      }
      const read = await loadReferences(tx, unknown, REFERENCED_FIELDS);
      for (const [k, data] of read) {
        const frozen = Object.freeze(data);
        found.set(k, frozen);
        if (!validAt) continue;
        entries.delete(k);
        entries.set(k, frozen);
      }
      for (const k of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        entries.delete(k);
      }
      return found;
    },
    forget(written) {
      for (const r of written) {
        // A moved enterprise moves its visits' scope too (record-store's scope moves): writes of
        // enterprises are rare, and forgetting everything spares tracking what moved with them.
        if (r.entity === 'enterprise') return clear();
        if (REFERENCED.includes(r.entity)) entries.delete(recordKey(r.entity, r.id));
      }
    },
    committed(from, to) {
      if (validAt && validAt.epoch === from.epoch && validAt.version === from.version) {
        validAt = { epoch: from.epoch, version: to };
      }
    },
  };
}

const caches = new WeakMap<object, ReferenceCache>();

/** The cache of one database (one per open database object, so tests never share one). */
export function referenceCacheOf(db: object): ReferenceCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createReferenceCache();
    caches.set(db, cache);
  }
  return cache;
}
