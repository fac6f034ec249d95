// Pulling: fetch pages after the stored cursor until the server says there are no more. Each
// page is parsed completely before anything is written, then applied with its cursor in one
// transaction, so a bad page changes nothing and the next attempt resumes where this one stopped.
// The next page is already on its way while one is written.
import { entitySchemas } from '../../../domain/schemas/entities';
import { MAX_PULL_LIMIT } from '../../../domain/sync/protocol';
import type { Change } from '../../../domain/sync/protocol';
import type { FieldInspectorDb } from '../db/database';
import { getCursor } from '../db/repositories/meta';
import { applyPulledPage } from '../db/repositories/synced-records';
import type { PulledChange } from '../db/repositories/synced-records';
import type { ApiClient } from './api-client';
import { ProtocolError } from './errors';

export interface PullProgress {
  pages: number;
  applied: number;
  deleted: number;
}

export interface PullOptions {
  client: Pick<ApiClient, 'pull'>;
  db: FieldInspectorDb;
  limit?: number;
  onProgress?: (progress: PullProgress) => void;
}

function parseChange(change: Change): PulledChange {
  if (change.data === null) {
    return { entity: change.entity, id: change.id, version: change.version, record: null };
  }
  const parsed = entitySchemas[change.entity].safeParse(change.data);
  if (!parsed.success || parsed.data.id !== change.id) {
    throw new ProtocolError(`the server sent an invalid ${change.entity} (${change.id})`, {
      cause: parsed.error,
    });
  }
  // The union of the schemas' outputs matches the entity named beside it.
  return {
    entity: change.entity,
    id: change.id,
    version: change.version,
    record: parsed.data,
  } as PulledChange;
}

/**
 * Pages as large as the server allows: half the requests and Dexie transactions of its default,
 * and a page still parses and writes in a fraction of the time the next one takes to arrive.
 */
export const PULL_PAGE_LIMIT = MAX_PULL_LIMIT;

export async function pullAll({
  client,
  db,
  limit = PULL_PAGE_LIMIT,
  onProgress,
}: PullOptions): Promise<PullProgress> {
  const progress: PullProgress = { pages: 0, applied: 0, deleted: 0 };
  const fetchPage = (cursor: string | null) => client.pull({ cursor, limit });
  let cursor = await getCursor(db);
  let pending = fetchPage(cursor);
  for (;;) {
    const page = await pending;
    const changes = page.changes.map(parseChange);
    const advances = page.hasMore && page.cursor !== cursor;
    // The next page is fetched while this one is written; if writing fails, it is dropped.
    if (advances) {
      pending = fetchPage(page.cursor);
      pending.catch(() => undefined);
    }
    const counts = await applyPulledPage(db, changes, page.cursor);
    progress.pages++;
    progress.applied += counts.applied;
    progress.deleted += counts.deleted;
    onProgress?.({ ...progress });
    if (!page.hasMore) return progress;
    if (!advances) {
      throw new ProtocolError('the server says there is more but did not advance the cursor');
    }
    cursor = page.cursor;
  }
}
