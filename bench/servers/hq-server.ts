// The HQ server under test: its embedded database is filled directly (not through the API, and
// not timed) before the server starts as a child process of its own, so that its memory can be
// sampled apart from the benchmark's.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import { hashPassword } from '../../server/src/auth/passwords';
import { migrate } from '../../server/src/db/migrations';
import { buildServerIfStale } from '../../scripts/server-build';
import { SERVER_ENTRY, serverNodeArgs } from '../../server/src/node-flags';
import { openDatabase } from '../../server/src/db/open';
import { writeRecords } from '../../server/src/sync/record-store';
import type { RecordWrite } from '../../server/src/sync/record-store';
import { setPasswordHash } from '../../server/src/users/user-store';
import { BENCH_PASSWORD } from '../data/records';
import type { BenchPeople } from '../data/records';
import type { SeedSpec } from '../data/sync-dataset';
import { onCleanup } from '../support/cleanup';
import { freePort } from '../../scripts/free-port';
import { startChild } from '../support/child-process';
import type { Child } from '../support/child-process';

export interface HqSeed {
  people: BenchPeople;
  enterprises: readonly Enterprise[];
  inspections: readonly Inspection[];
  findings: readonly Finding[];
}

/** Writes per transaction: bounded so that the seeder's memory stays small. */
const SEED_CHUNK = 5000;

/** Where the HQ server keeps its data: the embedded database in `dataDir`, or PostgreSQL. */
export interface HqStore {
  dataDir: string;
  databaseUrl?: string;
}

export async function seedHqDatabase(store: HqStore, seed: HqSeed): Promise<void> {
  const db = await openDatabase({ databaseUrl: store.databaseUrl, dataDir: store.dataDir });
  try {
    await migrate(db);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const writes: RecordWrite[] = [
      { entity: 'agency', data: seed.people.agency },
      { entity: 'user', data: seed.people.inspector },
      ...seed.enterprises.map((data) => ({ entity: 'enterprise' as const, data })),
      ...seed.inspections.map((data) => ({ entity: 'inspection' as const, data })),
    ];
    await db.transaction(async (tx) => {
      await writeRecords(tx, writes);
      await setPasswordHash(tx, seed.people.inspector.id, passwordHash, new Date());
    });
    for (let i = 0; i < seed.findings.length; i += SEED_CHUNK) {
      const chunk = seed.findings.slice(i, i + SEED_CHUNK);
      await db.transaction((tx) =>
        writeRecords(
          tx,
          chunk.map((data) => ({ entity: 'finding' as const, data })),
        ),
      );
    }
  } finally {
    await db.close();
  }
}

/** Seeds the store in a child process (the embedded database's memory leaves with it). */
export async function seedHqInChild(
  repoRoot: string,
  store: HqStore,
  spec: SeedSpec,
): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'bench/servers/seed-hq-main.ts'),
      JSON.stringify({ ...spec, ...store }),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  onCleanup('stop the HQ seeder', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding the HQ database failed (exit ${code})`);
}

export interface HqServer {
  url: string;
  child: Child;
}

export async function startHqServer(repoRoot: string, store: HqStore): Promise<HqServer> {
  buildServerIfStale(repoRoot);
  const port = await freePort();
  const child = await startChild(
    'HQ server',
    process.execPath,
    // Started the way `npm run server` starts it, with the same V8 flags; FI_BENCH_SERVER_PROFILE
    // names a folder for a CPU profile of the server (written when it stops).
    [
      ...(process.env.FI_BENCH_SERVER_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FI_BENCH_SERVER_PROFILE}`]
        : []),
      ...serverNodeArgs(join(repoRoot, SERVER_ENTRY)),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        FI_DATA_DIR: store.dataDir,
        FI_DEMO: '0',
        DATABASE_URL: store.databaseUrl ?? '',
        LOG_LEVEL: 'warn',
      },
      ready: /listening on/,
    },
  );
  return { url: `http://127.0.0.1:${port}`, child };
}
