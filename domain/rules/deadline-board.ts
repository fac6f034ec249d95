// The deadline board's numbers: which hazards a filter keeps, in what order, and how many there
// are of each status. Pure, over compact entries (one per finding) so that the screen, the Excel
// export and the tests count the same way.
import type { FindingCategory, FindingStatus, Grade } from '../schemas/finding';
import { effectiveStatus } from './deadlines';
import type { EffectiveStatus } from './deadlines';

/** What the board shows of a finding, with the fields that live on its enterprise and inspection. */
export interface BoardEntry {
  id: string;
  status: FindingStatus;
  deadline: string;
  grade: Grade;
  category: FindingCategory;
  enterpriseId: string;
  /** The enterprise's town code; null when the enterprise is not known here. */
  town: string | null;
  /** The agencies of the finding's inspection; empty when the inspection is not known here. */
  agencyIds: readonly string[];
}

/** The board's filter: null means any. One object, so an export can receive it as it is. */
export interface DeadlineBoardFilter {
  status: EffectiveStatus | null;
  agencyId: string | null;
  town: string | null;
  enterpriseId: string | null;
  grade: Grade | null;
  category: FindingCategory | null;
}

export const anyDeadlineBoardFilter: DeadlineBoardFilter = {
  status: null,
  agencyId: null,
  town: null,
  enterpriseId: null,
  grade: null,
  category: null,
};

export const boardStatuses: readonly EffectiveStatus[] = ['overdue', 'open', 'rectified', 'closed'];

export type StatusCounts = Record<EffectiveStatus | 'all', number>;

/** Earliest deadline first, ties by id: the order entries are kept in before each query. */
export function compareByDeadline(a: BoardEntry, b: BoardEntry): number {
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function matchesOtherThanStatus(entry: BoardEntry, filter: DeadlineBoardFilter): boolean {
  return (
    (filter.grade === null || entry.grade === filter.grade) &&
    (filter.category === null || entry.category === filter.category) &&
    (filter.enterpriseId === null || entry.enterpriseId === filter.enterpriseId) &&
    (filter.town === null || entry.town === filter.town) &&
    (filter.agencyId === null || entry.agencyIds.includes(filter.agencyId))
  );
}

export interface BoardSelection {
  /** Positions (in the entries given) of the matches, in board order. */
  positions: number[];
  /** Matches of every filter but status, per effective status: the counts on the status tabs. */
  counts: StatusCounts;
}

/**
 * Selects the board's rows from `entries` (already sorted by compareByDeadline) on `today`:
 * overdue first (longest overdue on top), then open, awaiting re-inspection and closed, each by
 * the nearest deadline — the order of compareForDeadlineBoard, in one pass.
 */
export function selectBoard(
  entries: readonly BoardEntry[],
  filter: DeadlineBoardFilter,
  today: string,
): BoardSelection {
  const buckets: Record<EffectiveStatus, number[]> = {
    overdue: [],
    open: [],
    rectified: [],
    closed: [],
  };
  entries.forEach((entry, i) => {
    if (matchesOtherThanStatus(entry, filter)) buckets[effectiveStatus(entry, today)].push(i);
  });
  const counts: StatusCounts = {
    all: 0,
    overdue: buckets.overdue.length,
    open: buckets.open.length,
    rectified: buckets.rectified.length,
    closed: buckets.closed.length,
  };
  counts.all = counts.overdue + counts.open + counts.rectified + counts.closed;
  const positions =
    filter.status === null ? boardStatuses.flatMap((s) => buckets[s]) : buckets[filter.status];
  return { positions, counts };
}
