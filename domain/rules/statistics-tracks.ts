// The rectification programme's work list (工作清单): milestone progress of the enterprises on
// each track, per town, and per year of the district's targets (end of 2017, end of 2020).
import type { Enterprise, Milestone, Track } from '../schemas/enterprise';
import { tracks } from '../schemas/enterprise';

export type EnterpriseForTracks = Pick<
  Enterprise,
  'id' | 'town' | 'track' | 'trackMilestones' | 'deletedAt'
>;

/**
 * A milestone is done once `doneAt` is set (late or not), overdue when not done and its due date
 * has passed (the due day itself still counts as in time), and pending otherwise.
 */
export type MilestoneState = 'done' | 'overdue' | 'pending';

export function milestoneState(
  milestone: Pick<Milestone, 'due' | 'doneAt'>,
  today: string,
): MilestoneState {
  if (milestone.doneAt !== null) return 'done';
  return milestone.due < today ? 'overdue' : 'pending';
}

export interface MilestoneTotals {
  /** Enterprises counted (for a due year: those with a milestone due that year). */
  enterprises: number;
  /** Enterprises with at least one overdue milestone. */
  enterprisesWithOverdue: number;
  milestones: number;
  done: number;
  overdue: number;
  pending: number;
  /** done / milestones, from 0 to 1; null when there are no milestones. */
  progress: number | null;
}

function emptyTotals(): MilestoneTotals {
  return {
    enterprises: 0,
    enterprisesWithOverdue: 0,
    milestones: 0,
    done: 0,
    overdue: 0,
    pending: 0,
    progress: null,
  };
}

/** One enterprise's progress on its track: the row of the work list. */
export function enterpriseTrackProgress(
  enterprise: Pick<Enterprise, 'trackMilestones'>,
  today: string,
): MilestoneTotals {
  return addMilestones(emptyTotals(), enterprise.trackMilestones, today);
}

function addMilestones(
  totals: MilestoneTotals,
  milestones: readonly Pick<Milestone, 'due' | 'doneAt'>[],
  today: string,
): MilestoneTotals {
  const states = milestones.map((m) => milestoneState(m, today));
  const overdue = states.filter((s) => s === 'overdue').length;
  const t = {
    enterprises: totals.enterprises + 1,
    enterprisesWithOverdue: totals.enterprisesWithOverdue + (overdue > 0 ? 1 : 0),
    milestones: totals.milestones + states.length,
    done: totals.done + states.filter((s) => s === 'done').length,
    overdue: totals.overdue + overdue,
    pending: totals.pending + states.filter((s) => s === 'pending').length,
  };
  return { ...t, progress: t.milestones === 0 ? null : t.done / t.milestones };
}

function byTrack(): Record<Track, MilestoneTotals> {
  return Object.fromEntries(tracks.map((t) => [t, emptyTotals()])) as Record<
    Track,
    MilestoneTotals
  >;
}

export interface TrackBreakdown {
  total: MilestoneTotals;
  byTrack: Record<Track, MilestoneTotals>;
}

export interface TrackWorkList {
  district: TrackBreakdown;
  /** Towns with at least one enterprise, by town code. */
  byTown: (TrackBreakdown & { town: string })[];
  /** Years in which milestones fall due, in order: the district's targets (2017, 2020). */
  byDueYear: (TrackBreakdown & { year: number })[];
}

function addTo(
  breakdown: TrackBreakdown,
  track: Track,
  milestones: readonly Pick<Milestone, 'due' | 'doneAt'>[],
  today: string,
): void {
  breakdown.total = addMilestones(breakdown.total, milestones, today);
  breakdown.byTrack[track] = addMilestones(breakdown.byTrack[track], milestones, today);
}

/** The work list's totals over every (not deleted) enterprise, on `today` (YYYY-MM-DD). */
export function trackWorkList(
  enterprises: readonly EnterpriseForTracks[],
  today: string,
): TrackWorkList {
  const district: TrackBreakdown = { total: emptyTotals(), byTrack: byTrack() };
  const towns = new Map<string, TrackBreakdown>();
  const years = new Map<number, TrackBreakdown>();
  for (const e of enterprises) {
    if (e.deletedAt !== null) continue;
    addTo(district, e.track, e.trackMilestones, today);
    let town = towns.get(e.town);
    if (!town) towns.set(e.town, (town = { total: emptyTotals(), byTrack: byTrack() }));
    addTo(town, e.track, e.trackMilestones, today);
    const dueYears = new Set(e.trackMilestones.map((m) => Number(m.due.slice(0, 4))));
    for (const year of dueYears) {
      let row = years.get(year);
      if (!row) years.set(year, (row = { total: emptyTotals(), byTrack: byTrack() }));
      const due = e.trackMilestones.filter((m) => Number(m.due.slice(0, 4)) === year);
      addTo(row, e.track, due, today);
    }
  }
  return {
    district,
    byTown: [...towns.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([town, b]) => ({ town, ...b })),
    byDueYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, b]) => ({ year, ...b })),
  };
}
