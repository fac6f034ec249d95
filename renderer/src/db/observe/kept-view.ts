// A view of some tables kept in memory per database (the hazard list's index, the deadline
// board's): made from every record on first use, then brought up to date on the next read with
// just the records written since (changed-keys.ts). A write that names no keys, or one that
// touches a large share of the view, makes the next read build it whole again. Updates are lazy:
// a burst of writes costs one update when the view is next read, nothing while none is read.
import type { FieldInspectorDb } from '../database';
import { trackChangedKeys } from './changed-keys';
import type { KeyTracker } from './changed-keys';

/** Above this many changed records of the main table (or this share of the view), a full read is cheaper. */
const MAX_CHANGED = 20_000;
const MAX_CHANGED_SHARE = 0.25;

export interface KeptViewSpec<V, T extends string> {
  tables: readonly T[];
  /** The table whose records the view lists: its share of changes decides a full read. */
  main: T;
  build(db: FieldInspectorDb): Promise<V>;
  update(db: FieldInspectorDb, old: V, keys: Record<T, Set<string>>): Promise<V>;
  /** How many records of the main table the view holds. */
  size(view: V): number;
}

export interface KeptView<V> {
  /** The view of `db`; every call made after a write has committed answers with it applied. */
  read(db: FieldInspectorDb): Promise<V>;
  /** Calls `listener` whenever a write makes the view of `db` stale; returns the unsubscribe. */
  onStale(db: FieldInspectorDb, listener: () => void): () => void;
}

interface Slot<V, T extends string> {
  view: Promise<V> | null;
  changes: KeyTracker<T>;
}

export function keptView<V, T extends string>(spec: KeptViewSpec<V, T>): KeptView<V> {
  const slots = new WeakMap<FieldInspectorDb, Slot<V, T>>();
  const slotFor = (db: FieldInspectorDb): Slot<V, T> => {
    const existing = slots.get(db);
    if (existing) return existing;
    // Before the first read there is nothing to update, so nothing is collected.
    const slot: Slot<V, T> = {
      view: null,
      changes: trackChangedKeys(db, spec.tables, () => slot.view !== null),
    };
    db.on('close', () => slots.delete(db));
    slots.set(db, slot);
    return slot;
  };
  const keep = (slot: Slot<V, T>, making: Promise<V>): Promise<V> => {
    slot.view = making;
    // A failed read is not kept: the next read builds the view whole.
    making.catch(() => {
      if (slot.view === making) slot.view = null;
    });
    return making;
  };
  return {
    read(db) {
      const slot = slotFor(db);
      const previous = slot.view;
      // Writes committed from here on are collected again and applied on top of what is made now.
      const { keys, everything } = slot.changes.take();
      if (!previous || everything) return keep(slot, spec.build(db));
      if (spec.tables.every((table) => keys[table].size === 0)) return previous;
      const changed = keys[spec.main].size;
      return keep(
        slot,
        previous.then((old) =>
          changed > Math.min(MAX_CHANGED, spec.size(old) * MAX_CHANGED_SHARE + 500)
            ? spec.build(db)
            : spec.update(db, old, keys),
        ),
      );
    },
    onStale: (db, listener) => slotFor(db).changes.onChange(listener),
  };
}
