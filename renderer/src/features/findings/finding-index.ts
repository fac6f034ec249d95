// The compact in-memory index of a database's findings that the hazard list filters (columns in
// finding-index-columns.ts): for each live finding its id, status, deadline, grade, enterprise,
// town and lower-cased search text, earliest deadline first, with the enterprises' names.
//
// Why in memory rather than IndexedDB indexes per query: a filter combines status (with `overdue`
// derived from today's date), grade, town (a field of the enterprise, not of the finding) and a
// substring search over three texts. No IndexedDB index answers a substring search, and even a
// status index narrows 100,000 hazards only to tens of thousands of full records, which is far
// slower to read per keystroke than scanning compact columns in memory. So the whole table is read
// once per database, the columns are kept, and only the visible page is read back (bulkGet).
//
// Freshness: Dexie's global `storagemutated` event (also raised for other tabs' writes) names the
// primary keys of the findings and enterprises each committed transaction wrote: a form's save, a
// pulled page of 500, a tombstone, a settled push. Those keys are collected, and the next query
// reads just those records back and merges them into a new index (finding-index-columns.ts), a few
// milliseconds instead of a full read of seconds. Only a change that names no keys (a cleared
// table, a range delete, a new database) or that touches a large share of the table makes the
// next query read everything again. Updates are lazy, so a burst of writes costs one update when
// the list is next read, and nothing is done while no list is looking.
import Dexie from 'dexie';
import type { ObservabilitySet } from 'dexie';
import type { FieldInspectorDb } from '../../db/database';
import { applyFindingChanges, indexFindings } from './finding-index-columns';
import type { FindingIndex } from './finding-index-columns';

export { applyFindingChanges, indexFindings, SEPARATOR } from './finding-index-columns';
export type { FindingIndex, FindingIndexChanges } from './finding-index-columns';

/** Keys written since the index was last brought up to date; `everything` forces a full read. */
interface Pending {
  findings: Set<string>;
  enterprises: Set<string>;
  everything: boolean;
}

interface CacheSlot {
  index: Promise<FindingIndex> | null;
  pending: Pending;
  listeners: Set<() => void>;
  onMutated: (parts: ObservabilitySet) => void;
}

const cache = new WeakMap<FieldInspectorDb, CacheSlot>();

const nothingPending = (): Pending => ({
  findings: new Set(),
  enterprises: new Set(),
  everything: false,
});

/** Above this many changed findings (or this share of the index), a full read is cheaper. */
const MAX_CHANGED = 20_000;
const MAX_CHANGED_SHARE = 0.25;

/** Every live finding and every enterprise of `db`, read whole: the index made from scratch. */
export async function buildFindingIndex(db: FieldInspectorDb): Promise<FindingIndex> {
  const [findings, enterprises] = await readApart(db, () =>
    Promise.all([db.findings.orderBy('deadline').toArray(), db.enterprises.toArray()]),
  );
  return indexFindings(findings, enterprises, true);
}

/**
 * Runs `read` in a read transaction of its own, also when called inside a caller's transaction:
 * the index is shared by every caller, so no caller's transaction may own its reads.
 */
function readApart<T>(db: FieldInspectorDb, read: () => Promise<T>): Promise<T> {
  return Dexie.ignoreTransaction(() => db.transaction('r', db.findings, db.enterprises, read));
}

/** Reads back the records named in `pending` and merges them into `old`. */
async function updateIndex(
  db: FieldInspectorDb,
  old: FindingIndex,
  pending: Pending,
): Promise<FindingIndex> {
  const findingIds = [...pending.findings];
  const enterpriseIds = [...pending.enterprises];
  const [findings, enterprises] = await readApart(db, () =>
    Promise.all([db.findings.bulkGet(findingIds), db.enterprises.bulkGet(enterpriseIds)]),
  );
  return applyFindingChanges(old, {
    findings: new Map(findingIds.map((id, i) => [id, findings[i]])),
    enterprises: new Map(enterpriseIds.map((id, i) => [id, enterprises[i]])),
  });
}

/** A range of a Dexie RangeSet tree; after a cross-tab broadcast it is a plain object. */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/**
 * Adds the single keys in `set` to `into`. False when `set` holds a range of keys (a clear or a
 * range delete) rather than single ones: then nobody knows which records changed.
 */
function collectKeys(set: unknown, into: Set<string>): boolean {
  const stack: RangeNode[] = [set as RangeNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.add(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return true;
}

function touches(db: FieldInspectorDb, parts: ObservabilitySet): boolean {
  const prefixes = [`idb://${db.name}/findings/`, `idb://${db.name}/enterprises/`];
  return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
}

/** Collects the keys `parts` names into the slot's pending changes; false if none concern it. */
function noteChanges(db: FieldInspectorDb, slot: CacheSlot, parts: ObservabilitySet): boolean {
  const tables = [
    ['findings', slot.pending.findings],
    ['enterprises', slot.pending.enterprises],
  ] as const;
  let touched = false;
  for (const [table, keys] of tables) {
    const prefix = `idb://${db.name}/${table}/`;
    const names = Object.keys(parts).filter((part) => part.startsWith(prefix));
    if (names.length === 0) continue;
    touched = true;
    // Every write names its primary keys in the part without an index name.
    const primary = parts[prefix];
    if (!primary || !collectKeys(primary, keys)) slot.pending.everything = true;
  }
  return touched;
}

function slotFor(db: FieldInspectorDb): CacheSlot {
  const existing = cache.get(db);
  if (existing) return existing;
  const slot: CacheSlot = {
    index: null,
    pending: nothingPending(),
    listeners: new Set(),
    onMutated: (parts) => {
      // Before the first read there is nothing to update, so nothing is collected.
      if (slot.index === null ? !touches(db, parts) : !noteChanges(db, slot, parts)) return;
      for (const listener of slot.listeners) listener();
    },
  };
  Dexie.on('storagemutated', slot.onMutated);
  db.on('close', () => {
    Dexie.on('storagemutated').unsubscribe(slot.onMutated);
    cache.delete(db);
  });
  cache.set(db, slot);
  return slot;
}

function keep(slot: CacheSlot, making: Promise<FindingIndex>): Promise<FindingIndex> {
  slot.index = making;
  // A failed read is not kept: the next query reads everything again.
  making.catch(() => {
    if (slot.index === making) slot.index = null;
  });
  return making;
}

/**
 * The index of `db`'s findings: read whole on first use, then kept up to date with the findings
 * and enterprises written since (only those are read back). Every call made after a write has
 * committed answers with that write applied.
 */
export function findingIndex(db: FieldInspectorDb): Promise<FindingIndex> {
  const slot = slotFor(db);
  const pending = slot.pending;
  const previous = slot.index;
  if (!previous || pending.everything) {
    // Writes committed from here on are collected again and applied on top of this read.
    slot.pending = nothingPending();
    return keep(slot, buildFindingIndex(db));
  }
  if (pending.findings.size === 0 && pending.enterprises.size === 0) return previous;
  slot.pending = nothingPending();
  return keep(
    slot,
    previous.then((old) =>
      pending.findings.size > Math.min(MAX_CHANGED, old.ids.length * MAX_CHANGED_SHARE + 500)
        ? buildFindingIndex(db)
        : updateIndex(db, old, pending),
    ),
  );
}

/** Calls `listener` whenever findings or enterprises of `db` change (the index then needs an update). */
export function onFindingIndexStale(db: FieldInspectorDb, listener: () => void): () => void {
  const slot = slotFor(db);
  slot.listeners.add(listener);
  return () => slot.listeners.delete(listener);
}
