// Which records of some tables were written since an in-memory view of them (the hazard list's
// index, the deadline board's) was last brought up to date. Dexie's global `storagemutated`
// event (also raised for other tabs' writes) names the primary keys each committed transaction
// wrote; they are collected per table until the view takes them. A write that names a range
// rather than keys (a cleared table, a range delete) leaves `everything` set: nobody knows which
// records changed, and the view reads them all again.
import Dexie from 'dexie';
import type { ObservabilitySet } from 'dexie';
import type { FieldInspectorDb } from '../database';

export interface ChangedKeys<T extends string> {
  keys: Record<T, Set<string>>;
  everything: boolean;
}

export interface KeyTracker<T extends string> {
  /** The changes collected so far; collecting starts afresh. */
  take(): ChangedKeys<T>;
  /** Calls `listener` after each write to the tables; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

function nothing<T extends string>(tables: readonly T[]): ChangedKeys<T> {
  return {
    keys: Object.fromEntries(tables.map((t) => [t, new Set<string>()])) as Record<T, Set<string>>,
    everything: false,
  };
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

/**
 * Tracks writes to `tables` of `db` until the database closes. While `collecting()` is false
 * (no view has been made yet) writes are only announced, not collected: there is nothing to
 * update, and a long pull would otherwise pile up its keys.
 */
export function trackChangedKeys<T extends string>(
  db: FieldInspectorDb,
  tables: readonly T[],
  collecting: () => boolean,
): KeyTracker<T> {
  let pending = nothing(tables);
  const listeners = new Set<() => void>();
  const prefixes = tables.map((table) => [table, `idb://${db.name}/${table}/`] as const);
  const onMutated = (parts: ObservabilitySet) => {
    const names = Object.keys(parts);
    let touched = false;
    for (const [table, prefix] of prefixes) {
      if (!names.some((name) => name.startsWith(prefix))) continue;
      touched = true;
      if (!collecting()) continue;
      // Every write names its primary keys in the part without an index name.
      const primary = parts[prefix];
      if (!primary || !collectKeys(primary, pending.keys[table])) pending.everything = true;
    }
    if (touched) for (const listener of listeners) listener();
  };
  Dexie.on('storagemutated', onMutated);
  db.on('close', () => Dexie.on('storagemutated').unsubscribe(onMutated));
  return {
    take() {
      const taken = pending;
      pending = nothing(tables);
      return taken;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
