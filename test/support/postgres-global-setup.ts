// Vitest global setup for the integration tests: a throwaway PostgreSQL cluster (see
// postgres-cluster.ts), stopped and deleted afterwards. With FI_TEST_DATABASE_URL set (CI with its
// own server), that server is used instead. Missing binaries fail the run.
import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.FI_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return () => undefined;
  }
  const cluster = await startThrowawayCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
