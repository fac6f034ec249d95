// The track work list's rows (工作清单): each enterprise on its track with the state of every
// milestone and its progress, beside the district's totals from statistics-tracks.
import type { Milestone, Track } from '../schemas/enterprise';
import { tracks } from '../schemas/enterprise';
import type {
  EnterpriseForTracks,
  MilestoneState,
  MilestoneTotals,
  TrackWorkList,
} from './statistics-tracks';
import { enterpriseTrackProgress, milestoneState, trackWorkList } from './statistics-tracks';

export interface WorkListMilestone extends Milestone {
  state: MilestoneState;
}

export interface WorkListRow<E extends EnterpriseForTracks> {
  enterprise: E;
  milestones: WorkListMilestone[];
  progress: MilestoneTotals;
}

export interface WorkListFigures<E extends EnterpriseForTracks> {
  totals: TrackWorkList;
  /** Per track, its (not deleted) enterprises in the order given. */
  byTrack: Record<Track, WorkListRow<E>[]>;
}

/** The work list on `today` (YYYY-MM-DD): rows per track and the district's totals. */
export function workListFigures<E extends EnterpriseForTracks>(
  enterprises: readonly E[],
  today: string,
): WorkListFigures<E> {
  const byTrack = Object.fromEntries(tracks.map((t) => [t, []])) as unknown as Record<
    Track,
    WorkListRow<E>[]
  >;
  for (const enterprise of enterprises) {
    if (enterprise.deletedAt !== null) continue;
    byTrack[enterprise.track].push({
      enterprise,
      milestones: enterprise.trackMilestones.map((m) => ({
        ...m,
        state: milestoneState(m, today),
      })),
      progress: enterpriseTrackProgress(enterprise, today),
    });
  }
  return { totals: trackWorkList(enterprises, today), byTrack };
}
