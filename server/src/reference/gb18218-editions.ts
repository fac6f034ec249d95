// Owns the editions of the GB 18218-2018 reference table on the server (migration 18): which
// edition is in force (the one the server's own gradings use, and devices pull), the list of
// editions, and publishing the next one. Publishing holds the global write lock, refuses an
// edition edited from one that is no longer the latest, checks the whole table with
// gb18218TableSchema, stamps the changed rows with the publisher, the server's time and the
// reason, and writes the edition row, its synced record and its audit entry in one transaction.
// An edition is never updated or deleted.
import type { Gb18218Table } from '../../../domain/data/gb18218-table';
import { defaultGb18218Table, gb18218TableSchema } from '../../../domain/data/gb18218-table';
import { canonicalJson } from '../../../domain/rules/canonical-json';
import type { CanonicalValue } from '../../../domain/rules/canonical-json';
import { changedRows, nextEdition } from '../../../domain/rules/gb18218-editions';
import type {
  CurrentEdition,
  EditionSummary,
  Gb18218Edition,
  PublishEdition,
} from '../../../domain/schemas/gb18218-edition';
import type { User } from '../../../domain/schemas/user';
import { recordAdminAction } from '../admin/audit-log';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { appendHistory } from '../sync/history';
import { writeRecords } from '../sync/record-store';
import { tableIssues } from './table-issues';
import { newRecordEnvelope } from '../db/new-record';

interface EditionRow {
  revision: number;
  record_id: string;
  data: unknown;
  published_by: string;
  published_at: Date | string;
  reason: string;
  published_by_name: string | null;
}

// An edition never changes, so its checked table is kept by its record id (unique across
// databases too, which tests open side by side).
const checked = new Map<string, Gb18218Table>();

function tableOf(row: EditionRow): Gb18218Table {
  let table = checked.get(row.record_id);
  if (!table) {
    table = gb18218TableSchema.parse(row.data);
    checked.set(row.record_id, table);
  }
  return table;
}

const SHIPPED: EditionSummary = {
  revision: defaultGb18218Table.version.revision,
  versionId: defaultGb18218Table.version.id,
  label: defaultGb18218Table.version.label,
  publishedBy: null,
  publishedByName: null,
  publishedAt: null,
  reason: null,
};

function summaryOf(row: EditionRow, table: Gb18218Table): EditionSummary {
  return {
    revision: row.revision,
    versionId: table.version.id,
    label: table.version.label,
    publishedBy: row.published_by,
    publishedByName: row.published_by_name,
    publishedAt: new Date(row.published_at).toISOString(),
    reason: row.reason,
  };
}

const EDITION_COLUMNS = `e.revision, e.record_id::text AS record_id, e.published_by::text AS published_by,
  e.published_at, e.reason, u.data->>'displayName' AS published_by_name`;
const PUBLISHER = `LEFT JOIN records u ON u.entity = 'user' AND u.id = e.published_by`;

/** The edition in force: the latest published, or the shipped table when none is. */
export async function currentEdition(db: Queryable): Promise<CurrentEdition> {
  const [row] = await db.query<EditionRow>(
    `SELECT ${EDITION_COLUMNS}, e.data FROM gb18218_editions e ${PUBLISHER}
     ORDER BY e.revision DESC LIMIT 1`,
  );
  if (!row) return { edition: SHIPPED, table: defaultGb18218Table };
  const table = tableOf(row);
  return { edition: summaryOf(row, table), table };
}

/** The table every grading on the server uses: the edition in force. */
export async function currentGb18218Table(db: Queryable): Promise<Gb18218Table> {
  return (await currentEdition(db)).table;
}

/**
 * Every published edition's table, oldest first (the shipped one is not among them): an
 * inspection's kept grading may name any of them.
 */
export async function editionTables(db: Queryable): Promise<Gb18218Table[]> {
  const rows = await db.query<EditionRow>(
    `SELECT e.revision, e.record_id::text AS record_id, e.data FROM gb18218_editions e
     ORDER BY e.revision`,
  );
  return rows.map(tableOf);
}

/** Every edition, newest first, ending with the shipped one. */
export async function listEditions(db: Queryable): Promise<EditionSummary[]> {
  const rows = await db.query<EditionRow & { label: string; version_id: string }>(
    `SELECT ${EDITION_COLUMNS}, e.data->'version'->>'label' AS label,
       e.data->'version'->>'id' AS version_id
     FROM gb18218_editions e ${PUBLISHER} ORDER BY e.revision DESC`,
  );
  return [
    ...rows.map((row) => ({
      revision: row.revision,
      versionId: row.version_id,
      label: row.label,
      publishedBy: row.published_by,
      publishedByName: row.published_by_name,
      publishedAt: new Date(row.published_at).toISOString(),
      reason: row.reason,
    })),
    SHIPPED,
  ];
}

function parseProposed(value: unknown): Gb18218Table {
  const parsed = gb18218TableSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = tableIssues(parsed.error, value);
  throw new ApiError(
    400,
    'invalid_table',
    `The table was not published: ${issues.map((i) => i.message).join('; ')}.`,
    issues,
  );
}

const sameContent = (a: Gb18218Table, b: Gb18218Table) =>
  canonicalJson({ ...a, version: null } as unknown as CanonicalValue) ===
  canonicalJson({ ...b, version: null } as unknown as CanonicalValue);

/** Publishes the next edition; refuses a stale base, a table that fails its checks or no change. */
export function publishEdition(
  db: Database,
  admin: User,
  input: PublishEdition,
  now: Date,
): Promise<EditionSummary> {
  return db.transaction(async (tx) => {
    // The global write lock: publishers (and every other writer) queue, so the base read here
    // is still the latest when the edition is written.
    await tx.query('SELECT version FROM sync_state FOR UPDATE');
    const base = await currentEdition(tx);
    const latest = base.table.version.revision;
    if (input.baseRevision !== latest) {
      throw new ApiError(
        409,
        'stale_edition',
        `The table was edited from edition ${String(input.baseRevision)}, but edition ${String(latest)} is the latest: load it and make the change again.`,
      );
    }
    const proposed = parseProposed(input.table);
    const at = now.toISOString();
    const table = gb18218TableSchema.parse(
      nextEdition(base.table, proposed, { by: admin.id, at, reason: input.reason }),
    );
    if (sameContent(table, base.table)) {
      throw new ApiError(400, 'edition_unchanged', 'The table is the same as the latest edition.');
    }
    const record: Gb18218Edition = {
      ...newRecordEnvelope(admin.id, at),
      revision: table.version.revision,
      table,
      publishedBy: admin.id,
      publishedAt: at,
      reason: input.reason,
    };
    const [written] = await writeRecords(tx, [{ entity: 'gb18218Edition', data: record }]);
    if (!written) throw new Error('writeRecords wrote nothing');
    await tx.query(
      `INSERT INTO gb18218_editions (revision, record_id, data, published_by, published_at, reason)
       VALUES ($1, $2::uuid, $3::jsonb, $4::uuid, $5::timestamptz, $6)`,
      [record.revision, record.id, JSON.stringify(table), admin.id, at, input.reason],
    );
    const changed = changedRows(base.table, proposed);
    await appendHistory(tx, [
      {
        entity: 'gb18218Edition',
        id: record.id,
        version: written.version,
        userId: admin.id,
        deviceId: null,
        mid: null,
        at,
        before: null,
        // Copied whole from the record just written, as for every record a change creates.
        after: null,
      },
    ]);
    await recordAdminAction(
      tx,
      {
        actorId: admin.id,
        action: 'table.publishEdition',
        targetKind: 'gb18218Table',
        targetId: table.version.id,
        before: { revision: latest },
        after: { revision: record.revision, reason: input.reason, changed },
      },
      now,
    );
    return {
      revision: record.revision,
      versionId: table.version.id,
      label: table.version.label,
      publishedBy: admin.id,
      publishedByName: admin.displayName,
      publishedAt: at,
      reason: input.reason,
    };
  });
}
