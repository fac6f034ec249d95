// Pulling: fetch pages after the stored cursor until the server says there are no more. Each
// page is parsed completely before anything is written, then applied with its cursor in one
// transaction, so a bad page changes nothing and the next attempt resumes where this one stopped.
// The next page is already on its way while one is written.
//
// A pull that starts over (the server answers `reset` because the user's towns, role or the
// server's database changed, or the device forgot its cursor on purpose) is a full re-pull: once
// its last page is applied, the device holds exactly what the server sent plus its own unsent
// changes.
import { entitySchemas } from '../../../domain/schemas/entities';
import { MAX_PULL_LIMIT } from '../../../domain/sync/protocol';
import type { Change, PullResponse } from '../../../domain/sync/protocol';
import type { FieldInspectorDb } from '../db/database';
import { getCursor, getRepullState } from '../db/repositories/meta';
import { finishRepull, markRepulled, repullTables, startRepull } from '../db/repositories/repull';
import { applyPulledPage } from '../db/repositories/synced-records';
import type { PageCounts, PulledChange } from '../db/repositories/synced-records';
import type { ApiClient } from './api-client';
import { ProtocolError } from './errors';

export interface PullProgress {
  pages: number;
  applied: number;
  /** Records removed: by the server's removals, and at the end of a re-pull. */
  deleted: number;
}

export interface PullOptions {
  client: Pick<ApiClient, 'pull'>;
  db: FieldInspectorDb;
  limit?: number;
  onProgress?: (progress: PullProgress) => void;
  /** The changes the device still holds unsent, reported with each page. */
  unsent?: number;
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
 * Applies a page with its cursor and, during a re-pull, notes what it delivered; the last page of
 * a re-pull removes what was not delivered again. One transaction: an interrupted re-pull resumes
 * from its stored cursor with its marks, and removes nothing before its last page. A page asked
 * without a cursor starts the re-pull over when one is owed (resetCursor) or was under way.
 */
async function applyPage(
  db: FieldInspectorDb,
  changes: readonly PulledChange[],
  page: PullResponse,
  fromScratch: boolean,
): Promise<PageCounts> {
  return db.transaction('rw', repullTables(db), async () => {
    const state = await getRepullState(db);
    const startsOver = page.reset === true || (fromScratch && state !== null);
    if (startsOver) await startRepull(db);
    const counts = await applyPulledPage(db, changes, page.cursor);
    if (startsOver || state === 'running') {
      await markRepulled(db, changes);
      if (!page.hasMore) counts.deleted += await finishRepull(db);
    }
    return counts;
  });
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
  unsent,
}: PullOptions): Promise<PullProgress> {
  const progress: PullProgress = { pages: 0, applied: 0, deleted: 0 };
  const fetchPage = (cursor: string | null) =>
    client.pull({ cursor, limit, ...(unsent === undefined ? {} : { unsent }) });
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
    // `cursor` is still the one this page was asked with.
    const counts = await applyPage(db, changes, page, !cursor);
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
