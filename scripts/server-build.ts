// Builds the HQ server (dist/server/main.js) when it is missing or older than its sources, for
// everything that starts it: npm start, the end-to-end suite and the benchmarks.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_ENTRY, SERVER_SOURCES } from '../server/src/node-flags';
import { isStale } from './build-freshness';

export function buildServerIfStale(root = '.'): void {
  const sources = SERVER_SOURCES.map((source) => join(root, source));
  if (!isStale(join(root, SERVER_ENTRY), sources)) return;
  console.log('Building the server (npm run build:server)…');
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error('Building the server failed (npm run build:server); see the error above.');
  }
}
