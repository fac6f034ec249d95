// A throwaway PostgreSQL cluster in a temporary directory on a free loopback port, for the
// integration tests and the benchmarks: initdb, pg_ctl start, and a stop that deletes it.
// Durability is off (fsync, synchronous commit, full-page writes): nothing here outlives the run.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port';

export interface ThrowawayCluster {
  /** A URL of the cluster's `postgres` database as its superuser. */
  url: string;
  stop(): void;
}

function findBinDir(): string {
  const onPath = (process.env.PATH ?? '')
    .split(':')
    .find((d) => d && existsSync(join(d, 'initdb')));
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) were not found, so the integration tests cannot ' +
      'run against PostgreSQL. Install them with `apt-get install postgresql` (or set ' +
      'FI_TEST_DATABASE_URL to a PostgreSQL server whose user may CREATE DATABASE).',
  );
}

/** Starts a new cluster; missing binaries or a failed start throw with the reason. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'fi-test-pg-'));
  const dataDir = join(dir, 'data');
  // initdb refuses to run as root: then the cluster belongs to the postgres OS user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  try {
    run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    run('pg_ctl', [
      'start',
      '-D',
      dataDir,
      '-w',
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${stderr || String(error)}`, {
      cause: error,
    });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
