// The compact in-memory index of a database's findings that the hazard list filters: for each live
// finding its id, status, deadline, grade, town and lower-cased search text, earliest deadline
// first, with the enterprises' names for the rows shown.
//
// Why in memory rather than IndexedDB indexes per query: a filter combines status (with `overdue`
// derived from today's date), grade, town (a field of the enterprise, not of the finding) and a
// substring search over three texts. No IndexedDB index answers a substring search, and even a
// status index narrows 100,000 hazards only to tens of thousands of full records, which is far
// slower to read per keystroke than scanning compact columns in memory. So the whole table is read
// once per database, the columns are kept, and only the visible page is read back (bulkGet).
//
// Freshness: Dexie's global `storagemutated` event (which also carries changes from other tabs)
// marks the index stale when findings or enterprises change, and the next query rebuilds it. The
// rebuild is lazy so that a burst of writes (a sync pull, a form's autosave) costs one rebuild when
// the list is next read, not one per write, and nothing is rebuilt while no list is looking.
import Dexie from 'dexie';
import type { ObservabilitySet } from 'dexie';
import type { FindingStatus, Grade } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../../db/database';
import { listEnterprises } from '../../db/repositories/enterprises';
import { listFindings } from '../../db/repositories/findings';

/**
 * One column per field, position i for the i-th live finding (earliest deadline first). Columns
 * rather than an object per finding keep 100,000 entries small and the scan cache-friendly.
 */
export interface FindingIndex {
  ids: string[];
  statuses: FindingStatus[];
  deadlines: string[];
  grades: Grade[];
  /** The enterprise's town code, or null when the enterprise is not on this device. */
  towns: (string | null)[];
  /**
   * Title, description and enterprise name of every finding, lower-cased, one after another with
   * SEPARATOR between findings: one indexOf over this string finds the next match far faster than
   * a substring test per finding.
   */
  haystack: string;
  /** Where finding i's text starts in `haystack`; one more entry marks the end. */
  starts: Uint32Array;
  enterpriseNames: Map<string, string>;
}

/** Between two findings' texts in the haystack; a control character nobody searches for. */
export const SEPARATOR = '\u0001';

interface CacheSlot {
  index: Promise<FindingIndex> | null;
  listeners: Set<() => void>;
  onMutated: (parts: ObservabilitySet) => void;
}

const cache = new WeakMap<FieldInspectorDb, CacheSlot>();

async function buildIndex(db: FieldInspectorDb): Promise<FindingIndex> {
  const [rows, enterprises] = await Promise.all([listFindings(db), listEnterprises(db)]);
  const townOf = new Map(enterprises.map((e) => [e.id, e.town]));
  const texts: string[] = [];
  const starts = new Uint32Array(rows.length + 1);
  let at = 0;
  rows.forEach(({ finding, enterpriseName }, i) => {
    const text = `${finding.title}\n${finding.description}\n${enterpriseName ?? ''}`
      .toLowerCase()
      .replaceAll(SEPARATOR, ' ');
    starts[i] = at;
    texts.push(text);
    at += text.length + SEPARATOR.length;
  });
  starts[rows.length] = at;
  return {
    ids: rows.map((r) => r.finding.id),
    statuses: rows.map((r) => r.finding.status),
    deadlines: rows.map((r) => r.finding.deadline),
    grades: rows.map((r) => r.finding.grade),
    towns: rows.map((r) => townOf.get(r.finding.enterpriseId) ?? null),
    haystack: texts.join(SEPARATOR) + SEPARATOR,
    starts,
    enterpriseNames: new Map(enterprises.map((e) => [e.id, e.name])),
  };
}

function touches(db: FieldInspectorDb, parts: ObservabilitySet): boolean {
  const prefixes = [`idb://${db.name}/findings/`, `idb://${db.name}/enterprises/`];
  return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
}

function slotFor(db: FieldInspectorDb): CacheSlot {
  const existing = cache.get(db);
  if (existing) return existing;
  const slot: CacheSlot = {
    index: null,
    listeners: new Set(),
    onMutated: (parts) => {
      if (!touches(db, parts)) return;
      slot.index = null;
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

/** The index of `db`'s findings, built on first use and again after findings or enterprises change. */
export function findingIndex(db: FieldInspectorDb): Promise<FindingIndex> {
  const slot = slotFor(db);
  if (!slot.index) {
    const building = buildIndex(db);
    slot.index = building;
    // A failed build is not kept: the next query tries again.
    building.catch(() => {
      if (slot.index === building) slot.index = null;
    });
  }
  return slot.index;
}

/** Calls `listener` whenever the index of `db` goes stale; returns the unsubscribe. */
export function onFindingIndexStale(db: FieldInspectorDb, listener: () => void): () => void {
  const slot = slotFor(db);
  slot.listeners.add(listener);
  return () => slot.listeners.delete(listener);
}
