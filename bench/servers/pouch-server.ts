// The anchor's server: pouchdb-server, in memory, on loopback, run in a temporary directory
// (it writes its config.json and log.txt into its working directory).
import { createRequire } from 'node:module';
import { freePort } from '../../scripts/free-port';
import { startChild } from '../support/child-process';
import type { Child } from '../support/child-process';
import { tempDir } from '../support/cleanup';

export interface PouchServer {
  url: string;
  child: Child;
}

export async function startPouchServer(): Promise<PouchServer> {
  const cwd = await tempDir('pouch-server');
  const port = await freePort();
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const child = await startChild(
    'pouchdb-server',
    process.execPath,
    [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-color'],
    { cwd, ready: /pouchdb-server has started|navigate to/i },
  );
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Loads documents through _bulk_docs (not timed), creating the database first. */
export async function loadDocs(
  serverUrl: string,
  dbName: string,
  docs: readonly object[],
  chunk = 2000,
): Promise<void> {
  const dbUrl = `${serverUrl}/${dbName}`;
  const created = await fetch(dbUrl, { method: 'PUT' });
  if (!created.ok && created.status !== 412) {
    throw new Error(`pouchdb-server: creating ${dbName} answered ${created.status}`);
  }
  for (let i = 0; i < docs.length; i += chunk) {
    const response = await fetch(`${dbUrl}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(i, i + chunk) }),
    });
    if (!response.ok) throw new Error(`pouchdb-server: _bulk_docs answered ${response.status}`);
  }
}

export async function docCount(serverUrl: string, dbName: string): Promise<number> {
  const response = await fetch(`${serverUrl}/${dbName}`);
  const info = (await response.json()) as { doc_count?: number };
  return info.doc_count ?? 0;
}
