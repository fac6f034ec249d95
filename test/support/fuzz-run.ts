// How the fuzzers run their properties: stateful (each request acts on what the ones before it
// left), seeded, and reported as they failed rather than shrunk, with how to replay the failure.
import fc from 'fast-check';

export interface FuzzSettings {
  seed: number;
  /** Requests per database. */
  runs: number;
  /** Whether to print the run's tally of answers afterwards. */
  stats: boolean;
}

/** FUZZ_SEED and FUZZ_RUNS, or the fuzzer's own seed and runs; FUZZ_STATS=1 asks for the tally. */
export function fuzzSettings(seed: number, runs: number): FuzzSettings {
  return {
    seed: Number(process.env.FUZZ_SEED ?? seed),
    runs: Number(process.env.FUZZ_RUNS ?? runs),
    stats: Boolean(process.env.FUZZ_STATS),
  };
}

/**
 * Asserts `property` on the database `kind` with the settings' seed and runs. A failure is
 * reported as it happened, not shrunk, naming the request being made (`request()`), and replays
 * from a fresh database with the same seed and number of runs. With the settings' stats, `stats`
 * is printed afterwards (sorted, one count a line), whatever the outcome.
 */
export async function assertStateful<Ts>(
  property: fc.IAsyncProperty<Ts>,
  kind: string,
  settings: FuzzSettings,
  request: () => number,
  stats: ReadonlyMap<string, number>,
): Promise<void> {
  const { seed, runs } = settings;
  try {
    await fc.assert(property, { seed, numRuns: runs, endOnFailure: true });
  } catch (error) {
    throw new Error(
      `fuzzing ${kind} failed at request ${request()}; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`,
      { cause: error },
    );
  } finally {
    if (settings.stats)
      console.log(
        [...stats]
          .sort()
          .map(([k, v]) => `${v}\t${k}`)
          .join('\n'),
      );
  }
}
