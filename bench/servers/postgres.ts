// The HQ database for FI_BENCH_DATABASE=postgres: a throwaway PostgreSQL cluster on loopback (as
// the integration tests start one), with an empty database for the server, removed when the
// benchmark ends.
import pg from 'pg';
import { startThrowawayCluster } from '../../test/support/postgres-cluster';
import { onCleanup } from '../support/cleanup';

/** The URL of a new, empty database on a cluster of its own. */
export async function throwawayPostgres(): Promise<string> {
  const cluster = await startThrowawayCluster();
  onCleanup('stop the PostgreSQL cluster', () => cluster.stop());
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE fi_bench');
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.url);
  url.pathname = '/fi_bench';
  return url.toString();
}
