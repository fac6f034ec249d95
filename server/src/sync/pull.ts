// Owns reading changes for a pull: the records after a version that the caller may see (of their
// towns, or of an inspection they take part in: pull-participants.ts), and the removals of
// records they no longer see, in version order, one bounded page at a time, each part of the
// query served by an index. A pull whose cursor was made for another
// epoch or scope starts over and says so (`reset`).
import type { User } from '../../../domain/schemas/user';
import { userSchema } from '../../../domain/schemas/user';
import type { Change, PullResponse } from '../../../domain/sync/protocol';
import type { Database, Queryable } from '../db/database';
import { decodeCursor, encodeCursor, scopeFingerprint } from './cursor';
import {
  inScope,
  outsideCte,
  participantRows,
  participates,
  takesPartOutside,
} from './pull-participants';

interface Row {
  epoch: string;
  head: number;
  entity: Change['entity'] | null;
  id: string | null;
  version: number | null;
  data: Record<string, unknown> | null;
  /** A scope exit: sent as a removal (data null). */
  is_exit: boolean | null;
  /** A scope exit into another of the caller's towns: they still see the record, so no removal. */
  hidden: boolean | null;
  /** The caller takes part in an inspection outside their towns (pull-participants.ts). */
  takes_part: boolean;
}

// Records with town IS NULL (agencies, users, templates) are visible to every signed-in user.
// For the caller's towns, one bounded index range scan on (town, version) per town, merged, and
// as many on scope_exits (old_town, version): the work is at most (2 × towns + 1) × limit rows
// however large the database grows. An exit into another of the caller's towns is read but
// hidden rather than filtered inside its scan, so that the scan stays bounded by the limit; the
// page may then hold fewer changes than the limit, and its cursor still moves past them. The
// inspections the caller takes part in outside their towns add their rows (pull-participants.ts),
// and so do the tasks they are sent on (task_assignees, by key: a few a year per officer; hidden
// when their towns send them anyway).
const scopedWith = `
  scope AS (SELECT DISTINCT value AS town FROM jsonb_array_elements_text($3::jsonb)),
  ${outsideCte}`;

const townRows = (hideExit: string) => `
  (SELECT entity, id, version, data, false AS is_exit, false AS hidden FROM records
     WHERE town IS NULL AND version > $1 ORDER BY version LIMIT $2)
  UNION ALL
  (SELECT r.entity, r.id, r.version, r.data, false, false
     FROM scope
     CROSS JOIN LATERAL (SELECT entity, id, version, data FROM records
       WHERE records.town = scope.town AND version > $1 ORDER BY version LIMIT $2) AS r)
  UNION ALL
  (SELECT x.entity, x.id, x.version, NULL::jsonb, true, ${hideExit}
     FROM scope
     CROSS JOIN LATERAL (SELECT entity, id, version, new_town FROM scope_exits
       WHERE scope_exits.old_town = scope.town AND version > $1 ORDER BY version LIMIT $2) AS x)
  UNION ALL
  (SELECT r.entity, r.id, r.version, r.data, false, ${inScope('r.town')}
     FROM task_assignees a
     CROSS JOIN LATERAL (SELECT entity, id, version, data, town FROM records
       WHERE entity = 'task' AND id = a.task_id AND version > $1 OFFSET 0) AS r
     WHERE a.user_id = $4::uuid)`;

/** The page of a caller who takes part in no inspection outside their towns. */
const townPage = townRows(inScope('x.new_town'));
/** The page of one who does. */
const scopedPage = `${townRows(`${inScope('x.new_town')} OR ${participates('x')}`)}
  UNION ALL ${participantRows}`;

// Admins see every record wherever it is, so they never get scope exits.
const everythingPage = `SELECT entity, id, version, data, false AS is_exit, false AS hidden
  FROM records WHERE version > $1 ORDER BY version LIMIT $2`;

// The state row and the page are read in one statement, hence one snapshot: every version up to
// `head` is committed and visible in it (writers hold the state row's lock until they commit).
// A move's exit has the version of the record's write in its new town; a record sorts before an
// exit of the same version, so a page that ends between them has already sent what the caller
// sees (the caller sees the record there exactly when its exit is hidden). Of two rows of one
// record at one version, the hidden one sorts last, for the same reason. `flag` rides along on
// the state row.
const pullSql = (page: string, ctes = '', flag = 'false') => `
  WITH ${ctes} state AS (SELECT epoch, version AS head, ${flag} AS takes_part FROM sync_state),
       page AS (SELECT * FROM (${page}) AS p ORDER BY version, is_exit, hidden LIMIT $2)
  SELECT state.epoch, state.head, state.takes_part, page.entity, page.id::text AS id,
    page.version, page.data, page.is_exit, page.hidden
  FROM state LEFT JOIN page ON true ORDER BY page.version, page.is_exit, page.hidden`;

/**
 * Without fresh statistics (the embedded database never runs autovacuum) the planner guesses a
 * few hundred rows per town and prefers a bitmap scan that reads every row of the town after
 * the cursor, then sorts: a first full pull became quadratic. Ordered index scans that stop at
 * the page's limit are what bounds the work, so the page query runs with bitmap and sequential
 * scans disabled for its transaction only. Disabling them inflates the plan's cost estimate (the
 * one-row sync_state is still read sequentially) far past PostgreSQL's JIT threshold, and
 * compiling the query took longer than running it, so JIT is off for the page query too.
 */
const ORDERED_INDEX_SCANS = [
  `SELECT set_config('enable_bitmapscan', 'off', true)`,
  `SELECT set_config('enable_seqscan', 'off', true)`,
  `SELECT set_config('jit', 'off', true)`,
];

function publicData(entity: Change['entity'], data: Record<string, unknown>) {
  // User records hold public fields only; parsing again guarantees nothing else can leak.
  return entity === 'user' ? (userSchema.parse(data) as Record<string, unknown>) : data;
}

async function readPage(tx: Queryable, caller: User, after: number, limit: number) {
  for (const statement of ORDERED_INDEX_SCANS) await tx.query(statement);
  // One row more than asked tells whether another page follows.
  if (caller.role === 'admin') return tx.query<Row>(pullSql(everythingPage), [after, limit + 1]);
  const params = [after, limit + 1, JSON.stringify([...new Set(caller.jurisdiction)]), caller.id];
  // Most callers take part in nothing outside their towns: their page is planned without those
  // parts, and says whether it could leave anything out (then the whole page is read again, in
  // a snapshot of its own).
  const rows = await tx.query<Row>(pullSql(townPage, scopedWith, takesPartOutside), params);
  if (!rows[0]?.takes_part) return rows;
  return tx.query<Row>(pullSql(scopedPage, scopedWith), params);
}

export async function pullChanges(
  db: Database,
  caller: User,
  cursor: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const [state] = await db.query<{ epoch: string }>('SELECT epoch FROM sync_state');
  if (!state) throw new Error('sync_state is missing: the database is not migrated');
  const scope = scopeFingerprint(caller);
  const { after, reset } = decodeCursor(cursor, state.epoch, scope);
  const rows = await db.transaction((tx) => readPage(tx, caller, after, limit));
  const first = rows[0];
  if (!first) throw new Error('sync_state is missing: the database is not migrated');
  const page = rows.filter(
    (r): r is Row & { entity: Change['entity']; id: string; version: number } => r.id !== null,
  );
  const hasMore = page.length > limit;
  if (hasMore) page.length = limit;
  const changes: Change[] = page
    .filter((r) => !r.hidden)
    .map((r) => ({
      entity: r.entity,
      id: r.id,
      version: r.version,
      data: r.is_exit ? null : r.data && publicData(r.entity, r.data),
    }));
  const last = page.at(-1)?.version ?? after;
  // On the last page the cursor moves to the head, past rows of other scopes, so the next pull
  // starts there; safe because every version up to head was visible in this snapshot.
  const next = hasMore ? last : Math.max(last, first.head);
  const response: PullResponse = {
    changes,
    cursor: encodeCursor(first.epoch, next, scope),
    hasMore,
  };
  if (reset) response.reset = true;
  return response;
}
