// The deadline board's in-memory entries of a database's findings (status, deadline, grade,
// category, enterprise, town, the inspection's agencies), earliest deadline first, and the queries
// the board and the Excel export run over them: match in memory, then read only the rows needed.
//
// Why its own index beside the hazard list's (findings/finding-index.ts): the board filters by
// category, enterprise and agency (a field of the finding's inspection), which that index does not
// hold. Same freshness rule: Dexie's `storagemutated` marks it stale when findings, enterprises or
// inspections change, and the next query rebuilds it, once per burst of writes.
import Dexie from 'dexie';
import type { ObservabilitySet } from 'dexie';
import { compareByDeadline, selectBoard } from '../../../../domain/rules/deadline-board';
import type {
  BoardEntry,
  DeadlineBoardFilter,
  StatusCounts,
} from '../../../../domain/rules/deadline-board';
import {
  daysRemaining,
  effectiveStatus,
  isListedForSupervision,
} from '../../../../domain/rules/deadlines';
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';
import type { Finding } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../../db/database';
import { getFindingsByIds } from '../../db/repositories/findings';

export interface BoardIndex {
  entries: BoardEntry[];
  enterpriseNames: Map<string, string>;
}

/** One row of the board (and of its export). */
export interface DeadlineBoardRow {
  finding: Finding;
  enterpriseName: string | null;
  status: EffectiveStatus;
  /** Days to the deadline; negative = days overdue. */
  daysRemaining: number;
  /** A major hazard not yet closed: under listed supervision (挂牌督办). */
  listed: boolean;
}

export interface DeadlineBoardPage {
  total: number;
  counts: StatusCounts;
  rows: DeadlineBoardRow[];
}

interface Slot {
  index: Promise<BoardIndex> | null;
  listeners: Set<() => void>;
}

const cache = new WeakMap<FieldInspectorDb, Slot>();

async function buildIndex(db: FieldInspectorDb): Promise<BoardIndex> {
  const [findings, enterprises, inspections] = await Promise.all([
    db.findings.toArray(),
    db.enterprises.toArray(),
    db.inspections.toArray(),
  ]);
  const townOf = new Map(enterprises.map((e) => [e.id, e.town]));
  const agenciesOf = new Map(inspections.map((i) => [i.id, i.agencyIds]));
  const entries: BoardEntry[] = [];
  for (const f of findings) {
    if (f.deletedAt !== null) continue;
    entries.push({
      id: f.id,
      status: f.status,
      deadline: f.deadline,
      grade: f.grade,
      category: f.category,
      enterpriseId: f.enterpriseId,
      town: townOf.get(f.enterpriseId) ?? null,
      agencyIds: agenciesOf.get(f.inspectionId) ?? [],
    });
  }
  entries.sort(compareByDeadline);
  return { entries, enterpriseNames: new Map(enterprises.map((e) => [e.id, e.name])) };
}

function slotFor(db: FieldInspectorDb): Slot {
  const existing = cache.get(db);
  if (existing) return existing;
  const prefixes = ['findings', 'enterprises', 'inspections'].map((t) => `idb://${db.name}/${t}/`);
  const slot: Slot = { index: null, listeners: new Set() };
  const onMutated = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) return;
    slot.index = null;
    for (const listener of slot.listeners) listener();
  };
  Dexie.on('storagemutated', onMutated);
  db.on('close', () => {
    Dexie.on('storagemutated').unsubscribe(onMutated);
    cache.delete(db);
  });
  cache.set(db, slot);
  return slot;
}

/** The board's index of `db`, built on first use and again after a relevant change. */
export function boardIndex(db: FieldInspectorDb): Promise<BoardIndex> {
  const slot = slotFor(db);
  if (!slot.index) {
    const building = buildIndex(db);
    slot.index = building;
    building.catch(() => {
      if (slot.index === building) slot.index = null;
    });
  }
  return slot.index;
}

/** Calls `listener` whenever the board's index of `db` goes stale; returns the unsubscribe. */
export function onBoardIndexStale(db: FieldInspectorDb, listener: () => void): () => void {
  const slot = slotFor(db);
  slot.listeners.add(listener);
  return () => slot.listeners.delete(listener);
}

function toRows(findings: Finding[], names: Map<string, string>, today: string) {
  return findings.map((finding): DeadlineBoardRow => ({
    finding,
    enterpriseName: names.get(finding.enterpriseId) ?? null,
    status: effectiveStatus(finding, today),
    daysRemaining: daysRemaining(finding.deadline, today),
    listed: isListedForSupervision(finding),
  }));
}

/** One page of the board on `today`, with the total and the per-status counts. */
export async function queryDeadlineBoard(
  db: FieldInspectorDb,
  filter: DeadlineBoardFilter,
  today: string,
  page: { offset: number; limit: number },
): Promise<DeadlineBoardPage> {
  const { entries, enterpriseNames } = await boardIndex(db);
  const { positions, counts } = selectBoard(entries, filter, today);
  const ids = positions.slice(page.offset, page.offset + page.limit).map((i) => entries[i]!.id);
  const findings = await getFindingsByIds(db, ids);
  return { total: positions.length, counts, rows: toRows(findings, enterpriseNames, today) };
}

const EXPORT_CHUNK = 2000;

/**
 * Every row the board shows for `filter` on `today`, in board order: what an Excel export of the
 * board writes. Read in chunks so that a large district's export never holds two copies at once.
 */
export async function listDeadlineBoardRows(
  db: FieldInspectorDb,
  filter: DeadlineBoardFilter,
  today: string,
): Promise<DeadlineBoardRow[]> {
  const { entries, enterpriseNames } = await boardIndex(db);
  const ids = selectBoard(entries, filter, today).positions.map((i) => entries[i]!.id);
  const rows: DeadlineBoardRow[] = [];
  for (let at = 0; at < ids.length; at += EXPORT_CHUNK) {
    const findings = await getFindingsByIds(db, ids.slice(at, at + EXPORT_CHUNK));
    rows.push(...toRows(findings, enterpriseNames, today));
  }
  return rows;
}
