// The figures both sync benchmarks report: hazards/s and MB/s against the PouchDB anchor, and
// the HQ server's peak memory while the app synced.
import { record } from './support/report';

const MB = 1_000_000;

export interface SyncRun {
  benchmark: string;
  /** "pull" or "push", as the memory figure names it. */
  direction: string;
  anchorName: string;
  hazards: number;
  /** The app's time, and the anchor's for the same work. */
  ms: number;
  anchorMs: number;
  /** What the MB/s figure counts, and how many bytes of it went over. */
  payloadMetric: string;
  payloadBytes: number;
  serverPeakBytes: number;
  note: string;
}

export function recordSyncRun(run: SyncRun): void {
  const fiRate = run.hazards / (run.ms / 1000);
  const anchorRate = run.hazards / (run.anchorMs / 1000);
  const ratio = fiRate / anchorRate;
  const payload = run.payloadBytes / MB;
  record({
    benchmark: run.benchmark,
    metric: 'hazards/s',
    unit: '/s',
    value: fiRate,
    anchorName: run.anchorName,
    anchor: anchorRate,
    ratio,
    target: '≥ 3× PouchDB',
    pass: ratio >= 3,
    note: run.note,
  });
  record({
    benchmark: run.benchmark,
    metric: run.payloadMetric,
    unit: 'MB/s',
    value: payload / (run.ms / 1000),
    anchorName: run.anchorName,
    anchor: payload / (run.anchorMs / 1000),
    ratio,
    target: null,
    pass: null,
  });
  record({
    benchmark: run.benchmark,
    metric: `HQ server peak RSS during ${run.direction}`,
    unit: 'MB',
    value: run.serverPeakBytes / MB,
    anchorName: null,
    anchor: null,
    ratio: null,
    target: '< 300 MB',
    pass: run.serverPeakBytes < 300 * MB,
  });
}
