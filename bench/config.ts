// Options of a benchmark run: which benchmarks (`--only sync|local|import`) and at what scale
// (FI_BENCH_SCALE, 1 by default: the sizes the issues name; 0.1 for a quick run).
// FI_BENCH_PULL_SCALE, when set, scales the pull benchmark alone. FI_BENCH_DATABASE=postgres runs
// the sync benchmarks' HQ server on a throwaway PostgreSQL cluster instead of the embedded
// database.
export type BenchGroup = 'sync' | 'local' | 'import';
export type BenchDatabase = 'pglite' | 'postgres';

export interface BenchConfig {
  only: BenchGroup | null;
  scale: number;
  /** The HQ server's database in the sync benchmarks. */
  database: BenchDatabase;
  push: { hazards: number; photos: number };
  pull: { hazards: number; enterprises: number };
  /** Issue 16: enterprises in the imported workbook. */
  import: { enterprises: number };
  local: {
    hazards: number;
    enterprises: number;
    filterQueries: number;
    opens: number;
    indexUpdates: number;
    saves: number;
    photoBytes: number;
  };
}

function parseOnly(argv: readonly string[]): BenchGroup | null {
  const index = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (index < 0) return null;
  const arg = argv[index]!;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  if (value !== 'sync' && value !== 'local' && value !== 'import') {
    throw new Error(`--only takes "sync", "local" or "import", not "${value ?? ''}"`);
  }
  return value;
}

function parseDatabase(raw: string | undefined): BenchDatabase {
  if (raw === undefined || raw === '' || raw === 'pglite') return 'pglite';
  if (raw === 'postgres') return 'postgres';
  throw new Error(`FI_BENCH_DATABASE takes "pglite" or "postgres", not "${raw}"`);
}

function parseScale(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!(scale > 0 && scale <= 10))
    throw new Error(`FI_BENCH_SCALE and FI_BENCH_PULL_SCALE must be in (0, 10], not "${raw}"`);
  return scale;
}

export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): BenchConfig {
  const scale = parseScale(env.FI_BENCH_SCALE);
  const n = (full: number, min = 1) => Math.max(min, Math.round(full * scale));
  const pullScale = env.FI_BENCH_PULL_SCALE ? parseScale(env.FI_BENCH_PULL_SCALE) : scale;
  const m = (full: number, min = 1) => Math.max(min, Math.round(full * pullScale));
  return {
    only: parseOnly(argv),
    scale,
    database: parseDatabase(env.FI_BENCH_DATABASE),
    push: { hazards: n(10_000, 10), photos: n(1_000, 1) },
    // FI_BENCH_PULL_SCALE shrinks the pull (and its long setup) alone, while tuning the push.
    pull: { hazards: m(100_000, 100), enterprises: m(2_000, 8) },
    import: { enterprises: n(10_000, 100) },
    local: {
      hazards: n(100_000, 100),
      enterprises: n(2_000, 8),
      // Query counts shrink less than data, so that percentiles stay meaningful.
      filterQueries: Math.max(20, Math.round(100 * Math.sqrt(scale))),
      opens: Math.max(20, Math.round(100 * Math.sqrt(scale))),
      // Two hundred edits at full scale: with fifty, the 95th percentile was the third-slowest
      // edit, and one pause of the browser's collector moved it by a third.
      indexUpdates: Math.max(40, Math.round(200 * Math.sqrt(scale))),
      // Forty saves at full scale: with twenty, the 95th percentile was the second-slowest save.
      saves: Math.max(5, Math.round(40 * Math.sqrt(scale))),
      photoBytes: 3_000_000,
    },
  };
}
