// The deadline board's in-memory entries of a database's findings (status, deadline, grade,
// category, enterprise, town, the inspection's agencies), earliest deadline first, and the queries
// the board and the Excel export run over them: match in memory, then read only the rows needed.
//
// Why its own index beside the hazard list's (findings/finding-index.ts): the board filters by
// category, enterprise and agency (a field of the finding's inspection), which that index does not
// hold. Same freshness rule: the findings, enterprises and inspections written since the index was
// made are collected (db/observe/changed-keys.ts), and the next query reads just those back and
// moves the entries they touch (board-entries.ts); only a write that names no keys, or one that
// touches a large share of the findings, makes it read everything again.
import { selectBoard } from '../../../../domain/rules/deadline-board';
import type { DeadlineBoardFilter, StatusCounts } from '../../../../domain/rules/deadline-board';
import {
  daysRemaining,
  effectiveStatus,
  isListedForSupervision,
} from '../../../../domain/rules/deadlines';
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';
import type { Finding } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../../db/database';
import { readBoardIndexChanges, readBoardIndexSource } from '../../db/observe/index-reads';
import { keptView } from '../../db/observe/kept-view';
import { getFindingsByIds } from '../../db/repositories/findings';
import { applyBoardChanges, makeBoardIndex } from './board-entries';
import type { BoardIndex } from './board-entries';

export type { BoardIndex } from './board-entries';

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

type Tables = 'findings' | 'enterprises' | 'inspections';

async function buildIndex(db: FieldInspectorDb): Promise<BoardIndex> {
  const [findings, enterprises, inspections] = await readBoardIndexSource(db);
  return makeBoardIndex(findings, enterprises, inspections);
}

async function updateIndex(
  db: FieldInspectorDb,
  old: BoardIndex,
  keys: Record<Tables, Set<string>>,
): Promise<BoardIndex> {
  const ids = { f: [...keys.findings], e: [...keys.enterprises], i: [...keys.inspections] };
  const [findings, enterprises, inspections] = await readBoardIndexChanges(db, {
    findings: ids.f,
    enterprises: ids.e,
    inspections: ids.i,
  });
  return applyBoardChanges(old, {
    findings: new Map(ids.f.map((id, n) => [id, findings[n]])),
    enterprises: new Map(ids.e.map((id, n) => [id, enterprises[n]])),
    inspections: new Map(ids.i.map((id, n) => [id, inspections[n]])),
  });
}

const kept = keptView<BoardIndex, Tables>({
  tables: ['findings', 'enterprises', 'inspections'],
  main: 'findings',
  build: buildIndex,
  update: updateIndex,
  size: (index) => index.entries.length,
});

/**
 * The board's index of `db`: read whole on first use, then kept up to date with the records
 * written since. Every call made after a write has committed answers with that write applied.
 */
export function boardIndex(db: FieldInspectorDb): Promise<BoardIndex> {
  return kept.read(db);
}

/** Calls `listener` whenever the board's index of `db` goes stale; returns the unsubscribe. */
export function onBoardIndexStale(db: FieldInspectorDb, listener: () => void): () => void {
  return kept.onStale(db, listener);
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
