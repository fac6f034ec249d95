// How the fuzzers run their properties: stateful (each request acts on what the ones before it
// left), seeded, and reported as they failed rather than shrunk, with how to replay the failure.
import fc from 'fast-check';

export interface FuzzRun {
  /** The database the run is on, named in the failure. */
  kind: string;
  seed: number;
  runs: number;
  /** The number of the request being made when the property failed. */
  request: () => number;
  /** Counts printed (sorted, one a line) after the run, whatever its outcome. */
  stats?: Map<string, number> | undefined;
}

/**
 * Asserts `property` over `run.runs` requests from `run.seed`. A failure is reported as it
 * happened, not shrunk, and replays from a fresh database with the same seed and number of runs.
 */
export async function assertStateful<Ts>(
  property: fc.IAsyncProperty<Ts>,
  run: FuzzRun,
): Promise<void> {
  try {
    await fc.assert(property, { seed: run.seed, numRuns: run.runs, endOnFailure: true });
  } catch (error) {
    throw new Error(
      `fuzzing ${run.kind} failed at request ${run.request()}; replay with FUZZ_SEED=${run.seed} FUZZ_RUNS=${run.runs}`,
      { cause: error },
    );
  } finally {
    if (run.stats)
      console.log(
        [...run.stats]
          .sort()
          .map(([k, v]) => `${v}\t${k}`)
          .join('\n'),
      );
  }
}
